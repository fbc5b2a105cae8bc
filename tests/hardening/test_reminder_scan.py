"""The daily scan decides in one SQL query what promise_reminder (the office's warn policy) decides per
promise in Python: the same reminders for any expected date, snooze, warn and repeat setting and day."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svtracker.promises.models import Promise
from svtracker.reminders.selectors import due_promises, promise_reminder, working_calendar
from tests.factories import PromiseFactory, QuestionFactory

DAY = date(2025, 3, 17)


@pytest.mark.django_db
@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(expected=st.integers(-60, 40), snooze=st.one_of(st.none(), st.integers(-60, 40)),
       warn=st.integers(0, 10), repeat=st.sampled_from([0, 1, 7, 14, 30]), on=st.integers(0, 40),
       status=st.sampled_from(Promise.Status.values))
def test_scan_query_reminds_of_exactly_the_promises_the_policy_names(office, expected, snooze, warn, repeat,
                                                                     on, status):
    office.warn_days_before, office.repeat_every_days = warn, repeat
    office.save()
    scan_day = DAY + timedelta(days=on)
    promise = PromiseFactory(question=QuestionFactory(office=office), expected=DAY + timedelta(days=expected),
                             snoozed_until=None if snooze is None else DAY + timedelta(days=snooze),
                             status=status)
    plain = working_calendar().without_pauses()
    try:
        found = due_promises(office=office, on=scan_day, calendar=plain)
        wanted = promise_reminder(expected=promise.expected, on=scan_day, warn_days_before=warn,
                                  repeat_every_days=repeat, snoozed_until=promise.snoozed_until,
                                  calendar=plain) if promise.is_open else None
        assert found == ([(promise.pk, *wanted)] if wanted else [])
    finally:
        promise.question.delete()
