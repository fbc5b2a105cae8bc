"""Moving the period a question asked about on to the months or years since.

Pure functions, no Django: a follow-up asks again for figures the earlier question asked for, but for the
period that has passed since ("maart, april, mei en juni 2022" becomes the months after June 2022 up to the
last full month before today).
"""

from __future__ import annotations

import re
from datetime import date

from svtracker.parsing.dates import MONTHS

MONTH_NAMES = tuple(MONTHS)  # "januari" ... "december", in order
_MONTH = "|".join(MONTH_NAMES)

# At most this many months are written out one by one; a longer period becomes "juli 2022 tot en met ...".
MAX_LISTED_MONTHS = 6

# "maart, april, mei en juni 2022" (at least two months, then the year); not "15 juni 2022" (a date).
_MONTH_LIST = re.compile(
    rf"(?<![\d\w])(?P<months>(?:(?:{_MONTH})\s*,\s*)*(?:{_MONTH})\s+en\s+(?:{_MONTH}))\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE)
# "tussen april en juni 2020", "van april tot (en met) juni 2020"
_MONTH_RANGE = re.compile(
    rf"\b(?P<lead>tussen|van)\s+(?P<first>{_MONTH})\s+(?:en|tot(?:\s+en\s+met)?)\s+(?P<last>{_MONTH})"
    rf"\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE)
# "2021, 2022 en 2023"
_YEAR_LIST = re.compile(
    r"(?<![\d/.])(?P<years>(?:(?:19|20)\d\d\s*,\s*)*(?:19|20)\d\d\s+en\s+(?:19|20)\d\d)\b")
# "in 2023", "in het jaar 2023", "voor 2023" (a year on its own, not the end of a date)
_SINGLE_YEAR = re.compile(r"\b(?P<lead>in|voor|over)\s+(?P<article>het\s+jaar\s+)?(?P<year>(?:19|20)\d\d)\b"
                          r"(?![/.]\d|\s*(?:,|en)\s*(?:19|20)\d\d)",
                          re.IGNORECASE)


def dutch_list(items: list[str]) -> str:
    """"a, b en c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def _month_index(name: str) -> int:
    return MONTH_NAMES.index(name.lower()) + 1


def _months_after(year: int, month: int, *, today: date) -> list[tuple[int, int]]:
    """(year, month) from the month after the given one up to the last full month before today."""
    months = []
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while (year, month) < (today.year, today.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def months_in_words(months: list[tuple[int, int]]) -> str:
    """"juli, augustus en september 2022"; across years "november en december 2023 en januari 2024";
    a long period "juli 2022 tot en met oktober 2026"."""
    if len(months) > MAX_LISTED_MONTHS:
        (y1, m1), (y2, m2) = months[0], months[-1]
        return f"{MONTH_NAMES[m1 - 1]} {y1} tot en met {MONTH_NAMES[m2 - 1]} {y2}"
    by_year: dict[int, list[str]] = {}
    for year, month in months:
        by_year.setdefault(year, []).append(MONTH_NAMES[month - 1])
    return " en ".join(f"{dutch_list(names)} {year}" for year, names in by_year.items())


def moved_period(text: str, *, today: date) -> str:
    """The text with each period of months or years it asks about moved on to the time since.

    Months go up to the last full month before `today`, years up to the last full year. A period with
    nothing new since stays as written. One pass over the original text, so a moved period is not moved again.
    """
    rules = ((_MONTH_LIST, _moved_month_list), (_MONTH_RANGE, _moved_month_range),
             (_YEAR_LIST, _moved_year_list), (_SINGLE_YEAR, _moved_single_year))
    matches = sorted(((m, rewrite) for pattern, rewrite in rules for m in pattern.finditer(text)),
                     key=lambda found: (found[0].start(), -found[0].end()))
    parts, position = [], 0
    for match, rewrite in matches:
        if match.start() < position:
            continue
        parts += [text[position:match.start()], rewrite(match, today=today)]
        position = match.end()
    return "".join(parts) + text[position:]


def _moved_month_list(match: re.Match, *, today: date) -> str:
    last = re.split(r"\s*,\s*|\s+en\s+", match["months"])[-1]
    months = _months_after(int(match["year"]), _month_index(last), today=today)
    return months_in_words(months) if months else match.group(0)


def _moved_month_range(match: re.Match, *, today: date) -> str:
    months = _months_after(int(match["year"]), _month_index(match["last"]), today=today)
    if not months:
        return match.group(0)
    if len(months) == 1:
        return f"{match['lead']} {months_in_words(months)}"
    (y1, m1), (y2, m2) = months[0], months[-1]
    joiner = "en" if match["lead"].lower() == "tussen" else "tot en met"
    first = MONTH_NAMES[m1 - 1] + ("" if y1 == y2 else f" {y1}")
    return f"{match['lead']} {first} {joiner} {MONTH_NAMES[m2 - 1]} {y2}"


def _years_after(year: int, *, today: date) -> list[str]:
    return [str(y) for y in range(year + 1, today.year)]


def _moved_year_list(match: re.Match, *, today: date) -> str:
    before = match.string[:match.start()].split()
    if before and before[-1].lower() in MONTH_NAMES:  # "15 juni 2022 en 2023": a date, then a year
        return match.group(0)
    last = int(re.split(r"\s*,\s*|\s+en\s+", match["years"])[-1])
    years = _years_after(last, today=today)
    return dutch_list(years) if years else match.group(0)


def _moved_single_year(match: re.Match, *, today: date) -> str:
    years = _years_after(int(match["year"]), today=today)
    if not years:
        return match.group(0)
    article = match["article"]
    if article:
        article = "het jaar " if len(years) == 1 else "de jaren "
    return f"{match['lead']} {article or ''}{dutch_list(years)}"
