"""Thin Celery tasks: the daily scan (beat, 08:00 Brussels) and sending one digest email."""

from smtplib import SMTPException

from celery import Task, shared_task
from django.conf import settings
from django.utils import timezone

from . import services


class DigestTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """Called once the retries are used up (or on an error not worth retrying)."""
        digest_id = kwargs.get("digest_id", args[0] if args else None)
        if digest_id is not None:
            services.mark_digest_failed(digest_id=digest_id, error=repr(exc))


@shared_task(name="svtracker.reminders.tasks.run_daily_reminders", acks_late=True)
def run_daily_reminders():
    result = services.run_reminders(on=timezone.localdate())
    return {"reminders": len(result.reminders), "digests": len(result.digests)}


@shared_task(base=DigestTask, bind=True, name="svtracker.reminders.tasks.send_digest", acks_late=True,
             autoretry_for=(SMTPException, ConnectionError, OSError),
             retry_backoff=settings.REMINDER_RETRY_BACKOFF,
             retry_backoff_max=settings.REMINDER_RETRY_BACKOFF_MAX, retry_jitter=True,
             max_retries=settings.REMINDER_MAX_RETRIES)
def send_digest(self, digest_id: int):
    return services.deliver_digest(digest_id=digest_id)
