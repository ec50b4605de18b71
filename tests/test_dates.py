from __future__ import annotations

import datetime as dt

import pytest

from interview_parser.dates import find_date, parse_iso


@pytest.mark.parametrize(
    "text",
    [
        "Aug 10 2022",
        "10 August 2022",
        "2022-08-10",
        "August 10, 2022",
        "Wednesday, 10 August 2022",
        "Posted on 10th August 2022 by X",
        "10.08.2022",
        "10/08/2022",
        "10 de agosto de 2022",
        "Published 10 Aug 2022, 18:40 | Updated 11 Aug 2022",
        "2022/08/10",
        "Aug. 10, 2022",
        "10 августа 2022 года",
        "10 sierpnia 2022",
        "10. srpna 2022",
        "10 augusti 2022",
        "10 Ağustos 2022",
        "10 серпня 2022",
    ],
)
def test_common_forms(text: str) -> None:
    assert find_date(text) == dt.date(2022, 8, 10)


def test_no_date() -> None:
    assert find_date("Four years after their debut") is None


def test_iso_datetime() -> None:
    assert parse_iso("2023-11-17T09:30:00+00:00") == dt.date(2023, 11, 17)
