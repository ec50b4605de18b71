"""Words the stages recognise, by language, in one place (not scattered in regexes).

Add a language here and the labels, captions and metadata stages pick it up.
"""

from __future__ import annotations

import re

# Label words that open an interviewer's turn, and an interviewee's, per language.
QUESTION_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "Q",
        "Question",
        "Interviewer",
        "Moderator",
        "Host",
        "Reporter",
        "Journalist",
        "Audience member",
        "Audience",
        "Audience question",
        "Remark",  # a journalist's interjection in translated transcripts
    ),
    "de": ("F", "Frage", "Interviewer"),
    "fr": ("Q", "Question", "Journaliste"),
    "es": ("P", "Pregunta", "Periodista"),
    "it": ("D", "Domanda"),
    "pt": ("P", "Pergunta", "Jornalista"),
    "nl": ("V", "Vraag"),
    "ja": ("インタビュアー", "聞き手", "質問"),
    "zh": ("记者", "提问", "主持人"),
    "ko": ("기자", "질문", "사회자"),
    "ru": ("Вопрос", "Корреспондент", "Журналист", "Ведущий"),
    "uk": ("Питання", "Кореспондент", "Журналіст", "Ведучий"),
    "pl": ("Pytanie", "Dziennikarz", "Dziennikarka"),
    "cs": ("Otázka",),
    "sv": ("Fråga",),
    "da": ("Spørgsmål",),
    "nb": ("Spørsmål",),
    "fi": ("Kysymys",),
    "tr": ("Soru",),
    "ar": ("س", "سؤال"),
    "he": ("ש", "שאלה"),
}
ANSWER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("A", "Answer"),
    "de": ("A", "Antwort"),
    "fr": ("R", "Réponse"),
    "es": ("R", "Respuesta"),
    "it": ("R", "Risposta"),
    "pt": ("R", "Resposta"),
    "nl": ("A", "Antwoord"),
    "ja": ("回答", "答え"),
    "zh": ("回答",),
    "ko": ("답변",),
    "ru": ("Ответ",),
    "uk": ("Відповідь",),
    "pl": ("Odpowiedź",),
    "cs": ("Odpověď",),
    "sv": ("Svar",),  # Danish and Norwegian too; the question word names the language
    "fi": ("Vastaus",),
    "tr": ("Cevap",),
    "ar": ("ج", "جواب"),
    "he": ("ת", "תשובה"),
}
# Question words that name no role ("Question:", not "Reporter:"): two in a row are one
# person asking twice.
GENERIC_QUESTION_WORDS = frozenset(
    """
    question frage pregunta domanda pergunta vraag вопрос питання pytanie otázka fråga
    spørgsmål spørsmål kysymys soru سؤال שאלה
    """.split()
)
# Label words that name a role rather than a person.
MODERATOR_WORDS = frozenset({"moderator", "host", "chair", "presenter"})
AUDIENCE_WORDS = frozenset({"audience member", "audience", "audience question"})

# Words that look like a speaker label ("Photo: ...") but never are.
NOT_SPEAKERS = frozenset(
    """
    photo photograph photos picture pictures image video audio credit credits source
    sources caption tags tag topics share follow published updated posted by date read
    more related note editor editors update correction disclaimer warning listen watch
    print email contact address phone tel fax subscribe newsletter comments comment
    location time when where what why how who which price tickets see also home search
    menu about words interview transcript etiquetas compartir publicado fuente foto
    note notes ps nb subject re fwd from to cc filed category categories section
    break intermission interlude music pause commercial jingle
    """.split()
)

# Speaker labels that say what someone is, not who: background calls' "SENIOR ADMINISTRATION
# OFFICIAL", "Foreign Ministry Spokesperson", a transcription service's "Speaker 2". The page
# states no name for them.
UNNAMED_SPEAKER = re.compile(
    r"^(?:(?:the|a|an|one|another)\s+)?(?:[\w.'’&-]+\s+){0,4}?"
    r"(?:officials?|spokes(?:person|man|woman)|representatives?|aides?|sources?)(?:\s+(?:#?\d+|[a-z]))?$"
    r"|^(?:unidentified|unknown|unnamed)\b.*$"
    r"|^(?:speaker|participant|voice|interpreter)(?:\s+#?\d+)?$",
    re.I,
)

