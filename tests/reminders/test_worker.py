"""A real Celery worker on the real Redis broker and PostgreSQL, sending to a real local SMTP server.

The worker runs as a subprocess against the pytest test database (transactional tests, so it sees the
rows), with a short retry backoff. Eager mode would hide what matters here: duplicate deliveries of a
task, retries with backoff in the worker, and the failed state after the last retry.
"""

import socket
import uuid
from datetime import date

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.urls import reverse

from svtracker.celery import app as celery_app
from svtracker.reminders.models import Digest, Reminder
from svtracker.reminders.services import run_reminders
from svtracker.reminders.tasks import send_digest
from tests.celeryworker import start_worker, stop_process, wait_for
from tests.factories import MembershipFactory, ProfileFactory, PromiseFactory, QuestionFactory, UserFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

REDIS_URL = settings.REDIS_URL or "redis://127.0.0.1:6379/4"
MAX_RETRIES = 3
SCAN_DAY = date(2026, 2, 16)  # a Monday


class Mailbox:
    """aiosmtpd handler: keeps what it accepts; answers 451 to the first `refuse` messages (-1: always)."""

    def __init__(self, port: int):
        self.port = port
        self.messages = []
        self.attempts = 0
        self.refuse = 0

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.refuse:
            if self.refuse > 0:
                self.refuse -= 1
            return "451 4.3.0 try again later"
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mailbox():
    handler = Mailbox(free_port())
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def worker(mailbox, tmp_path):
    """`celery -A svtracker worker` as a subprocess on our Redis db, the test database and the local SMTP."""
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = REDIS_URL
    celery_app.control.purge()
    process = start_worker(log=tmp_path / "worker.log", broker=REDIS_URL, smtp_port=mailbox.port,
                           name="svt-rem", REMINDER_MAX_RETRIES=str(MAX_RETRIES))
    try:
        yield tmp_path / "worker.log"
    finally:
        stop_process(process)
        celery_app.conf.task_always_eager = True


def office_with_due_items(office, staff):
    """Two staff members; a question late on SCAN_DAY and a promise due that day."""
    colleague = UserFactory(username="bo")
    MembershipFactory(user=colleague, office=office)
    ProfileFactory(user=colleague)
    # Asked Mon 12 January 2026 -> counted from Mon 19 January -> due Fri 13 February: late on the 16th.
    QuestionFactory(office=office, date=date(2026, 1, 12), number=77)
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=SCAN_DAY)
    return [staff, colleague]


def test_scan_twice_and_task_delivered_twice_send_one_email_per_person(office, staff, mailbox, worker):
    people = office_with_due_items(office, staff)
    run_reminders(on=SCAN_DAY)
    run_reminders(on=SCAN_DAY)
    digests = list(Digest.objects.all())
    assert len(digests) == 2
    for digest in digests:  # the broker redelivers: same task id twice, and a fresh duplicate
        task_id = str(uuid.uuid4())
        send_digest.apply_async(args=[digest.pk], task_id=task_id)
        send_digest.apply_async(args=[digest.pk], task_id=task_id)
        send_digest.delay(digest.pk)
    wait_for(lambda: Digest.objects.filter(status=Digest.Status.SENT).count() == 2, timeout=60,
             message=worker.read_text())
    wait_for(lambda: worker.read_text().count("succeeded") >= 8, timeout=30, message=worker.read_text())
    assert sorted(rcpt for m in mailbox.messages for rcpt in m.rcpt_tos) == sorted(p.email for p in people)
    assert Reminder.objects.count() == 4  # 2 items x 2 people
    body = mailbox.messages[0].content.decode()
    assert "antwoord te laat" in body and "Vandaag verwacht" in body


def test_smtp_refusing_the_first_attempts_gets_the_email_delivered_after_retries(
        office, staff, mailbox, worker):
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=SCAN_DAY)
    mailbox.refuse = 2
    run_reminders(on=SCAN_DAY)
    digest = Digest.objects.get()
    wait_for(lambda: Digest.objects.get(pk=digest.pk).status == Digest.Status.SENT, timeout=60,
             message=worker.read_text())
    digest.refresh_from_db()
    assert digest.attempts == 3 and mailbox.attempts == 3
    assert [m.rcpt_tos for m in mailbox.messages] == [[staff.email]]
    assert "Retry in" in worker.read_text()


def test_smtp_refusing_every_attempt_leaves_a_failed_row_staff_can_see_and_retry(
        office, staff, staff_client, mailbox, worker):
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=SCAN_DAY)
    mailbox.refuse = -1
    run_reminders(on=SCAN_DAY)
    digest = Digest.objects.get()
    wait_for(lambda: Digest.objects.get(pk=digest.pk).status == Digest.Status.FAILED, timeout=60,
             message=worker.read_text())
    digest.refresh_from_db()
    assert digest.attempts == MAX_RETRIES + 1 and "451" in digest.last_error
    assert mailbox.messages == []

    page = staff_client.get(reverse("reminders:outbox"))
    assert page.status_code == 200
    assert b"failed-digest" in page.content and staff.email.encode() in page.content

    mailbox.refuse = 0
    staff_client.post(reverse("reminders:retry", args=[digest.pk]))
    wait_for(lambda: Digest.objects.get(pk=digest.pk).status == Digest.Status.SENT, timeout=60,
             message=worker.read_text())
    assert [m.rcpt_tos for m in mailbox.messages] == [[staff.email]]
