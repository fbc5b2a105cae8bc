"""References to earlier written questions: what links a question into a series."""

from __future__ import annotations

import re

from .dates import _MONTH_ALTERNATION, DATE, MONTHS, parse_dutch_date, session_for
from .layout import sentences
from .types import ReferenceMention

# A numbered earlier question:
#   "In zijn antwoord op mijn schriftelijke vraag nr. 155 van 31 januari 2022 over ..." (000)
#   "In opvolging van mijn schriftelijke vraag nr. 8 van 22 oktober 2023 stel ik ..." (001)
#   "Sinds het antwoord op uw SV 8 van 2 oktober 2023 is er geen nieuwe koppeling ..." (001, answer)
#   "SV nr. 1 (2024-2025)" (session written out)
NUMBERED_QUESTION = re.compile(
    r"(?:\b(?P<written>[Ss]chriftelijke\s+vraag|SV)|\b(?:mijn|uw|zijn|haar|de|die)\s+(?:vorige\s+|eerdere\s+)?vraag)"
    r"\s+(?P<nr>nr\.?\s*|nummer\s+)?(?P<number>\d{1,5})\b"
    r"(?:\s*\((?P<session>\d{4})\s*-\s*(?P<session_end>\d{4})\))?"
    rf"(?:\s*,?\s+(?:van|d\.d\.|dd\.?)\s+(?P<date>{DATE})"
    # "de vraag nr. 830, die door het geacht lid op 22 december 1993 werd gesteld" (Kamer, 1994)
    rf"|\s*,\s+die\s+(?:door\s+[^,.]{{1,40}}?\s+)?op\s+(?P<date_asked>{DATE}))?"
)
# Tweede Kamer: an earlier question by who asked it and when, without a number in our sense:
#   "eerdere vragen terzake van het lid Schonis (D66), ingezonden 16 juli 2020 (vraagnummer 2020Z14090)"
#   "uw antwoorden op Kamervragen van het lid Groothuizen (D66) van 10 februari j.l."
MEMBER_QUESTION = re.compile(
    r"\bvan\s+het\s+lid\s+(?P<member>[A-Z][\w'’\-]*(?:\s+[A-Za-z][\w'’\-]*){0,3}?)\s*(?:\([^)]{1,40}\))?,?\s+"
    rf"(?:ingezonden\s+|van\s+)(?P<date>{DATE}|\d{{1,2}}\s+(?P<month>{_MONTH_ALTERNATION})\s+j\.?\s?l\.?)"
)
# A footnote of the Aanhangsel: "Aanhangsel Handelingen, vergaderjaar 2012–2013, nr. 1969"
#   "door u ontvangen op 18 februari 2013 (Aanhangsel van de Handelingen, vergaderjaar 2012–2013,
#   aanhangselnummer 1333)", "(aanhangsel handelingen II, 1450)"
HANDELINGEN = re.compile(
    rf"(?:(?P<date>{DATE})\s*\(\s*)?(?<!Zie ook )\b[Aa]anhangsel\s+(?:van\s+de\s+)?[Hh]andelingen"
    r"(?:\s+II)?,?\s+(?:vergaderjaar\s+(?P<session>\d{4})\s*[–-]\s*(?P<session_end>\d{4}),\s+)?"
    r"(?:nr\.|aanhangselnummer)?\s*(?P<number>\d{1,5})\b"
)
# An earlier question without a number: "mijn vorige vraag van 28 april 2023"
PREVIOUS_QUESTION = re.compile(
    r"\b(?:mijn|uw|zijn|haar|de)\s+(?:vorige|eerdere|laatste)\s+(?:schriftelijke\s+)?vraag\s+"
    rf"(?:van|d\.d\.)\s+(?P<date>{DATE})"
)


def find_references(
    text: str, *, in_answer: bool, own_number: int | None = None, own_date=None
) -> list[ReferenceMention]:
    """Every mention of an earlier question in `text`, in order, without repeats."""
    found: list[ReferenceMention] = []
    for sentence in sentences(text):
        if not any(word in sentence for word in ("vraag", "vragen", "SV", "andelingen")):
            continue
        matches = sorted(
            [
                *NUMBERED_QUESTION.finditer(sentence),
                *PREVIOUS_QUESTION.finditer(sentence),
                *MEMBER_QUESTION.finditer(sentence),
                *HANDELINGEN.finditer(sentence),
            ],
            key=lambda m: m.start(),
        )
        for match in matches:
            groups = match.groupdict()
            number = int(groups["number"]) if groups.get("number") else None
            printed = groups.get("date") or groups.get("date_asked")
            mentioned = parse_dutch_date(printed) if printed else None
            if printed and mentioned is None and groups.get("month"):
                mentioned = _date_last_year_less(printed, groups["month"], own_date)  # "10 februari j.l."
            if (
                match.re is NUMBERED_QUESTION
                and not groups.get("written")
                and not groups.get("nr")
                and mentioned is None
                and not groups.get("session")
            ):
                continue  # "uw vraag 4": a sub-question of the same set, not an earlier question
            if number is not None and number == own_number and mentioned in (None, own_date):
                continue  # the document's own number ("ANTWOORD op vraag nr. 125 ...")
            if groups.get("session"):
                session = f"{groups['session']}-{groups['session_end']}"
            else:
                session = session_for(mentioned) if mentioned else None
            member = groups.get("member")
            found.append(ReferenceMention(number, mentioned, session, sentence, in_answer, member=member))
    return found


def _date_last_year_less(printed: str, month: str, own_date) -> object:
    """ "10 februari j.l." (jongstleden): that day in the year of the question, or the year before it."""
    day = int(printed.split()[0])
    if own_date is None:
        return None
    for year in (own_date.year, own_date.year - 1):
        try:
            candidate = own_date.replace(year=year, month=MONTHS[month.lower()], day=day)
        except ValueError:
            return None
        if candidate <= own_date:
            return candidate
    return None


def deduplicate(references: list[ReferenceMention]) -> list[ReferenceMention]:
    """One mention per (number, date, in_answer): 001's answer names "SV 8 van 2 oktober 2023" twice."""
    seen: set[tuple] = set()
    unique = []
    for reference in references:
        key = (reference.number, reference.date, reference.in_answer, reference.member)
        if key not in seen:
            seen.add(key)
            unique.append(reference)
    return unique
