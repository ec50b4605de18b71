from __future__ import annotations

from interview_parser import Bucket, parse


def test_closing_note_and_footer_leave_the_last_answer() -> None:
    t = parse(
        "An intro about the coach and the team before the big final on Sunday.\n\n"
        "Q) Ready?\nA) Yes. We have trained for this all year and I trust my players.\n\n"
        "Kick-off at the stadium on Sunday is at 3pm.\n\nTags: football, final\n\n"
        "Related articles\nFinal preview: five things to watch\n"
    )
    assert t.exchanges[-1].answer.text == ("Yes. We have trained for this all year and I trust my players.")
    reasons = {s.text: s.reason for s in t.removed}
    assert reasons["Tags: football, final"] == "tags"


def test_unanswered_last_question_is_no_exchange() -> None:
    t = parse(
        "An intro about the minister and the interview on the morning programme.\n\n"
        "Q: First?\nA: Yes, first of all we need to talk about the budget.\n\nQ: Thank you.\n"
    )
    assert len(t.exchanges) == 1
    assert any(s.reason == "unanswered-question" and s.kind is Bucket.UNCLASSIFIED for s in t.removed)


def test_opening_statement_goes_to_intro() -> None:
    t = parse(
        "MODERATOR: Welcome. The governor will make a statement first.\n\n"
        "GOVERNOR: Thank you. Rates stay where they are today, and we will explain why.\n\n"
        "MODERATOR: First question, please.\n\n"
        "REPORTER: Will rates fall next year?\n\n"
        "GOVERNOR: It is too early to say, and we will not guess in public.\n"
    )
    assert [e.question.text for e in t.exchanges] == ["Will rates fall next year?"]
    assert any(s.reason == "opening-statement" for s in t.intro)


def test_only_questions_labelled() -> None:
    t = parse(
        "An intro about the baker and his rye bread, baked in Leeds for thirty years.\n\n"
        "Q. Why rye?\n\nBecause it keeps for a week, we think.\n\nIt is also cheaper.\n\n"
        "Q. You bake every night. Is it hard to bake?\n\nIs it hard to bake rye, compared with wheat?\n\n"
        "Harder than wheat. The dough is sticky.\n"
    )
    assert [(e.question.text, [d.text for d in e.question.drafts], e.answer.text) for e in t.exchanges] == [
        ("Why rye?", [], "Because it keeps for a week, we think.\n\nIt is also cheaper."),
        (
            "Is it hard to bake rye, compared with wheat?",
            ["You bake every night. Is it hard to bake?"],
            "Harder than wheat. The dough is sticky.",
        ),
    ]


def _festival(closing: str) -> str:
    return (
        "Kai Moreno spoke to Ruth Adeyemi about the festival.\n\n"
        "KAI: How did the festival start?\n\n"
        "RUTH: With four friends and a borrowed stage in a car park.\n\n"
        "KAI: And next year?\n\n"
        "RUTH: Two stages, and a children's day on the Sunday.\n\n" + closing + "\n"
    )


def test_the_interviewers_closing_thanks_leave_the_last_answer() -> None:
    """ "Thank you so much for your time and insights ..." after the last answer of a real
    spotlight interview, unlabelled: the interviewer's, not the answer's last paragraph."""
    t = parse(_festival("Thank you so much for your time and insights into the festival!"))
    assert t.exchanges[-1].answer.text == "Two stages, and a children's day on the Sunday."
    assert [s.reason for s in t.removed if s.text.startswith("Thank you so much")] == ["closing-note"]


def test_a_guests_own_thanks_stay_in_the_answer() -> None:
    t = parse(_festival("Thank you for asking me about it, I love talking about the festival!"))
    assert t.exchanges[-1].answer.text.endswith("I love talking about the festival!")


def test_a_section_heading_in_the_last_answer_ends_the_interview() -> None:
    """ "## Final thoughts" and the writer's closing paragraph after the last answer of a
    real spotlight joined that answer."""
    t = parse(
        "Priya Nair interviews Tomas Lindqvist about releases.\n\n"
        "**What does a release look like?**\n\nA calendar of steps, the same every time.\n\n"
        "**What would you suggest to newcomers?**\n\nKeep applying, and come to the meetings.\n\n"
        "## Final thoughts\n\nWell, this conversation ends here, but you can read the charter.\n"
    )
    assert t.exchanges[-1].answer.text == "Keep applying, and come to the meetings."


def test_a_guests_thanks_to_both_hosts_stay_in_the_answer() -> None:
    t = parse(_festival("Thank you both for having me, it was a pleasure to talk about it."))
    assert t.exchanges[-1].answer.text.endswith("it was a pleasure to talk about it.")
