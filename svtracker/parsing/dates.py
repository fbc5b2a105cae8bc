"""Dutch dates, session years and vague periods as written in the parliament's documents.

Vague periods become a date by this table (VAGUE_PERIODS). It is a proposal: staff can always change the
expected date of a promise. "Reference" is the question date, the only date the parser knows for sure.

| phrase (example)                           | date                                                    |
|--------------------------------------------|---------------------------------------------------------|
| "voorjaar 2024", "dit voorjaar", "lente"   | 31 March (start of spring, "late March")                |
| "zomer"                                    | 30 June                                                 |
| "najaar 2021", "dit najaar", "herfst"      | 30 September (start of autumn, "late September")        |
| "winter"                                   | 31 December                                             |
| "begin juni"                               | 10 June                                                 |
| "midden juni", "half juni"                 | 15 June                                                 |
| "eind mei", "einde mei", "in de loop van juni", "juni" | last day of that month                     |
| "voor het zomerreces"                      | 15 July (last plenary weeks before the summer recess)   |
| "voor het kerstreces"                      | 20 December                                             |
| "eind dit jaar", "voor het einde van het jaar", "jaareinde" | 31 December                            |
| "binnenkort", "op korte termijn", "eerstdaags", "zo snel mogelijk" | reference + default interval    |

Promises read a time pointing forward with `forward_date` (the same months and seasons, and):

| phrase (example)                              | date                                                  |
|-----------------------------------------------|-------------------------------------------------------|
| "in het tweede kwartaal van 2026"             | last day of the quarter (30 June 2026)                |
| "begin 2027", "midden 2027"                   | 31 March 2027, 30 June 2027                           |
| "eind 2026", "tegen 2026", "ten laatste 2026" | 31 December 2026                                      |
| "vanaf 2026"                                  | 1 January 2026                                        |
| "binnen drie maanden", "binnen 6 weken"       | reference + that time                                 |
| "volgend jaar"                                | 31 December of the year after the reference           |
| no time in the sentence                       | reference + default interval (DEFAULT_INTERVAL_MONTHS)|
A time before the reference points back and gives no date.

Without a year the reference year is used, or the next year when that date would lie before the reference.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .text import squash

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
MONTH_NAMES = {number: name for name, number in MONTHS.items()}
_MONTH_ALTERNATION = "|".join(MONTHS)

# "15 juni 2022", "2 oktober\n2023" (a line break may fall inside a date)
DATE_IN_WORDS = rf"\d{{1,2}}\s+(?i:{_MONTH_ALTERNATION})\s+\d{{4}}"
# "5/2/2024", "8/10/2020", "29/02/2016"
DATE_IN_DIGITS = r"\d{1,2}/\d{1,2}/\d{4}"
# Either form; use inside larger patterns as (?P<date>DATE).
DATE = rf"(?:{DATE_IN_WORDS}|{DATE_IN_DIGITS})"

_DATE_PARTS = re.compile(
    rf"(?P<day>\d{{1,2}})\s+(?P<month_name>{_MONTH_ALTERNATION})\s+(?P<year>\d{{4}})"
    r"|(?P<dday>\d{1,2})/(?P<month>\d{1,2})/(?P<dyear>\d{4})",
    re.IGNORECASE,
)

# Written numbers of months in phrasings like "drie maanden de tijd".
NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
}

DEFAULT_INTERVAL_MONTHS = 3


def parse_dutch_date(text: str) -> date | None:
    """The first Dutch date in `text` ("15 juni 2022" or "5/2/2024"), or None."""
    for count, match in enumerate(_DATE_PARTS.finditer(text)):
        if count >= 50:
            break
        if match.group("month_name"):
            day, month, year = (
                match.group("day"),
                MONTHS[match.group("month_name").lower()],
                match.group("year"),
            )
        else:
            day, month, year = match.group("dday"), match.group("month"), match.group("dyear")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


def format_dutch_date(d: date) -> str:
    """date(2023, 10, 2) -> '2 oktober 2023'."""
    return f"{d.day} {MONTH_NAMES[d.month]} {d.year}"


def fourth_monday_of_september(year: int) -> date:
    first = date(year, 9, 1)
    first_monday = first + timedelta(days=(7 - first.weekday()) % 7)
    return first_monday + timedelta(weeks=3)


def session_for(d: date) -> str:
    """Session year of a date: a session year starts on the fourth Monday of September.

    Computed fallback; the parliament publishes the exact dates (open data, zj/alle).
    13 September 2016 -> "2015-2016", 30 September 2020 -> "2020-2021".
    """
    start_year = d.year if d >= fourth_monday_of_september(d.year) else d.year - 1
    return f"{start_year}-{start_year + 1}"


def tk_session_for(d: date) -> str:
    """The Tweede Kamer's vergaderjaar: from the third Tuesday of September (Prinsjesdag)."""
    first = date(d.year, 9, 1)
    third_tuesday = first + timedelta(days=(1 - first.weekday()) % 7 + 14)
    start = d.year if d >= third_tuesday else d.year - 1
    return f"{start}-{start + 1}"


