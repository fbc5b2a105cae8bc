"""A whole recorded session: 250 hits over three pages, from a server that ignores the member filter, with the
answer of one question as a hit of its own, annexes before and after their question, one malformed hit and
one detail in XML."""

import pytest
from django.urls import reverse

from svtracker.parliament.models import QuestionSync, SyncRun
from svtracker.parliament.services import sync_office
from svtracker.questions.models import Document, Question

pytestmark = pytest.mark.django_db

MALFORMED = "http://be.vlp.feed/1799100/pfls/2029999"


@pytest.fixture
def whole_session(parliament, settings):
    parliament.search_file = "search_2023-2024_session.json"
    settings.PARLIAMENT_TIMEOUT = 5  # pages of 100 recorded hits take a moment on a busy machine
    parliament.honours_member_filter = False
    parliament.details["1798953"] = "schv_1798953_after_answer.json"
    return parliament


def test_a_whole_session_imports_every_question_once_with_its_annexes_and_says_what_it_read(
        office, following, whole_session, staff_client):
    from svtracker.figures.models import Annex

    report = sync_office(office=office, session="2023-2024")

    searched = [p for p in whole_session.requests if p.startswith("/api/search/query/")]
    assert sorted({p.rpartition("page=")[2] for p in searched}) == ["1", "2", "3"]  # (a slow page is retried)
    assert (report.hits_received, report.hits_reported) == (250, 250)
    # Every question of the member imported once; the answer hit and the annex hits are no questions.
    assert report.found == 2 and report.failed == []
    assert sorted(report.answered) == ["nr. 123 (2023-2024)", "nr. 125 (2023-2024)"]
    assert sorted(Question.objects.filter(office=office).values_list("number", flat=True)) == [123, 125]
    assert Document.objects.filter(question__office=office).count() == 2
    # The annexes: two hits of 123 (one on page 1 before its question on page 2, one on page 3) and the
    # older bijlage[] of 125's detail.
    assert sorted(Annex.objects.filter(question__number=123).values_list("source_url", flat=True)) == [
        f"{whole_session.url}/files/pfile?id=2038560", f"{whole_session.url}/files/pfile?id=2038561"]
    assert Annex.objects.filter(question__number=125).count() == 1
    # 123's detail came as XML: its facts are the parliament's.
    assert Question.objects.get(number=123).parliament_record.in_time is True
    # The malformed hit, by its id.
    [skipped] = report.skipped
    assert MALFORMED in skipped and "'metatags'" in skipped
    run = SyncRun.objects.get()
    assert (run.hits_received, run.hits_reported, run.found, run.answered) == (250, 250, 2, 2)
    assert run.errors == [skipped]

    page = staff_client.get(reverse("parliament:followed")).content.decode()

    assert "250 van 250" in page and MALFORMED in page and "onvolledig" not in page

    # And again: nothing new, nothing downloaded, still counted once.
    whole_session.requests.clear()
    again = sync_office(office=office, session="2023-2024")
    assert (again.found, again.unchanged, again.imported, again.answered) == (2, 2, [], [])
    assert not any(p.startswith(("/files/pfile", "/e/opendata/schv")) for p in whole_session.requests)
    assert QuestionSync.objects.filter(office=office).count() == 2
