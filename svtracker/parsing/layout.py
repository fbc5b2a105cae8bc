"""Clean extracted text before reading it: line endings, control characters, page headers, broken words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .dates import MONTHS
from .text import squash
from .warnings import ParseWarning

# Work on huge input is capped; real documents are a few tens of thousands of characters.
MAX_CHARS = 500_000

# Control characters except tab and newline (a NUL or a form feed from PDF extraction).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]")

# Page headers and footers repeated in the text, removed as whole lines:
PAGE_HEADER_LINES = (
    # "SCHRIFTELIJKE VRAAG" printed on top of every page (000 starts with it twice); the one followed by
    # "nr." is the real header and is kept (see remove_page_headers).
    re.compile(r"^[ \t]*SCHRIFTELIJKE VRAAG[ \t]*$"),
    # "pagina 2 van 5", "Pagina 2/3", "blz. 3", "p. 2 van 3", "- 3 -", "-3-"
    re.compile(
        r"^[ \t]*(?:(?:pagina|blz\.?|p\.)[ \t]*\d+(?:[ \t]*(?:van|/)[ \t]*\d+)?|-[ \t]*\d{1,4}[ \t]*-)"
        r"[ \t]*$",
        re.IGNORECASE,
    ),
    # "Vlaams Parlement - Leuvenseweg 86 - 1000 Brussel - 02 552 11 11 - www.vlaamsparlement.be"
    re.compile(r"^[ \t]*Vlaams Parlement[ \t]*[-–—].{0,200}vlaamsparlement\.be[ \t]*$"),
    # Today's running header: "Schriftelijke vraag 251 (2025-2026)",
    # "Antwoord op vraag 251 (2025-2026) - pagina 2"
    re.compile(
        r"^[ \t]*(?:Schriftelijke[ \t]+vraag|Antwoord(?:[ \t]+op[ \t]+vraag)?)[ \t]+(?:nr\.?[ \t]*)?\d{1,5}"
        r"[ \t]*\(\d{4}[ \t]*-[ \t]*\d{4}\)"
        r"(?:[ \t]*[-–][ \t]*(?:pagina|blz\.?)[ \t]*\d+(?:[ \t]*(?:van|/)[ \t]*\d+)?)?[ \t]*$",
        re.IGNORECASE,
    ),
    re.compile(r"^[ \t]*VLAAMS PARLEMENT[ \t]*[₪|•·-]?[ \t]*SCHRIFTELIJKE VRAGEN[ \t]*$"),
)
# All of them in one pattern, tried once a line.
FURNITURE_LINE = re.compile(
    "|".join(
        f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else f"(?:{pattern.pattern})"
        for pattern in PAGE_HEADER_LINES
    )
)
# The Bulletin van Vragen en Antwoorden prints "Vlaams Parlement - Vragen en Antwoorden - Nr.7 - April 2006
# -3-" on every page, also glued to a line of text by extraction.
BULLETIN_RUNNING_HEADER = re.compile(
    r"(?:-\d{1,4}-[ \t]*)?Vlaams[ \t]+Parlement[ \t]*-[ \t]*Vragen[ \t]+en[ \t]+Antwoorden"
    r"[ \t]*-[ \t]*Nr\.?[ \t]*\d{1,3}"
    r"[ \t]*-[ \t]*[A-Za-zé]{3,12}(?:[ \t]*-[ \t]*[A-Za-zé]{3,12})?[ \t]+\d{4}(?:[ \t]*-\d{1,4}-)?",
)
# A date alone on a line ("3 februari 2026"): a running footer when it stands there more than once.
DATE_LINE = re.compile(
    r"^[ \t]*(?:[A-Z][a-z]+,[ \t]*)?(?:\d{1,2}[ \t]+(?:" + "|".join(MONTHS) + r")[ \t]+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{4})[ \t]*$",
    re.IGNORECASE,
)

# A word broken over two lines: "Leeftijds-\ncategorie" (002), "informatie-\nuitwisseling" (001).
BROKEN_WORD = re.compile(r"\b(?P<left>\w+)-[ \t]*\n[ \t]*(?P<right>\w+)")
# After "integratie- en inburgeringsbeleid" (001) the hyphen stands for a left-out part: keep it.
ELISION_WORDS = {"en", "of", "tot", "noch", "als", "and"}
VOWELS = set("aeiouyáéíóúàèëïöü")
# Capitals that keep their hyphen: "VICEMINISTER-\nPRESIDENT".
HYPHENATED_CAPITALS = {"PRESIDENT", "MINISTER", "PRESIDENTE"}


def _rejoiner(text: str):
    """How to undo a break "left-\nright": the text's own spelling decides when it has the word elsewhere."""
    words: set[str] = set()

    def known(word: str) -> bool:
        if not words:
            words.update(re.findall(r"\w{4,}", text.lower()))
        return word in words

    def rejoin(match: re.Match[str]) -> str:
        left, right = match.group("left"), match.group("right")
        joined, hyphenated = f"{left}{right}", f"{left}-{right}"
        if right.lower() in ELISION_WORDS:
            return f"{left}- {right}"
        if joined.lower() in MONTHS or known(joined.lower()):  # "febru-\nari"; "Diependaele" elsewhere
            return joined
        if left.isupper() and right.isupper() and left.isalpha() and right.isalpha():
            # A name in capitals broken at the line end: "DIEPEN-\nDAELE"; a title keeps its hyphen.
            if right in HYPHENATED_CAPITALS or left.endswith(tuple(HYPHENATED_CAPITALS)) or len(left) < 4:
                return hyphenated
            return joined
        # ICT-middelen, OCMW-steun, Oost-Vlaanderen, informatie-uitwisseling (vowel clash), 2020-2021:
        # the hyphen belongs to the word.
        if (
            left[-1].isupper()
            or right[0].isupper()
            or left[-1].isdigit()
            or right[0].isdigit()
            or (left[-1].lower() in VOWELS and right[0].lower() in VOWELS)
        ):
            return hyphenated
        # "Leeftijds-\ncategorie" -> "Leeftijdscategorie": a hyphen added by the line break.
        return joined

    return rejoin


