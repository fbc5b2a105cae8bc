"""A digest's mail over real SMTP: the sent mark is written once the server accepted it, before QUIT, and its
Message-ID is the digest's own, the same on every attempt."""

import asyncio
import email

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from svtracker.reminders.models import Digest
from svtracker.reminders.services import digest_message_id, run_reminders
from tests.factories import PromiseFactory, QuestionFactory
from tests.reminders.test_worker import SCAN_DAY, Mailbox, free_port

pytestmark = pytest.mark.django_db(transaction=True)


class QuitWatcher(Mailbox):
    """Notes the digests' statuses in the database at the moment the client says QUIT."""

    def __init__(self, port: int):
        super().__init__(port)
        self.statuses_at_quit: list[list[str]] = []

    async def handle_QUIT(self, server, session, envelope):
        self.statuses_at_quit.append(await asyncio.to_thread(self._statuses))
        return "221 Bye"

    @staticmethod
    def _statuses() -> list[str]:
        try:
            return list(Digest.objects.values_list("status", flat=True))
        finally:
            connection.close()


@pytest.fixture
def smtp(settings):
    handler = QuitWatcher(free_port())
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", handler.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield handler
    finally:
        controller.stop()


def test_digest_is_marked_sent_before_the_smtp_connection_closes_with_its_own_message_id(
        office, staff, smtp, django_capture_on_commit_callbacks):
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=SCAN_DAY)
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=SCAN_DAY)
    digest = Digest.objects.get()
    assert digest.status == Digest.Status.SENT
    assert smtp.statuses_at_quit == [[Digest.Status.SENT]]
    [envelope] = smtp.messages
    sent = email.message_from_bytes(envelope.original_content)
    assert sent["Message-ID"] == digest_message_id(digest) == digest_message_id(Digest.objects.get())
    assert sent["Message-ID"].startswith(f"<digest-{digest.pk}.")
