from datetime import date

import pytest

from svtracker.drafts.periods import months_in_words, moved_period
from svtracker.parsing.dates import format_dutch_date

TODAY = date(2026, 11, 24)


def test_dutch_date_is_written_in_words_without_leading_zero():
    assert format_dutch_date(date(2023, 10, 2)) == "2 oktober 2023"
    assert format_dutch_date(date(2024, 1, 26)) == "26 januari 2024"


def test_listed_months_move_on_to_the_months_since_up_to_the_last_full_month():
    asked = "Kan hij een overzicht geven van de maanden maart, april, mei en juni 2022?"
    assert moved_period(asked, today=date(2022, 11, 3)) == (
        "Kan hij een overzicht geven van de maanden juli, augustus, september en oktober 2022?")


def test_a_long_period_since_is_written_as_a_range():
    asked = "een overzicht van de maanden maart, april, mei en juni 2022"
    moved = moved_period(asked, today=TODAY)
    assert moved == "een overzicht van de maanden juli 2022 tot en met oktober 2026"


def test_months_since_can_cross_a_new_year():
    assert moved_period("cijfers voor oktober en november 2023", today=date(2024, 3, 5)) == (
        "cijfers voor december 2023 en januari en februari 2024")
    assert months_in_words([(2023, 12), (2024, 1)]) == "december 2023 en januari 2024"


def test_a_month_range_moves_on():
    moved = moved_period("tussen april en juni 2020?", today=date(2020, 10, 8))
    assert moved == "tussen juli en september 2020?"


def test_years_move_on_to_the_full_years_since():
    assert moved_period("in 2022 en 2023 in Vlaanderen", today=TODAY) == "in 2024 en 2025 in Vlaanderen"
    assert moved_period("in het jaar 2023:", today=TODAY) == "in de jaren 2024 en 2025:"
    assert moved_period("in het jaar 2023:", today=date(2025, 2, 1)) == "in het jaar 2024:"
    assert moved_period("voor 2021, 2022 en 2023.", today=TODAY) == "voor 2024 en 2025."


@pytest.mark.parametrize("text", [
    "Op 1 maart 2022 ging het gewijzigde decreet van 7 juni 2013 van start.",  # dates, not periods
    "Hoeveel van hen zijn momenteel nog aan het werk?",
    "in 2026",  # the current year is not over yet
    "Kan hij september en oktober 2026 geven?",  # nothing new since October
    "sinds 15 juni 2022 en 2023",
])
def test_text_without_a_period_that_has_moved_stays_as_written(text):
    assert moved_period(text, today=TODAY) == text
