"""Publication dates in the forms pages print them, across the lexicon's languages."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import MONTHS

# Any letters: the lexicon says which are months ("марта", "września", "şubat").
_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|º|er)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = tuple(
    re.compile(p, re.I)
    for p in (
        r"\b(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})\b",
        rf"\b{_DAY}\.?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b",
        rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
        r"\b(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>(?:19|20)\d{2})\b",
        # 2024年5月20日 (Japanese, Chinese), 2024년 5월 20일 (Korean)
        r"(?P<year>(?:19|20)\d{2})\s*[年년]\s*(?P<mnum>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]",
    )
)


# Every pattern names a year.
_HAS_YEAR = re.compile(r"(?:19|20)\d{2}")


def find_date(text: str) -> dt.date | None:
    """The first date the text mentions, or None; day-first for numeric dates."""
    if not _HAS_YEAR.search(text):  # one scan, where the patterns would take four
        return None
    best: tuple[int, dt.date] | None = None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            found = _to_date(m)
            if found is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), found)
                break
    return best[1] if best else None


def _to_date(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    if groups.get("mnum"):
        month = int(groups["mnum"])
        day = int(groups["day"])
        if month > 12 and day <= 12:
            day, month = month, day
    else:
        month = MONTHS.get(groups["month"].lower().rstrip("."), 0)
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"]))
    except (ValueError, TypeError):
        return None


def parse_iso(value: str) -> dt.date | None:
    """A date from an ISO 8601 date or date-time string, else from free text."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return find_date(value)
