"""A real `celery -A svtracker worker` subprocess for the tests that need one (reminders, hardening).

It runs against the pytest test database (transactional tests, so it sees committed rows), a broker and
a local SMTP server given by the test, with a short retry backoff. On SQLite the test database is a file
(tests/conftest.py) that both processes open, in WAL mode with immediate transactions.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]

# Two processes writing one SQLite file: WAL lets readers go on while one writes, an immediate transaction
# takes the write lock at its start (no deadlock on upgrading a read lock), and a writer waits up to 30 s.
SQLITE_SHARED_OPTIONS = {"timeout": 30, "transaction_mode": "IMMEDIATE",
                         "init_command": "PRAGMA journal_mode=WAL"}


def wait_for(condition, *, timeout: float, message: str = ""):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting: {message}")
        time.sleep(0.2)


def database_url() -> str:
    db = settings.DATABASES["default"]  # at test time: the pytest test database, e.g. test_svt_rem
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}?{urlencode(SQLITE_SHARED_OPTIONS)}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(*, log: Path, broker: str, smtp_port: int, name: str, **extra_env: str) -> subprocess.Popen:
    """Start a solo worker and wait until it says it is ready; its output goes to `log`."""
    env = {**os.environ, "DATABASE_URL": database_url(), "REDIS_URL": broker, "CONN_MAX_AGE": "0",
           "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}", "SITE_URL": "https://svtracker.example.org",
           "REMINDER_RETRY_BACKOFF": "1", "REMINDER_RETRY_BACKOFF_MAX": "2", "SECRET_KEY": "test-secret",
           "DEBUG": "False", "DJANGO_SETTINGS_MODULE": "svtracker.settings", **extra_env}
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "celery"), "-A", "svtracker", "worker", "-P", "solo",
             "-c", "1", "--without-heartbeat", "--without-mingle", "--without-gossip", "-l", "info",
             "-n", f"{name}-{uuid.uuid4().hex[:8]}@%h"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: b"ready." in log.read_bytes() or process.poll() is not None, timeout=60,
                 message="worker start")
        assert process.poll() is None, log.read_text()
    except AssertionError:
        stop_process(process)
        raise
    return process


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
