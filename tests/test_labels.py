"""Labels stage: which openings count as labels, and which side they give."""

from __future__ import annotations

import pytest

from interview_parser import parse
from interview_parser.blocks import Meta, State
from interview_parser.read.text import text_blocks
from interview_parser.stages.labels import display_name, run, speaker_key


def _sides(text: str) -> list[tuple[str | None, str]]:
    state = State(blocks=text_blocks(text, Meta()), format="text")
    run(state)
    return [(b.side, b.body) for b in state.blocks]


@pytest.mark.parametrize(
    ("q", "a"),
    [
        ("Q.", "A."),
        ("Q:", "A:"),
        ("Q)", "A)"),
        ("Q -", "A -"),
        ("Question:", "Answer:"),
        ("Frage:", "Antwort:"),
        ("Question :", "Réponse :"),
        ("Pregunta:", "Respuesta:"),
        ("P.", "R."),
        ("Domanda:", "Risposta:"),
        ("Pergunta:", "Resposta:"),
        ("Vraag:", "Antwoord:"),
        ("Вопрос:", "Ответ:"),
        ("Питання:", "Відповідь:"),
        ("Pytanie:", "Odpowiedź:"),
        ("Otázka:", "Odpověď:"),
        ("Fråga:", "Svar:"),
        ("Spørgsmål:", "Svar:"),
        ("Spørsmål:", "Svar:"),
        ("Kysymys:", "Vastaus:"),
        ("Soru:", "Cevap:"),
        ("س:", "ج:"),
        ("سؤال:", "جواب:"),
        ("ש:", "ת:"),
    ],
)
def test_label_pairs(q: str, a: str) -> None:
    text = f"{q} Why now?\n\n{a} Because it is time.\n\n{q} And then?\n\n{a} We will see."
    assert _sides(text) == [
        ("q", "Why now?"),
        ("a", "Because it is time."),
        ("q", "And then?"),
        ("a", "We will see."),
    ]


def test_label_without_space() -> None:
    assert _sides("Q.Why?\n\nA.Because.")[0] == ("q", "Why?")


def test_speaker_names_get_sides_from_questions_and_volume() -> None:
    text = (
        "OKAFOR: Why a boathouse?\n\nLINDQVIST: It was free, and the sound was good, and we had "
        "nowhere else to go that winter.\n\nOKAFOR: Did it work?\n\nLINDQVIST: Mostly, yes, "
        "although the choir had to wear coats for the whole session."
    )
    assert [s for s, _ in _sides(text)] == ["q", "a", "q", "a"]


def test_a_single_colon_phrase_is_not_a_label() -> None:
    text = "Here is the thing: nobody came.\n\nQ: Why?\n\nA: Rain."
    assert _sides(text)[0][0] is None


def test_caption_words_are_not_speakers() -> None:
    text = "Photo: A. Smith\n\nPhoto: B. Jones\n\nQ: Why?\n\nA: Rain."
    assert [s for s, _ in _sides(text)][:2] == [None, None]


def test_aliases_fall_together() -> None:
    assert speaker_key("JANE DOE") == speaker_key("Doe") == speaker_key("Ms Doe") == "DOE"
    assert display_name("MR. JOHN DOE") == "John Doe"


def test_language_from_label_words() -> None:
    t = parse("Intro.\n\nFrage: Warum?\n\nAntwort: Darum, weil es so ist.\n")
    assert t.language == "de"


def test_unlabelled_questions_by_question_mark() -> None:
    text = (
        "A short intro about the farmer and the farm.\n\nHow was the summer?\n\n"
        "Dry, very dry, the driest I remember since we came here in the eighties.\n\n"
        "Will you keep going?\n\nYes, because the soil is better every single year now."
    )
    t = parse(text)
    assert [e.question.text for e in t.exchanges] == ["How was the summer?", "Will you keep going?"]


