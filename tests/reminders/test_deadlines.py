"""The minister's answer deadline against dates worked out by hand (DOMAIN.md, "Deadlines")."""

from datetime import date

import pytest

from svtracker.reminders import deadlines
from svtracker.reminders.deadlines import HOLIDAY, PAUSE, WorkingCalendar, answer_deadline
from svtracker.reminders.models import RecessPeriod
from svtracker.reminders.selectors import answer_deadline_for
from svtracker.reminders.services import save_recess_period
from tests.factories import QuestionFactory

CALENDAR = WorkingCalendar()


def test_question_sent_in_the_week_before_easter_pauses_in_the_second_recess_week():
    # Wed 1 April 2026; Easter Sunday 5 April, so the recess is 6-19 April (first Monday of April).
    # Week of reception: Mon 30 March - Sun 5 April. Mon 6 April is Easter Monday -> start Tue 7 April.
    # 7, 8, 9, 10 April = days 1-4; 11-12 weekend; 13-17 April second recess week (pause); 18-19 weekend;
    # 20-24 April = 5-9; 27-30 April = 10-13; Fri 1 May Labour Day; 4-8 May = 14-18; 11 May = 19;
    # Tue 12 May 2026 = day 20.
    deadline = answer_deadline(date(2026, 4, 1), CALENDAR)
    assert deadline.start == date(2026, 4, 7)
    assert deadline.due == date(2026, 5, 12)
    days_off = {(span.reason, span.start, span.end) for span in deadline.days_off}
    assert (HOLIDAY, date(2026, 4, 6), date(2026, 4, 6)) in days_off
    assert (PAUSE, date(2026, 4, 13), date(2026, 4, 19)) in days_off
    assert (HOLIDAY, date(2026, 5, 1), date(2026, 5, 1)) in days_off
    assert deadline.weekend_days == 8  # 11-12, 25-26 April, 2-3 and 9-10 May (18-19 are in the pause)
    # Public 15 working days after 12 May: 13 (1), Ascension 14 skipped, 15 (2), 18-22 (3-7),
    # Whit Monday 25 skipped, 26-29 (8-11), 1-4 June (12-15) -> Thu 4 June 2026.
    assert deadline.public_from == date(2026, 6, 4)


def test_question_sent_in_july_waits_for_the_summer_recess_to_end():
    # Wed 2 July 2025; week Mon 30 June - Sun 6 July -> start Mon 7 July.
    # 7-10 July = days 1-4; Fri 11 July Flemish holiday; 14-18 July = 5-9; 19-20 weekend;
    # 21 July - 31 August summer pause; Mon 1 - Fri 5 September = 10-14; 8-12 September = 15-19;
    # Mon 15 September 2025 = day 20.
    deadline = answer_deadline(date(2025, 7, 2), CALENDAR)
    assert deadline.start == date(2025, 7, 7)
    assert deadline.due == date(2025, 9, 15)
    assert (HOLIDAY, date(2025, 7, 11), date(2025, 7, 11), "Feest van de Vlaamse Gemeenschap") in {
        (s.reason, s.start, s.end, s.label) for s in deadline.days_off}
    # The summer pause reads as one span, weekends and 21 July included.
    spans = {(s.reason, s.start, s.end) for s in deadline.days_off}
    assert (PAUSE, date(2025, 7, 21), date(2025, 8, 31)) in spans


def test_question_sent_on_20_december_pauses_from_christmas_to_2_january():
    # Fri 20 December 2024; week Mon 16 - Sun 22 December -> start Mon 23 December.
    # 23, 24 December = days 1-2; 25 December - 2 January pause; Fri 3 January 2025 = 3; 6-10 = 4-8;
    # 13-17 = 9-13; 20-24 = 14-18; Mon 27 = 19; Tue 28 January 2025 = day 20.
    deadline = answer_deadline(date(2024, 12, 20), CALENDAR)
    assert deadline.start == date(2024, 12, 23)
    assert deadline.due == date(2025, 1, 28)
    assert [(s.reason, s.start, s.end) for s in deadline.days_off] == [
        (PAUSE, date(2024, 12, 25), date(2025, 1, 2))]


def test_11_july_on_a_saturday_is_not_skipped_twice():
    # Wed 1 July 2026; week Mon 29 June - Sun 5 July -> start Mon 6 July.
    # 6-10 July = days 1-5; Sat 11 July (Flemish holiday, but a weekend anyway) and Sun 12; 13-17 = 6-10;
    # 18-19 weekend; Mon 20 July = 11; 21 July - 31 August pause (Mon 31 August included);
    # Tue 1 - Fri 4 September = 12-15; 7-10 September = 16-19; Fri 11 September 2026 = day 20.
    deadline = answer_deadline(date(2026, 7, 1), CALENDAR)
    assert deadline.start == date(2026, 7, 6)
    assert deadline.due == date(2026, 9, 11)
    assert not any(s.start <= date(2026, 7, 11) <= s.end for s in deadline.days_off)


def test_11_july_on_a_friday_next_to_the_weekend_gives_three_days_off():
    # Thu 3 July 2025 -> start Mon 7 July; Fri 11 July holiday, then the weekend: Monday 14 is day 5.
    calendar = WorkingCalendar()
    assert calendar.add_working_days(date(2025, 7, 10), 1) == date(2025, 7, 14)
    without = WorkingCalendar(flemish_holiday=False)
    assert without.add_working_days(date(2025, 7, 10), 1) == date(2025, 7, 11)


def test_a_question_received_on_a_monday_still_waits_for_the_next_week():
    # Mon 13 January 2025 -> the week ends Sun 19 -> start Mon 20; 20 working days -> Fri 14 February.
    deadline = answer_deadline(date(2025, 1, 13), CALENDAR)
    assert (deadline.start, deadline.due) == (date(2025, 1, 20), date(2025, 2, 14))


@pytest.mark.parametrize("year, start", [(2022, date(2022, 4, 4)), (2024, date(2024, 4, 1)),
                                         (2025, date(2025, 4, 7)), (2026, date(2026, 4, 6))])
def test_default_easter_recess_follows_the_flemish_school_holidays(year, start):
    assert deadlines.default_recess(deadlines.EASTER, year)[0] == start


@pytest.mark.django_db
def test_recess_dates_entered_by_staff_change_the_deadline():
    question = QuestionFactory(date=date(2025, 7, 2))
    assert answer_deadline_for(question).due == date(2025, 9, 15)
    # The parliament's summer recess started on Mon 14 July that year: days 1-4 before the 11th, then
    # the pause from 14 July to 31 August; 1-5 September = 5-9, 8-12 = 10-14, 15-19 = 15-19, Mon 22 = 20.
    save_recess_period(kind=RecessPeriod.Kind.SUMMER, start=date(2025, 7, 14), end=date(2025, 8, 31))
    assert answer_deadline_for(question).due == date(2025, 9, 22)


@pytest.mark.django_db
def test_answered_question_becomes_public_15_working_days_after_the_answer():
    # Answer Mon 3 February 2025 -> 4-7 (1-4), 10-14 (5-9), 17-21 (10-14), Mon 24 February = 15.
    question = QuestionFactory(date=date(2025, 1, 13), answered=True, answer_date=date(2025, 2, 3))
    deadline = answer_deadline_for(question)
    assert deadline.public_from == date(2025, 2, 24)
    assert not deadline.late
