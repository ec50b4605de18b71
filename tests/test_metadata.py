from __future__ import annotations

import datetime as dt

import pytest

from interview_parser import Role, parse
from interview_parser.stages.metadata import _date_line

PAGE = """Valley News
Home | Local | Sport | Interviews

Harbour master Ines Roth on a year of storms

By Tom Reed
March 3, 2021

Harbour master Ines Roth has kept the port open through eleven storms this winter.

Q: How bad was it?
A: The worst winter I have seen in twenty years on this quay.

Q: Will it happen again?
A: Yes, and we need to be ready for it next time.
"""


def test_title_date_and_interviewee() -> None:
    t = parse(PAGE)
    assert t.title == "Harbour master Ines Roth on a year of storms"
    assert t.published == dt.date(2021, 3, 3)
    assert t.interviewee is not None and t.interviewee.name == "Ines Roth"
    assert t.interviewee.role is Role.INTERVIEWEE


def test_title_from_breadcrumb_when_no_headline() -> None:
    t = parse(
        "HQ  /  News  /  2022  /  Minister reaffirms commitment to the harbour plan\n\n"
        "Aug 10 2022\n\nThe minister gave an interview this week about the plan.\n\n"
        "Q. Why?\n\nA. Because it matters to the whole town.\n"
    )
    assert t.title == "Minister reaffirms commitment to the harbour plan"


def test_a_headline_may_carry_a_date_but_a_date_line_is_no_headline() -> None:
    assert not _date_line("Interview with Ada Whitfield, weaver, recorded 3 April 1996")
    assert _date_line("Posted 3 July 2023 · Recorded live at the Harbour Stage on 24 June 2023")
    assert _date_line("From the Parish Newsletter, Spring 2024 (posted 18 March 2024)")
    assert _date_line("Thursday 14th September 2023")
    assert not _date_line("A lighthouse keeper's last season")


def test_a_text_page_without_a_headline_has_no_title() -> None:
    """Lines among the prose, bold-labelled turns, link items and lead-ins ending in a
    colon are no headline: a page that shows none has a null title, not a random line."""
    t = parse(
        "**Noor Vale:** Right, it is just the two of us today, which is how I like it.\n\n"
        "**Ivo Tamm:** As it should be, honestly, and we have a lot of links to get through.\n\n"
        "**Noor Vale:** The first one is a long post about build caches and why they miss so often "
        "on machines that look identical from the outside.\n\n"
        "[A terminal that remembers everything](https://example.org/terminal)\n\n"
        "Here is the note its author left in the README:\n\n"
        "A surprisingly short note about shells\n"
    )
    assert t.title is None


def test_a_headline_above_the_prose_is_still_found() -> None:
    t = parse(
        "A surprisingly short note about shells\n\n"
        "Ivo Tamm has written shells for twenty years, and he talked to us about the one he "
        "uses every day and the three he abandoned along the way.\n\n"
        "Q: Which shell came first?\n\nA: A tiny one, for a calculator.\n"
    )
    assert t.title == "A surprisingly short note about shells"


def test_canonical_url_and_author_come_from_the_page_metadata() -> None:
    from interview_parser.export.parquet import exchange_rows

    page = (
        "<html><head><title>Ten questions for a beekeeper</title>"
        '<link rel="canonical" href="https://example.org/people/beekeeper-q-and-a">'
        '<meta property="og:url" content="https://example.org/people/beekeeper-q-and-a?utm=x">'
        '<meta property="article:author" content="https://example.org/authors/lou-park">'
        '<meta name="author" content="Lou Park">'
        "</head><body><article><h1>Ten questions for a beekeeper</h1>"
        "<p><b>Q: How many hives do you keep?</b></p><p>A: Eleven, on the library roof, since 2009.</p>"
        "<p><b>Q: Do they sting?</b></p><p>A: Rarely. I get stung perhaps twice a summer.</p>"
        "</article></body></html>"
    )
    t = parse(page)
    assert t.source.url == "https://example.org/people/beekeeper-q-and-a"
    assert t.author == "Lou Park"  # the name, not the profile link
    row = next(exchange_rows(t))
    assert (row["url"], row["author"]) == (t.source.url, "Lou Park")


