"""Faults under the reminders: a Celery worker killed (SIGKILL) in the middle of a batch of digests, one
killed between the SMTP server's acceptance and its sent mark, and Redis stopped for a while. Afterwards every
person has their digest exactly once, or, in the one window SMTP leaves open, twice as the same message.

Real worker subprocesses on Redis and the pytest test database, a real local SMTP server (the fixtures and
helpers of tests/reminders/test_worker.py). Redis for the outage test is our own redis-server process on a
free port, never the shared one.
"""

from __future__ import annotations

import asyncio
import email
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings

from svtracker.celery import app as celery_app
from svtracker.reminders.models import Digest
from svtracker.reminders.services import digest_message_id, run_reminders
from svtracker.reminders.tasks import requeue_stuck_digests
from tests.celeryworker import start_worker, stop_process, wait_for
from tests.factories import MembershipFactory, ProfileFactory, PromiseFactory, QuestionFactory, UserFactory
from tests.reminders.test_worker import SCAN_DAY, Mailbox, free_port

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

VISIBILITY_TIMEOUT = 3  # seconds before a dead worker's task goes back to the queue
SENDING_LEASE = 1  # seconds before a digest left "sending" may be taken over


class HeldMailbox(Mailbox):
    """Accepts `accept` messages, then holds the next one open (no reply) until `release` is set.

    A client that dies while held never gets its 250: aiosmtpd cancels the handler, nothing is delivered.
    """

    def __init__(self, port: int, accept: int):
        super().__init__(port)
        self.accept = accept
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if len(self.messages) >= self.accept and not self.release.is_set():
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def mailbox():
    """A mailbox that accepts everything (the held one, released from the start)."""
    handler = HeldMailbox(free_port(), accept=0)
    handler.release.set()
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    yield handler
    controller.stop()


@pytest.fixture
def held_mailbox():
    handler = HeldMailbox(free_port(), accept=2)
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    try:
        yield handler
    finally:
        handler.release.set()
        controller.stop()


class Workers:
    """Starts `celery -A svtracker worker` subprocesses; kills them all at the end."""

    def __init__(self, tmp_path: Path, broker: str, smtp_port: int):
        self.tmp_path, self.broker, self.smtp_port = tmp_path, broker, smtp_port
        self.processes: list[subprocess.Popen] = []

    def start(self) -> tuple[subprocess.Popen, Path]:
        log = self.tmp_path / f"worker-{len(self.processes)}.log"
        process = start_worker(log=log, broker=self.broker, smtp_port=self.smtp_port, name="svt-fault",
                               CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT),
                               REMINDER_SENDING_LEASE=str(SENDING_LEASE))
        self.processes.append(process)
        return process, log

    def stop_all(self):
        for process in self.processes:
            stop_process(process)


@pytest.fixture
def broker_for_test():
    """Point the test process's Celery at a broker (ours or the configured one) with eager mode off."""

    def fresh_connections():
        # What Celery does after a fork: the next publish connects to the broker configured now.
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    def use(url: str):
        celery_app.conf.task_always_eager = False
        celery_app.conf.broker_url = url
        celery_app.conf.broker_transport_options = {"visibility_timeout": VISIBILITY_TIMEOUT}
        fresh_connections()
        celery_app.control.purge()

    yield use
    fresh_connections()
    celery_app.conf.broker_url = settings.CELERY_BROKER_URL
    celery_app.conf.broker_transport_options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    celery_app.conf.task_always_eager = True


def staff_with_a_due_promise(office, staff, people: int) -> list:
    """`people` staff in the office, each due one digest on SCAN_DAY about the same promise."""
    users = [staff]
    for i in range(people - 1):
        user = UserFactory(username=f"medewerker{i}")
        MembershipFactory(user=user, office=office)
        ProfileFactory(user=user)
        users.append(user)
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=SCAN_DAY)
    return users


def delivered_to(mailbox) -> list[str]:
    return sorted(rcpt for message in mailbox.messages for rcpt in message.rcpt_tos)


