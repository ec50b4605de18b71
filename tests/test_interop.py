"""Exports for dialogue research: chat messages, MediaSum records, a ConvoKit corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_parser import parse_file
from interview_parser.cli import main

from .helpers import FIXTURES

PANEL = FIXTURES / "conv-moderator-audience" / "input.txt"
PLAIN = FIXTURES / "text-q-dot-drafts" / "input.txt"
NEWS = next((FIXTURES / "negatives" / "news-quotes").glob("input.*"))


@pytest.fixture
def converted(tmp_path: Path) -> Path:
    out = tmp_path / "in.jsonl"
    assert main(["convert", str(PANEL), str(PLAIN), str(NEWS), "-o", str(out), "-q"]) == 0
    return out


def test_chat_messages_alternate_interviewer_and_interviewee(converted: Path, tmp_path: Path) -> None:
    out = tmp_path / "chat.jsonl"
    assert main(["export", str(converted), "--to", "chat", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2  # the news page has no exchanges: no conversation
    panel = parse_file(PANEL)
    messages = records[0]["messages"]
    assert len(messages) == 2 * len(panel.exchanges)
    assert [m["role"] for m in messages[:2]] == ["interviewer", "interviewee"]
    assert [m["content"] for m in messages[::2]] == [e.question.text for e in panel.exchanges]
    assert messages[1]["name"] == "Iris Kemp"  # the answer's label resolved to the participant


def test_mediasum_records_have_parallel_utterances_and_speakers(converted: Path, tmp_path: Path) -> None:
    out = tmp_path / "ms.jsonl"
    assert main(["export", str(converted), "--to", "mediasum", "-o", str(out)]) == 0
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert set(record) >= {"id", "program", "date", "url", "title", "summary", "utt", "speaker"}
        assert len(record["utt"]) == len(record["speaker"]) > 0 and all(record["speaker"])


def test_convokit_corpus_follows_its_documented_layout(converted: Path, tmp_path: Path) -> None:
    """ConvoKit's corpus folder: utterances.jsonl (id, speaker, conversation_id = the root
    utterance's id, reply_to, timestamp, text, meta), speakers.json, conversations.json,
    corpus.json and index.json naming every meta field's type."""
    corpus = tmp_path / "corpus"
    assert main(["export", str(converted), "--to", "convokit", "-o", str(corpus)]) == 0
    assert {p.name for p in corpus.iterdir()} == {
        "utterances.jsonl",
        "speakers.json",
        "conversations.json",
        "corpus.json",
        "index.json",
    }
    utterances = [
        json.loads(x) for x in (corpus / "utterances.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    ids = {u["id"] for u in utterances}
    speakers = json.loads((corpus / "speakers.json").read_text(encoding="utf-8"))
    conversations = json.loads((corpus / "conversations.json").read_text(encoding="utf-8"))
    index = json.loads((corpus / "index.json").read_text(encoding="utf-8"))
    for u in utterances:
        assert set(u) == {"id", "speaker", "conversation_id", "reply_to", "timestamp", "text", "meta"}
        assert (
            u["speaker"] in speakers and u["conversation_id"] in ids and u["conversation_id"] in conversations
        )
        assert u["reply_to"] is None or u["reply_to"] in ids
        assert set(u["meta"]) <= set(index["utterances-index"])
    roots = [u for u in utterances if u["reply_to"] is None]
    assert len(roots) == len(conversations) == 2 and all(u["id"] == u["conversation_id"] for u in roots)
    assert index["version"] == 1


def test_export_reads_a_published_dataset_too(tmp_path: Path) -> None:
    ds = tmp_path / "ds"
    assert main(["publish", str(PANEL), "--dataset", str(ds), "-q"]) == 0
    out = tmp_path / "chat.jsonl"
    assert main(["export", str(ds), "--to", "chat", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
