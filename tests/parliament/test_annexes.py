"""Annexes are kept with their question: downloaded, stored, shown; an annex hit is never a question."""

import pytest
from django.urls import reverse

from svtracker.parliament.models import QuestionSync
from svtracker.parliament.services import sync_office
from svtracker.questions.models import Question

pytestmark = pytest.mark.django_db


def annexes_of(office, number):
    from svtracker.figures.models import Annex

    return sorted(Annex.objects.filter(question__office=office, question__number=number)
                  .values_list("filename", "source_url"))


def test_an_annex_hit_before_its_question_is_kept_with_it_and_never_imported_as_a_question(office, following,
                                                                                            parliament):
    report = sync_office(office=office, session="2023-2024")

    assert report.failed == [] and report.found == 2
    assert sorted(Question.objects.filter(office=office).values_list("number", flat=True)) == [123, 125]
    url = f"{parliament.url}/files/pfile?id="
    assert annexes_of(office, 123) == [
        ("Bijlage (2038561).pdf", url + "2038561"),  # only in the detail's bestand-ordered, without a name
        ("Inburgeraars per provincie.xlsx", url + "2038560"),  # a hit of its own, named by the server
    ]
    assert sorted(QuestionSync.objects.get(parliament_id="1798949").annex_ids) == ["2038560", "2038561"]


def test_a_second_run_downloads_no_annex_again_and_counts_each_question_once(office, following, parliament):
    sync_office(office=office, session="2023-2024")
    parliament.requests.clear()

    report = sync_office(office=office, session="2023-2024")

    assert (report.found, report.unchanged, report.annexes) == (2, 2, [])
    assert not any(path.startswith("/files/pfile") for path in parliament.requests)


def test_an_annex_that_fails_to_download_is_tried_again_on_the_next_run(office, following, parliament):
    parliament.fail(r"^/files/pfile\?id=2038560", "500")

    report = sync_office(office=office, session="2023-2024")

    assert [line.split(":")[0] for line in report.failed] == ["nr. 123 (2023-2024)"]
    assert "bijlage 2038560" in report.failed[0]
    assert len(annexes_of(office, 123)) == 1

    parliament.heal()
    report = sync_office(office=office, session="2023-2024")

    assert report.failed == [] and len(annexes_of(office, 123)) == 2
    assert Question.objects.filter(office=office, number=123).count() == 1


def test_the_answer_as_a_hit_of_its_own_brings_the_answer_and_the_annex_the_detail_lists(office, following,
                                                                                        parliament):
    sync_office(office=office, session="2023-2024")
    parliament.answer_question_125()

    report = sync_office(office=office, session="2023-2024")

    assert report.answered == ["nr. 125 (2023-2024)"] and report.failed == []
    assert Question.objects.get(office=office, number=125).answered
    assert [name for name, _url in annexes_of(office, 125)] == [
        "Bijlage - Inschrijvingen bij VDAB per maand (2041130).xlsx"]  # the older bijlage[] form


def test_annexes_are_shown_on_the_question_page(office, following, parliament, staff_client):
    sync_office(office=office, session="2023-2024")

    page = staff_client.get(reverse("questions:detail", args=[Question.objects.get(number=123).pk]))

    assert "Inburgeraars per provincie.xlsx" in page.content.decode()


def test_a_question_published_as_docx_goes_through_the_same_pipeline(office, following, parliament):
    import io

    import docx

    from tests.parliament.conftest import Q125_HEADER, _seed

    lines = _seed("001").splitlines()
    signature = next(i for i, line in enumerate(lines) if line.strip() == "GWENDOLYN RUTTEN")
    document = docx.Document()
    for line in (Q125_HEADER + "\n".join(lines[:signature])).splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    parliament.pdfs["2027001"] = buffer.getvalue()

    report = sync_office(office=office, session="2023-2024")

    assert report.imported == ["nr. 125 (2023-2024)"], report.lines()
    assert Question.objects.get(office=office, number=125).documents.get().filename.endswith(".docx")
