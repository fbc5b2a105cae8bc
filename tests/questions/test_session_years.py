from datetime import date

import pytest

from svtracker.parsing import session_for
from svtracker.questions.models import SessionYear
from svtracker.questions.selectors import session_on

pytestmark = pytest.mark.django_db


def test_session_year_comes_from_the_parliaments_table_before_the_rule():
    # The parliament opened 2024-2025 a week early: its own table says so, the rule does not know.
    SessionYear.objects.create(name="2024-2025", start=date(2024, 9, 16), end=date(2025, 9, 21))
    assert session_for(date(2024, 9, 17)) == "2023-2024"
    assert session_on(date(2024, 9, 17)) == "2024-2025"


def test_session_year_falls_back_to_the_rule_where_the_table_is_silent():
    assert session_on(date(2031, 1, 5)) == "2030-2031"