def test_worker_killed_mid_batch_every_digest_is_sent_exactly_once(
        office, staff, held_mailbox, tmp_path, broker_for_test):
    broker = settings.REDIS_URL or "redis://127.0.0.1:6379/6"
    broker_for_test(broker)
    people = staff_with_a_due_promise(office, staff, people=5)
    workers = Workers(tmp_path, broker, held_mailbox.port)
    try:
        first, _log = workers.start()
        run_reminders(on=SCAN_DAY)  # five digests queued after commit
        assert Digest.objects.count() == 5
        wait_for(held_mailbox.holding.is_set, timeout=60, message="two emails out, the third in progress")
        os.kill(first.pid, signal.SIGKILL)  # mid-send: the third digest is "sending", its task unacknowledged
        first.wait(timeout=10)
        assert len(held_mailbox.messages) == 2
        assert Digest.objects.filter(status=Digest.Status.SENDING).count() == 1

        held_mailbox.release.set()
        time.sleep(VISIBILITY_TIMEOUT + 1)  # the dead worker's task becomes visible again
        _second, log = workers.start()
        wait_for(lambda: Digest.objects.filter(status=Digest.Status.SENT).count() == 5, timeout=90,
                 message=log.read_text())
        time.sleep(VISIBILITY_TIMEOUT + 2)  # any late redelivery would show up as a second email now
    finally:
        workers.stop_all()
    assert delivered_to(held_mailbox) == sorted(p.email for p in people)
    retaken = Digest.objects.get(attempts=2)
    assert retaken.status == Digest.Status.SENT
    assert set(Digest.objects.exclude(pk=retaken.pk).values_list("attempts", flat=True)) == {1}


class KillingMailbox(Mailbox):
    """Stores the first message (the server has it: accepted), then kills the worker that sent it before its
    250 gets back: for the worker, the same as dying between the server's acceptance and its sent mark."""

    def __init__(self, port: int):
        super().__init__(port)
        self.victim: subprocess.Popen | None = None

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        if self.victim is not None:
            os.kill(self.victim.pid, signal.SIGKILL)
            self.victim = None
        return "250 OK"


@pytest.fixture
def killing_mailbox():
    handler = KillingMailbox(free_port())
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    yield handler
    controller.stop()


def test_worker_killed_between_smtp_acceptance_and_the_sent_mark_sends_the_same_message_once_more(
        office, staff, killing_mailbox, tmp_path, broker_for_test):
    broker = settings.REDIS_URL or "redis://127.0.0.1:6379/6"
    broker_for_test(broker)
    staff_with_a_due_promise(office, staff, people=1)
    workers = Workers(tmp_path, broker, killing_mailbox.port)
    try:
        first, _log = workers.start()
        killing_mailbox.victim = first
        run_reminders(on=SCAN_DAY)
        first.wait(timeout=60)
        digest = Digest.objects.get()
        assert digest.status == Digest.Status.SENDING and len(killing_mailbox.messages) == 1

        _second, log = workers.start()
        time.sleep(SENDING_LEASE + 0.5)
        requeue_stuck_digests.delay()  # what beat's sweep does every few minutes
        wait_for(lambda: Digest.objects.get().status == Digest.Status.SENT, timeout=60,
                 message=log.read_text())
        requeue_stuck_digests.delay()
        time.sleep(VISIBILITY_TIMEOUT + 2)  # the dead worker's own task, redelivered, finds it sent
    finally:
        workers.stop_all()
    digest.refresh_from_db()
    assert (digest.status, digest.attempts) == (Digest.Status.SENT, 2)
    ids = [email.message_from_bytes(m.original_content)["Message-ID"] for m in killing_mailbox.messages]
    assert ids == [digest_message_id(digest)] * 2  # a server or client that de-duplicates shows it once


class OwnRedis:
    """A redis-server of our own on a free port, to stop and start without touching the shared one."""

    def __init__(self, tmp_path: Path):
        self.port = free_port()
        self.tmp_path = tmp_path
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no", "--dir", str(self.tmp_path)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self._answers, timeout=20, message="redis start")

    def _answers(self) -> bool:
        import redis

        try:
            return redis.Redis.from_url(self.url, socket_timeout=1).ping()
        except redis.ConnectionError:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def own_redis(tmp_path):
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.stop()


def test_redis_stopped_for_a_while_digests_go_out_once_when_it_is_back(
        office, staff, mailbox, tmp_path, own_redis, broker_for_test):
    broker_for_test(own_redis.url)
    people = staff_with_a_due_promise(office, staff, people=3)
    workers = Workers(tmp_path, own_redis.url, mailbox.port)
    try:
        _worker, log = workers.start()
        own_redis.stop()  # Redis goes away: the worker loses its broker, the scan cannot queue
        assert run_reminders(on=SCAN_DAY).broker_down  # logged, not raised; its outbox rows are committed
        assert Digest.objects.filter(status=Digest.Status.READY).count() == 3
        time.sleep(2)
        own_redis.start()  # back, empty (no persistence): what was never queued must be found again
        wait_for(lambda: b"Connected to redis" in log.read_bytes().split(b"ready.", 1)[-1], timeout=60,
                 message=log.read_text())
        run_reminders(on=SCAN_DAY)  # the next run (a rerun, or the next day's beat) queues them again
        wait_for(lambda: Digest.objects.filter(status=Digest.Status.SENT).count() == 3, timeout=60,
                 message=log.read_text())
        run_reminders(on=SCAN_DAY)
        time.sleep(3)
    finally:
        workers.stop_all()
    assert delivered_to(mailbox) == sorted(p.email for p in people)
