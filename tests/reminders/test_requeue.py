"""A digest that did not go out (broker down at the scan, or a worker that died while sending) is never lost:
the sweep beat runs every few minutes, and the next day's scan, queue it again, whatever its day. A broker
that is down does not crash the scan."""

import socket
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from svtracker.celery import app as celery_app
from svtracker.promises.models import Promise
from svtracker.reminders.models import Digest, Reminder
from svtracker.reminders.services import run_reminders
from svtracker.reminders.tasks import requeue_stuck_digests
from tests.factories import PromiseFactory, QuestionFactory

pytestmark = pytest.mark.django_db

MONDAY, TUESDAY = date(2026, 3, 23), date(2026, 3, 24)


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def broker_down():
    """Celery pointed at a Redis port nobody listens on (a real refused connection), eager mode off."""
    configured = celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = f"redis://127.0.0.1:{_unused_port()}/0"
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    celery_app.conf.broker_url = configured
    celery_app.conf.task_always_eager = True


def _due_promise(office):
    return PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=MONDAY,
                          status=Promise.Status.CONFIRMED)


def test_scan_with_the_broker_down_keeps_its_outbox_and_the_digest_ready(
        office, staff, broker_down, django_capture_on_commit_callbacks, caplog):
    _due_promise(office)
    with django_capture_on_commit_callbacks(execute=True):
        result = run_reminders(on=MONDAY)  # no OperationalError: logged, the rows stay
    assert result.broker_down
    assert Reminder.objects.count() == 1
    assert Digest.objects.get().status == Digest.Status.READY
    assert "broker is unreachable" in caplog.text


def test_digest_left_ready_on_an_earlier_day_goes_out_with_the_next_days_scan(
        office, staff, broker_down, django_capture_on_commit_callbacks):
    _due_promise(office)
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=MONDAY)
    monday_digest = Digest.objects.get()
    celery_app.conf.task_always_eager = True  # the broker is back (tasks run in-process)

    with django_capture_on_commit_callbacks(execute=True):
        tuesday = run_reminders(on=TUESDAY)
    assert tuesday.requeued == [monday_digest.pk]
    [message] = mail.outbox
    assert message.to == [staff.email]
    monday_digest.refresh_from_db()
    assert monday_digest.status == Digest.Status.SENT

    with django_capture_on_commit_callbacks(execute=True):
        wednesday = run_reminders(on=TUESDAY + timedelta(days=1))
    assert wednesday.requeued == []
    assert len(mail.outbox) == 1  # sent once


def test_digest_stuck_sending_past_the_lease_goes_out_with_a_later_scan_but_not_within_it(
        office, staff, settings, django_capture_on_commit_callbacks):
    settings.REMINDER_SENDING_LEASE = 60
    _due_promise(office)
    with django_capture_on_commit_callbacks(execute=False):  # scanned, but the worker died mid-send
        run_reminders(on=MONDAY)
    digest = Digest.objects.get()
    Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.SENDING, attempts=1,
                                               sending_since=timezone.now() - timedelta(seconds=30))
    with django_capture_on_commit_callbacks(execute=True):
        within_lease = run_reminders(on=TUESDAY)
    assert within_lease.requeued == [] and mail.outbox == []

    Digest.objects.filter(pk=digest.pk).update(sending_since=timezone.now() - timedelta(seconds=61))
    with django_capture_on_commit_callbacks(execute=True):
        later = run_reminders(on=TUESDAY + timedelta(days=1))
    assert later.requeued == [digest.pk]
    assert len(mail.outbox) == 1
    digest.refresh_from_db()
    assert (digest.status, digest.attempts) == (Digest.Status.SENT, 2)


def test_the_frequent_sweep_takes_over_what_a_worker_left_behind_and_nothing_else(
        office, staff, settings, django_capture_on_commit_callbacks):
    """Beat runs requeue_stuck_digests every few minutes: a digest stuck "sending" past the lease goes out
    within minutes, not with the next day's scan; one being retried or still in its lease is left alone."""
    settings.REMINDER_SENDING_LEASE = 60
    _due_promise(office)
    with django_capture_on_commit_callbacks(execute=False):
        run_reminders(on=MONDAY)
    digest = Digest.objects.get()
    long_ago = timezone.now() - timedelta(seconds=61)
    Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.SENDING, attempts=1,
                                               sending_since=timezone.now() - timedelta(seconds=30))
    assert requeue_stuck_digests.delay().get() == {"requeued": 0}
    Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.READY, created=long_ago)  # in a retry
    assert requeue_stuck_digests.delay().get() == {"requeued": 0}
    assert mail.outbox == []

    Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.SENDING, sending_since=long_ago)
    assert requeue_stuck_digests.delay().get() == {"requeued": 1}
    digest.refresh_from_db()
    assert (digest.status, digest.attempts, len(mail.outbox)) == (Digest.Status.SENT, 2, 1)
    assert requeue_stuck_digests.delay().get() == {"requeued": 0}
    assert len(mail.outbox) == 1


def test_a_ready_digest_whose_task_was_lost_is_queued_by_the_sweep(
        office, staff, settings, django_capture_on_commit_callbacks):
    settings.REMINDER_SENDING_LEASE = 60
    _due_promise(office)
    with django_capture_on_commit_callbacks(execute=False):  # the task never reached the broker
        run_reminders(on=MONDAY)
    assert requeue_stuck_digests.delay().get() == {"requeued": 0}  # just made: its task may be on its way
    Digest.objects.update(created=timezone.now() - timedelta(seconds=61))
    assert requeue_stuck_digests.delay().get() == {"requeued": 1}
    assert Digest.objects.get().status == Digest.Status.SENT and len(mail.outbox) == 1


def test_beat_sweeps_every_few_minutes_and_every_task_has_soft_and_hard_time_limits(settings):
    sweep = settings.CELERY_BEAT_SCHEDULE["reminder-sweep"]
    assert sweep["task"] == requeue_stuck_digests.name and sweep["schedule"] <= 15 * 60
    celery_app.loader.import_default_modules()  # every app's tasks, as a worker finds them
    ours = {name: task for name, task in celery_app.tasks.items() if name.startswith("svtracker.")}
    assert {"svtracker.reminders.tasks.send_digest", "svtracker.parliament.tasks.sync_office"} <= set(ours)
    for name, task in ours.items():
        soft = task.soft_time_limit or celery_app.conf.task_soft_time_limit
        hard = task.time_limit or celery_app.conf.task_time_limit
        assert soft and hard and soft < hard, name
    # A send is stopped before its lease ends; a sync before its task could be delivered again.
    assert ours["svtracker.reminders.tasks.send_digest"].time_limit < settings.REMINDER_SENDING_LEASE
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert ours["svtracker.parliament.tasks.sync_office"].time_limit < visibility
