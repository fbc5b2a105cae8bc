"""Dutch period labels of table columns read as periods (plain Python, no Django).

Columns of the ministers' tables are months ("maart", "mrt 2022"), quarters ("Q1 2022", "eerste kwartaal"),
half years ("1ste semester 2023"), years ("2022") or dates ("5/2/2024", "30 november 2023"). A label
without its year ("maart" under a header line "2022") takes the year from the context (the table's caption
or header); a label that is no period ("totaal", "<2m") gives None.

Written by hand rather than with dateparser: dateparser reads single dates, not months, quarters or
semesters as periods, and guesses a day and a year where a table column has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from svtracker.parsing import dates as dutch_dates
from svtracker.parsing import squash

# The parser's month names, with the abbreviations tables use in their headings ("okt", "febr", "oct").
MONTHS = dutch_dates.MONTHS | dutch_dates.MONTH_ABBREVIATIONS | {"febr": 2, "maa": 3, "oct": 10}
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4,
            "1ste": 1, "2de": 2, "3de": 3, "4de": 4}

MONTH, QUARTER, HALF, YEAR, DAY = "month", "quarter", "half", "year", "date"
KIND_ORDER = {YEAR: 0, HALF: 1, QUARTER: 2, MONTH: 3, DAY: 4}

_YEAR = r"(?P<year>(?:19|20)\d\d|'\d\d)"
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL_NAMES = "|".join(sorted(ORDINALS, key=len, reverse=True))

# "5/2/2024", "05-02-2024", "5.2.2024" (day first, as Flemish documents write dates)
_NUMERIC_DATE = re.compile(r"^(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>(?:19|20)\d\d)$")
# "30 november 2023"
_WORD_DATE = re.compile(rf"^(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAMES})\.?\s+(?P<year>(?:19|20)\d\d)$")
# "2022-03", "03/2022", "3-2022"
_NUMERIC_MONTH = re.compile(r"^(?:(?P<year>(?:19|20)\d\d)[/-](?P<month>\d{1,2})"
                            r"|(?P<month2>\d{1,2})[/-](?P<year2>(?:19|20)\d\d))$")
# "maart", "mrt 2022", "maart '22", "mrt-22", "2022 maart"
_MONTH = re.compile(rf"^(?:(?P<pre>(?:19|20)\d\d)\s+)?(?P<month>{_MONTH_NAMES})\.?"
                    rf"(?:[\s-]+(?P<year>(?:19|20)\d\d|'?\d\d))?$")
# "Q1 2022", "2022 Q1", "2022-Q1", "K1", "kwartaal 1", "1e kwartaal 2022", "eerste kwartaal"
_QUARTER = re.compile(
    rf"^(?:(?P<pre>(?:19|20)\d\d)[\s-]*)?"
    rf"(?:[qk](?P<n1>[1-4])|kwartaal\s+(?P<n2>[1-4])|(?P<n3>{_ORDINAL_NAMES})\s+kwartaal|(?P<n4>[1-4])\s*kw)"
    rf"(?:[\s-]+(?P<year>(?:19|20)\d\d|'?\d\d))?$")
# "1ste semester 2023", "S2 2022", "H1 2022", "eerste jaarhelft"
_HALF = re.compile(
    rf"^(?:(?P<pre>(?:19|20)\d\d)[\s-]*)?"
    rf"(?:[sh](?P<n1>[12])|(?P<n2>{_ORDINAL_NAMES})\s+(?:semester|jaarhelft|helft))"
    rf"(?:[\s-]+(?P<year>(?:19|20)\d\d|'?\d\d))?$")
_PLAIN_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True, order=True)
class Period:
    """A period a figure is about; `start` orders them, `kind` says how long it is."""

    start: date
    kind: str

    @property
    def label(self) -> str:
        """Dutch label as staff write it: "maart 2022", "K1 2022", "2022", "5/2/2024"."""
        if self.kind == MONTH:
            return f"{MONTH_LABELS[self.start.month - 1]} {self.start.year}"
        if self.kind == QUARTER:
            return f"K{(self.start.month - 1) // 3 + 1} {self.start.year}"
        if self.kind == HALF:
            return f"S{1 if self.start.month < 7 else 2} {self.start.year}"
        if self.kind == YEAR:
            return str(self.start.year)
        return f"{self.start.day}/{self.start.month}/{self.start.year}"

    @property
    def short_label(self) -> str:
        """For the axis of a chart: "mrt 22"."""
        if self.kind == MONTH:
            return f"{SHORT_MONTHS[self.start.month - 1]} {self.start.year % 100:02d}"
        return self.label


SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTH_LABELS = tuple(dutch_dates.MONTH_NAMES[number] for number in range(1, 13))


def context_years(*texts: str) -> list[int]:
    """The years written in a caption or header line ("2022" above "maart april mei juni"), in order."""
    return sorted({int(y) for text in texts for y in _ANY_YEAR.findall(text or "")})


def column_periods(labels: list[str], *, context: tuple[str, ...] = (), fallback_year: int | None = None
                   ) -> list[Period | None]:
    """The periods of a table's columns, the year of a month or quarter without one filled in.

    Such columns run forward in time: the first takes the earliest year of the context (caption, header),
    and the year goes up where the months wrap ("sep okt nov dec jan" under "2021 2022"). Without a year in
    the context the last one takes `fallback_year` (the year of the answer) and earlier ones count back.
    """
    periods = [parse_period(label) for label in labels]
    open_columns = [i for i, (label, period) in enumerate(zip(labels, periods, strict=True))
                    if period is None and parse_period(label, year=2000) is not None]
    if not open_columns:
        return periods
    months = [parse_period(labels[i], year=2000).start.month for i in open_columns]
    wraps = [0] + [int(later < earlier) for earlier, later in zip(months, months[1:], strict=False)]
    offsets = [sum(wraps[:n + 1]) for n in range(len(wraps))]
    years = context_years(*context)
    if years:
        first = years[0]
    elif fallback_year:
        first = fallback_year - offsets[-1]
    else:
        return periods
    for column, offset in zip(open_columns, offsets, strict=True):
        periods[column] = parse_period(labels[column], year=first + offset)
    return periods


def _year(text: str | None, fallback: int | None) -> int | None:
    if not text:
        return fallback
    text = text.lstrip("'")
    return int(text) + 2000 if len(text) == 2 else int(text)


def parse_period(label: str | date | datetime, *, year: int | None = None) -> Period | None:
    """The period a column label stands for, or None when it is no period.

    `year` is used when the label has none ("maart" in a table whose caption says 2022); without it such a
    label is no period, so that figures of different years are never lined up by guess.
    """
    if isinstance(label, datetime):
        label = label.date()
    if isinstance(label, date):
        return Period(label, MONTH if label.day == 1 else DAY)
    text = squash(str(label).lower().replace("\u2019", "'")).strip(" .:")
    if not text:
        return None
    if _PLAIN_YEAR.match(text):
        return Period(date(int(text), 1, 1), YEAR)
    if match := _NUMERIC_DATE.match(text):
        return _date(int(match["year"]), int(match["month"]), int(match["day"]))
    if match := _WORD_DATE.match(text):
        return _date(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
    if match := _NUMERIC_MONTH.match(text):
        month = int(match["month"] or match["month2"])
        found = int(match["year"] or match["year2"])
        return Period(date(found, month, 1), MONTH) if 1 <= month <= 12 else None
    if match := _MONTH.match(text):
        found = _year(match["year"] or match["pre"], year)
        return Period(date(found, MONTHS[match["month"]], 1), MONTH) if found else None
    if match := _QUARTER.match(text):
        number = match["n1"] or match["n2"] or match["n4"] or ORDINALS.get(match["n3"] or "")
        found = _year(match["year"] or match["pre"], year)
        if found and number and 1 <= int(number) <= 4:
            return Period(date(found, (int(number) - 1) * 3 + 1, 1), QUARTER)
        return None
    if match := _HALF.match(text):
        number = match["n1"] or ORDINALS.get(match["n2"] or "")
        found = _year(match["year"] or match["pre"], year)
        if found and number and int(number) in (1, 2):
            return Period(date(found, 1 if int(number) == 1 else 7, 1), HALF)
    return None


def _date(year: int, month: int, day: int) -> Period | None:
    try:
        return Period(date(year, month, day), DAY)
    except ValueError:
        return None


def header_above(text: str, first_label: str, width: int) -> tuple[tuple[str, ...], str] | None:
    """The period heading printed above a table whose reader found no header: seed 000 prints
    "2022 maart april mei juni" above "annulering agentschap 190 39 162 20". Returns (header with the
    row-label column first, the years as caption) when that line has `width` periods, else None.

    Data rows (lines ending in a number) between the heading and the table's first row are skipped.
    """
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if first_label and line.strip().startswith(first_label)),
                 None)
    if start is None:
        return None
    for line in reversed(lines[max(0, start - 40):start]):
        tokens = line.split()
        if not tokens or re.fullmatch(r"[\d.,%]+", tokens[-1]):
            continue
        years = [t for t in tokens if _PLAIN_YEAR.match(t)]
        labels = [t for t in tokens if not _PLAIN_YEAR.match(t)] or years
        if len(labels) == width and all(parse_period(t, year=2000) for t in labels):
            return ("", *labels), " ".join(years) if labels is not years else ""
        return None
    return None