def test_timestamps_go_to_the_turn_time() -> None:
    t = parse(
        "An edited transcript of our talk with the keeper of the elephant house.\n\n"
        "[00:01:12] HOST: How big is it?\n\n[00:01:20] REID: Four times the old one, we think.\n\n"
        "[12:03] HOST: And the herd?\n\n[12:09] REID: Happy. (Laughter)\n"
    )
    assert [(e.question.time, e.answer.time) for e in t.exchanges] == [
        ("00:01:12", "00:01:20"),
        ("12:03", "12:09"),
    ]
    assert t.exchanges[1].answer.text == "Happy. (Laughter)"


_BRIEFING = (
    "Press briefing on the harbour dredging, as delivered.\n\n"
    "MS. OKAFOR: Good morning. I will take questions.\n\n"
    "Q    Will the dredging finish by June?\n\n"
    "MS. OKAFOR: That is the plan.\n\n"
    "Q    And the cost? Is it still within the budget, or are you looking at —\n\n"
    "MS. OKAFOR: Within it.\n\n"
    "Q    — other sources of money?\n\n"
    "MS. OKAFOR: No.\n"
)


def test_a_bare_q_before_a_dash_keeps_the_dash_in_a_briefing() -> None:
    t = parse(_BRIEFING)
    assert [e.question.text for e in t.exchanges][-1] == "— other sources of money?"


def test_dash_labels_on_every_question_are_separators() -> None:
    t = parse(_BRIEFING.replace("Q    ", "Q — ").replace("Q — — other", "Q — Other"))
    assert [e.question.text for e in t.exchanges] == [
        "Will the dredging finish by June?",
        "And the cost? Is it still within the budget, or are you looking at —",
        "Other sources of money?",
    ]


def test_numbered_labels_keep_their_number_out_of_the_text() -> None:
    t = parse(
        "Intro about the potter and her kiln in the valley town.\n\n"
        "Q1: How old is the kiln?\n\nA1: Older than me.\n\n"
        "Question 2: Does it still work?\n\nAnswer: Every Thursday.\n"
    )
    assert [(e.question.text, e.question.label, e.answer.text) for e in t.exchanges] == [
        ("How old is the kiln?", "Q1", "Older than me."),
        ("Does it still work?", "Question 2", "Every Thursday."),
    ]


def test_numbered_speakers_of_an_automatic_transcript_are_labels() -> None:
    t = parse(
        "Transcript of our conversation with a beekeeper, recorded at the fair.\n\n"
        "Speaker 1: How many hives do you keep?\n\nSpeaker 2: Forty, on three sites.\n\n"
        "SPEAKER 1: Is it a good year?\n\nSPEAKER 2: The best in ten years.\n"
    )
    assert [(e.question.text, e.answer.text) for e in t.exchanges] == [
        ("How many hives do you keep?", "Forty, on three sites."),
        ("Is it a good year?", "The best in ten years."),
    ]


@pytest.mark.parametrize("stamp", ["(02:40)", "[02:40]", "02:40"])
def test_a_speaker_and_time_line_labels_the_words_below_even_once(stamp: str) -> None:
    # Transcription services print "Speaker 2: (02:40)" above each turn; a reporter numbered
    # once asks as much as the one numbered twice, and the time is no part of the words.
    t = parse(
        "Transcript of the mayor's briefing on the ferry strike.\n\n"
        f"Speaker 1: {stamp}\nWhen will the ferries run again?\n\n"
        f"Mayor Ida Holm: {stamp}\nOn Monday, if the talks hold.\n\n"
        f"Speaker 2: {stamp}\nWho pays for the extra buses?\n\n"
        f"Mayor Ida Holm: {stamp}\nThe city does, from the transport fund.\n\n"
        f"Speaker 1: {stamp}\nAnd the workers?\n\n"
        f"Mayor Ida Holm: {stamp}\nThey get their back pay.\n"
    )
    assert [(e.question.speaker, e.question.text, e.question.time, e.answer.text) for e in t.exchanges] == [
        ("Speaker 1", "When will the ferries run again?", "02:40", "On Monday, if the talks hold."),
        ("Speaker 2", "Who pays for the extra buses?", "02:40", "The city does, from the transport fund."),
        ("Speaker 1", "And the workers?", "02:40", "They get their back pay."),
    ]