MONTH_ABBREVIATIONS = {name[:3]: number for name, number in MONTHS.items()} | {"mrt": 3, "sept": 9}


def month_number(name: str) -> int | None:
    """ "februari", "feb", "nov", "mrt" -> the month's number; None when it is no month."""
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or MONTH_ABBREVIATIONS.get(name) or MONTH_ABBREVIATIONS.get(name[:3])


def add_months(d: date, months: int) -> date:
    """Same day `months` later, clamped to the month's last day (31 januari + 1 -> 29 februari)."""
    month_index = d.month - 1 + months
    year = d.year + month_index // 12
    month = month_index % 12 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# Named vague periods: (name, pattern, (month, day) or None for "reference + default interval").
# The month/day entries are the table in the module docstring.
SEASONS = {
    "voorjaar": (3, 31),
    "lente": (3, 31),
    "zomer": (6, 30),
    "najaar": (9, 30),
    "herfst": (9, 30),
    "winter": (12, 31),
}
RECESSES = {
    "zomerreces": (7, 15),
    "kerstreces": (12, 20),
}
SOON = re.compile(r"\b(?:binnenkort|op\s+korte\s+termijn|eerstdaags|zo\s+snel\s+mogelijk)\b", re.IGNORECASE)

VAGUE_PERIODS = re.compile(
    r"(?P<season>voorjaar|lente|zomer|najaar|herfst|winter)(?:\s+(?:van\s+)?(?P<season_year>\d{4}))?"
    r"|voor\s+het\s+(?P<recess>zomerreces|kerstreces)"
    rf"|(?:(?P<position>begin|midden|half|eind|einde|in\s+de\s+loop\s+van)\s+)?(?P<month>{_MONTH_ALTERNATION})"
    r"(?:\s+(?P<month_year>\d{4}))?"
    r"|(?P<year_end>eind\s+dit\s+jaar|einde\s+van\s+(?:het|dit)\s+jaar|jaareinde)",
    re.IGNORECASE,
)


def date_for_period(phrase: str, reference: date | None, default_months: int = DEFAULT_INTERVAL_MONTHS):
    """Map a vague period ("het najaar 2021", "eind mei", "binnenkort") to (date, basis in Dutch).

    Returns (None, reason) when the phrase holds no period the table knows or a reference date is needed
    and missing.
    """
    phrase = phrase[:500]
    if SOON.search(phrase):
        if reference is None:
            return None, "vage termijn, maar geen vraagdatum gekend"
        expected = add_months(reference, default_months)
        return expected, (
            f"vage termijn ({SOON.search(phrase).group(0)}): standaardtermijn van {default_months} maanden "
            f"na de vraagdatum {format_dutch_date(reference)}"
        )
    match = VAGUE_PERIODS.search(phrase)
    if match is None:
        return None, "periode niet herkend"
    year_text = match.group("season_year") or match.group("month_year")

    def candidate(year: int) -> date:
        if match.group("season"):
            return date(year, *SEASONS[match.group("season").lower()])
        if match.group("recess"):
            return date(year, *RECESSES[match.group("recess").lower()])
        if match.group("month"):
            month = MONTHS[match.group("month").lower()]
            position = squash((match.group("position") or "").lower())
            day = {"begin": 10, "midden": 15, "half": 15}.get(position)
            return date(year, month, day) if day else _last_day(year, month)
        return date(year, 12, 31)  # end of the year

    if year_text:
        expected = candidate(int(year_text))
    elif reference is not None:
        expected = candidate(reference.year)
        if expected < reference:
            expected = candidate(reference.year + 1)
    else:
        return None, f"periode '{match.group(0)}' zonder jaar en zonder vraagdatum"
    return expected, f"{squash(match.group(0))}: {format_dutch_date(expected)}"


