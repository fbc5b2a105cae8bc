"""Figures to Excel: real numbers and dates, no formulas (openpyxl, already used to read annexes)."""

from __future__ import annotations

import io
import re
from decimal import Decimal

from django.utils.translation import gettext as _

from .periods import DAY, HALF, MONTH, QUARTER, YEAR
from .selectors import Indicator, TableView, effective_value

# A text cell starting with one of these is read by Excel as a formula (CSV/formula injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_PERIOD_FORMATS = {MONTH: "mmmm yyyy", QUARTER: "yyyy-mm", HALF: "yyyy-mm", YEAR: "yyyy", DAY: "d/m/yyyy"}


def safe_text(value: str) -> str:
    """Text as text: a cell that would start a formula gets a leading apostrophe."""
    return f"'{value}" if value and value.startswith(_FORMULA_START) else value


def _number(value: Decimal | None, unit: str):
    """(number, format): percentages as fractions shown as %, integers as integers."""
    if value is None:
        return None, None
    if unit == "%":
        return float(value / 100), "0%" if value == value.to_integral() else "0.0%"
    if value == value.to_integral():
        return int(value), "#,##0"
    return float(value), "#,##0.##"


def _sheet_title(name: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub(" ", name).strip(" '") or _("Blad")
    base = base[:31]
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def _workbook():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def _bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_number(cell, value: Decimal | None, unit: str) -> None:
    number, number_format = _number(value, unit)
    cell.value = number
    if number_format:
        cell.number_format = number_format


def series_workbook(indicators: list[Indicator]) -> bytes:
    """One sheet per indicator: period (a date), value (a number), unit, the answer it came from, and the
    values earlier answers gave where they differ."""
    from openpyxl.styles import Font

    workbook, used = _workbook(), set()
    for indicator in indicators:
        sheet = workbook.create_sheet(_sheet_title(indicator.label, used))
        sheet.append([safe_text(indicator.label)])
        sheet["A1"].font = Font(bold=True)
        sheet.append([_("Periode"), _("Waarde"), _("Eenheid"), _("Uit vraag"), _("Datum vraag"),
                      _("Eerder gegeven"), _("Verschil")])
        for figures in indicator.periods:
            current = figures.current
            question = current.question
            sheet.append([figures.period.start, None, safe_text(indicator.unit),
                          f"nr. {question.number or '–'} ({question.session})", question.date, None, None])
            row = sheet.max_row
            sheet.cell(row, 1).number_format = _PERIOD_FORMATS.get(figures.period.kind, "d/m/yyyy")
            sheet.cell(row, 5).number_format = "d/m/yyyy"
            _write_number(sheet.cell(row, 2), current.value, indicator.unit)
            if figures.earlier:
                _write_number(sheet.cell(row, 6), figures.earlier[0].value, indicator.unit)
                _write_number(sheet.cell(row, 7), figures.difference, indicator.unit)
        for column, width in zip("ABCDEFG", (16, 12, 8, 22, 12, 14, 12), strict=True):
            sheet.column_dimensions[column].width = width
    if not workbook.worksheets:
        workbook.create_sheet(_("Geen cijfers"))
    return _bytes(workbook)


def question_workbook(tables: list[TableView]) -> bytes:
    """A question's tables as the minister gave them, one sheet each, numbers as numbers."""
    workbook, used = _workbook(), set()
    for n, view in enumerate(tables, 1):
        name = view.table.sheet or view.table.caption or _("Tabel %(n)d") % {"n": n}
        sheet = workbook.create_sheet(_sheet_title(name, used))
        sheet.append([safe_text(view.table.header[0] if view.table.header else "")]
                     + [safe_text(column) for column in view.columns])
        for label, cells in view.rows:
            sheet.append([safe_text(label)])
            row = sheet.max_row
            for c, cell in enumerate(cells, 2):
                if cell is None:
                    continue
                value = effective_value(cell)
                if value is None:
                    sheet.cell(row, c).value = safe_text(cell.text)
                else:
                    _write_number(sheet.cell(row, c), value, cell.unit)
    if not workbook.worksheets:
        workbook.create_sheet(_("Geen tabellen"))
    return _bytes(workbook)
