"""Polite and robust HTTP: retries with jitter that honour Retry-After and retry 429, a minimum interval,
time limits on the run, one run at a time per office."""

import threading

import httpx_retries.retry
import pytest

from svtracker.parliament.client import ParliamentClient
from svtracker.parliament.models import SyncRun
from svtracker.parliament.services import sync_office
from svtracker.questions.models import Question

SEARCH = r"^/api/search/query/"


@pytest.fixture
def sleeps(monkeypatch):
    """The waits the retry transport asks for (recorded, not slept: a test does not wait out Retry-After)."""
    asked = []
    monkeypatch.setattr(httpx_retries.retry.time, "sleep", asked.append)
    return asked


def client_for(parliament, **options):
    return ParliamentClient(api_url=parliament.url, docs_url=parliament.url, timeout=0.5,
                            **{"retries": 2, "backoff": 0, "min_interval": 0, **options})


def test_too_many_requests_is_asked_again_after_the_retry_after_the_server_gives(parliament, sleeps):
    parliament.fail(SEARCH, "429", times=1)

    with client_for(parliament) as client:
        result = client.search_questions(session="2023-2024")

    assert result.reported == 6
    assert sleeps == [3.0]  # Retry-After: 3
    assert sum(path.startswith("/api/search/query/") for path in parliament.requests) == 2


def test_a_failing_server_is_asked_again_with_exponential_backoff_and_jitter(parliament, sleeps):
    parliament.fail(SEARCH, "503", times=2)

    with client_for(parliament, backoff=1.0, retries=3) as client:
        client.search_questions(session="2023-2024")

    first, second = sleeps
    assert 1.0 <= first <= 2.0 and 2.0 <= second <= 4.0  # 50-100 % of 1 s * 2**attempt


def test_429_that_keeps_coming_ends_as_one_readable_line(parliament, sleeps):
    from svtracker.parliament.client import ParliamentError

    parliament.fail(SEARCH, "429_no_header")

    with client_for(parliament) as client, pytest.raises(ParliamentError, match="HTTP-fout 429"):
        client.search_questions(session="2023-2024")
    assert sum(path.startswith("/api/search/query/") for path in parliament.requests) == 3


def test_requests_keep_the_polite_interval(parliament, monkeypatch):
    from svtracker.parliament import client as client_module

    waits = []
    monkeypatch.setattr(client_module.time, "sleep", waits.append)  # the same time module: record only

    with client_for(parliament, min_interval=5.0) as client:
        client.session_years()
        client.session_years()

    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0


@pytest.mark.django_db
def test_a_run_past_its_time_limit_stops_says_so_and_the_next_run_goes_on(office, following, parliament,
                                                                          settings):
    from svtracker.parliament import tasks

    settings.PARLIAMENT_SYNC_SOFT_TIME_LIMIT = 0.001

    tasks.sync_office.delay(office_id=office.pk)

    run = SyncRun.objects.get()
    assert run.finished and any("tijdslimiet" in error for error in run.errors)
    assert not Question.objects.exists()

    report = sync_office(office=office, session="2023-2024")
    assert report.found == 2 and Question.objects.count() == 2


def test_the_task_has_celery_time_limits():
    from svtracker.parliament import tasks

    assert 0 < tasks.sync_office.soft_time_limit < tasks.sync_office.time_limit


@pytest.mark.django_db(transaction=True)
def test_a_second_run_for_the_same_office_is_refused_while_the_first_runs(office, following, parliament):
    from svtracker.parliament.services import SyncAlreadyRunning

    parliament.fail(SEARCH, "block")
    first = threading.Thread(target=sync_office, kwargs={"office": office, "session": "2023-2024"})
    first.start()
    try:
        _wait_for(lambda: any(path.startswith("/api/search/query/") for path in parliament.requests))

        with pytest.raises(SyncAlreadyRunning, match="Er loopt al een synchronisatie"):
            sync_office(office=office, session="2023-2024")
    finally:
        parliament.heal()
        parliament.release.set()
        first.join(timeout=60)

    assert SyncRun.objects.filter(office=office).count() == 1 and SyncRun.objects.get().finished
    sync_office(office=office, session="2023-2024")  # after the first: runs
    assert SyncRun.objects.filter(office=office).count() == 2


@pytest.mark.django_db
def test_a_run_left_unfinished_by_a_dead_worker_does_not_block_the_office_forever(office, following,
                                                                                 parliament):
    from datetime import timedelta

    from django.utils import timezone

    stale = SyncRun.objects.create(office=office)
    SyncRun.objects.filter(pk=stale.pk).update(started=timezone.now() - timedelta(hours=2))

    sync_office(office=office, session="2023-2024", dry_run=False)

    stale.refresh_from_db()
    assert stale.finished and SyncRun.objects.filter(finished__isnull=True).count() == 0


def _wait_for(condition, timeout=10.0):
    import time

    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)
