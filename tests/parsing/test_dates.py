"""Dutch dates, session years, vague periods."""

from __future__ import annotations

from datetime import date

import pytest

from svtracker.parsing import session_for
from svtracker.parsing.dates import add_months, date_for_period, parse_dutch_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("datum: 15 juni 2022", date(2022, 6, 15)),
        ("van 2 oktober\n2023 is", date(2023, 10, 2)),
        ("tot 5/2/2024 23.579 personen", date(2024, 2, 5)),
        ("op 8/10/2020 271 personen", date(2020, 10, 8)),
        ("sinds 29/02/2016", date(2016, 2, 29)),
        ("31 februari 2023 of 1 maart 2023", date(2023, 3, 1)),
        ("geen datum", None),
    ],
)
def test_dutch_dates_in_words_and_digits(text, expected):
    assert parse_dutch_date(text) == expected


@pytest.mark.parametrize(
    ("day", "session"),
    [
        (date(2016, 9, 13), "2015-2016"),  # question 714
        (date(2016, 9, 26), "2016-2017"),  # fourth Monday of September 2016
        (date(2020, 9, 30), "2020-2021"),  # question 6
        (date(2023, 10, 22), "2023-2024"),
        (date(2024, 1, 26), "2023-2024"),  # question 125
        (date(2019, 9, 22), "2018-2019"),
        (date(2019, 9, 23), "2019-2020"),
    ],
)
def test_session_year_starts_on_fourth_monday_of_september(day, session):
    assert session_for(day) == session


def test_add_months_clamps_to_month_end():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 10, 2), 6) == date(2024, 4, 2)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("vanaf het najaar 2021", date(2021, 9, 30)),
        ("in het voorjaar 2025", date(2025, 3, 31)),
        ("dit najaar", date(2024, 9, 30)),
        ("eind mei", date(2024, 5, 31)),
        ("in de loop van juni", date(2024, 6, 30)),
        ("begin december", date(2024, 12, 10)),
        ("voor het zomerreces", date(2024, 7, 15)),
        ("eind januari", date(2025, 1, 31)),  # already past in the reference year: next year
        ("binnenkort", date(2024, 5, 26)),
        ("op korte termijn", date(2024, 5, 26)),
    ],
)
def test_vague_periods_map_to_documented_dates(phrase, expected):
    assert date_for_period(phrase, date(2024, 2, 26))[0] == expected


def test_vague_period_basis_is_dutch_and_interval_overridable():
    expected, basis = date_for_period("binnenkort", date(2024, 2, 26), default_months=1)
    assert expected == date(2024, 3, 26)
    assert "1 maanden na de vraagdatum 26 februari 2024" in basis
    assert date_for_period("geen periode", date(2024, 2, 26)) == (None, "periode niet herkend")
