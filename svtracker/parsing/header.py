"""The header of a question document: metadata lines, question header, answer header, minister, title.

All patterns use \\s+ between words, so they read the header printed one item a line (000, 003, 004) as well
as the same header flattened to one line by PDF extraction (with or without the word "aan").
Every pattern that can run over the whole text starts at a word start and has bounded repetition, so a
search stays linear on huge or odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import DATE, parse_dutch_date
from .text import squash

# A word in capitals: "MAAIKE", "VICEMINISTER-PRESIDENT", "D’HAESE". Never the start of "De".
CAPS_WORD = r"(?<![\w’'\-])[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]*(?!\w)"
# A person's name in capitals: "MAAIKE DE VREESE", "KURT DE LOOR".
CAPS_NAME = rf"{CAPS_WORD}(?:[ \t\n]+{CAPS_WORD}){{0,5}}"

# Metadata lines on top of some exports (004):
#   title: Inburgeringstrajecten - Stand van zaken
#   thema: Integratie en Inburgering
#   pdf link: https://docs.vlaamsparlement.be/pfile?id=2038554
#   thema link: https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/1798949
METADATA_KEY = re.compile(r"(?P<key>title|thema\s+link|thema|pdf\s+link)[ \t]*:[ \t]*", re.IGNORECASE)
METADATA_NEXT_KEY = re.compile(r"\s(?:title|thema\s+link|thema|pdf\s+link)[ \t]*:|\sSCHRIFTELIJKE\s+VRAAG\b")
URL_KEYS = {"pdf link", "thema link"}

# "SCHRIFTELIJKE VRAAG\n\nnr. 362" (000) or "SCHRIFTELIJKE VRAAG nr. 147" (flattened)
HEADER_NUMBER = re.compile(r"SCHRIFTELIJKE\s+VRAAG\s+nr\.?\s*(?P<number>\d{1,5})\b")
# "van MAAIKE DE VREESE"
HEADER_AUTHOR = re.compile(rf"\s*van\s+(?P<author>{CAPS_NAME})")
# "datum: 15 juni 2022"
HEADER_DATE = re.compile(rf"\s*datum\s*:\s*(?P<date>{DATE})")
# "aan BART SOMERS" -- the "aan" goes missing in flattened text: "... 2024 GWENDOLYN RUTTEN VICEMINISTER-..."
HEADER_ADDRESSEE = re.compile(r"\s*(?:aan\s+)?")

# The first words of a minister's function title:
#   "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, ..."
MINISTER_TITLE_START = r"(?:VICE-?MINISTER-PRESIDENT|MINISTER-PRESIDENT|VLAAMS\s+MINISTER|MINISTER)(?!\w)"
# Name and function title in capitals, e.g. "BART SOMERS\nVICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, ..."
# (in the header after "aan", and again just before ANTWOORD).
MINISTER_BLOCK = re.compile(
    rf"(?P<name>{CAPS_WORD}(?:[ \t\n]+{CAPS_WORD}){{0,3}}?)\s+"
    rf"(?P<title>{MINISTER_TITLE_START}(?:[\s,]+[A-ZÀ-ÖØ-Þ0-9][A-ZÀ-ÖØ-Þ0-9'’.\-]*(?!\w))*,?)"
)

# "ANTWOORD \nop vraag nr. 362 van 15 juni 2022\nvan MAAIKE DE VREESE" (000, 001, 002, 004)
ANSWER_HEADER = re.compile(
    rf"\bANTWOORD\s+op\s+vraag\s+nr\.?\s*(?P<number>\d{{1,5}})\s+van\s+(?P<date>{DATE})\s+van\s+(?P<author>{CAPS_NAME})"
)
# A bare "ANTWOORD" line, when the "op vraag nr." line is missing.
ANSWER_WORD_LINE = re.compile(r"(?m)^[ \t]*ANTWOORD[ \t]*$")

TITLE_SEPARATOR = re.compile(r"\s[-–]\s")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
TITLE_MAX_CHARS = 250


@dataclass
class Header:
    number: int | None = None
    date: date | None = None
    author: str | None = None
    minister: str | None = None
    minister_title: str | None = None
    end: int = 0  # where the header (up to the minister's function title) ends


@dataclass
class AnswerHeader:
    number: int | None
    date: date | None
    author: str | None
    start: int
    end: int


@dataclass
class MinisterBlock:
    name: str
    title: str
    start: int
    end: int


def natural_case(name: str) -> str:
    """'MAAIKE DE VREESE' -> 'Maaike De Vreese'; 'JEAN-MARIE D’HAESE' -> 'Jean-Marie D’Haese'."""
    parts = re.split(r"([\s\-'’]+)", squash(name))
    return "".join(
        part if re.fullmatch(r"[\s\-'’]+", part) else part[:1].upper() + part[1:].lower() for part in parts
    )


def read_metadata(text: str) -> tuple[dict[str, str], int]:
    """Metadata lines at the very start ("title:", "thema:", "pdf link:", "thema link:"), and their end."""
    fields: dict[str, str] = {}
    position = len(text) - len(text.lstrip())
    while len(fields) < 8:
        key_match = METADATA_KEY.match(text, position)
        if key_match is None:
            break
        key = squash(key_match.group("key")).lower()
        value_start = key_match.end()
        if key in URL_KEYS:
            value_match = re.compile(r"\S*").match(text, value_start)
            value_end = value_match.end()
        else:
            next_key = METADATA_NEXT_KEY.search(text, value_start, value_start + 500)
            line_end = text.find("\n", value_start, value_start + 500)
            value_end = next_key.start() if next_key else (line_end if line_end >= 0 else value_start)
            if next_key is None and line_end < 0:
                value_end = min(len(text), value_start + 500)
        fields.setdefault(key, squash(text[value_start:value_end]))
        position = value_end
        position += len(text[position : position + 1000]) - len(text[position : position + 1000].lstrip())
    return fields, position if fields else 0


def read_minister_block(text: str, position: int) -> MinisterBlock | None:
    """The minister's name and function title starting at `position` (after "aan" or the date)."""
    match = MINISTER_BLOCK.match(text, position, position + 2000)
    if match is None:
        return None
    return _minister_block(text, match)


