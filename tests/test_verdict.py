"""The verdict's evidence, on cases found by the property tests."""

from __future__ import annotations

from interview_parser import parse
from interview_parser.stages import verdict

# The answer's opening: "young" begins at its 298th character, so a 300-character sample
# cut after "you".
_ANSWER = ("We ran the ferry from the north pier in the winter months. " * 5)[:295] + (
    "A young crew learned the crossing there in the calm."
)

_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ines Moro on the ferry</title></head>
<body><main><article>
<h1>Ines Moro on the ferry</h1>
<p>Ines Moro spoke to us about the ferry she has run across the bay for twenty years.</p>
<p><strong>PAGE:</strong> Why the ferry, why this bay?</p>
<p><strong>PAGE:</strong> Why the ferry?</p>
<p><strong>MORO:</strong> {_ANSWER}</p>
<p>We kept two boats. Storms closed the pier for weeks, and the town went without.</p>
</article></main></body></html>
"""


def test_a_word_cut_by_the_sample_is_read_whole() -> None:
    """ "young" cut at the sample's 300th character read as "you": an answer that never
    addresses the reader counted as one that does (found by the docs' property example)."""
    assert _ANSWER[297:302] == "young"
    assert "you" not in verdict._words(_ANSWER)
    assert "young" in verdict._words(_ANSWER)


def test_a_one_exchange_interview_with_a_draft_is_kept() -> None:
    t = parse(_PAGE)
    assert [e.question.text for e in t.exchanges] == ["Why the ferry?"]
    assert [d.text for d in t.exchanges[0].question.drafts] == ["Why the ferry, why this bay?"]


def test_an_unlabelled_russian_interview_reads_as_one() -> None:
    # Dialogue dashes, no labels: the verdict weighs who is addressed and who speaks as "I"
    # in the page's own language (Russian had no such words: the page was no interview).
    t = parse(
        "Интервью с директором библиотеки\n\n"
        "Директор библиотеки Анна Петрова рассказала о новом читальном зале.\n\n"
        "— Зачем вам новый читальный зал?\n\n"
        "— Старый слишком маленький. По субботам люди сидят у меня на подоконниках.\n\n"
        "— Сколько мест будет в новом зале?\n\n"
        "— Сто двадцать. Мы долго спорили об этом с архитектором.\n\n"
        "— Когда вы его откроете?\n\n"
        "— Мы надеемся открыть его в сентябре.\n"
    )
    assert len(t.exchanges) == 3
    assert t.interviewee is not None and t.interviewee.name == "Анна Петрова"


def test_a_german_explainer_is_no_interview() -> None:
    # "Was" opens German questions; a Polish "was" (you) among the person words made each
    # of them address someone (and "mit", "ja", Portuguese "os" spoke as "I" or "we").
    t = parse(
        "Müllabfuhr: Was sich ab Oktober ändert\n\n"
        "Die Stadt stellt die Leerung der Restmülltonnen ab Oktober um. Ein Überblick.\n\n"
        "**Was ändert sich genau?**\n\n"
        "Die grauen Tonnen werden nur noch alle zwei Wochen geleert, die anderen wie bisher.\n\n"
        "**Was sagt die Opposition?**\n\n"
        "Die Opposition hält die Umstellung für eine Kürzung und befürchtet mehr wilden Müll.\n\n"
        "**Was kostet das?**\n\n"
        "Nach Angaben der Verwaltung spart die Stadt mit der Umstellung rund 600.000 Euro im Jahr.\n"
    )
    assert t.exchanges == () and t.quality.is_interview < 0.5


def test_a_declared_faq_weighs_less_than_a_page_calling_itself_one() -> None:
    """SEO plugins offer an FAQ block (schema.org FAQPage) for any list of questions, so an
    interview that carries one stays an interview; a shop's page of questions does not
    (fixtures/negatives/shop-faq-structured-data)."""
    from pathlib import Path

    page = (Path(__file__).parent.parent / "fixtures/html-google-docs-paste/input.html").read_text()
    declared = page.replace(
        "</head>",
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage"}</script></head>',
    )
    assert len(parse(page).exchanges) == 3
    assert len(parse(declared).exchanges) == 3
