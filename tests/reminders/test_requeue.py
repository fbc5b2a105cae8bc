"""A digest that did not go out (broker down at the scan, or a worker that died while sending) is never lost:
the next day's scan queues it again, whatever its day. A broker that is down does not crash the scan."""

import socket
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from svtracker.celery import app as celery_app
from svtracker.promises.models import Promise
from svtracker.reminders.models import Digest, Reminder
from svtracker.reminders.services import run_reminders
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