def test_each_paragraph_keeps_the_time_printed_at_it() -> None:
    # A long answer stamped at each of its paragraphs: the later times were dropped.
    t = parse(
        "Transcript of the mayor's briefing on the ferry strike.\n\n"
        "Speaker 1: (02:10)\nWhen will the ferries run again?\n\n"
        "Mayor Ida Holm: (02:14)\nOn Monday, if the talks hold.\n\n"
        "Mayor Ida Holm: (02:31)\nThe buses stay on the route until then.\n\n"
        "Speaker 2: (02:40)\nWho pays for them?\n\nMayor Ida Holm: (02:44)\nThe city does.\n"
    )
    assert [(e.answer.time, e.answer.paragraph_times) for e in t.exchanges] == [
        ("02:14", ("02:14", "02:31")),
        ("02:44", ("02:44",)),
    ]
    assert [e.question.paragraph_times for e in t.exchanges] == [("02:10",), ("02:40",)]


@pytest.mark.parametrize(
    ("asker", "answerer"),
    [
        ("**Mara Lind** [00:00:05]:", "**Tomas Ek** [00:00:09]:"),
        ("**[00:00:05] Mara Lind:**", "**[00:00:09] Tomas Ek:**"),
    ],
)
def test_a_time_beside_a_bold_name_is_the_turn_s(asker: str, answerer: str) -> None:
    t = parse(
        "# Episode 12: The night ferry\n\nHost Mara Lind talks with ferry captain Tomas Ek.\n\n"
        f"{asker} How long have you run the night ferry?\n\n{answerer} Eleven years this spring.\n\n"
        f"{asker} What is different at night?\n\n{answerer} The quiet.\n"
    )
    assert [(e.question.speaker, e.question.text, e.answer.text, e.answer.time) for e in t.exchanges] == [
        ("Mara Lind", "How long have you run the night ferry?", "Eleven years this spring.", "00:00:09"),
        ("Mara Lind", "What is different at night?", "The quiet.", "00:00:09"),
    ]
    assert [(p.name, p.role.value) for p in t.participants] == [
        ("Tomas Ek", "interviewee"),
        ("Mara Lind", "interviewer"),
    ]


def test_capitalised_names_on_lines_of_their_own_label_the_words_below() -> None:
    text = (
        "Presenter Mara Lind spends a night shift with ferry captain Tomas Ek.\n\n"
        "MARA LIND\nHow long have you run the night ferry?\n\n"
        "TOMAS EK\nEleven years this spring.\n\n"
        "MARA LIND\nWhat is different at night?\n\nTOMAS EK\nThe quiet.\n"
    )
    t = parse(text)
    assert [(e.question.speaker, e.question.text, e.answer.speaker, e.answer.text) for e in t.exchanges] == [
        ("MARA LIND", "How long have you run the night ferry?", "TOMAS EK", "Eleven years this spring."),
        ("MARA LIND", "What is different at night?", "TOMAS EK", "The quiet."),
    ]
    assert [p.name for p in t.participants] == ["Tomas Ek", "Mara Lind"]  # "Presenter" is no name


def test_one_capitalised_heading_over_its_text_is_no_speaker() -> None:
    # Two different headings, each once: no names recur, so none labels a turn.
    sides = _sides("THE HARBOUR\nThe boats leave at six.\n\nTHE TOWN\nThe shops open at nine.\n")
    assert all(side is None for side, _ in sides)


