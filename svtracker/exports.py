"""Tables exported to Excel and CSV without formula injection, for every export of the project.

A title or theme comes from documents and the parliament's data, so it may start with `=`, `+`, `-`, `@`,
a tab or a carriage return, which a spreadsheet would run as a formula (`=HYPERLINK(...)`). In xlsx every
text cell is written as text with Excel's own quote prefix (the value itself unchanged); in CSV such a
text gets a leading apostrophe (OWASP's advice). Numbers and dates stay numbers and dates.

Formats (`?_export=`): `xlsx`; `excel-csv`, a CSV that Excel with Belgian settings opens as columns
(semicolon, decimal comma, UTF-8 with BOM); `csv`, a plain comma-separated UTF-8 file for scripts.
"""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django_tables2.export.export import TableExport
from django_tables2.export.views import ExportMixin
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

FORMULA_STARTERS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CSV = "excel-csv"


def csv_text(value: str) -> str:
    """A text cell a spreadsheet will not run: a formula starter gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_STARTERS) else value


def _csv_cell(value, *, decimal_comma: bool):
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) \
            else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return str(value).replace(".", ",") if decimal_comma else str(value)
    return csv_text(str(value))


def csv_bytes(headers, rows, *, excel: bool) -> bytes:
    """The rows as CSV: for Excel with Belgian settings (`excel`) or plain for scripts."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    for row in [headers, *rows]:
        writer.writerow([_csv_cell(value, decimal_comma=excel) for value in row])
    return (("\ufeff" if excel else "") + out.getvalue()).encode("utf-8")


def xlsx_bytes(headers, rows, *, title: str = "Export") -> bytes:
    """The rows as an xlsx sheet: text is always text (never a formula), numbers and dates are real."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row_number, row in enumerate([headers, *rows], start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            if isinstance(value, datetime) and timezone.is_aware(value):
                value = timezone.make_naive(value)
            if value is None or isinstance(value, bool | int | float | Decimal | date):
                cell.value = value
                if isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd hh:mm" if isinstance(value, datetime) else "yyyy-mm-dd"
                continue
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
            cell.data_type = "s"  # openpyxl makes a text starting with "=" a formula
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    sheet.freeze_panes = "A2"
    for column in range(1, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 18
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


class SpreadsheetExport(TableExport):
    """django-tables2's TableExport, writing xlsx and CSV through the functions above."""

    FORMATS = {
        TableExport.XLSX: TableExport.FORMATS[TableExport.XLSX],
        EXCEL_CSV: "text/csv; charset=utf-8",
        TableExport.CSV: "text/csv; charset=utf-8",
    }

    @classmethod
    def is_valid_format(cls, export_format):
        return export_format in cls.FORMATS

    def export(self):
        headers, rows = list(self.dataset.headers or []), list(self.dataset)
        if self.format == TableExport.XLSX:
            return xlsx_bytes(headers, rows, title=str(self.dataset.title or "Export"))
        return csv_bytes(headers, rows, excel=self.format == EXCEL_CSV)


class SpreadsheetExportMixin(ExportMixin):
    """ExportMixin with the safe formats; `export_name` gives the file name."""

    export_class = SpreadsheetExport
    export_formats = (TableExport.XLSX, EXCEL_CSV, TableExport.CSV)

    def get_export_filename(self, export_format):
        return f"{self.export_name}.{'csv' if export_format == EXCEL_CSV else export_format}"