# Caption cues: a line opening with one of these, or carrying one after a sentence.
CAPTION_PREFIXES = (
    "photo",
    "photograph",
    "photos",
    "picture",
    "image",
    "video",
    "credit",
    "foto",
    "fotografía",
    "bild",
    "illustration",
    "watch",
    "caption",
    "pictured",
    "above",
    "top",
    "main image",
)
CREDIT_WORDS = ("photo", "photograph", "picture", "image", "foto", "credit", "bild")
# Where a person stands in a picture: "Rosa Lind (left) and her sister in 1975."
CAPTION_POSITIONS = (
    "left",
    "right",
    "centre",
    "center",
    "pictured",
    "from left",
    "l-r",
    "second left",
    "second right",
    "second from left",
    "second from right",
    "links",
    "rechts",
    "mitte",
    "à gauche",
    "à droite",
    "au centre",
    "izquierda",
    "derecha",
    "centro",
)

# First- and second-person words: answers talk, notes about the piece do not.
PERSONAL_WORDS = frozenset(
    """
    i i'm i've i'd i'll me my mine myself we we're we've we'd we'll us our ours ourselves
    you you're you've your yours yourself
    yo me mi mis nosotros nos nuestro nuestra usted ich mich mein wir uns unser sie je
    moi mon ma mes nous notre vous votre io mio noi nostro eu meu nós nosso ik mijn wij
    ons onze
    thank thanks everyone everybody
    """.replace("’", "'").split()
)

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan enero janvier januar gennaio janeiro januari ene"
        " января январь січня stycznia styczeń ledna leden ocak",
        "february feb febrero février fevrier februar febbraio fevereiro februari"
        " февраля февраль лютого lutego luty února únor şubat",
        "march mar marzo mars märz maerz março maart марта март березня marca marzec března březen mart",
        "april apr abril avril aprile апреля апрель квітня kwietnia kwiecień dubna duben nisan",
        "may mayo mai maggio maio mei мая май травня maja maj května květen mayıs",
        "june jun junio juin juni giugno junho июня июнь червня czerwca czerwiec června červen haziran",
        "july jul julio juillet juli luglio julho июля июль липня lipca lipiec července červenec temmuz",
        "august aug agosto août aout augustus ago augusti августа август серпня sierpnia"
        " sierpień srpna srpen ağustos",
        "september sep sept septiembre septembre settembre setembro set сентября сентябрь"
        " вересня września wrzesień září eylül",
        "october oct octubre octobre oktober ottobre outubro okt октября октябрь жовтня"
        " października październik října říjen ekim",
        "november nov noviembre novembre novembro ноября ноябрь листопада listopada listopad listopadu kasım",
        "december dec diciembre décembre decembre dezember dicembre dezembro dic декабря"
        " декабрь грудня grudnia grudzień prosince prosinec aralık",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
del _number, _names, _name

# Language of a label convention, for Transcript.language.
LABEL_LANGUAGE: dict[str, str] = {
    word.lower(): lang
    for table in (QUESTION_WORDS, ANSWER_WORDS)
    for lang, words in table.items()
    for word in words
    if len(word) > 1 and lang != "en"
}

# Function words (English and the other lexicon languages), left out when comparing the
# content of two question versions.
STOPWORDS = frozenset(
    """
    the a an and or but of in on at to for with by from as is are was were be been being
    it its this that these those there here what which who whom whose when where why how
    do does did done have has had not no yes you your we our they their he she his her
    him them i me my can could would should will shall may might must if then than so
    about into over under also just very more most some any all one two
    el la los las de del y o que en un una por para con es se su lo al
    der die das und oder ein eine ist zu den dem mit von sie es
    le les et ou des du une est pour dans que qui pas
    il di che non per con una sono
    o os as um uma com não
    het een en van dat niet voor met
    и в во не что он на с со как а то все она так его но да к у же за бы по только
    і та що як це не на з до від
    w na z że to się nie jest do o jak co
    och att det som en på är av för med den har de inte om ett
    og at det som en på er af for med den har de ikke om et
    ve bir bu da de için ile ne çok
    """.split()
)

# Last words that make a capitalised run an organisation or a place, not a person.
# How a page title joins a headline and the site's name ("Headline | Site").
TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " · ", " :: ")

ORGANISATION_WORDS = frozenset(
    """
    fund bank institute university college school council club party ministry agency group
    ltd limited inc corp company association union network society foundation trust
    festival records press radio television tv news times post daily weekly review magazine
    rovers town united city county athletic fc republic kingdom states nations sea ocean
    river mountains balkans centre center office department committee commission board
    orchestra band trio quartet hospital church museum library airport station street road
    avenue lane square gazette herald journal tribune chronicle courier observer telegraph
    ledger bulletin quarterly monthly supplement podcast
    """.split()
)

