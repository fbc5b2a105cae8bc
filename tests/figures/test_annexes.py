"""Annexes: kept by hand or by the sync, an Excel annex read sheet by sheet into the same tables."""

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from svtracker.figures.models import Annex, TableValue
from svtracker.figures.selectors import series_figures
from svtracker.figures.services import AnnexRefused, attach_annex, read_excel_tables
from tests.factories import QuestionFactory


def workbook_bytes() -> bytes:
    """An annex as ministers publish them: a title row, the header, rows; a second sheet with dates."""
    workbook = Workbook()
    first = workbook.active
    first.title = "tabblad 1"
    first.append(["Annulaties per maand (2022)"])
    first.append([None, "juli 2022", "augustus 2022"])
    first.append(["annulering cursist", 120, 131])
    first.append(["Totaal", 150, "1.160"])
    first.append([None, None, None])
    first.append(["=HYPERLINK(\"http://x\")", 1, 2])
    second = workbook.create_sheet("tabblad 2")
    second.append(["", datetime(2022, 9, 1), datetime(2022, 10, 1)])
    second.append(["annulering agentschap", 17.5, 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_excel_annex_is_read_sheet_by_sheet_into_the_same_tables(series_155_362, staff):
    series, q155, q362 = series_155_362
    annex = attach_annex(question=q362, filename="bijlage.xlsx", data=workbook_bytes(), user=staff,
                         source_url="https://docs.vlaamsparlement.be/files/pfile?id=1")
    assert [t.sheet for t in annex.tables.order_by("position")] == ["tabblad 1", "tabblad 2"]
    figures = {i.key: i for i in series_figures(series=series)}
    cursist = figures["annulering cursist"]
    assert [p.period.label for p in cursist.periods][-2:] == ["juli 2022", "augustus 2022"]
    assert cursist.periods[-1].current.value == Decimal("131")
    assert cursist.periods[-1].current.cell.table.annex == annex
    total = figures["totaal"].periods[-1]
    assert total.current.value == Decimal("1160")  # typed as Dutch text in the sheet
    agency = figures["annulering agentschap"]
    assert (agency.periods[-2].period.label, agency.periods[-2].current.value) == ("september 2022",
                                                                                   Decimal("17.5"))


def test_the_same_annex_attached_twice_is_one_annex(office, staff):
    question = QuestionFactory(office=office, date=date(2024, 1, 26))
    data = workbook_bytes()
    first = attach_annex(question=question, filename="bijlage.xlsx", data=data, user=staff)
    again = attach_annex(question=question, filename="bijlage (1).xlsx", data=data)
    assert first == again and Annex.objects.count() == 1
    # The formula row has no value computed by Excel (data_only): it is left out, never evaluated.
    assert TableValue.objects.filter(question=question).count() == 6


@pytest.mark.parametrize(("filename", "data", "message"), [
    ("bijlage.exe", b"MZ...", "Een bijlage moet een Excel-"),
    ("bijlage.xlsx", b"not a zip", "geen geldig Excel-"),
    ("bijlage.pdf", b"<html>", "geen geldig PDF"),
    ("bijlage.pdf", b"", "leeg"),
])
def test_files_that_are_no_annex_are_refused_in_dutch(office, filename, data, message):
    question = QuestionFactory(office=office)
    with pytest.raises(AnnexRefused, match=message):
        attach_annex(question=question, filename=filename, data=data)


def test_a_too_large_file_is_refused(office, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    with pytest.raises(AnnexRefused, match="te groot"):
        attach_annex(question=QuestionFactory(office=office), filename="a.pdf", data=b"%PDF" + b"0" * 2**20)


def test_a_pdf_annex_is_kept_without_tables(office):
    annex = attach_annex(question=QuestionFactory(office=office), filename="../../bijlage.pdf",
                         data=b"%PDF-1.4 ...")
    assert annex.filename == "bijlage.pdf" and not annex.tables.exists()
    assert annex.file.read() == b"%PDF-1.4 ..."


def test_staff_upload_an_annex_on_the_question_page(office, staff_client):
    question = QuestionFactory(office=office, answered=True, date=date(2024, 1, 26))
    upload = SimpleUploadedFile("bijlage.xlsx", workbook_bytes())
    response = staff_client.post(f"/figures/questions/{question.pk}/annex/", {"file": upload}, follow=True)
    html = response.content.decode()
    assert "Bijlage bijlage.xlsx toegevoegd (2 tabellen gelezen)." in html
    assert "tabblad 1" in html and "1.160" in html
    bad = staff_client.post(f"/figures/questions/{question.pk}/annex/",
                            {"file": SimpleUploadedFile("x.exe", b"MZ")}, follow=True)
    assert "Een bijlage moet een Excel-" in bad.content.decode()
    annex = Annex.objects.get()
    assert staff_client.get(f"/figures/annexes/{annex.pk}/").status_code == 200


def test_an_announced_annex_shows_a_place_to_attach_it(office, staff_client):
    from svtracker.questions.models import AnswerPart
    question = QuestionFactory(office=office, answered=True)
    AnswerPart.objects.create(question=question, position=0, labels=["1"], text="1. Zie bijlage tabblad 1.")
    html = staff_client.get(f"/questions/{question.pk}/").content.decode()
    assert "verwijst naar een bijlage die nog niet toegevoegd is" in html
    assert f'action="/figures/questions/{question.pk}/annex/"' in html


def test_numbers_typed_as_text_in_an_excel_annex_are_read_as_in_an_answer():
    workbook = Workbook()
    workbook.active.append([None, "2022", "2023", "2024", "2025"])
    workbook.active.append(["aandeel", "44 %", "12,5%", "-1.091", "n.v.t."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    [table], _sheets = read_excel_tables(buffer.getvalue())
    assert [(c.text, c.value, c.unit) for c in table.rows[0].cells] == [
        ("44 %", Decimal("44"), "%"), ("12,5%", Decimal("12.5"), "%"), ("-1.091", Decimal("-1091"), ""),
        ("n.v.t.", None, "")]
