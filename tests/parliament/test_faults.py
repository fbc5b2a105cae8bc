"""When the interface misbehaves: the run says so, imports what it can, and the next run catches up."""

import pytest

from svtracker.parliament.models import QuestionSync, SyncRun
from svtracker.parliament.services import sync_office
from svtracker.questions.models import Document, Question

pytestmark = pytest.mark.django_db

SEARCH = r"^/api/search/query/"


def imported_numbers(office):
    return sorted(Question.objects.filter(office=office).values_list("number", flat=True))


@pytest.mark.parametrize("fault", ["timeout", "500", "malformed"])
def test_broken_search_is_reported_and_the_next_run_imports_everything(office, following, parliament, fault):
    parliament.fail(SEARCH, fault)

    report = sync_office(office=office, session="2023-2024")

    assert not report.ok and len(report.errors) == 1
    assert "Maaike De Vreese" in report.errors[0]
    assert imported_numbers(office) == []
    assert SyncRun.objects.get().errors == report.errors
    if fault != "malformed":  # retried once (PARLIAMENT_RETRIES=1) before giving up
        assert sum(path.startswith("/api/search/query/") for path in parliament.requests) == 2

    parliament.heal()
    report = sync_office(office=office, session="2023-2024")

    assert report.ok, report.lines()
    assert imported_numbers(office) == [123, 125]


def test_malformed_response_names_the_field_it_does_not_understand(office, following, parliament):
    parliament.fail(SEARCH, "malformed")

    report = sync_office(office=office, session="2023-2024")

    assert "geen geldige JSON" in report.errors[0] and "zoekresultaten" in report.errors[0]


@pytest.mark.parametrize("fault", ["timeout", "500", "malformed"])
def test_broken_detail_of_one_question_leaves_it_to_retry_and_imports_the_others(office, following,
                                                                               parliament, fault):
    parliament.fail(r"^/e/opendata/schv/1798953", fault)

    report = sync_office(office=office, session="2023-2024")

    assert imported_numbers(office) == [123]
    assert [line.split(":")[0] for line in report.failed] == ["nr. 125 (2023-2024)"]
    state = QuestionSync.objects.get(parliament_id="1798953")
    assert state.to_retry and state.attempts == 1 and state.error

    parliament.heal()
    report = sync_office(office=office, session="2023-2024")

    assert report.imported == ["nr. 125 (2023-2024)"] and report.unchanged == 1
    assert imported_numbers(office) == [123, 125]
    assert not QuestionSync.objects.to_retry().exists()


@pytest.mark.parametrize("fault", ["not_pdf", "broken_pdf", "500", "timeout"])
def test_a_pdf_that_fails_stays_to_retry_and_nothing_is_duplicated(office, following, parliament, fault):
    parliament.fail(r"^/files/pfile\?id=2027001", fault)

    report = sync_office(office=office, session="2023-2024")

    assert imported_numbers(office) == [123]
    assert len(report.failed) == 1 and report.failed[0].startswith("nr. 125 (2023-2024)")
    assert QuestionSync.objects.get(parliament_id="1798953").to_retry

    sync_office(office=office, session="2023-2024")  # still broken: still nothing half-imported
    assert imported_numbers(office) == [123]
    assert QuestionSync.objects.get(parliament_id="1798953").attempts == 2

    parliament.heal()
    sync_office(office=office, session="2023-2024")
    sync_office(office=office, session="2023-2024")

    assert imported_numbers(office) == [123, 125]
    assert Document.objects.filter(question__office=office).count() == 2
    assert not QuestionSync.objects.to_retry().exists()


def test_answer_pdf_failing_keeps_the_question_open_until_it_arrives(office, following, parliament):
    sync_office(office=office, session="2023-2024")
    parliament.answer_question_125()
    parliament.fail(r"^/files/pfile\?id=2041122", "not_pdf")

    report = sync_office(office=office, session="2023-2024")

    assert report.answered == [] and len(report.failed) == 1
    waiting = Question.objects.get(office=office, number=125)
    assert not waiting.answered
    state = QuestionSync.objects.get(parliament_id="1798953")
    assert (state.status, state.imported_status) == (QuestionSync.Status.ANSWERED, QuestionSync.Status.ASKED)

    parliament.heal()
    report = sync_office(office=office, session="2023-2024")

    assert report.answered == ["nr. 125 (2023-2024)"]
    waiting.refresh_from_db()
    assert waiting.answered
    assert Question.objects.filter(office=office).count() == 2


def test_a_question_without_published_pdf_waits_for_it(office, following, parliament):
    del parliament.pdfs["2027001"]  # the link is there but the file is not (404)

    report = sync_office(office=office, session="2023-2024")

    assert imported_numbers(office) == [123] and "404" in report.failed[0]
