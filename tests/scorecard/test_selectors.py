"""The scorecard's figures on a dataset whose answers are worked out by hand (conftest.build)."""

from datetime import date

from svtracker.scorecard.selectors import Scope, question_ids, scorecard

from .conftest import TODAY


def card_for(
    ds, *, minister=None, area=None, everything=False, start=date(2024, 1, 1), end=date(2024, 12, 31)
):
    scope = Scope(office=ds.office, start=start, end=end, minister=minister, area=area, everything=everything)
    return scorecard(scope=scope, today=TODAY)


def test_minister_page_counts_answers_on_time_late_and_open_by_the_20_working_day_rule(dataset):
    card = card_for(dataset, minister=dataset.minister_a)
    assert dict(card.questions) == {
        "asked": 320,
        "answered": 260,
        "on_time": 200,
        "late": 60,
        "open_late": 40,
        "open": 20,
        "tijdig": 150,
        "niet_tijdig": 50,
    }
    # 200 answers after 32 days, 60 after 35: the 130th and 131st of 260 are both 32.
    assert card.median_days == 32


def test_promises_delivered_on_time_late_by_how_much_open_and_dropped(dataset):
    card = card_for(dataset, minister=dataset.minister_a)
    assert dict(card.promises) == {
        "promises": 100,
        "delivered": 60,
        "delivered_on_time": 40,
        "delivered_late": 20,
        "overdue": 25,
        "confirmed": 25,
        "dropped": 10,
        "proposed": 5,
    }
    assert (card.median_days_late, card.max_days_late) == (30, 30)  # 3 July for 3 June


def test_months_for_the_charts(dataset):
    months = {m.month: m for m in card_for(dataset, minister=dataset.minister_a).months}
    march = months[date(2024, 3, 1)]
    assert (march.on_time, march.late) == (200, 60)
    may, july = months[date(2024, 5, 1)], months[date(2024, 7, 1)]
    assert (may.kept, may.open) == (40, 60)  # 100 made in March, 40 delivered on 20 May
    assert (july.kept, july.open) == (60, 30)  # 20 more on 3 July, 10 dropped on 1 July
    assert list(months)[0] == date(2024, 1, 1) and list(months)[-1] == date(2024, 12, 1)


def test_policy_area_counts_every_minister_who_held_it(dataset):
    card = card_for(dataset, area=dataset.area, start=date(2022, 1, 1))
    assert (card.questions["asked"], card.questions["on_time"]) == (350, 230)  # 30 of minister B in 2022
    assert card.median_days == 32


def test_own_questions_by_default_and_everything_the_office_knows_on_request(dataset):
    assert card_for(dataset, minister=dataset.minister_a, everything=True).questions["asked"] == 330
    assert card_for(dataset).questions["asked"] == 322  # the two follow-ups to another minister


def test_the_list_behind_a_number_has_as_many_questions(dataset):
    scope = Scope(
        office=dataset.office, start=date(2024, 1, 1), end=date(2024, 12, 31), minister=dataset.minister_a
    )
    assert len(question_ids(scope=scope, what="late", today=TODAY)) == 60


def test_a_recess_entered_by_staff_moves_the_deadline(dataset, staff):
    """An Easter recess entered as 19 February - 3 March 2024 pauses its second week (26 February -
    1 March, five working days): the deadline moves from 8 to 15 March and the answers of 11 March are
    on time."""
    from svtracker.reminders.services import save_recess_period

    save_recess_period(kind="easter", start=date(2024, 2, 19), end=date(2024, 3, 3))
    card = card_for(dataset, minister=dataset.minister_a)
    assert (card.questions["on_time"], card.questions["late"]) == (260, 0)


def test_due_dates_agree_with_the_reminders_deadline_day_by_day(db):
    """Every day of two years (Easter, summer and Christmas recesses, holidays, an entered recess)."""
    from datetime import timedelta

    from svtracker.questions.models import Question
    from svtracker.reminders.selectors import answer_deadline_for, working_calendar
    from svtracker.reminders.services import save_recess_period
    from svtracker.scorecard.selectors import due_dates

    save_recess_period(kind="summer", start=date(2022, 7, 8), end=date(2022, 8, 31))
    days = {date(2021, 6, 1) + timedelta(days=n) for n in range(730)}
    due = due_dates(days, working_calendar())  # the calendar the scorecard reads
    calendar = working_calendar()
    assert due == {day: answer_deadline_for(Question(date=day), calendar=calendar).due for day in days}
