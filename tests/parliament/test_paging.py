"""Paging is complete or says it is not: what the server reports is compared with what was read."""

import logging

import pytest
from django.urls import reverse

from svtracker.parliament.models import SyncRun
from svtracker.parliament.services import sync_office

pytestmark = pytest.mark.django_db


@pytest.fixture
def whole_session(parliament, settings):
    """250 hits of 2023-2024, from a server that ignores the member filter."""
    parliament.search_file = "search_2023-2024_session.json"
    settings.PARLIAMENT_TIMEOUT = 5  # pages of 100 recorded hits take a moment on a busy machine
    parliament.honours_member_filter = False
    return parliament


def pages_asked(parliament):
    """The pages asked for, each once (a page that was slow to come is asked again by the retries)."""
    return sorted({int(path.rpartition("page=")[2]) for path in parliament.requests
                   if path.startswith("/api/search/query/")})


def test_every_page_is_read_and_the_count_is_compared(office, following, whole_session):
    report = sync_office(office=office, session="2023-2024", dry_run=True)

    assert pages_asked(whole_session) == [1, 2, 3]
    assert (report.hits_received, report.hits_reported, report.complete) == (250, 250, True)
    assert all("+inmeta:zittingsjaar=2023-2024" in path for path in whole_session.requests
               if path.startswith("/api/search/query/"))  # one session year per query: under the limit


def test_more_than_sixty_pages_are_read(office, following, whole_session, monkeypatch):
    from svtracker.parliament import client as client_module

    monkeypatch.setattr(client_module, "PAGE_SIZE", 4)  # 63 pages of 4

    report = sync_office(office=office, session="2023-2024", dry_run=True)

    assert pages_asked(whole_session)[-1] == 63 and report.hits_received == 250


def test_a_server_that_stops_handing_out_hits_is_a_shortfall_in_the_report_the_log_and_the_page(
        office, following, whole_session, staff_client, caplog):
    whole_session.cut_after = 150  # says 250, gives 150 and then empty pages

    with caplog.at_level(logging.WARNING, logger="svtracker.parliament"):
        report = sync_office(office=office, session="2023-2024")

    assert (report.hits_received, report.hits_reported, report.complete) == (150, 250, False)
    assert any("150 van 250 treffers gelezen" in error for error in report.errors)
    assert any("150 van 250" in record.getMessage() for record in caplog.records)
    run = SyncRun.objects.get()
    assert (run.hits_received, run.hits_reported, run.complete) == (150, 250, False)
    page = staff_client.get(reverse("parliament:followed")).content.decode()
    assert "150 van 250" in page and "onvolledig" in page


def test_a_query_past_the_servers_limit_reads_up_to_the_limit_and_says_the_rest_is_missing(
        office, following, whole_session, monkeypatch):
    from svtracker.parliament import client as client_module

    monkeypatch.setattr(client_module, "SERVER_LIMIT", 200)  # the real one is 10,000

    report = sync_office(office=office, session="2023-2024", dry_run=True)

    assert pages_asked(whole_session) == [1, 2]
    assert (report.hits_received, report.hits_reported) == (200, 250)
    assert any("200 van 250 treffers gelezen" in error for error in report.errors)


def test_a_page_that_fails_is_said_and_the_other_pages_are_still_read(office, following, whole_session):
    whole_session.fail(r"page=2$", "malformed")

    report = sync_office(office=office, session="2023-2024", dry_run=True)

    assert pages_asked(whole_session) == [1, 2, 3]
    assert (report.hits_received, report.hits_reported) == (150, 250)
    assert any("pagina 2:" in error and "geen geldige JSON" in error for error in report.errors)
    assert any("150 van 250 treffers gelezen" in error for error in report.errors)
    # The annexes on pages 1 and 3 are not taken for questions; their question was on the lost page.
    assert report.found == 0 and sum("Bijlage 20385" in line for line in report.skipped) == 1