# Who a question addresses and who an answer speaks as (the verdict stage): questions in
# an interview address someone; answers speak as "I" or "we".
SECOND_PERSON_WORDS = frozenset(
    """
    you you're you've you'd you'll your yours yourself yourselves
    usted ustedes tu tú te ti tus vosotros vuestro vuestra su sus
    du dich dir dein deine ihr euch euer sie ihnen ihre
    vous votre vos toi ton ta tes
    voi vostro vostra lei suo
    você vocês seu sua teu tua
    jij je jou jouw u uw jullie
    вы вас вам вами ваш ваша ваше ваши ты тебя тебе тобой твой твоя твоё твои
    ви ваш ваша ваше ваші ти тебе тобі тобою твій твоя твоє твої
    pani panu panią państwo państwa ciebie tobie twój twoja twoje wam wasz wasza
    vás vám vámi váš vaše tebe tobě tvůj tvoje
    ditt dina deg jer
    siz sizin sizi senin sana seni
    """.replace("’", "'").split()
)
FIRST_PERSON_WORDS = frozenset(
    """
    i i'm i've i'd i'll me my mine myself we we're we've we'd we'll us our ours ourselves
    yo me mi mis nosotros nosotras nos nuestro nuestra
    ich mich mir mein meine wir uns unser unsere
    je j moi mon ma mes nous notre nos
    io mio mia noi nostro nostra
    eu meu minha nós nosso nossa
    ik mij mijn wij we ons onze
    я меня мне мной мой моя моё мои мы нас нам нами наш наша наше наши
    мене мені мною мій моє ми наші
    mnie mną mój moja moje nami nasz nasza nasze
    já mě mně mnou můj naše
    jag mig mitt mina oss vår vårt våra jeg vores
    benim bana beni biz bizim bize bizi
    """.replace("’", "'").split()
)
# Words a question is asked with (question words, auxiliaries that open a question): a
# question without any of them, and addressing no one, is a headline ("Nerves?",
# "A Borrowed Habit?"), not something a person asks.
ASKING_WORDS = frozenset(
    """
    what what's why how how's who who's whom whose when where where's which is isn't are
    aren't was wasn't were weren't do does did don't doesn't didn't can can't could couldn't
    would wouldn't should shouldn't will won't shall have has had haven't hasn't may might
    must am tell describe explain
    was warum wie wer wann wo wohin woher welche welcher welches ist sind war waren haben
    hat hatten können kann könnten würden wird werden sollte sollten gibt erzählen
    que qu'est quoi pourquoi comment qui quand où quel quelle quels quelles est sont était
    avez pouvez peut faut
    qué por cómo quién cuándo dónde cuál cuánto es son fue tiene tienen puede hay
    che cosa perché come chi quando dove quale quanto è sono ha hanno può
    porquê porque quem onde qual é são tem pode
    wat waarom hoe wie wanneer waar welke zijn heeft hebben kan kunt
    что почему как кто когда где какой какая какое какие сколько зачем ли разве куда чей
    що чому хто коли де який яка яке які скільки навіщо чи
    co czy dlaczego kto kiedy gdzie jaki jaka jakie czemu
    proč kdo kdy kde jaký jaká jaké kolik
    vad varför hur vem när vilken vilket vilka hvad hvorfor hvordan hvem hvornår hvor hvilken
    neden niçin nasıl nerede hangi kaç mı mu mü
    """.replace("’", "'").split()
)
# First person singular: an interviewee says "I"; a guide's answers do not, and a reader's
# question ("How do I ...?") does without addressing anyone.
SINGULAR_WORDS = frozenset(
    """
    i i'm i've i'd i'll me my mine myself yo mí mi mis ich mich mir mein meine je j moi mon
    ma mes io mio mia eu meu minha ik mij mijn
    я меня мне мной мой моя моё мои мене мені мною мій моє mnie mną mój moja moje já mě
    mně mnou můj jag mig mitt mina jeg benim bana beni
    """.replace("’", "'").split()
)
# A page that calls itself a list of questions for readers (an FAQ), not a conversation.
FAQ_CUES = (
    "faq",
    "frequently asked",
    "common questions",
    "questions and answers",
    "your questions answered",
    "häufig gestellte",
    "häufige fragen",
    "fragen und antworten",
    "questions fréquentes",
    "foire aux questions",
    "questions-réponses",
    "preguntas frecuentes",
    "domande frequenti",
    "perguntas frequentes",
    "veelgestelde vragen",
    "часто задаваемые вопросы",
    "частые вопросы",
    "часті питання",
    "najczęściej zadawane pytania",
    "często zadawane pytania",
    "často kladené otázky",
    "vanliga frågor",
    "ofte stillede spørgsmål",
    "ofte stilte spørsmål",
    "usein kysytyt",
    "sıkça sorulan sorular",
)
# A page that calls itself an interview, in its title or opening (lower case, substrings).
INTERVIEW_CUES = (
    "interview",
    "q&a",
    "q & a",
    "q+a",
    "in conversation",
    "conversation with",
    "transcript",
    "news conference",
    "press conference",
    "press briefing",
    "briefing",
    "we spoke",
    "we talked",
    "spoke to",
    "spoke with",
    "talked to",
    "talked with",
    "talks to",
    "talks with",
    "talked about",
    "talks about",
    "spoke about",
    "told us",
    "tells us",
    "sat down with",
    "we met",
    "questions for",
    "questions to",
    "questions with",
    "fragen an",
    "questions à",
    "preguntas a",
    "domande a",
    "entretien",
    "entrevista",
    "intervista",
    "gespräch",
    "im gespräch",
    "vraaggesprek",
    "интервью",
    "беседа",
    "інтерв'ю",
    "інтерв’ю",
    "wywiad",
    "rozmowa",
    "rozhovor",
    "intervju",
    "haastattelu",
    "röportaj",
    "söyleşi",
    "حوار",
    "مقابلة",
    "ראיון",
    "インタビュー",
    "対談",
    "采访",
    "访谈",
    "인터뷰",
)