def test_a_full_name_label_and_its_given_name_are_one_speaker() -> None:
    from interview_parser import parse

    t = parse(
        "A conversation with the potter Jane Doe about her kiln, recorded in her studio.\n\n"
        "Interviewer: When did you build the kiln?\n\n"
        "Jane Doe: In 2009, with bricks from an old bakery.\n\n"
        "Interviewer: Does it still work?\n\n"
        "Jane: Every week. It takes a day to cool down.\n"
    )
    assert [e.answer.speaker for e in t.exchanges] == ["Jane Doe", "Jane"]
    names = [p.name for p in t.participants if p.role.value == "interviewee"]
    assert names == ["Jane Doe"]


def test_a_panel_of_hosts_asks_the_guest_they_introduce() -> None:
    from interview_parser import parse

    t = parse(
        "**Ada Brook:** Welcome to the show. With me as always are Ben Hale and Cy Lund.\n\n"
        "**Ben Hale:** Hello, hello. Long week.\n\n"
        "**Cy Lund:** Hi everyone, good to be back.\n\n"
        "**Ada Brook:** And our special guest today is Dora Fenn, who maintains the Kestrel parser.\n\n"
        "**Dora Fenn:** Thanks for having me, it is good to be here with all of you.\n\n"
        "**Cy Lund:** So how did Kestrel start, and what made you keep going with it for so long?\n\n"
        "**Dora Fenn:** It started as a weekend hack. People kept filing issues, so I kept fixing them.\n\n"
        "**Ben Hale:** And the name, where does it come from, I always wondered about that one?\n\n"
        "**Dora Fenn:** A kestrel nests on the roof of my office. It watched me write the first version.\n"
    )
    assert {e.answer.speaker for e in t.exchanges} == {"Dora Fenn"}
    # The welcome and "Thanks for having me" are the show's greeting, not an exchange.
    assert [e.question.text[:22] for e in t.exchanges] == ["So how did Kestrel sta", "And the name, where do"]


_JOINT_PAGE = (
    "Lena Varga talked with Ana Sorensen and Ben Okafor about the build tools.\n\n"
    "**Lena (LV)**: How did you start?\n\n"
    "**Ana (AS)**: I wrote a small cache for the build farm, and people relied on it.\n\n"
    "**Ben (BO)**: I came from the documentation side, fixing release notes.\n\n"
    "**Lena (LV)**: What should newcomers do?\n\n"
    "**Ana (AS) and Ben (BO)**: Come to the weekly triage call, everyone is welcome.\n"
)


def test_two_speakers_answer_together() -> None:
    """ "**Han(HK) and Elana (EH)**:" on a real spotlight interview's last answer was no
    label: the last question and its answer were lost as an unanswered question."""
    t = parse(_JOINT_PAGE)
    assert [e.answer.speaker for e in t.exchanges] == ["Ana", "Ana and Ben"]
    assert t.exchanges[-1].answer.text == "Come to the weekly triage call, everyone is welcome."
    assert speaker_key("Ana and Ben") == "ANA & BEN"
    assert speaker_key("KOVAC & NUNES") == "KOVAC & NUNES"


def test_a_joint_name_is_no_given_name() -> None:
    """ "Ana and Ben" is no full name whose given name "Ana" labels Ana's own turns."""
    t = parse(_JOINT_PAGE)
    ana = [p for p in t.participants if p.name.startswith("Ana")]
    assert {p.name for p in ana} >= {"Ana Sorensen", "Ana and Ben"}


def test_a_kicker_with_an_ampersand_is_no_interview() -> None:
    t = parse(
        "Pro & Contra: Is the new phone worth the price?\n\n"
        "The phone costs more than last year's model, and reviewers disagree about it.\n"
    )
    assert t.exchanges == ()


