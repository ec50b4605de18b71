"""The flat exchanges table: one row per exchange, the document's columns repeated.

Speaker labels are resolved to participants here (``REID`` to "Jen Reid", the role
with it; an unlabelled question to the page's one interviewer, an unlabelled answer to
its one interviewee), and printed times become seconds, so an analyst needs no join.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..records import Participant, Role, Transcript, Turn

_TIME = re.compile(r"^\[?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})\]?$")


def seconds(time: str | None) -> float | None:
    """ "0:44" -> 44.0, "00:06:15" -> 375.0, "[14:56]" -> 896.0; None when not a time."""
    if not time:
        return None
    m = _TIME.match(time.strip())
    if m is None:
        return None
    hours, minutes, secs = int(m.group(1) or 0), int(m.group(2)), int(m.group(3))
    return float(hours * 3600 + minutes * 60 + secs)


class Cast:
    """Who a label names in one transcript."""

    def __init__(self, t: Transcript) -> None:
        self.by_label: dict[str, Participant] = {}
        for p in t.participants:
            for name in (p.name, *p.aliases):
                self.by_label.setdefault(name.strip().casefold(), p)
        self.only: dict[Role, Participant] = {}
        for role in (Role.INTERVIEWER, Role.INTERVIEWEE):
            holders = [p for p in t.participants if p.role is role]
            if len(holders) == 1:
                self.only[role] = holders[0]

    def who(self, label: str | None, side: Role) -> tuple[str | None, str]:
        """The resolved name and role behind ``label`` on a turn of ``side``."""
        if label:
            p = self.by_label.get(label.strip().casefold())
            if p is not None:
                return p.name, p.role.value
            return None, Role.UNKNOWN.value
        p = self.only.get(side)
        return (p.name if p is not None else None), side.value

    def paragraphs(self, turn: Turn, side: Role) -> list[str | None]:
        speakers = turn.paragraph_speakers or (turn.speaker,) * len(turn.paragraphs)
        return [self.who(label, side)[0] for label in speakers]


def exchange_values(t: Transcript) -> Iterator[tuple[Any, ...]]:
    """The rows of ``t``, as tuples in ``schema.EXCHANGES`` order."""
    if not t.exchanges:
        return
    interviewee = next((p.name for p in t.participants if p.role is Role.INTERVIEWEE), None)
    cast = Cast(t)
    doc = (
        t.schema_version,
        t.doc_id,
        t.source.uri,
        t.source.url,
        t.source.format,
        t.title,
        t.published,
        t.publisher,
        t.author,
        t.language,
        interviewee,
        t.quality.is_interview,
    )
    for e in t.exchanges:
        q, a = e.question, e.answer
        q_name, q_role = cast.who(q.speaker, Role.INTERVIEWER)
        a_name, a_role = cast.who(a.speaker, Role.INTERVIEWEE)
        yield (
            *doc,
            e.index,
            q.text,
            q.speaker,
            q_name,
            q_role,
            seconds(q.time),
            [d.text for d in q.drafts],
            a.text,
            a.speaker,
            a_name,
            a_role,
            seconds(a.time),
            cast.paragraphs(a, Role.INTERVIEWEE),
        )
