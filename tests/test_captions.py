from __future__ import annotations

from interview_parser import parse

BODY = (
    "An intro about the harbour master and her work on the quay this year.\n\n"
    "Q: Why?\n\nA: Because the channel moves every winter and the charts go stale quickly.\n\n"
    "{caption}\n\nWe survey twice a year now, which is more than before.\n\n"
    "Q: And then?\n\nA: Then we publish the new chart for everyone to use.\n"
)


def _captions(caption: str) -> tuple[list[str], str]:
    t = parse(BODY.format(caption=caption))
    return [c.text for c in t.captions], t.exchanges[0].answer.text


def test_photo_prefix() -> None:
    caps, answer = _captions("Photo: The quay at dawn. (Gazette/A. Ruiz)")
    assert caps == ["Photo: The quay at dawn. (Gazette/A. Ruiz)"]
    assert "quay at dawn" not in answer
    assert "We survey twice a year" in answer


def test_name_line_inside_an_answer() -> None:
    caps, answer = _captions("Harbour master Ines Roth")
    assert caps == ["Harbour master Ines Roth"]
    assert "Ines Roth" not in answer


def test_bare_credit_line() -> None:
    caps, _ = _captions("© Harbour Board/Media")
    assert caps == ["© Harbour Board/Media"]


def test_short_sentence_in_an_answer_is_not_a_caption() -> None:
    caps, answer = _captions("That is all.")
    assert caps == []
    assert "That is all." in answer


def test_a_credit_in_brackets_closing_a_sentence() -> None:
    for caption in (
        "The quay at dawn, before the boats go out. (Photo by Tom Hale)",
        "Der Kai am Morgen. (Foto: dpa)",
    ):
        caps, answer = _captions(caption)
        assert caps == [caption]
        assert caption not in answer