def test_a_given_name_label_is_one_participant_with_the_full_name() -> None:
    """ "Jane:" after "Jane Doe:" joined her turns, but the participants listed "Jane Doe"
    twice, once as the interviewer (their keys were read again from the names)."""
    t = parse(
        "Tom Reyes spoke to Jane Doe about rivers.\n\n"
        "Tom Reyes: Why rivers?\n\n"
        "Jane Doe: Because I grew up beside one and never left it behind me.\n\n"
        "Tom: And now?\n\n"
        "Jane: Now I study them for a living, every day of the year.\n"
    )
    assert [(p.name, p.role.value, p.aliases) for p in t.participants] == [
        ("Jane Doe", "interviewee", ("Jane",)),
        ("Tom Reyes", "interviewer", ("Tom",)),
    ]


_INITIALS_PAGE = (
    "---\ntitle: Docs team\nauthor: Amira Patel\n---\n\n"
    "We talked with Kofi Nyarko about the docs.\n\n"
    "**Amira:** **How did you start?**\n\n"
    "**Kofi**: By fixing typos in the install guide three years ago.\n\n"
    "**AP: What do you look after?**\n\n"
    "**KN**: The guides and the reference pages, every one of them.\n\n"
    "**A: Is that a lot of work?**\n\n"
    "**KN**: About two hundred pages, ten moved every week.\n\n"
    "**A: And after that?**\n\n"
    "**KN**: The style guide, which every other team follows.\n\n"
    "**AP: Where should newcomers start?**\n\n"
    "**KN**: With one confusing page, made clearer.\n"
)


def test_initials_after_given_names_and_a_lone_initial() -> None:
    """A real spotlight: "Arvind:"/"Kensei:" on the first pair, "AP:"/"KN:" after (the
    author and the intro name them in full), and "A:", the interviewer's initial, read as
    the answer letter: the first exchange was lost and two questions joined an answer."""
    t = parse(_INITIALS_PAGE)
    assert [e.question.text for e in t.exchanges] == [
        "How did you start?",
        "What do you look after?",
        "Is that a lot of work?",
        "And after that?",
        "Where should newcomers start?",
    ]
    names = {p.name: p.role.value for p in t.participants}
    assert names["Kofi Nyarko"] == "interviewee" and names["Amira Patel"] == "interviewer"


def test_no_space_after_the_colon_before_japanese() -> None:
    """ "**Michael**:こんにちは" on a real Japanese spotlight: no label without a space."""
    t = parse(
        "**Kenji**: 自己紹介をしていただけますか？\n\n"
        "**Mina**:こんにちは、Minaです。三年前から参加しています。\n\n"
        "**Kenji**:何をすすめますか？\n\n"
        "**Mina**: まずはミーティングに参加することです。\n"
    )
    assert [e.answer.text for e in t.exchanges] == [
        "こんにちは、Minaです。三年前から参加しています。",
        "まずはミーティングに参加することです。",
    ]
    assert not _sides("Note:this is no label, only a note.\n")[0][0]


def _call_in_show() -> str:
    turns = ["A call-in show with Governor Mara Quist, who answers viewers' questions live."]
    topics = [
        "roads",
        "prices",
        "pensions",
        "schools",
        "housing",
        "buses",
        "clinics",
        "parks",
        "water",
        "taxes",
    ]
    for i, topic in enumerate(topics * 2):
        host = "Ivo Brandt" if i % 2 else "Lea Marsh"
        # The hosts read the viewers' messages: some end on a question, some do not.
        ask = (
            f"Our next message is about {topic}."
            if i % 3
            else f"Many viewers write about {topic}. What will change?"
        )
        turns += [
            f"{host}: {ask}",
            f"Mara Quist: On {topic}, we will publish a plan in May and fund it this year.",
        ]
    turns += ["Question: Will the plan be public?", "Mara Quist: Yes, every line of it, on the first day."]
    return "\n\n".join(turns) + "\n"