def _letter_class(test: str) -> str:
    """The Latin, Greek and Cyrillic letters of one case, as a regex class's ranges: the
    ``re`` module has no ``\\p{Lu}``, and "Ā-Ž" spans both cases of Latin Extended-A."""
    points = [
        p
        for lo, hi in ((0x41, 0x7A), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F))
        for p in range(lo, hi + 1)
        if getattr(chr(p), test)() and chr(p).isalpha()
    ]
    ranges: list[list[int]] = []
    for p in points:
        if ranges and p == ranges[-1][1] + 1:
            ranges[-1][1] = p
        else:
            ranges.append([p, p])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


# Capitals and small letters for name patterns ("Łukasz Wójcik", "Анна Петрова"), to go
# inside a regex class: "[" + CAPITALS + "]".
CAPITALS = _letter_class("isupper")
SMALL_LETTERS = _letter_class("islower")

# Question marks of the scripts we read: Latin, full-width (CJK), Arabic, Greek.
QUESTION_MARKS = ("?", "？", "؟")
# The letters whose lower case re.I does not follow: "İ" (two characters), dotless "ı" and
# long "ſ" (re.I folds them with i and s), and the old Cyrillic letter shapes U+1C80-U+1C88
# (folded with в, д, о, с, т, ъ, ѣ, ꙋ). Text free of them can be lowered and matched
# without re.I, at a fraction of the cost (tests/test_shortcuts.py checks every code point).
FOLD_ODD = "İıſ\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88"
# Closing quotes and brackets, and Markdown emphasis ("**Why now?**" asks).
_TRAILING = '"”’)」』 *_'


def ends_asking(text: str) -> bool:
    """Whether a line ends in a question mark (closing quotes and brackets aside)."""
    return text.rstrip(_TRAILING).endswith(QUESTION_MARKS)


# Verbs an interviewer's request opens with ("Tell us about ...", "Describe a day ...",
# "Erzählen Sie ...", "Racontez-nous ..."): a question without a question mark.
PROMPT_WORDS = frozenset(
    """
    tell describe explain introduce talk walk
    erzählen erzähl beschreiben beschreib erklären erklär
    racontez raconte décrivez décris expliquez explique parlez parle
    cuéntenos cuéntanos cuénteme cuéntame describa describe explíquenos háblenos
    raccontaci raccontami racconti descrivi descriva spiegaci parlaci
    conte fale descreva explique
    vertel beschrijf
    расскажите расскажи опишите объясните
    """.split()
)
_PROMPT_MAX_WORDS = 40


def is_prompt(text: str) -> bool:
    """Whether a line is a short request that opens with an asking verb ("Tell us about
    your first kiln."), not a question by its mark."""
    opening = text.lstrip("*_\"“„«‘'( ")
    # "Racontez-nous", "Conte-nos": the verb before its pronoun.
    first = opening.split(" ", 1)[0].rstrip(",:").split("-", 1)[0].lower()
    return first in PROMPT_WORDS and split_length(opening) <= _PROMPT_MAX_WORDS


def split_length(text: str) -> int:
    """``len(text.split())`` without building the list (a podcast turn is one long line):
    folded text has its words one space apart."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.count(" ") + 1 if text else 0
    return len(text.split())


def has_question_mark(text: str) -> bool:
    return "?" in text or "？" in text or "؟" in text  # QUESTION_MARKS, unrolled: hot
