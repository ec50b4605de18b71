"""The question decode: labels, emphasis and "?" weighed together over the whole page."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from interview_parser import parse
from interview_parser.blocks import Block, Hints
from interview_parser.records import Span
from interview_parser.stages import questions
from interview_parser.stages.questions import _Entry, _viterbi, collapse


def _questions(text: str) -> list[str]:
    return [e.question.text for e in parse(text).exchanges]


def test_letter_labels_on_the_first_pair_then_bold_questions() -> None:
    page = (
        "# A night at the observatory\n\n"
        "The astronomer Lene Dahl has spent thirty winters on the mountain.\n\n"
        "**Q:** What keeps you up there?\n\n"
        "**A:** The dark. There is no sky like it within a thousand kilometres.\n\n"
        "**Do you ever get lonely?**\n\n"
        "Not really. The night assistants talk more than I do, and the foxes visit.\n\n"
        "**What did you see last night?**\n\n"
        "A comet that nobody has named yet. I sent the plates to Copenhagen this morning.\n"
    )
    assert _questions(page) == [
        "What keeps you up there?",
        "Do you ever get lonely?",
        "What did you see last night?",
    ]


def test_a_rhetorical_question_inside_a_labelled_answer_stays_there() -> None:
    page = (
        "JONES: How did the bakery start?\n\n"
        "REYES: With one oven and a loan from my aunt, twenty years ago this spring.\n\n"
        "Was it a good idea?\n\n"
        "Nobody thought so, least of all the bank. We paid the loan back in four years.\n\n"
        "JONES: And now?\n\n"
        "REYES: Now we have three shops and forty people on the payroll.\n"
    )
    t = parse(page)
    assert [e.question.text for e in t.exchanges] == ["How did the bakery start?", "And now?"]
    assert "Was it a good idea?" in t.exchanges[0].answer.text


def test_labels_on_the_first_pair_then_question_marks() -> None:
    page = (
        "Mara Lind has kept bees on the roof of the city library since 2009. She talked to the "
        "Gazette about swarms, honey and readers.\n\n"
        "Gazette: How many hives are up there now?\n\n"
        "Lind: Eleven, and two more waiting for swarms in May, if the weather holds for us.\n\n"
        "Do the readers ever notice them?\n\n"
        "Only when we sell the honey in the lobby. I put the jars out at nine and they are gone "
        "by ten.\n\n"
        "What would you tell a beginner?\n\n"
        "Find a mentor before you buy a single bee. I had one, and I still call her every spring.\n"
    )
    t = parse(page)
    assert [e.question.text for e in t.exchanges] == [
        "How many hives are up there now?",
        "Do the readers ever notice them?",
        "What would you tell a beginner?",
    ]
    assert t.interviewee is not None and t.interviewee.name == "Mara Lind"


def test_one_off_labels_without_an_intro_naming_the_answerer_are_no_convention() -> None:
    page = (
        "Opening hours changed this week.\n\n"
        "Library: Are the new hours confusing?\n\n"
        "Notice: The reading room closes at six from Monday, and on Sundays at four.\n"
    )
    assert all("Notice" not in (e.answer.speaker or "") for e in parse(page).exchanges)


_BLOCK = Block(index=0, para=0, text="x", span=Span(start_line=1, end_line=1), hints=Hints())


def _path_score(entries: list[_Entry], states: tuple[int, ...], bonus: float) -> float:
    """The state machine written out directly: I* then Q/A, fixed steps, the costs."""
    total = 0.0
    prev = 0
    for e, s in zip(entries, states, strict=True):
        if (e.fixed == "q" and s != 1) or (e.fixed == "a" and s != 2) or (e.fixed is not None and s == 0):
            return float("-inf")
        if prev != 0 and s == 0:
            return float("-inf")
        if s == 2 and prev == 0 and e.fixed != "a":
            return float("-inf")  # an answer needs a question, or a label of its own
        if s == 1:
            if e.fixed is None and not e.score:
                return float("-inf")
            total += e.score if e.fixed is None else 0.0
            total -= questions._REPEAT if prev == 1 else questions._SWITCH
        if s == 2 and prev == 1 and e.fixed == "a":
            total += bonus
        prev = s
    return total


_entries = st.lists(
    st.one_of(
        st.sampled_from(["q", "a"]).map(lambda side: _Entry([_BLOCK], side)),
        st.sampled_from([0.0, 0.5, 2.0, 3.0, 3.5]).map(lambda score: _Entry([_BLOCK], None, score)),
    ),
    max_size=7,
)


@given(_entries, st.sampled_from([0.0, questions._LABELLED_REPLY]))
def test_viterbi_finds_the_best_path(entries: list[_Entry], bonus: float) -> None:
    picked = _viterbi(entries, bonus)
    assert len(picked) == len(entries)
    every = list(itertools.product(range(3), repeat=len(entries)))
    best = max((_path_score(entries, s, bonus) for s in every), default=0.0)
    chosen = max(
        (_path_score(entries, s, bonus) for s in every if [x == 1 for x in s] == picked),
        default=0.0,
    )
    if best != float("-inf"):
        assert chosen == best
    for e, is_q in zip(entries, picked, strict=True):
        if e.fixed is not None:
            assert is_q == (e.fixed == "q")
        elif not e.score:
            assert not is_q


@given(_entries, st.sampled_from([0.0, questions._LABELLED_REPLY]))
def test_collapsing_runs_without_evidence_changes_no_decision(entries: list[_Entry], bonus: float) -> None:
    full = dict(zip(map(id, entries), _viterbi(entries, bonus), strict=True))
    steps = collapse(entries)
    short = dict(zip(map(id, steps), _viterbi(steps, bonus), strict=True))
    assert short == {key: full[key] for key in short}
    assert not any(full[id(e)] for e in entries if id(e) not in short)


_weak_entries = st.lists(
    st.one_of(
        st.sampled_from(["q", "a"]).map(lambda side: _Entry([_BLOCK], side)),
        st.sampled_from([0.0, questions._MARK_EXPLAINED]).map(lambda score: _Entry([_BLOCK], None, score)),
    ),
    max_size=9,
)


@given(_weak_entries)
def test_weak_units_never_ask(entries: list[_Entry]) -> None:
    """The decode's shortcut: without the reply bonus, units whose evidence is below the
    switch cost are never picked, so it may skip the decode (as ``decode`` does)."""
    assert questions._MARK_EXPLAINED < questions._SWITCH
    picked = _viterbi(entries, 0.0)
    assert not any(is_q for e, is_q in zip(entries, picked, strict=True) if e.fixed is None)


def test_a_bold_lead_that_does_not_ask_is_a_question_among_asking_ones() -> None:
    """ "**I went a couple of times.**<br>" then "Okay." in a real release interview whose
    every bold lead is the interviewer's: a lead that states was merged into the answer
    before it."""
    from interview_parser import parse

    t = parse(
        "An interview with Rosa Pinto about the release.\n\n"
        "**How long was the crossing?**<br>\nAbout forty minutes on a calm day.\n\n"
        "**That is a lot of homework.**<br>\nIt was! But it taught me to work anywhere.\n\n"
        "**What is the best new feature?**<br>\nThe retry queue, which waits and tries again.\n"
    )
    assert [e.question.text for e in t.exchanges] == [
        "How long was the crossing?",
        "That is a lot of homework.",
        "What is the best new feature?",
    ]


def test_a_request_after_the_intro_opens_the_bold_questions() -> None:
    """ "**Tell us how the map started.**" as the first question: a request has no question
    mark, and the first bold paragraph before any asking one used to be a standfirst."""
    page = (
        "Street trees: Rosa Ferreira's map\n\n"
        "{lead}"
        "Rosa Ferreira has mapped the city's street trees with volunteers for six years.\n\n"
        "**Tell us how the map started.**\n\nWith a spreadsheet and a tape measure, and my own street.\n\n"
        "**Which tree surprised you most?**\n\nA tulip tree behind the depot, a hundred years old.\n\n"
        "**How can people help?**\n\nWater the young trees on your street in a dry spell.\n"
    )
    t = parse(page.format(lead=""))
    assert [e.question.text for e in t.exchanges] == [
        "Tell us how the map started.",
        "Which tree surprised you most?",
        "How can people help?",
    ]
    # A bold standfirst under the headline, before any plain paragraph, is still no question.
    t = parse(page.format(lead="**Describe a city by its trees, and you describe its history.**\n\n"))
    assert [e.question.text for e in t.exchanges] == [
        "Tell us how the map started.",
        "Which tree surprised you most?",
        "How can people help?",
    ]


def test_a_request_reads_its_verb_before_a_joined_pronoun() -> None:
    from interview_parser.lexicon import is_prompt

    assert is_prompt("Racontez-nous votre premier jour.")
    assert is_prompt("**Conte-nos como tudo começou.**")
    assert not is_prompt("Talking points for the council meeting.")