def _minister_block(text: str, match: re.Match[str]) -> MinisterBlock:
    title, end = match.group("title"), match.end()
    # An acronym that opens the title ("VDAB - Inschrijving") is not part of the function title.
    if re.match(r"[ \t\n]+[-–][ \t]", text[end : end + 5]):
        last = re.search(r"[\s,]+(\S+)$", title)
        if last and len(title.split()) > 3:
            end -= len(last.group(0))
            title = title[: len(title) - len(last.group(0))]
    return MinisterBlock(
        name=natural_case(match.group("name")),
        title=squash(title).rstrip(","),
        start=match.start(),
        end=end,
    )


def last_minister_block_before(text: str, position: int) -> MinisterBlock | None:
    """The minister's name and function title printed right before ANTWOORD (001, 002 have no other)."""
    window_start = max(0, position - 1500)
    last = None
    for match in MINISTER_BLOCK.finditer(text, window_start, position):
        last = match
    if last is None or text[last.end() : position].strip():
        return None
    return _minister_block(text, last)


def first_minister_block_in(text: str, start: int, end: int) -> MinisterBlock | None:
    match = MINISTER_BLOCK.search(text, start, end)
    return _minister_block(text, match) if match else None


def read_question_header(text: str, start: int) -> Header | None:
    """The "SCHRIFTELIJKE VRAAG nr. .. van .. datum: .. aan .." block, if the document has one."""
    number_match = HEADER_NUMBER.search(text, start, start + 5000)
    if number_match is None:
        return None
    header = Header(number=int(number_match.group("number")), end=number_match.end())
    position = number_match.end()
    author_match = HEADER_AUTHOR.match(text, position, position + 300)
    if author_match:
        header.author = natural_case(author_match.group("author"))
        position = author_match.end()
    date_match = HEADER_DATE.match(text, position, position + 300)
    if date_match:
        header.date = parse_dutch_date(date_match.group("date"))
        position = date_match.end()
    header.end = position
    addressee = HEADER_ADDRESSEE.match(text, position)
    block = read_minister_block(text, addressee.end())
    if block:
        header.minister, header.minister_title, header.end = block.name, block.title, block.end
    return header


def read_answer_header(text: str) -> AnswerHeader | None:
    """ "ANTWOORD op vraag nr. 125 van 26 januari 2024 van MAAIKE DE VREESE", or a bare ANTWOORD line."""
    match = ANSWER_HEADER.search(text)
    if match:
        return AnswerHeader(
            number=int(match.group("number")),
            date=parse_dutch_date(match.group("date")),
            author=natural_case(match.group("author")),
            start=match.start(),
            end=match.end(),
        )
    bare = ANSWER_WORD_LINE.search(text)
    if bare:
        return AnswerHeader(number=None, date=None, author=None, start=bare.start(), end=bare.end())
    return None