def test_a_few_label_words_among_named_turns_are_no_convention() -> None:
    """A real call-in show: three "Question:" lines among three hundred named turns made
    every named speaker an answerer, the hosts too, and their questions joined answers."""
    t = parse(_call_in_show())
    assert len(t.exchanges) == 21
    assert {e.question.speaker for e in t.exchanges} == {"Lea Marsh", "Ivo Brandt", None}


def _forum() -> str:
    turns = ["A forum of young engineers with Minister Rhea Tamm, who answered their questions."]
    people = ["Ola Nyberg", "Jan Ruud", "Mia Kask", "Per Lind", "Eva Saar"]
    for person in people:
        # Each participant introduces themselves, asks, and talks it over with the minister:
        # four long turns, only one of which ends on a question mark; her replies are short.
        turns += [
            f"{person}: Good afternoon. My name is {person}, and I build bridges in the north, where the"
            " winters are long and the roads are often closed for weeks at a time.",
            "Rhea Tamm: Good afternoon. Please go ahead.",
            f"{person}: Our region has no testing laboratory, so every sample travels six hundred"
            " kilometres and waits a month for an answer. Could the ministry fund one?",
            "Rhea Tamm: Yes, we are planning two new laboratories next year.",
            f"{person}: That would help a great deal. We would share it with the university and with"
            " the road builders, who have the same problem with their samples every season.",
            "Rhea Tamm: That is exactly the idea.",
            f"{person}: Thank you. I will tell my colleagues, they have been waiting for this news for"
            " a long time and they will be very glad to hear it from the minister herself.",
            "Rhea Tamm: Please do.",
        ]
    return "\n\n".join(turns) + "\n"


def test_a_forum_s_participants_ask_the_main_answerer() -> None:
    """A real youth forum: each participant's exchange with the leader ran over turns that
    seldom end on "?", so they read as answerers and their questions joined the answers."""
    t = parse(_forum())
    assert len(t.exchanges) == 20
    assert {e.answer.speaker for e in t.exchanges} == {"Rhea Tamm"}


def test_officials_handing_over_inside_a_briefing_answer_ask_nothing() -> None:
    """Q letters carry a briefing's questions: "Dr. Reyes, anything you'd add?" from one
    official to another stays inside the answer (the real briefings' gold keeps it there)."""
    t = parse(
        "MS. LUND: Good afternoon, everyone.\n\n"
        "Q When will the clinics reopen?\n\n"
        "MS. LUND: On Monday, all of them, with longer hours for the first week.\n\n"
        "MS. LUND: Dr. Reyes, anything you'd add?\n\n"
        "DR. REYES: Only that the staff have been tested, every one of them.\n\n"
        "Q And the schools?\n\n"
        "MS. LUND: The week after, once the buildings are cleaned.\n\n"
        "Q Thank you.\n\nMS. LUND: Thank you all.\n"
    )
    answers = [e.answer.text for e in t.exchanges]
    assert any("anything you'd add?" in a and "staff have been tested" in a for a in answers)
    assert not any(e.question.text.startswith("On Monday") for e in t.exchanges)


def test_a_bold_attribution_that_ends_in_a_verb_is_no_speaker() -> None:
    """ "<b>Makali wrote:</b>", "<b>Various people wrote:</b>" on a real blog quoting mail:
    read as the speakers "WROTE" and "SECTION" (the last word of each bold run)."""
    from interview_parser.blocks import Block, Hints, Span
    from interview_parser.stages.labels import _find

    def bold(text: str, label: str) -> Block:
        return Block(0, text, Span(start_line=1, end_line=1), 0, Hints(label=label, bold=True))

    assert _find(bold("Makali wrote: you should try vlc.", "Makali wrote:")) is None
    assert _find(bold("Various people wrote: try it.", "Various people wrote:")) is None
    hit = _find(
        bold("President of Russia Vladimir Putin: Good afternoon.", "President of Russia Vladimir Putin:")
    )
    assert hit is not None and hit.key == "PUTIN"