def remove_page_headers(text: str) -> str:
    if "Vragen en Antwoorden" in text:
        text = BULLETIN_RUNNING_HEADER.sub("", text)
    lines = text.split("\n")
    date_lines: dict[str, int] = {}
    for line in lines:
        if DATE_LINE.match(line):
            date_lines[line.strip()] = date_lines.get(line.strip(), 0) + 1
    furniture = [bool(line) and FURNITURE_LINE.match(line) is not None for line in lines]
    kept: list[str] = []
    for index, line in enumerate(lines):
        if furniture[index]:
            following = next((rest for rest in lines[index + 1 : index + 6] if rest.strip()), "")
            if line.strip() == "SCHRIFTELIJKE VRAAG" and following.lstrip().startswith("nr"):
                kept.append(line)
            continue
        repeated = date_lines.get(line.strip(), 0)
        # A date line is a running footer when it stands on three pages or next to a page number; the
        # question date printed twice (header and ANTWOORD line, 004) stays.
        if repeated >= 3 or (repeated and any(furniture[max(0, index - 2) : index + 3])):
            continue
        kept.append(line)
    return "\n".join(kept)


def clean_text(text: str) -> tuple[str, list[str]]:
    """Text ready to be read, and warnings about what was changed on the way."""
    warnings: list[str] = []
    if len(text) > MAX_CHARS:
        warnings.append(ParseWarning("truncated", limit=MAX_CHARS))
        text = text[:MAX_CHARS]
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\xa0", " ")
    text = CONTROL_CHARACTERS.sub("", text)
    text = remove_page_headers(text)
    text = BROKEN_WORD.sub(_rejoiner(text), text)
    return text, warnings


# A sentence ends at . ? ! followed by a capital, a digit ("... opgenomen. 9.258 personen", 001) or an
# opening quote/bracket; "bv. van", "t.a.v. interne" are not ends, nor "nr. 155" (ABBREVIATIONS).
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-ZÀ-Þ‘“\"(•0-9])")
ABBREVIATIONS = re.compile(
    r"(?:\b(?:nr|nrs|art|blz|p|bv|vb|dhr|mevr|mr|dr|prof|o\.a|d\.d|t\.e\.m|vnl|ca|zgn|min)\.)$", re.IGNORECASE
)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]*•")
MAX_SENTENCE_CHARS = 3000


@lru_cache(maxsize=512)
def sentences(text: str) -> tuple[str, ...]:
    """Sentences of a text, whitespace normalised; a blank line or a bullet always ends a sentence.

    Cached: references and promises read the same texts.
    """
    found: list[str] = []
    for paragraph in PARAGRAPH_BREAK.split(text):
        pieces: list[str] = []
        for piece in SENTENCE_END.split(squash(paragraph)):
            if pieces and ABBREVIATIONS.search(pieces[-1][-12:]):
                pieces[-1] = f"{pieces[-1]} {piece}"
            else:
                pieces.append(piece)
        for sentence in pieces:
            sentence = sentence.strip().lstrip("• ").strip()
            if sentence:
                found.append(sentence[:MAX_SENTENCE_CHARS])
    return tuple(found)