# Words after which a capital still belongs to the title: "bij VDAB", "in Antwerpen", "van de Lijn".
TITLE_CONNECTORS = {
    "in",
    "bij",
    "van",
    "voor",
    "op",
    "te",
    "naar",
    "uit",
    "met",
    "over",
    "door",
    "de",
    "het",
    "en",
    "of",
    "aan",
    "tot",
    "tegen",
    "rond",
    "via",
    "vanuit",
    "zonder",
    "na",
    "per",
    "der",
    "den",
}


def read_title(text: str, start: int, *, needs_separator: bool = False) -> tuple[str | None, int]:
    """The title "Onderwerp  -  Subonderwerp" starting at `start`, and where it ends.

    The title is its own paragraph, ended by a blank line; without one it is the first line (and the next
    when the first is a full line that the title fills and the second is a short end), and in text flattened
    to one line it ends where a sentence starts after the " - " separator. The introduction may start with
    any word, a number or a name. A text with no header before it (`needs_separator`) has a title only
    when its first line has the " - " separator: an answer alone or a fragment gets none.
    """
    start += len(text[start : start + 2000]) - len(text[start : start + 2000].lstrip())
    window = text[start : start + 3000]
    if not window:
        return None, start
    blank = BLANK_LINE.search(window, 0, 600)
    paragraph = window[: blank.start()] if blank else window[:600]
    lines = paragraph.split("\n")
    first = lines[0]
    flat = squash(paragraph)
    probe = flat if blank and len(flat) <= TITLE_MAX_CHARS else squash(first)
    if needs_separator and not TITLE_SEPARATOR.search(f" {probe[:TITLE_MAX_CHARS]} "):
        return None, start
    if blank and flat and len(flat) <= TITLE_MAX_CHARS and not re.search(r"[.?!]\s+[A-Z]", flat):
        separator = TITLE_SEPARATOR.search(paragraph)
        if separator and flat.endswith((".", "?", "!")):  # a title and its first sentence, no break between
            cut = _title_end_in_line(paragraph, separator.end())
            return squash(paragraph[:cut]) or None, start + cut
        return flat, start + len(paragraph)
    if len(lines) > 1 and len(squash(first)) <= TITLE_MAX_CHARS:
        width = max(len(line.rstrip()) for line in window.split("\n")[:40])
        cut = len(first)
        second = lines[1].strip()
        if (
            len(first.rstrip()) >= 0.8 * width
            and second
            and len(second) < 0.6 * width
            and not second.endswith((".", "?", "!", ":"))
            and len(squash(first)) + len(second) <= TITLE_MAX_CHARS
        ):
            cut += 1 + len(lines[1])
        return squash(paragraph[:cut]) or None, start + cut
    separator = TITLE_SEPARATOR.search(paragraph, 0, TITLE_MAX_CHARS)
    if separator:
        cut = _title_end_in_line(paragraph, separator.end())
        return (squash(paragraph[:cut]) or None), start + cut
    line_end = paragraph.find("\n")
    cut = line_end if 0 < line_end <= TITLE_MAX_CHARS else min(len(paragraph), TITLE_MAX_CHARS)
    return squash(paragraph[:cut]) or None, start + cut


def _title_end_in_line(line: str, after: int) -> int:
    """Where a title flattened into one line with its introduction ends: at the first word after the
    separator's first word that starts a sentence (a capital not after a connector, a sentence start)."""
    words = list(re.finditer(r"\S+", line[: after + TITLE_MAX_CHARS]))
    previous = None
    for index, word in enumerate(words):
        if word.start() < after:
            continue
        if previous is not None:
            token, before = word.group(0), previous.group(0)
            starts_sentence = before.endswith((".", "?", "!", ":")) or (
                token[0].isupper()
                and not token.isupper()
                and before.lower() not in TITLE_CONNECTORS
                and index + 1 < len(words)
                and (words[index + 1].group(0)[:1].islower() or words[index + 1].group(0)[:1].isdigit())
            )
            if starts_sentence or re.fullmatch(r"\d{1,2}\.", token):
                return previous.end()
        previous = word
    return min(len(line), after + TITLE_MAX_CHARS)


def find_printed_title(text: str, title: str, start: int) -> int | None:
    """End of `title` (from the metadata) where it is printed after `start`, whatever the line breaks."""
    words = title.split()
    if not words or len(words) > 60:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    match = pattern.search(text, start, start + 3000)
    return match.end() if match else None
