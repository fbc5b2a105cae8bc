"""References to earlier written questions: what links a question into a series."""

from __future__ import annotations

import re

from .dates import DATE, parse_dutch_date, session_for
from .layout import sentences
from .types import ReferenceMention

# A numbered earlier question:
#   "In zijn antwoord op mijn schriftelijke vraag nr. 155 van 31 januari 2022 over ..." (000)
#   "In opvolging van mijn schriftelijke vraag nr. 8 van 22 oktober 2023 stel ik ..." (001)
#   "Sinds het antwoord op uw SV 8 van 2 oktober 2023 is er geen nieuwe koppeling ..." (001, answer)
#   "SV nr. 1 (2024-2025)" (session written out)
NUMBERED_QUESTION = re.compile(
    r"(?:\b[Ss]chriftelijke\s+vraag|\bSV|\b(?:mijn|uw|zijn|haar|de|die)\s+(?:vorige\s+|eerdere\s+)?vraag)"
    r"\s+(?:nr\.?\s*|nummer\s+)?(?P<number>\d{1,5})\b"
    r"(?:\s*\((?P<session>\d{4})\s*-\s*(?P<session_end>\d{4})\))?"
    rf"(?:\s*,?\s+(?:van|d\.d\.|dd\.?)\s+(?P<date>{DATE}))?"
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
        if "vraag" not in sentence and "SV" not in sentence:
            continue
        matches = sorted(
            [*NUMBERED_QUESTION.finditer(sentence), *PREVIOUS_QUESTION.finditer(sentence)],
            key=lambda m: m.start(),
        )
        for match in matches:
            groups = match.groupdict()
            number = int(groups["number"]) if groups.get("number") else None
            mentioned = parse_dutch_date(groups["date"]) if groups.get("date") else None
            if number is not None and number == own_number and mentioned in (None, own_date):
                continue  # the document's own number ("ANTWOORD op vraag nr. 125 ...")
            if groups.get("session"):
                session = f"{groups['session']}-{groups['session_end']}"
            else:
                session = session_for(mentioned) if mentioned else None
            found.append(ReferenceMention(number, mentioned, session, sentence, in_answer))
    return found


def deduplicate(references: list[ReferenceMention]) -> list[ReferenceMention]:
    """One mention per (number, date, in_answer): 001's answer names "SV 8 van 2 oktober 2023" twice."""
    seen: set[tuple] = set()
    unique = []
    for reference in references:
        key = (reference.number, reference.date, reference.in_answer)
        if key not in seen:
            seen.add(key)
            unique.append(reference)
    return unique
