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


_FLAGGED_PAGE = (
    '<html><body class="{body}"><main><div class="{wrapper}">'
    "<p><b>Why the harbour?</b></p><p>Because I grew up on the quay, and I know every boat by name.</p>"
    '<div class="{photo}"><img src="q.jpg"><span>The quay at dawn.</span></div>'
    "<p><b>And now?</b></p><p>Now I survey the channel twice a year, which I love.</p>"
    "</div></main></body></html>"
)


def test_media_text_is_one_class_name_about_a_picture() -> None:
    """A page's feature flags on <body> ("f_video_upload_on f_permalink_text_on") name no
    caption, and neither do paragraphs set beside a picture ("wp-block-media-text")."""
    for body, wrapper in (
        ("f_video_upload_on f_permalink_text_on", "entry"),
        ("single", "wp-block-media-text__content"),
    ):
        t = parse(_FLAGGED_PAGE.format(body=body, wrapper=wrapper, photo="photo-text"))
        assert [c.text for c in t.captions] == ["The quay at dawn."]
        assert [e.question.text for e in t.exchanges] == ["Why the harbour?", "And now?"]


def test_an_italic_answer_below_a_picture_stays_an_answer() -> None:
    """Below a picture, a short italic line is a caption, unless italics set the page's
    answers apart: then the line below the photo is one more answer."""
    answers = [
        "Because I grew up on the quay.",
        "The channel moves every winter.",
        "A new pier, if the council agrees.",
        "Nobody has asked me that in years.",
    ]
    page = (
        "<html><body><article><p>Ines Roth has run the harbour for a decade. We met on the quay.</p>"
        f"<p><b>Why the harbour?</b></p><p><i>{answers[0]}</i></p>"
        '<p><img src="quay.jpg" width="640" height="480"></p>'
        f"<p><b>What changed?</b></p><p><i>{answers[1]}</i></p>"
        '<p><b>And next?</b></p><p><img src="pier.jpg"></p>'
        f"<p><i>{answers[2]}</i></p><p><b>Would you leave?</b></p><p><i>{answers[3]}</i></p>"
        "</article></body></html>"
    )
    t = parse(page)
    assert [e.answer.text for e in t.exchanges] == answers
    assert t.captions == ()
