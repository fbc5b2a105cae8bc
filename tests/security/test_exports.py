"""Exports: a title or theme from a document is never a live formula, in xlsx or CSV; numbers and dates
stay real; the Excel CSV opens in Belgian Excel (semicolon, UTF-8 with BOM), the plain CSV is for scripts."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from tests.factories import QuestionFactory

HOSTILE = ['=HYPERLINK("http://kwaad.example/";"Klik hier")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)",
           "\tTab vooraan", "\rCR vooraan"]


@pytest.fixture
def hostile_questions(office):
    return [QuestionFactory(office=office, number=100 + i, date=date(2024, 1, 26), title=title,
                            theme="=1+1" if i == 0 else "-Werk")
            for i, title in enumerate(HOSTILE)]


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_xlsx_export_has_no_formula_and_keeps_numbers_and_dates(staff_client, hostile_questions):
    response = staff_client.get(reverse("questions:list"), {"_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(content(response))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    titles = {row[5].value for row in sheet.iter_rows(min_row=2)}
    assert titles == set(HOSTILE)
    first = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    assert isinstance(first[0].value, int) and first[0].data_type == "n"
    assert first[2].is_date and first[2].value.date() == date(2024, 1, 26)


def test_excel_csv_is_semicolon_separated_utf8_with_bom_and_neutralised(staff_client, hostile_questions):
    response = staff_client.get(reverse("questions:list"), {"_export": "excel-csv"})
    data = content(response)
    assert data.startswith("\ufeff".encode())
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:3] == ["Nr.", "Zittingsjaar", "Datum"]
    for row in rows[1:]:
        assert not row[5].startswith(("=", "+", "-", "@", "\t", "\r")), row[5]
        assert not row[6].startswith(("=", "+", "-", "@")), row[6]
        assert row[0].isdigit() and row[2] == "2024-01-26"
    assert {row[5].removeprefix("'") for row in rows[1:]} == set(HOSTILE)


def test_plain_csv_for_scripts_is_comma_separated_without_bom_and_neutralised(staff_client,
                                                                              hostile_questions):
    data = content(staff_client.get(reverse("questions:list"), {"_export": "csv"}))
    assert not data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0][:3] == ["Nr.", "Zittingsjaar", "Datum"]
    assert all(not row[5].startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows[1:])