_HEARING = (
    "The committee met, pursuant to notice, at 10:02 a.m.\n\n"
    "Chairman HALE. The committee will come to order. Ms. Price, you may begin.\n\n"
    "Ms. PRICE. Thank you, Mr. Chairman. We cleared forty miles of channel this year.\n\n"
    "Chairman HALE. What will that cost?\n\n"
    "Ms. PRICE. About twelve million dollars, most of it for dredging the lower reaches.\n\n"
    "Mr. OWENS. Why is the cost going up?\n\n"
    "Ms. PRICE. Fuel and labour. The dredges burn more than they did, and we pay the crews more.\n"
)


def test_a_hearing_record_labels_turns_by_title_and_capitalised_surname() -> None:
    t = parse(_HEARING)
    assert [(e.question.speaker, e.question.text, e.answer.text) for e in t.exchanges][1:] == [
        (
            "Chairman HALE",
            "What will that cost?",
            "About twelve million dollars, most of it for dredging the lower reaches.",
        ),
        (
            "Mr. OWENS",
            "Why is the cost going up?",
            "Fuel and labour. The dredges burn more than they did, and we pay the crews more.",
        ),
    ]
    assert [(p.name, p.role.value) for p in t.participants] == [
        ("Price", "interviewee"),
        ("Chairman Hale", "interviewer"),
        ("Owens", "interviewer"),
    ]


def test_one_title_and_capitals_sentence_is_no_record() -> None:
    sides = _sides("Visit the museum.\n\nMr. SMITH. He founded it in 1901.\n\nIt opens at nine.\n")
    assert all(side is None for side, _ in sides)


def test_a_bold_name_on_a_line_of_its_own_labels_the_words_below() -> None:
    t = parse(
        "# Episode 12: The night ferry\n\nHost Mara Lind talks with ferry captain Tomas Ek.\n\n"
        "**Mara Lind**\nHow long have you run the night ferry?\n\n"
        "**Tomas Ek**\nEleven years this spring, and the day boats before that.\n\n"
        "**Mara Lind**\nWhat is different at night?\n\n"
        "**Tomas Ek**\nThe quiet. You hear the engine and the water and nothing else.\n"
    )
    assert [(e.question.speaker, e.answer.speaker, e.answer.text) for e in t.exchanges] == [
        ("Mara Lind", "Tomas Ek", "Eleven years this spring, and the day boats before that."),
        ("Mara Lind", "Tomas Ek", "The quiet. You hear the engine and the water and nothing else."),
    ]


def test_a_run_of_capitalised_lines_is_a_legend_not_speakers() -> None:
    # A chart's legend printed twice: "MONTHLY" over "RECESSIONS" names no one.
    text = "MONTHLY\nRECESSIONS\nThe yield fell.\n\nMONTHLY\nRECESSIONS\nIt rose again in May.\n"
    assert all(side is None for side, _ in _sides(text))


def test_a_double_dash_asks_and_a_name_before_a_space_answers_in_japanese() -> None:
    t = parse(
        "灯台守の佐藤健一さんに、夜の仕事について話を聞いた。\n\n"
        "――灯台守になって何年になりますか。\n\n佐藤\u3000今年で二十年です。\n\n"
        "――夜はどんな仕事をしているのですか。\n\n佐藤\u3000灯りの確認と、天気の記録です。\n"
    )
    assert [(e.question.text, e.answer.speaker, e.answer.text) for e in t.exchanges] == [
        ("灯台守になって何年になりますか。", "佐藤", "今年で二十年です。"),
        ("夜はどんな仕事をしているのですか。", "佐藤", "灯りの確認と、天気の記録です。"),
    ]
    assert t.interviewee is not None and t.interviewee.name == "佐藤健一"


def test_a_double_dash_in_english_prose_asks_nothing() -> None:
    assert all(side is None for side, _ in _sides("——and then it rained.\n\n——and then it stopped.\n"))
