"""Transcripts in the layouts dialogue research reads: Hugging Face chat ``messages``,
MediaSum's ``utt``/``speaker`` records, and a ConvoKit corpus folder.

Each turn's speaker is resolved as in the flat table (``REID`` to the participant "Jen
Reid"; an unlabelled turn to the page's one interviewer or interviewee). Documents
without exchanges are left out: none of these formats has a use for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from ..records import Role, Transcript
from .atomic import atomic_output
from .flat import Cast

Interop = Literal["chat", "mediasum", "convokit"]
FORMATS: tuple[Interop, ...] = ("chat", "mediasum", "convokit")


def _turns(t: Transcript) -> list[tuple[str, str, str, str | None]]:
    """(speaker, role, text, time) for every turn, in order: question, answer, question..."""
    cast = Cast(t)
    out = []
    for e in t.exchanges:
        for turn, side in ((e.question, Role.INTERVIEWER), (e.answer, Role.INTERVIEWEE)):
            name, role = cast.who(turn.speaker, side)
            out.append((name or turn.speaker or role, role, turn.text, turn.time))
    return out


def chat_record(t: Transcript) -> dict[str, Any]:
    """One conversation as Hugging Face chat data: ``messages`` of role, content, name."""
    return {
        "doc_id": t.doc_id,
        "title": t.title,
        "messages": [
            {
                "role": "interviewer" if role in ("interviewer", "moderator", "audience") else "interviewee",
                "content": text,
                "name": speaker,
            }
            for speaker, role, text, _time in _turns(t)
        ],
    }


def mediasum_record(t: Transcript) -> dict[str, Any]:
    """One interview as a MediaSum record: parallel ``utt`` and ``speaker`` lists."""
    turns = _turns(t)
    return {
        "id": t.doc_id,
        "program": t.publisher,
        "date": t.published.isoformat() if t.published else None,
        "url": t.source.uri,
        "title": t.title,
        "summary": None,
        "utt": [text for _s, _r, text, _t in turns],
        "speaker": [speaker for speaker, _r, _t, _time in turns],
    }


def export(transcripts: Iterable[Transcript], out: str | Path, *, to: Interop) -> int:
    """Write ``transcripts`` in format ``to``; returns the conversations written.

    ``chat`` and ``mediasum`` write one JSON object per line to the file ``out``;
    ``convokit`` writes a corpus folder (``utterances.jsonl``, ``speakers.json``,
    ``conversations.json``, ``corpus.json``, ``index.json``) at ``out``."""
    if to == "convokit":
        return _convokit(transcripts, Path(out))
    record = chat_record if to == "chat" else mediasum_record
    count = 0
    with atomic_output(Path(out)) as fh:
        for t in transcripts:
            if t.exchanges:
                fh.write(json.dumps(record(t), ensure_ascii=False, sort_keys=False) + "\n")
                count += 1
    return count


def _convokit(transcripts: Iterable[Transcript], folder: Path) -> int:
    """ConvoKit's corpus layout: one utterance per turn, each answer replying to its question."""
    folder.mkdir(parents=True, exist_ok=True)
    speakers: dict[str, dict[str, Any]] = {}
    conversations: dict[str, dict[str, Any]] = {}
    count = 0
    with atomic_output(folder / "utterances.jsonl") as fh:
        for t in transcripts:
            if not t.exchanges:
                continue
            count += 1
            previous: str | None = None
            for n, (speaker, role, text, time) in enumerate(_turns(t)):
                uid = f"{t.doc_id}-{n}"
                speakers.setdefault(speaker, {"role": role})
                utterance = {
                    "id": uid,
                    "speaker": speaker,
                    "conversation_id": f"{t.doc_id}-0",  # the first utterance's id, as ConvoKit wants
                    "reply_to": previous,
                    "timestamp": None,
                    "text": text,
                    "meta": {"role": role, "time": time},
                }
                fh.write(json.dumps(utterance, ensure_ascii=False) + "\n")
                previous = uid
            conversations[f"{t.doc_id}-0"] = {
                "title": t.title,
                "published": t.published.isoformat() if t.published else None,
                "uri": t.source.uri,
            }
    _json(folder / "speakers.json", speakers)
    _json(folder / "conversations.json", conversations)
    _json(folder / "corpus.json", {"source": "interview_parser"})
    index = {
        "utterances-index": {"role": ["<class 'str'>"], "time": ["<class 'str'>"]},
        "speakers-index": {"role": ["<class 'str'>"]},
        "conversations-index": {
            "title": ["<class 'str'>"],
            "published": ["<class 'str'>"],
            "uri": ["<class 'str'>"],
        },
        "overall-index": {"source": ["<class 'str'>"]},
        "version": 1,
        "vectors": [],
    }
    _json(folder / "index.json", index)
    return count


def _json(path: Path, value: Any) -> None:
    with atomic_output(path) as fh:
        fh.write(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
