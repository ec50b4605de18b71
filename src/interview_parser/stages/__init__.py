"""The parsing stages, one module each, in the order ``pipeline.STAGES`` runs them: labels,
chrome, captions, turns, drafts, verdict, metadata. Each reads and marks the block stream;
none imports another stage's private names."""
