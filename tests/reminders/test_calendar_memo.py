"""One working-day calendar per process, built anew when the recess dates change, and one rule for the
answer deadline of unanswered questions (dashboard, daily scan and calendar feed read the same)."""

from datetime import date, timedelta

import pytest

from svtracker.reminders.models import RecessPeriod
from svtracker.reminders.selectors import (
    answer_deadline_for,
    answers_late_or_due,
    calendar_entries,
    late_questions,
    working_calendar,
)
from svtracker.reminders.services import save_recess_period
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_calendar_is_kept_between_uses_and_built_anew_when_recess_dates_change(
        office, django_assert_num_queries):
    question = QuestionFactory(office=office, date=date(2025, 7, 2))
    calendar = working_calendar()
    assert answer_deadline_for(question).due == date(2025, 9, 15)  # summer recess from 21 July
    with django_assert_num_queries(1):  # is it still current? no recess queries, no new calendar
        again = working_calendar()
        assert again is calendar
        assert answer_deadline_for(question, calendar=again).due == date(2025, 9, 15)

    save_recess_period(kind="summer", start=date(2025, 7, 14), end=date(2025, 8, 31))
    assert answer_deadline_for(question).due == date(2025, 9, 22)  # the same calendar, brought up to date
    assert working_calendar() is calendar
    RecessPeriod.objects.filter(kind="summer").get().delete()  # the admin, or another process: history row
    assert answer_deadline_for(question).due == date(2025, 9, 15)


def test_dashboard_daily_scan_and_feed_read_one_answer_deadline(office, staff):
    asked = [date(2026, 5, 27), date(2026, 6, 3), date(2026, 6, 30), date(2026, 7, 10)]  # Whit Monday, summer
    questions = [QuestionFactory(office=office, date=day, number=i + 1) for i, day in enumerate(asked)]
    due = {q.pk: answer_deadline_for(q).due for q in questions}
    today = max(due.values()) + timedelta(days=1)  # every one of them late by then
    late, _due_this_week = answers_late_or_due(office=office, today=today)
    assert {q.pk: q.deadline for q in late} == due
    assert {item.item.pk: item.due_date for item in late_questions(office=office, on=today)} == due
    feed = calendar_entries(user=staff)
    assert {entry.pk: entry.day for entry in feed if entry.path_name == "questions:detail"} == due
