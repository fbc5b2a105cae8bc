"""Column labels of the ministers' tables read as periods, so that answers line up over time."""

from datetime import date

import pytest

from svtracker.figures.periods import (
    DAY,
    HALF,
    MONTH,
    QUARTER,
    YEAR,
    Period,
    column_periods,
    context_years,
    header_above,
    parse_period,
)


@pytest.mark.parametrize(("label", "year", "expected"), [
    ("maart", 2022, Period(date(2022, 3, 1), MONTH)),
    ("Juni", 2022, Period(date(2022, 6, 1), MONTH)),
    ("mrt 2022", None, Period(date(2022, 3, 1), MONTH)),
    ("mrt.", 2021, Period(date(2021, 3, 1), MONTH)),
    ("maart '22", None, Period(date(2022, 3, 1), MONTH)),
    ("sept-21", None, Period(date(2021, 9, 1), MONTH)),
    ("2022 mei", None, Period(date(2022, 5, 1), MONTH)),
    ("2022-03", None, Period(date(2022, 3, 1), MONTH)),
    ("03/2022", None, Period(date(2022, 3, 1), MONTH)),
    ("Q1 2022", None, Period(date(2022, 1, 1), QUARTER)),
    ("2022 Q3", None, Period(date(2022, 7, 1), QUARTER)),
    ("K4", 2023, Period(date(2023, 10, 1), QUARTER)),
    ("eerste kwartaal 2020", None, Period(date(2020, 1, 1), QUARTER)),
    ("2e kwartaal", 2020, Period(date(2020, 4, 1), QUARTER)),
    ("kwartaal 2 2021", None, Period(date(2021, 4, 1), QUARTER)),
    ("1ste semester 2023", None, Period(date(2023, 1, 1), HALF)),
    ("S2 2022", None, Period(date(2022, 7, 1), HALF)),
    ("2022", None, Period(date(2022, 1, 1), YEAR)),
    ("2023", 2022, Period(date(2023, 1, 1), YEAR)),
    ("5/2/2024", None, Period(date(2024, 2, 5), DAY)),
    ("30 november 2023", None, Period(date(2023, 11, 30), DAY)),
    (date(2022, 4, 1), None, Period(date(2022, 4, 1), MONTH)),
    (date(2022, 4, 15), None, Period(date(2022, 4, 15), DAY)),
])
def test_dutch_period_labels_are_read(label, year, expected):
    assert parse_period(label, year=year) == expected


@pytest.mark.parametrize("label", ["totaal", "Totaal", "<2m", ">2m", "niet ingeschreven", "", "100%",
                                   "31/2/2024", "13/2022", "Q5 2022", "rechthebbend"])
def test_labels_that_are_no_period_give_none(label):
    assert parse_period(label, year=2022) is None


def test_a_month_without_year_is_no_period_without_context():
    """Figures of different years are never lined up by guessing the year."""
    assert parse_period("maart") is None


def test_year_of_a_two_line_header_is_the_context():
    """Seed 000: "2022" on the line above "maart april mei juni"."""
    periods = column_periods(["maart", "april", "mei", "juni"], context=("2022",))
    assert [p.label for p in periods] == ["maart 2022", "april 2022", "mei 2022", "juni 2022"]
    assert context_years("2022 2023 totaal") == [2022, 2023]


def test_months_over_a_new_year_take_the_next_year():
    periods = column_periods(["sep", "okt", "nov", "dec", "jan", "feb", "mrt"], context=("2021 2022",))
    assert [p.label for p in periods][3:5] == ["december 2021", "januari 2022"]


def test_months_without_any_year_end_in_the_year_of_the_answer():
    periods = column_periods(["november", "december", "januari"], fallback_year=2024)
    assert [p.label for p in periods] == ["november 2023", "december 2023", "januari 2024"]
    assert column_periods(["maart"]) == [None]


def test_columns_that_are_no_period_stay_none_between_periods():
    """Seed 001: "2022 2023 totaal"."""
    periods = column_periods(["2022", "2023", "totaal"])
    assert [p and p.label for p in periods] == ["2022", "2023", None]


def test_periods_order_by_start_and_read_back_in_dutch():
    periods = [parse_period(x, year=2022) for x in ("juni", "maart", "mei")]
    assert [p.label for p in sorted(periods)] == ["maart 2022", "mei 2022", "juni 2022"]
    assert Period(date(2022, 7, 1), QUARTER).label == "K3 2022"
    assert Period(date(2024, 2, 5), DAY).label == "5/2/2024"


SEED_000_ANSWER = """Er zijn 7 opstarten MO: januari, maart, mei, juli, augustus, september en november.

2022 maart april mei juni
annulering agentschap 190 39 162 20

overmacht (centrum) 94 16 80 4
leerkracht/tolk niet beschikbaar 54 9 23 15
"""


def test_period_heading_above_a_table_without_header_is_found():
    """Seed 000 as the reader reflows it: the heading, a lone first row, a blank line, the table."""
    assert header_above(SEED_000_ANSWER, "overmacht (centrum)", 4) == (
        ("", "maart", "april", "mei", "juni"), "2022")
    assert header_above(SEED_000_ANSWER, "overmacht (centrum)", 3) is None
    assert header_above(SEED_000_ANSWER, "onbekende rij", 4) is None
    assert header_above("Hieronder de cijfers.\nrechthebbend 3.091 5.025", "rechthebbend", 2) is None
