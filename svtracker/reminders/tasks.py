"""Thin Celery tasks: the daily scan (beat, 08:00 Brussels), the sweep for digests left behind (beat, every
few minutes) and sending one digest email. Each has a soft and a hard time limit (settings)."""

from smtplib import SMTPException

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils import timezone

from . import services


def limits(name: str) -> dict:
    """The soft and hard time limits of a task from settings REMINDER_<name>_SOFT_TIME_LIMIT / _TIME_LIMIT."""
    return {"soft_time_limit": getattr(settings, f"REMINDER_{name}_SOFT_TIME_LIMIT"),
            "time_limit": getattr(settings, f"REMINDER_{name}_TIME_LIMIT")}


class DigestTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """Called once the retries are used up (or on an error not worth retrying)."""
        digest_id = kwargs.get("digest_id", args[0] if args else None)
        if digest_id is not None:
            services.mark_digest_failed(digest_id=digest_id, error=repr(exc))


@shared_task(name="svtracker.reminders.tasks.run_daily_reminders", acks_late=True,
             **limits("SCAN"))
def run_daily_reminders():
    result = services.run_reminders(on=timezone.localdate())
    return {"reminders": len(result.reminders), "digests": len(result.digests)}


@shared_task(name="svtracker.reminders.tasks.requeue_stuck_digests", acks_late=True,
             **limits("SWEEP"))
def requeue_stuck_digests():
    return {"requeued": len(services.requeue_stuck_digests())}


# A send that hangs is stopped well inside REMINDER_SENDING_LEASE: no other worker takes over a digest whose
# send may still be going on.
@shared_task(base=DigestTask, bind=True, name="svtracker.reminders.tasks.send_digest", acks_late=True,
             **limits("SEND"),
             autoretry_for=(SMTPException, ConnectionError, OSError, SoftTimeLimitExceeded),
             retry_backoff=settings.REMINDER_RETRY_BACKOFF,
             retry_backoff_max=settings.REMINDER_RETRY_BACKOFF_MAX, retry_jitter=True,
             max_retries=settings.REMINDER_MAX_RETRIES)
def send_digest(self, digest_id: int):
    return services.deliver_digest(digest_id=digest_id)