def test_json_ld_and_front_matter_give_them_too() -> None:
    ld = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"url": "https://news.example/a/1", "author": {"@type": "Person", "name": "Ana Ruiz"}}</script>'
        "</head><body><p>Q: Why?</p><p>A: Because I said so, twice.</p></body></html>"
    )
    t = parse(ld)
    assert (t.source.url, t.author) == ("https://news.example/a/1", "Ana Ruiz")
    front = "---\ntitle: A chat\nauthor: Mina Oduya\nurl: https://radio.example/ep/41\n---\n"
    text = front + "\nQ: Why?\n\nA: Because.\n"
    t = parse(text)
    assert (t.source.url, t.author) == ("https://radio.example/ep/41", "Mina Oduya")


def test_language_is_detected_only_when_asked_and_the_page_does_not_say() -> None:
    pytest.importorskip("py3langid")
    from interview_parser import ParseOptions

    page = (
        "Frage: Wann haben Sie mit dem Bau der Brücke begonnen?\n\n"
        "Antwort: Im Winter, weil der Fluss dann niedrig ist und die Arbeiter Zeit haben.\n\n"
        "Frage: Und wie lange hat es gedauert?\n\n"
        "Antwort: Fast drei Jahre, mit einer langen Pause wegen des Hochwassers im Frühling.\n"
    )
    plain = "Q: When did you start?\n\nA: In the winter, when the river is low and the crews are free.\n"
    assert parse(plain).language is None  # off by default: nothing is guessed
    t = parse(plain * 2, options=ParseOptions(detect_language=True))
    assert t.language == "en" and any(d.code == "language-detected" for d in t.diagnostics)
    stated = parse(page, options=ParseOptions(detect_language=True))
    assert stated.language == "de" and not any(d.code == "language-detected" for d in stated.diagnostics)


