"""The registry of document layouts: each detects its documents and finds their regions and header facts.

`LAYOUTS` is tried in order; the first whose `detect` says yes reads the text. A layout returns one `Reading`
per question in the file (a Bulletin page holds many); document.py turns each into a ParsedQuestion the same
way for every layout (sub-questions, answer parts, tables, references, promises, warnings).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .dates import DATE, month_number, parse_dutch_date, tk_session_for
from .header import (
    CAPS_NAME,
    CAPS_WORD,
    TITLE_MAX_CHARS,
    find_printed_title,
    first_minister_block_in,
    last_minister_block_before,
    natural_case,
    read_answer_header,
    read_metadata,
    read_question_header,
    read_title,
)
from .labels import find_word_labels
from .spans import Regions, Span
from .text import squash


@dataclass
class Reading:
    """What a layout found in one question: its regions and the facts its header states."""

    layout: str
    regions: Regions = field(default_factory=Regions)
    number: int | None = None
    date: date | None = None
    session: str | None = None
    author: str | None = None
    minister: str | None = None
    minister_title: str | None = None
    title: str | None = None
    theme: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    answer_differs: list[tuple[str, object, object]] = field(default_factory=list)
    numbering_restarts: bool = True  # an answer may start where the sub-question numbering restarts (003)
    word_labels: bool = False  # "Vraag 1" / "Antwoord 1" label lines (Tweede Kamer)
    answers_in_items: bool = False  # each item is its question's first paragraph, then the answer
    numbered_list: bool = False  # items "1", "1 Text", "1. Text" numbered through (lists of questions)
    alternating: bool = False  # unlabelled: each question line (ending in "?") followed by its answer
    preamble_by_minister: bool = False  # the text before the first item is the minister's (an Inleiding)


@dataclass(frozen=True)
class Layout:
    name: str
    detect: Callable[[str], bool]
    read: Callable[[str], list[Reading]]


# ----------------------------------------------------------------- Flemish Parliament, one question a file


def read_flemish(text: str) -> list[Reading]:
    """SCHRIFTELIJKE VRAAG nr. 362 / van MAAIKE DE VREESE / datum: 15 juni 2022 / aan BART SOMERS ... (000).

    Also without question header (001, 002: only "ANTWOORD op vraag nr. 125 van 26 januari 2024 van MAAIKE
    DE VREESE"), without ANTWOORD line (003: the answer starts at "1-2."), with metadata lines (004) and
    flattened to one line (DOMAIN.md layout 5).
    """
    reading = Reading("flemish")
    regions = reading.regions
    metadata, position = read_metadata(text)
    if metadata:
        regions.metadata = Span(0, position)
    reading.links = {key: value for key, value in metadata.items() if key in ("pdf link", "thema link")}
    reading.theme = metadata.get("thema") or None

    header = read_question_header(text, position)
    answer_header = read_answer_header(text)
    if answer_header and header and answer_header.start < header.end:
        answer_header = None
    if header:
        regions.question_header = Span(position, header.end)
        reading.number, reading.date, reading.author = header.number, header.date, header.author
        reading.minister, reading.minister_title = header.minister, header.minister_title
        position = header.end

    question_end = len(text)
    answer_start: int | None = None
    if answer_header:
        regions.answer_header = Span(answer_header.start, answer_header.end)
        question_end, answer_start = answer_header.start, answer_header.end
        block = last_minister_block_before(text, answer_header.start)
        if block and block.start >= position:
            regions.minister_block = Span(block.start, block.end)
            question_end = block.start
            if reading.minister is None:
                reading.minister, reading.minister_title = block.name, block.title
        for name in ("number", "date", "author"):
            printed, current = getattr(answer_header, name), getattr(reading, name)
            if current is None:
                setattr(reading, name, printed)
            elif printed is not None and printed != current:
                reading.answer_differs.append((name, printed, current))

    has_header = header is not None or bool(metadata)
    title, title_end = read_title(text, position, needs_separator=not has_header)
    if metadata.get("title"):
        reading.title = metadata["title"]
        title_end = find_printed_title(text, metadata["title"], position) or position
    else:
        reading.title = title
    if reading.title:
        regions.title = Span(position, title_end)
    body_start = max(title_end, position)
    if answer_start is None:
        block = first_minister_block_in(text, body_start, len(text))
        if block:
            regions.minister_block = Span(block.start, block.end)
            question_end, answer_start = block.start, block.end
            if reading.minister is None:
                reading.minister, reading.minister_title = block.name, block.title
    if answer_start is None and not has_header and reading.title is None and answer_header is None:
        # A text that is only an answer (no header, no title): all of it is answer (and read for promises).
        regions.answer = Span(body_start, len(text))
        return [reading]
    regions.question = Span(body_start, max(question_end, body_start))
    if answer_start is not None:
        regions.answer = Span(answer_start, len(text))
    return [reading]


# ----------------------------------------------------------------- Bulletin van Vragen en Antwoorden

# "Vraag nr. 42 van 8 maart 2006 van JAN LOONES"
BULLETIN_QUESTION = re.compile(
    rf"(?m)^[ \t]*Vraag[ \t]+nr\.?[ \t]*(?P<number>\d{{1,5}})[ \t]+van[ \t]+(?P<date>{DATE})[ \t]+van[ \t]+"
    rf"(?:de[ \t]+heer[ \t]+|mevrouw[ \t]+)?(?P<author>{CAPS_NAME})"
)
BULLETIN_ANSWER = re.compile(r"(?m)^[ \t]*(?:Antwoord|ANTWOORD)[ \t]*$")


def read_bulletin(text: str) -> list[Reading]:
    """Many questions a file, each under the minister's block that precedes it (Bulletin, 2006):

    YVES LETERME MINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN ...
    Vraag nr. 42 van 8 maart 2006 van JAN LOONES
    Berekening mestquota - Oppervlakte kleine landschapselementen
    Veel landbouwers in de Westhoek hebben ...
    Antwoord
    ...
    """
    starts = list(BULLETIN_QUESTION.finditer(text))
    readings = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        reading = Reading("bulletin")
        reading.number = int(match.group("number"))
        reading.date = parse_dutch_date(match.group("date"))
        reading.author = natural_case(match.group("author"))
        reading.regions.question_header = Span(match.start(), match.end())
        block = _last_block(text, starts[index - 1].end() if index else 0, match.start())
        if block is None and readings:
            reading.minister, reading.minister_title = readings[-1].minister, readings[-1].minister_title
        elif block is not None:
            reading.minister, reading.minister_title = block
        # The next question's minister block is not part of this answer.
        next_block = _first_block_start(text, match.end(), end)
        end = next_block if next_block is not None else end
        title, title_end = read_title(text, match.end())
        reading.title = title
        reading.regions.title = Span(match.end(), title_end)
        answer = BULLETIN_ANSWER.search(text, title_end, end)
        if answer:
            reading.regions.question = Span(title_end, answer.start())
            reading.regions.answer_header = Span(answer.start(), answer.end())
            reading.regions.answer = Span(answer.end(), end)
        else:
            reading.regions.question = Span(title_end, end)
        readings.append(reading)
    return readings


# The minister's block of a Bulletin, on one line: "YVES LETERME MINISTER-PRESIDENT VAN DE VLAAMSE REGERING,
# VLAAMS MINISTER VAN ..." (with or without a comma after the name).
BULLETIN_MINISTER = re.compile(
    rf"(?m)^[ \t]*(?P<name>{CAPS_WORD}(?:[ \t]+{CAPS_WORD}){{0,3}}?),?[ \t]+"
    r"(?P<title>(?:VICE-?)?MINISTER(?:-PRESIDENT)?\b[^\n]*)$"
)


def _last_block(text: str, start: int, end: int) -> tuple[str, str] | None:
    last = None
    for match in BULLETIN_MINISTER.finditer(text, start, end):
        last = match
    if last is None:
        return None
    return natural_case(last.group("name")), squash(last.group("title")).rstrip(",")


def _first_block_start(text: str, start: int, end: int) -> int | None:
    match = re.compile(rf"(?m)^[ \t]*{CAPS_NAME},?[ \t]+(?:VICE-?)?MINISTER").search(text, start, end)
    return match.start() if match else None


# ----------------------------------------------------------------- Belgian Senate bulletin

# "Vraag nr. 3-256 van de heer Vandenhove d.d. 11 september 2003 (N.) :"
SENATE_QUESTION = re.compile(
    rf"Vraag[ \t]+nr\.?[ \t]*\d-(?P<number>\d{{1,5}})[ \t]+van[ \t]+(?:de[ \t]+heer|mevrouw)[ \t]+"
    rf"(?P<author>[A-Z][\w'’\- ]{{1,40}}?)[ \t]+d\.d\.[ \t]+(?P<date>{DATE})[^\n]*"
)


SENATE_SESSION = re.compile(r"ZITTING[ \t]*(?P<start>\d{4})[ \t]*-[ \t]*(?P<end>\d{4})")


def read_senate(text: str) -> list[Reading]:
    """Bulletin van Vragen en Antwoorden of the Senate (2003), questions under their minister:

    Vice-eerste minister en minister van Justitie
    Vraag nr. 3-256 van de heer Vandenhove d.d. 11 september 2003 (N.) :
    Milieuwetgeving. Overtredingen. Seponeren van processen-verbaal.
    Uit cijfers van de Vlaamse Milieu-inspectie blijkt dat ...
    """
    starts = list(SENATE_QUESTION.finditer(text))
    readings = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        reading = Reading("senate", number=int(match.group("number")), author=squash(match.group("author")))
        reading.date = parse_dutch_date(match.group("date"))
        printed = SENATE_SESSION.search(text, 0, match.start())
        if printed:
            reading.session = f"{printed.group('start')}-{printed.group('end')}"
        line_end = text.find("\n", match.end() + 1)
        line_end = end if line_end < 0 or line_end > end else line_end
        reading.title = squash(text[match.end() : line_end]) or None
        reading.regions.title = Span(match.end(), line_end)
        answer = BULLETIN_ANSWER.search(text, line_end, end)
        reading.regions.question = Span(line_end, answer.start() if answer else end)
        if answer:
            reading.regions.answer = Span(answer.end(), end)
        readings.append(reading)
    return readings


# ----------------------------------------------------------------- Tweede Kamer (Aanhangsel, Kamervragen)

# "Vragen van het lid Sneller (D66) aan de Minister ... over het onderzoek ... (ingezonden 12 april 2024)."
# A name with its particles: "Van Raak", "Van der Plas", "Inge van Dijk", "Carla Dik-Faber", "T.H.P. Baudet"
_PARTICLE = r"(?:van|de|der|den|het|ter|ten|in|'t)"
TK_NAME = (
    rf"(?:[A-Z]\.)*(?:[A-ZÀ-Þ][\w'’\-]+|{_PARTICLE})(?:[ \t]+(?:{_PARTICLE}|[A-ZÀ-Þ][\w'’\-]+)){{0,4}}?"
    r"(?=[ \t]*[(,]|[ \t]+(?:en|aan)\b)"
)
TK_QUESTIONS = re.compile(
    rf"(?:Vervolgv|V)ragen[ \t]+van[ \t]+(?:(?:het[ \t]+lid|de[ \t]+leden)[ \t]+)?(?P<author>{TK_NAME})"
    r"(?P<rest>[^\n]{0,1500})"
)
TK_SUBJECT = re.compile(r"\bover[ \t]+(?P<title>.+?)(?:[ \t]*\((?:ingezonden|ingediend)[^)]*\)|\.?[ \t]*$)")
TK_SENT = re.compile(rf"\((?:ingezonden|ingediend)[ \t]+(?P<date>{DATE})\)")
# "Antwoord op vragen van het lid Dassen over het bericht ‘...’" (the site's heading line)
TK_HEADING = re.compile(
    r"Antwoord[ \t]+op[ \t]+vragen[ \t]+van[ \t]+(?:het[ \t]+lid|de[ \t]+leden)[^\n]*?[ \t]over[ \t]+"
    r"(?P<title>[^\n]+?)(?=Antwoord[ \t]+op[ \t]+vragen|\n|$)"
)
# "Antwoord van Staatssecretaris Van Huffelen (Binnenlandse Zaken ...)", "... van minister-president Rutte"
TK_ANSWERED_BY = re.compile(
    r"(?:Antwoord|Mededeling)[ \t]+van[ \t]+(?:de[ \t]+)?"
    r"(?:[Mm]inister(?:-president)?|[Ss]taatssecretaris)[ \t]+"
    rf"(?:van[ \t]+[A-Z][^\s(]*[ \t]+)?(?P<name>{TK_NAME})[ \t]*\("
)


# "Gericht aan: C.J. Schouten, minister van Landbouw, ..." (pages built from the open data)
TK_ADDRESSED_TO = re.compile(
    r"Gericht[ \t]+aan:[ \t]*(?P<name>[^,\n]{2,60}),[ \t]*(?:minister|staatssecretaris)"
)
# "Indiendatum: 23 nov. 2022", "Indiendatum: feb. 2023" (a party's page)
TK_FILED = re.compile(
    r"Indiendatum:[ \t]*(?:(?P<day>\d{1,2})[ \t]+)?(?P<month>[a-z]{3,9})\.?[ \t]+(?P<year>\d{4})",
    re.IGNORECASE,
)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_tweede_kamer(text: str) -> list[Reading]:
    """A Tweede Kamer member's questions and the minister's answer, label lines "Vraag 1", "Antwoord 1":

        Vragen van het lid Van Raak (SP) aan de minister-president over het beleid ... (ingezonden 23 april).
    Antwoord van minister-president Rutte (Algemene Zaken) (ontvangen 25 april 2013).
    Vraag 1
    Deelt u de opvatting dat ...
    Antwoord 1
    Ja
    """
    match = TK_QUESTIONS.search(text)
    reading = Reading("tweede_kamer", numbering_restarts=False, word_labels=True)
    if match is None:
        return [reading]
    reading.author = squash(match.group("author"))
    rest = match.group("rest")
    after_addressee = rest.find(" aan ")
    subject = TK_SUBJECT.search(rest, max(after_addressee, 0))
    heading = TK_HEADING.search(text, 0, match.start() + 1) if match.start() else None
    if heading:
        reading.title = squash(heading.group("title")) or None
    elif subject:
        reading.title = squash(subject.group("title")) or None
    sent = TK_SENT.search(rest)
    if sent:
        reading.date = parse_dutch_date(sent.group("date"))
    answered_by = TK_ANSWERED_BY.search(text, match.end(), match.end() + 2000)
    if answered_by:
        reading.minister = squash(answered_by.group("name"))
    elif addressed := TK_ADDRESSED_TO.search(text):
        reading.minister = squash(addressed.group("name"))
    if reading.title is None:
        # "Het bericht «Verbreden snelwegen ...»" on top when the "Vragen van" line names no subject.
        first_line = text[: match.start()].strip().split("\n")[0].strip()
        reading.title = first_line if 0 < len(first_line) <= TITLE_MAX_CHARS else None
    filed = TK_FILED.search(text)
    if reading.date is None and filed:
        month = month_number(filed.group("month"))
        if month and filed.group("day"):
            reading.date = _safe_date(int(filed.group("year")), month, int(filed.group("day")))
        elif month:
            reading.session = tk_session_for(date(int(filed.group("year")), month, 1))
    body_start = text.find("\n", match.end())
    body_start = len(text) if body_start < 0 else body_start
    if answered_by:
        line_end = re.compile(r"\(ontvangen[^)]*\)[^\n]*").search(text, answered_by.end())
        body_start = max(body_start, line_end.end() if line_end else answered_by.end())
    labels = find_word_labels(text, Span(body_start, len(text)))
    reading.word_labels = bool(labels)  # else "1. Kan de minister ..." as in Flemish questions
    answers = [label for word, label in labels if word == "Antwoord"]
    # Questions and answers alternate: both regions run to the end, the label lines part them.
    reading.regions.question = Span(body_start, len(text))
    if answers:
        reading.regions.answer = Span(answers[0].span.start, len(text))
    return [reading]


# ----------------------------------------------------------------- a party's page quoting a question

# "Schriftelijke vraag Chris Janssens aan Weyts en Homans over de controle op ... (ingediend 22/1)"
PRESS_QUESTION = re.compile(
    rf"(?m)^[ \t]*Schriftelijke[ \t]+vraag[ \t]+(?:van[ \t]+)?(?P<author>{TK_NAME})"
    r"[ \t]+aan[ \t]+(?:minister[ \t]+)?(?P<minister>[A-Z][\w'’\-]+)[^\n]*?[ \t]over[ \t]+(?P<title>[^\n(]+?)"
    r"[ \t]*(?:\([^)\n]*\))?[ \t]*$"
)


def read_press(text: str) -> list[Reading]:
    """A member's page quoting the question it sent (Vlaams Belang, 2020):

    Schriftelijke vraag Chris Janssens aan Weyts en Homans over de controle op de naleving van de
    taalwetten in de faciliteitengemeenten (ingediend 22/1)
    """
    match = PRESS_QUESTION.search(text)
    reading = Reading("press", author=squash(match.group("author")), minister=match.group("minister"))
    reading.title = squash(match.group("title"))
    reading.regions.question = Span(match.end(), len(text))
    return [reading]


# ----------------------------------------------------------------- Vlaamse Raad (before 1995)

EXECUTIVE_MINISTER = re.compile(
    r"(?m)^[ \t]*(?P<name>(?:[A-Z]\.[ \t]*)+[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+){0,2})"
    r"[ \t]*\n"
    r"\s*(?P<title>(?:VOORZITTER|VICE-?VOORZITTER|GEMEENSCHAPSMINISTER|GEWESTMINISTER)[^\n]*"
    r"(?:\n\s*(?:GEMEENSCHAPSMINISTER|GEWESTMINISTER)[^\n]*)*)"
)
OLD_SESSION = re.compile(r"\bZITTING[ \t]+(?P<start>\d{4})[ \t]*-?[ \t]*(?P<end>\d{4})\b")


def read_vlaamse_raad(text: str) -> list[Reading]:
    """The Bulletin van Vragen en Antwoorden of the Vlaamse Raad (1986): a minister's block, then answers:

    ZITTING 19851986 Nr. 2
    G. GEENS
    VOORZITTER VAN DE VLAAMSE EXECUTIEVE
    GEMEENSCHAPSMINISTER VAN ECONOMIE EN WERKGELEGENHEID
    Vooreerst valt er te onderstrepen dat deze gewestwaarborg ...
    """
    reading = Reading("vlaamse_raad", numbering_restarts=False)
    session = OLD_SESSION.search(text)
    if session and int(session.group("end")) == int(session.group("start")) + 1:
        reading.session = f"{session.group('start')}-{session.group('end')}"
    block = EXECUTIVE_MINISTER.search(text)
    if block:
        reading.minister = natural_case(block.group("name"))
        reading.minister_title = squash(block.group("title"))
        reading.regions.minister_block = Span(block.start(), block.end())
        reading.regions.answer = Span(block.end(), len(text))
    return [reading]


# ----------------------------------------------------------------- lists of questions (Tweede Kamer)

LIST_HEADING = re.compile(r"\bLIJST\s+VAN\s+VRAGEN\b|\bLijst\s+van\s+vragen\b")
ISO_DATE = re.compile(r"\bdatum:\s*(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")
SESSION_LINE = re.compile(r"\b[Vv]ergaderjaar\s+(?P<start>\d{4})\s*[-–]\s*(?P<end>\d{4})\b")


def read_question_list(text: str) -> list[Reading]:
    """A committee's list of questions to the government, with or without the answers (Kamerstukken):

        Nr. 444 LIJST VAN VRAGEN EN ANTWOORDEN
        Vastgesteld 4 december 2018
        1. Waar zijn de cijfers met betrekking tot de aantallen auto's ...?
        In de 20e Halfjaarrapportage is aangegeven dat ...
    Items are "Vraag 1" / "Antwoord op vraag 1:" lines when printed, else numbers counting up from 1.
    """
    heading = LIST_HEADING.search(text)
    reading = Reading("question_list", numbering_restarts=False)
    reading.preamble_by_minister = re.search(r"(?m)^[ \t]*Inleiding[ \t]*$", text) is not None
    _iso_date(reading, text)
    session = SESSION_LINE.search(text)
    if session and int(session.group("end")) == int(session.group("start")) + 1:
        reading.session = f"{session.group('start')}-{session.group('end')}"
    body = Span(heading.end(), len(text))
    if find_word_labels(text, body):
        reading.word_labels = True
        reading.answers_in_items = not any(word == "Antwoord" for word, _ in find_word_labels(text, body))
        reading.regions.answer = body
    else:
        reading.numbered_list = True
    reading.regions.question = body
    return [reading]


def _iso_date(reading: Reading, text: str) -> None:
    """ "Nummer: 2022D15528, datum: 2022-04-15" on pages built from the parliament's data."""
    match = ISO_DATE.search(text)
    if match:
        try:
            reading.date = date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        except ValueError:
            pass


# ----------------------------------------------------------------- pages built from the open data

KAMERVRAAG_PAGE = re.compile(r"(?m)^[ \t]*Kamervraag[ \t]+\d{4}Z\d{5}[ \t]*$")
PAGE_FIELD = re.compile(
    r"(?m)^[ \t]*(?P<key>Ingediend|Indieners?|Beantwoord[ \t]+door)[ \t]+(?P<value>[^\n]+)$"
)


def read_kamervraag_page(text: str) -> list[Reading]:
    """A page of a question with its fields, the items "• Vraag 1" holding question and answer:

    Kamervraag 2019Z00070
    De chaos bij het Centraal Bureau Rijvaardigheidsbewijzen (CBR)
    Ingediend 7 januari 2019
    Indiener Roy van Aalst (PVV)
    Beantwoord door Cora van Nieuwenhuizen (minister infrastructuur en waterstaat) (VVD)
     • Vraag 1
      Bent u bekend met het nieuwsbericht van 4 januari jl. ...?
      Ja.
    """
    heading = KAMERVRAAG_PAGE.search(text)
    reading = Reading("kamervraag_page", numbering_restarts=False, word_labels=True, answers_in_items=True)
    title_start = heading.end()
    title_end = text.find("\n\n", title_start + 2)
    reading.title = squash(text[title_start : title_end if title_end > 0 else None]) or None
    for match in PAGE_FIELD.finditer(text):
        key, value = squash(match.group("key")), match.group("value")
        if key == "Ingediend":
            reading.date = parse_dutch_date(value)
        elif key.startswith("Indiener") and reading.author is None:
            reading.author = squash(value.split("(")[0].split(",")[0]) or None
        elif key == "Beantwoord door":
            reading.minister = squash(value.split("(")[0]) or None
    labels = find_word_labels(text, Span(title_start, len(text)))
    start = labels[0][1].span.start if labels else len(text)
    reading.regions.question = Span(start, len(text))
    return [reading]


PIPE_LINE = re.compile(r"^(?P<value>[^\n|]*?)[ \t]*\|[ \t]*$")


def read_pipe_page(text: str) -> list[Reading]:
    """A page whose fields are table cells ending in "|", questions and answers alternating below; a page
    may hold several questions, each starting with its cells:

        De wolf |
        |
        Wybren van Haga (BVNL) |
        |
        Piet Adema (minister landbouw, natuur en voedselkwaliteit) (CU) |
        Heeft u de bereidheid om de wolf vogelvrij te verklaren ...?
        Ik begrijp de zorgen van de burgers ...
    """
    starts = [
        match.start()
        for match in PIPE_BLOCK.finditer(text)
        if not text[: match.start()].rstrip(" \t\n").endswith("|")  # the first cell of a run of cells
    ] or [0]
    readings = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        reading = _pipe_block(text, start, end)
        readings.append(reading)
        # "Kunt u deze vragen voor 26 februari 2021 beantwoorden?" closes a set; after its answer the page
        # may go on with the next set, printed without its cells.
        closing = CLOSING_QUESTION.search(text, reading.regions.question.start, end)
        answer_end = text.find("\n", closing.end() + 1) if closing else -1
        if closing and 0 < answer_end < end and "?" in text[answer_end:end]:
            reading.regions.question = Span(reading.regions.question.start, answer_end)
            readings.append(Reading("pipe_page", numbering_restarts=False, alternating=True))
            readings[-1].regions.question = Span(answer_end + 1, end)
    return readings


def _pipe_block(text: str, start: int, end: int) -> Reading:
    cells: list[str] = []
    position = start
    for line in text[start:end].split("\n"):
        match = PIPE_LINE.match(line)
        if match is None:
            break
        position += len(line) + 1
        if match.group("value").strip() and not match.group("value").startswith("!["):
            cells.append(squash(match.group("value")))
    reading = Reading("pipe_page", numbering_restarts=False, alternating=True)
    if cells:
        reading.title = cells[0]
    if len(cells) > 1:
        reading.author = squash(cells[1].split("(")[0].split(",")[0]) or None
    if len(cells) > 2:
        reading.minister = squash(cells[2].split("(")[0]) or None
    reading.regions.question = Span(min(position, end), end)
    return reading


CLOSING_QUESTION = re.compile(r"(?m)^[^\n]*\bdeze\s+vragen\b[^\n]*\bbeantwoorden\b[^\n]*\?[^\n]*$")
PIPE_BLOCK = re.compile(r"(?m)^[^\n|]+\|[ \t]*\n\|[ \t]*$")


def _is_pipe_page(text: str) -> bool:
    head = text.lstrip().split("\n", 3)
    return len(head) > 2 and head[0].rstrip().endswith("|") and head[1].strip() == "|"


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "vlaamse_raad", lambda text: "VLAAMSE EXECUTIEVE" in text and "BULLETIN" in text, read_vlaamse_raad
    ),
    Layout("pipe_page", _is_pipe_page, read_pipe_page),
    Layout("kamervraag_page", lambda text: KAMERVRAAG_PAGE.search(text) is not None, read_kamervraag_page),
    Layout("bulletin", lambda text: BULLETIN_QUESTION.search(text) is not None, read_bulletin),
    Layout("senate", lambda text: SENATE_QUESTION.search(text) is not None, read_senate),
    Layout(
        "tweede_kamer",
        lambda text: TK_QUESTIONS.search(text) is not None and "SCHRIFTELIJKE VRAAG" not in text,
        read_tweede_kamer,
    ),
    Layout(
        "question_list",
        lambda text: LIST_HEADING.search(text) is not None and TK_QUESTIONS.search(text) is None,
        read_question_list,
    ),
    Layout(
        "press",
        lambda text: PRESS_QUESTION.search(text) is not None and "SCHRIFTELIJKE VRAAG" not in text,
        read_press,
    ),
    Layout("flemish", lambda text: True, read_flemish),
)


DUTCH_LAYOUTS = {"tweede_kamer", "kamervraag_page", "pipe_page", "question_list"}


def readings_of(text: str) -> list[Reading]:
    for layout in LAYOUTS:
        if layout.detect(text):
            readings = layout.read(text)
            if readings:
                for reading in readings:
                    # The Tweede Kamer's session year (vergaderjaar) starts on the third Tuesday of September.
                    if layout.name in DUTCH_LAYOUTS and reading.session is None and reading.date is not None:
                        reading.session = tk_session_for(reading.date)
                return readings
    return read_flemish(text)
