"""Parse options: one frozen record, passed explicitly, never read from the environment."""

from __future__ import annotations

from typing import Literal

import attrs

Format = Literal["auto", "text", "html"]

DEFAULT_MAX_BYTES = 32 * 1024 * 1024


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How to parse one document.

    ``format`` forces the front end (``auto`` sniffs HTML from text); ``max_bytes`` refuses
    inputs larger than that with ``InputTooLargeError`` (pathological pages should fail
    fast, not stall a batch); ``disabled_stages`` switches stages off by name;
    ``min_interview_score`` is the verdict's threshold: a page scoring below it is not an
    interview and gets no exchanges (0 keeps every candidate exchange).
    """

    format: Format = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    disabled_stages: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    max_html_depth: int = 256
    min_interview_score: float = 0.5

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form, for provenance metadata in exported files."""
        return {
            "format": self.format,
            "max_bytes": self.max_bytes,
            "disabled_stages": sorted(self.disabled_stages),
            "max_html_depth": self.max_html_depth,
            "min_interview_score": self.min_interview_score,
        }
