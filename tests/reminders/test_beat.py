"""The digest goes out at 08:00 Brussels time on both sides of the change to and from summer time."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from celery.schedules import crontab
from django.conf import settings

from svtracker.celery import app as celery_app

BRUSSELS = ZoneInfo("Europe/Brussels")


def beat_schedule_at(now: datetime) -> crontab:
    """The configured daily-reminders schedule, evaluated by Celery as if the clock showed `now`."""
    entry = settings.CELERY_BEAT_SCHEDULE["daily-reminders"]
    assert entry["task"] == "svtracker.reminders.tasks.run_daily_reminders"
    configured = entry["schedule"]
    return crontab(minute=configured._orig_minute, hour=configured._orig_hour,
                   day_of_week=configured._orig_day_of_week, nowfun=lambda: now, app=celery_app)


@pytest.mark.parametrize("last_run, now, expected_utc", [
    # Summer time starts Sun 29 March 2026 at 02:00: Saturday's run was 07:00 UTC, Sunday's is 06:00 UTC.
    (datetime(2026, 3, 28, 8, tzinfo=BRUSSELS), datetime(2026, 3, 28, 20, tzinfo=UTC),
     datetime(2026, 3, 29, 6, tzinfo=UTC)),
    (datetime(2026, 3, 29, 8, tzinfo=BRUSSELS), datetime(2026, 3, 29, 12, tzinfo=UTC),
     datetime(2026, 3, 30, 6, tzinfo=UTC)),
    # Summer time ends Sun 25 October 2026 at 03:00: Saturday's run was 06:00 UTC, Sunday's is 07:00 UTC.
    (datetime(2026, 10, 24, 8, tzinfo=BRUSSELS), datetime(2026, 10, 24, 20, tzinfo=UTC),
     datetime(2026, 10, 25, 7, tzinfo=UTC)),
    (datetime(2026, 10, 25, 8, tzinfo=BRUSSELS), datetime(2026, 10, 25, 12, tzinfo=UTC),
     datetime(2026, 10, 26, 7, tzinfo=UTC)),
])
def test_daily_digest_runs_at_8_brussels_time_across_summer_time_changes(last_run, now, expected_utc):
    assert celery_app.conf.timezone == "Europe/Brussels"
    state = beat_schedule_at(now).is_due(last_run)
    assert not state.is_due
    next_run = now + timedelta(seconds=state.next)
    assert next_run == expected_utc
    assert next_run.astimezone(BRUSSELS).strftime("%H:%M") == "08:00"
    assert not beat_schedule_at(expected_utc - timedelta(minutes=1)).is_due(last_run).is_due
    assert beat_schedule_at(expected_utc).is_due(last_run).is_due