# A time pointing forward, as answers give it:
#   "tegen het najaar", "ten laatste eind 2026", "uiterlijk in het tweede kwartaal van 2025", "begin 2026",
#   "in de loop van juni", "binnen drie maanden", "volgend jaar"
# Mapped as VAGUE_PERIODS (seasons, months, begin 10 / midden 15 / eind last day), and further:
# a quarter -> its last day; "begin YEAR" -> 31 March, "midden YEAR" -> 30 June, a year otherwise ->
# 31 December ("vanaf YEAR" -> 1 January); "binnen N maanden/weken" -> question date + N; "volgend jaar" ->
# 31 December of the next year. A time that lies before the question date points back: no date.
_QUARTERS = {"eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3, "3e": 3, "3de": 3}
_QUARTERS |= {"vierde": 4, "4e": 4, "4de": 4, "laatste": 4}
FORWARD_TIME = re.compile(
    r"\b(?P<marker>tegen|uiterlijk|ten\s+laatste|in\s+de\s+loop\s+van|vanaf|begin|eind|einde|midden|medio"
    r"|voor|na|in|rond|tijdens|dit|deze)\s+(?:(?:het|de|dit|deze)\s+)?(?:(?P<position>begin|eind|einde|midden)\s+"
    r"(?:van\s+)?(?:het\s+|de\s+)?)?"
    r"(?:(?P<quarter>" + "|".join(_QUARTERS) + r")\s+(?:kwartaal|trimester)"
    r"|(?P<season>voorjaar|lente|zomer|najaar|herfst|winter)(?!\w)"
    rf"|(?P<month>{_MONTH_ALTERNATION})(?!\w)|(?P<year_only>20\d\d)(?!\d))"
    r"(?:\s+(?:van\s+)?(?P<year>20\d\d)(?!\d))?"
    r"|\bbinnen\s+(?:de\s+)?(?P<count>\d{1,2}|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?P<unit>maanden|maand|weken|week)\b"
    r"|\b(?P<next_year>volgend\s+jaar|komend\s+jaar)\b",
    re.IGNORECASE,
)


def forward_date(phrase: str, reference: date | None) -> tuple[date | None, str]:
    """The date a forward-pointing time in `phrase` stands for, and the rule in Dutch; (None, "") if none."""
    for match in FORWARD_TIME.finditer(phrase[:2000]):
        expected = _forward_candidate(match, reference)
        if expected is None or (reference is not None and expected < reference):
            continue
        return expected, f"{squash(match.group(0))}: {format_dutch_date(expected)}"
    return None, ""


def _forward_candidate(match: re.Match[str], reference: date | None) -> date | None:
    groups = {
        key: (value.lower() if isinstance(value, str) else value) for key, value in match.groupdict().items()
    }
    if groups["count"]:
        if reference is None:
            return None
        count = int(groups["count"]) if groups["count"].isdigit() else NUMBER_WORDS[groups["count"]]
        if groups["unit"].startswith("week"):
            return reference + timedelta(weeks=count)
        return add_months(reference, count)
    if groups["next_year"]:
        return date(reference.year + 1, 12, 31) if reference else None
    marker = squash(groups["marker"] or "")
    position = groups["position"] or (
        marker if marker in ("begin", "eind", "einde", "midden", "medio") else ""
    )
    if groups["year_only"]:
        year = int(groups["year_only"])
        if marker == "vanaf":
            return date(year, 1, 1)
        return {"begin": date(year, 3, 31), "midden": date(year, 6, 30), "medio": date(year, 6, 30)}.get(
            position, date(year, 12, 31)
        )
    if marker in ("dit", "deze") and not groups["season"]:
        return None
    year_text = groups["year"]

    def candidate(year: int) -> date:
        if groups["quarter"]:
            quarter = _QUARTERS[groups["quarter"]]
            return _last_day(year, quarter * 3)
        if groups["season"]:
            return date(year, *SEASONS[groups["season"]])
        month = MONTHS[groups["month"]]
        day = {"begin": 10, "midden": 15, "medio": 15}.get(position)
        return date(year, month, day) if day else _last_day(year, month)

    if year_text:
        return candidate(int(year_text))
    if reference is None:
        return candidate(2000)  # only to tell that the phrase holds a time
    expected = candidate(reference.year)
    return expected if expected >= reference else candidate(reference.year + 1)
