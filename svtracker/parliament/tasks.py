"""Thin Celery tasks for the parliament sync (beat: settings.CELERY_BEAT_SCHEDULE["parliament-sync"])."""

from celery import shared_task
from django.conf import settings

from svtracker.accounts.models import Office

from . import selectors, services


@shared_task(name="svtracker.parliament.tasks.sync_all_offices", acks_late=True)
def sync_all_offices() -> int:
    """Queue one sync per office that follows members; nothing at all when no base URL is configured."""
    if not settings.PARLIAMENT_API_URL:
        return 0
    office_ids = list(selectors.offices_following_members().values_list("pk", flat=True))
    for office_id in office_ids:
        sync_office.delay(office_id=office_id)
    return len(office_ids)


# The run stops itself between questions at PARLIAMENT_SYNC_SOFT_TIME_LIMIT; Celery's soft limit a minute
# later interrupts a request that hangs past it, and its hard limit ends the worker's task in any case.
@shared_task(name="svtracker.parliament.tasks.sync_office", acks_late=True,
             soft_time_limit=settings.PARLIAMENT_SYNC_SOFT_TIME_LIMIT + 60,
             time_limit=settings.PARLIAMENT_SYNC_TIME_LIMIT)
def sync_office(*, office_id: int) -> dict:
    try:
        report = services.sync_office(office=Office.objects.get(pk=office_id),
                                      time_limit=settings.PARLIAMENT_SYNC_SOFT_TIME_LIMIT)
    except services.SyncAlreadyRunning as refused:
        return {"refused": str(refused)}
    return {"found": report.found, "imported": len(report.imported), "answered": len(report.answered),
            "failed": len(report.failed) + len(report.errors), "hits_reported": report.hits_reported,
            "hits_received": report.hits_received}