def test_detection_without_its_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from interview_parser import language

    real = importlib.import_module

    def missing(name: str, *args: object) -> object:
        if name.startswith("py3langid"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real(name, *args)  # type: ignore[arg-type]

    language._identifier.cache_clear()
    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(ModuleNotFoundError, match=r"interview-parser\[language\]"):
        language.detect("A sentence long enough to be worth detecting, in plain English words.")
    language._identifier.cache_clear()


def test_a_markdown_link_around_the_interviewer_reads_as_its_words() -> None:
    """ "[Priya Nair](https://...) interviews Tomas Lindqvist": the link hid the verb that
    makes Priya Nair the asker, and she was named the interviewee."""
    from interview_parser import parse

    t = parse(
        "In this post, [Priya Nair](https://social.example/pnair) interviews Tomas Lindqvist,\n"
        "lead of the release team.\n\n"
        "**What does a release look like?**\n\nA calendar of steps, the same every time.\n\n"
        "**What would you suggest to newcomers?**\n\nKeep applying, and come to the meetings.\n"
    )
    assert t.interviewee is not None and t.interviewee.name == "Tomas Lindqvist"


_BRIEFING = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Remarks by President Vale, Vice President Okon, and Members of the Flood Task Force</title></head>
<body>
<nav class="site-nav"><ul><li><a href="/people/ada-vale/">President Ada M. Vale</a></li>
<li><a href="/people/ben-okon/">Vice President Ben Okon</a></li><li><a href="/news/">News</a></li></ul></nav>
<main><article>
<h1>Remarks by President Vale, Vice President Okon, and Members of the Flood Task Force</h1>
<p>THE PRESIDENT: Thank you. The water is falling in every county, and the shelters will stay open.</p>
<p>Q Madam President, when will the bridges reopen?</p>
<p>THE PRESIDENT: The first two next week. The vice president will say more.</p>
<p>THE VICE PRESIDENT: The engineers inspect every bridge before it opens, and the first reports are good.</p>
<p>Q And the schools?</p>
<p>THE VICE PRESIDENT: They reopen on Monday, all but three, which need repairs.</p>
<p>Q Madam President, will there be help for farmers?</p>
<p>THE PRESIDENT: Yes. The fund opens tomorrow, and every farm in the flooded counties can apply.</p>
</article></main></body></html>
"""


def test_offices_are_people_of_their_own_named_by_the_page() -> None:
    """A real briefing: "THE PRESIDENT" and "THE VICE PRESIDENT" fell under one key (the
    last word), and the president's name came out as "Vice President"."""
    from interview_parser import parse
    from interview_parser.stages.labels import speaker_key

    assert speaker_key("THE VICE PRESIDENT") != speaker_key("THE PRESIDENT")
    t = parse(_BRIEFING)
    assert t.interviewee is not None and t.interviewee.name == "Ada M. Vale"
    names = {p.name: p.aliases for p in t.participants}
    assert names["Ada M. Vale"] == ("THE PRESIDENT",)
    assert names["Ben Okon"] == ("THE VICE PRESIDENT",)


def test_a_headline_over_its_standfirst_is_no_wrapped_line() -> None:
    # No blank line between the headline, the date and the standfirst: the headline has
    # room left for the standfirst's first word, so it was not wrapped into it.
    t = parse(
        "Listen · Programmes · Podcasts · Sign in\nThe Harbour Hour: A Night on the Ferry\n"
        "Broadcast 14 November 2022\n"
        "Presenter Mara Lind spends a night shift with ferry captain Tomas Ek on the water.\n\n"
        "MARA LIND: How long have you run the night ferry?\n\nTOMAS EK: Eleven years this spring.\n"
    )
    assert t.title == "The Harbour Hour: A Night on the Ferry"


def test_hard_wrapped_lines_stay_wrapped_at_any_column() -> None:
    from interview_parser.stages.turns import is_wrapped

    prose = (
        "The harbour wall held overnight, and the crews are now clearing the north road so "
        "that the buses can run again by the evening, the council said in its statement."
    ).split()
    for column in (40, 60, 72, 79):
        lines, line = [], ""
        for word in prose:
            if line and len(line) + 1 + len(word) > column:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        assert is_wrapped(lines), column
    assert not is_wrapped(
        ["A short headline over it", "Presenter Mara Lind spends a night shift with the ferry captain."]
    )


def test_an_honorific_is_no_word_of_the_name_it_is_spelled_out_to() -> None:
    t = parse(
        "Press Briefing by Press Secretary Karine Jean-Pierre\n\n"
        "MS. JEAN-PIERRE: Good afternoon. I have one announcement before questions today.\n\n"
        "Q    Will the President travel to the coast this week?\n\n"
        "MS. JEAN-PIERRE: He will, on Thursday.\n\nQ    And the budget?\n\n"
        "MS. JEAN-PIERRE: Next week.\n"
    )
    assert [p.name for p in t.participants] == ["Karine Jean-Pierre"]


def test_a_form_of_address_and_a_particle_inside_a_word_are_no_part_of_a_name() -> None:
    # "Frau Überall, ...?" in a question, and "bewacht Jördis Überall den Leuchtturm": the
    # interviewee was "Frau Überall", then "Überall de" (the "de" of "den").
    t = parse(
        "Seit zwanzig Jahren bewacht Jördis Überall den Leuchtturm von Kampen. Ein Gespräch.\n\n"
        "ZEIT ONLINE: Frau Überall, wie wird man Leuchtturmwärterin?\n\n"
        "Jördis Überall: Durch Zufall. Ich habe eine Anzeige gelesen und mich beworben.\n\n"
        "ZEIT ONLINE: Was machen Sie nachts?\n\n"
        "Überall: Ich prüfe das Licht und schreibe das Wetter auf, die ganze Nacht.\n"
    )
    assert t.interviewee is not None and t.interviewee.name == "Jördis Überall"


_DATED_ARTICLE = (
    "<p>Mara Lind founded the festival in 2014. We met her before the opening night.</p>"
    "<p><b>Did you expect ten years?</b></p><p>Not at all. We had forty people the first summer.</p>"
    "<p><b>What changed?</b></p><p>The town did. People saw it as theirs, and I stayed on.</p>"
)


def _dated(head: str, before: str = "") -> str | None:
    page = (
        f"<html><head><title>Mara Lind at ten</title>{head}</head><body>"
        f'<article itemscope itemtype="https://schema.org/NewsArticle"><h1>Mara Lind at ten</h1>'
        f"{before}{_DATED_ARTICLE}</article></body></html>"
    )
    published = parse(page).published
    return published.isoformat() if published else None


def test_a_permalink_dates_a_page_that_prints_no_date() -> None:
    canonical = '<link rel="canonical" href="https://gazette.example/2023/05/17/mara-lind-at-ten/">'
    assert _dated(canonical) == "2023-05-17"
    # A month archive's address is no day; a date the header prints comes first.
    assert _dated(canonical.replace("/17/", "/")) is None
    assert _dated(canonical, '<p class="byline">By Jo Weiss, 18 May 2023</p>') == "2023-05-18"


def test_microdata_dates_the_article_not_a_video_beside_it() -> None:
    video = (
        '<div itemscope itemtype="https://schema.org/VideoObject">'
        '<meta itemprop="datePublished" content="2019-01-02"></div>'
    )
    assert _dated("", '<meta itemprop="datePublished" content="2023-05-17">') == "2023-05-17"
    assert _dated("", video) is None


def _titled(head: str, top: str) -> str | None:
    page = f"<html><head>{head}</head><body><article>{top}{_DATED_ARTICLE}</article></body></html>"
    return parse(page).title


def test_an_h1_logo_is_no_headline() -> None:
    """Older themes set the site's name in an <h1> on every page (staged: v8.dev's "V8"):
    the <title> prints it beside the headline."""
    head = "<title>Mara Lind at ten | The Gazette</title>"
    assert _titled(head, '<h1 class="logo">The Gazette</h1><h2>Mara Lind at ten</h2>') == "Mara Lind at ten"
    assert _titled(head, "<h1>Mara Lind: forty people</h1>") == "Mara Lind: forty people"


def test_twitter_title_names_a_page_without_open_graph() -> None:
    assert _titled('<meta name="twitter:title" content="Mara Lind at ten">', "") == "Mara Lind at ten"


_BACKGROUND_CALL = """Background Press Call on the Harbour Rail Link

Via Teleconference

MODERATOR:  Thanks, everyone, for joining. We will hear from Deputy Secretary Ruth Alder,
then take your questions for two senior administration officials, on background.

MS. ALDER:  Thank you. Today we are announcing the money for the harbour rail link, and I
want to thank the county for years of work on it.

MODERATOR:  Thanks, Deputy Secretary. First question goes to Jo Vance.

Q  When will construction start?

{answerer}:  Next spring, if the permits come through on time, and the first trains would run
in 2029.

Q  And who pays for overruns?

{answerer}:  The agreement splits them between the state and the county, half and half.
"""


def test_an_answerer_the_page_does_not_name_is_no_interviewee() -> None:
    """A background call's "SENIOR ADMINISTRATION OFFICIAL" answers, and a named official
    only opens the call: the page states no interviewee (two of the nine real yardstick
    transcripts, and 15 of 58 staged briefings, listed the anonymous label as one)."""
    t = parse(_BACKGROUND_CALL.format(answerer="SENIOR ADMINISTRATION OFFICIAL"))
    assert [e.answer.speaker for e in t.exchanges] == ["SENIOR ADMINISTRATION OFFICIAL"] * 2
    assert [p.name for p in t.participants if p.role is Role.INTERVIEWEE] == []
    t = parse(_BACKGROUND_CALL.format(answerer="MR. KOVAC"))
    assert [p.name for p in t.participants if p.role is Role.INTERVIEWEE][:1] == ["Kovac"]


def test_an_interviewee_known_by_a_capitals_label_is_spelled_as_a_name() -> None:
    """ "ACTING ADMINISTRATOR KOVAC:" on every answer and nowhere else (staged briefings):
    the participant reads as a name, as every other capitals label does."""
    page = (
        "Press Briefing by the Harbour Response Team\n\n"
        "ACTING ADMINISTRATOR KOVAC: Thank you all for joining us. We have new figures today.\n\n"
        "Q: When will the north pier reopen?\n\n"
        "ACTING ADMINISTRATOR KOVAC: In June, if the divers finish their survey this month.\n\n"
        "Q: And the cost?\n\n"
        "ACTING ADMINISTRATOR KOVAC: About four million, which the port authority will cover.\n"
    )
    assert [p.name for p in parse(page).participants] == ["Acting Administrator Kovac"]


def test_a_job_title_or_an_agency_is_no_given_name() -> None:
    """ "Harbour Protection Agency Administrator Nora Quist" is Nora Quist, and "ADMINISTRATOR
    QUIST:" names one word of her (staged briefings read "FEMA Administrator Deanne Criswell",
    "Implementation Coordinator Mitch Landrieu", "Protection Agency Michael Regan")."""
    page = (
        "Press Briefing by Harbour Protection Agency Administrator Nora Quist and National "
        "Safety Advisor Omar Reyes\n\n"
        "ADMINISTRATOR QUIST: Good afternoon. The north pier reopens in June.\n\n"
        "Q: Why so late?\n\n"
        "ADMINISTRATOR QUIST: The divers found more damage than we expected in March.\n\n"
        "Q: And the ferries, Omar?\n\n"
        "MR. REYES: They run to the south pier until then, every half hour as before.\n"
    )
    names = [p.name for p in parse(page).participants if p.role is Role.INTERVIEWEE]
    assert sorted(names) == ["Nora Quist", "Omar Reyes"]
