"""Storing the figures of answers and annexes, and the corrections staff make to them."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils.translation import gettext as _

from svtracker.parsing import ParsedTable, TableCell, TableRow, squash
from svtracker.parsing.tables import read_number
from svtracker.questions.models import Question, Series

from .models import Annex, AnswerTable, CellCorrection, IndicatorJoin, TableValue
from .periods import column_periods, header_above

EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
ANNEX_SUFFIXES = EXCEL_SUFFIXES | {".pdf", ".docx", ".csv", ".txt"}
# A sheet larger than this is kept as a file but not read into tables: no answer annex comes close.
MAX_SHEET_CELLS = 20_000


class AnnexRefused(ValueError):
    """A file that cannot be attached as an annex; the message is Dutch, for staff."""


def indicator_key(label: str) -> str:
    """A row label as it lines up across answers: "Annulering  cursist:" and "annulering cursist" are one."""
    text = re.sub(r"[\s\u00a0]+", " ", label).strip(" :.;*").lower()
    return text[:300]


@dataclass(frozen=True)
class _Cell:
    row: int
    column: int
    row_label: str
    column_label: str
    text: str
    value: Decimal | None
    unit: str
    period_start: date | None
    period_kind: str


def _cells_of(table, *, fallback_year: int | None) -> list[_Cell]:
    """The cells of a ParsedTable (or anything shaped like it) with the period of each column."""
    header = list(table.header)
    width = max([len(header) - 1] + [len(row.cells) for row in table.rows])
    labels = [(header[i + 1] if i + 1 < len(header) else "") for i in range(width)]
    context = (table.caption, header[0] if header else "")
    periods = column_periods(labels, context=context, fallback_year=fallback_year)
    cells = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            period = periods[c]
            cells.append(_Cell(r, c, row.label[:300], labels[c][:200], (cell.text or "")[:200], cell.value,
                               (cell.unit or "")[:20], period.start if period else None,
                               period.kind if period else ""))
    return cells


def _fallback_year(question: Question) -> int:
    return (question.answer_date or question.date).year


_TABLE_FIELDS = ("caption", "header", "answer_labels", "sheet")
_CELL_FIELDS = ("row_label", "column_label", "text", "value", "unit", "period_start", "period_kind")


@transaction.atomic(savepoint=False)  # inside an import's or an annex's own transaction
def _store_tables(*, question: Question, annex: Annex | None, tables: Sequence, sheets: Sequence[str] = (),
                  new_source: bool = False) -> list[AnswerTable]:
    """Replace the tables of one source (the answer, or one annex) by `tables`, keeping what did not change.

    A cell keeps its row (and so the corrections staff made to it) when the same position is read again.
    The queries do not grow with the tables or their cells; `new_source` (nothing stored for it yet: a new
    question or annex) saves reading what is stored, so a new source without tables costs none.
    """
    existing = {} if new_source else {
        t.position: t for t in AnswerTable.objects.filter(question=question, annex=annex)}
    if not tables and not existing:
        return []
    known = {t.pk for t in existing.values()}
    stored, create, update = [], [], []
    for position, table in enumerate(tables):
        fields = {"caption": (table.caption or "")[:500], "header": list(table.header),
                  "answer_labels": list(getattr(table, "answer_labels", ())),
                  "sheet": (sheets[position] if position < len(sheets) else "")[:100]}
        row = existing.pop(position, None)
        if row is None:
            row = AnswerTable(question=question, annex=annex, position=position, **fields)
            create.append(row)
        elif any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            update.append(row)
        stored.append(row)
    AnswerTable.objects.bulk_create(create)
    if update:
        AnswerTable.objects.bulk_update(update, _TABLE_FIELDS)
    if existing:
        AnswerTable.objects.filter(pk__in=[t.pk for t in existing.values()]).delete()
    year = _fallback_year(question)
    _store_cells(cells=[(row, _cells_of(table, fallback_year=year)) for row, table in zip(stored, tables,
                                                                                          strict=True)],
                 known=[row.pk for row in stored if row.pk in known])
    return stored


def _store_cells(*, cells: list[tuple[AnswerTable, list[_Cell]]], known: list[int]) -> None:
    """The cells of each table, in one read of the stored ones (of the `known` tables) and bulk writes."""
    current = {(v.table_id, v.row, v.column): v for v in TableValue.objects.filter(table_id__in=known)} \
        if known else {}
    create, update = [], []
    for table, table_cells in cells:
        for cell in table_cells:
            wanted = {name: getattr(cell, name) for name in _CELL_FIELDS}
            wanted["indicator"] = indicator_key(cell.row_label)
            value = current.pop((table.pk, cell.row, cell.column), None)
            if value is None:
                create.append({"table_id": table.pk, "question_id": table.question_id, "row": cell.row,
                               "column": cell.column, **wanted})
            elif any(getattr(value, name) != new for name, new in wanted.items()):
                for name, new in wanted.items():
                    setattr(value, name, new)
                update.append(value)
    _insert_cells(create)
    if update:
        TableValue.objects.bulk_update(update, [*_CELL_FIELDS, "indicator"])
    if current:
        TableValue.objects.filter(pk__in=[v.pk for v in current.values()]).delete()


def _insert_cells(rows: list[dict]) -> None:
    """New cells, each as its fields' values by name. On PostgreSQL one COPY: an answer table holds about a
    hundred cells, and an INSERT of them (Django's bulk insert or a raw one alike) costs PostgreSQL over
    three times as long, most of it parsing and planning. Elsewhere Django's bulk insert."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        TableValue.objects.bulk_create(TableValue(**row) for row in rows)
        return
    names = list(rows[0])
    quote = connection.ops.quote_name
    columns = ", ".join(quote(TableValue._meta.get_field(name).column) for name in names)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {quote(TableValue._meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[name] for name in names])


def with_headers(tables: Sequence, answer_text: str) -> list:
    """Tables the reader found without column headings get them where the answer shows them: the table
    before it in the same answer part with as many columns (one table split by blank lines), or the period
    line printed above its first row (periods.header_above)."""
    result, previous = [], None
    for table in tables:
        if table.rows and not any(h.strip() for h in table.header):
            width = max(len(row.cells) for row in table.rows)
            found = None
            if previous is not None and len(previous.header) - 1 == width \
                    and tuple(previous.answer_labels) == tuple(table.answer_labels):
                found = (tuple(previous.header), previous.caption)
            else:
                found = header_above(answer_text, table.rows[0].label, width)
            if found:
                table = replace(table, header=found[0], caption=table.caption or found[1])
        result.append(table)
        previous = table
    return result


def store_answer_tables(*, question: Question, tables: Sequence, new_question: bool = False,
                        answer_parts: Sequence | None = None) -> list[AnswerTable]:
    """Keep the tables the parser found in a question's answer (ParsedQuestion.tables), cell by cell.

    Called by the import pipeline after the question is stored; importing the same document again changes
    nothing, and a re-read that finds the same cells keeps the corrections staff made to them. The pipeline
    says when the question is new (no tables stored yet) and gives the answer parts it stored, which saves
    it the queries.
    """
    if any(table.rows and not any(h.strip() for h in table.header) for table in tables):
        texts = [part.text for part in answer_parts] if answer_parts is not None else \
            question.answer_parts.values_list("text", flat=True)
        tables = with_headers(tables, "\n\n".join(texts))
    return _store_tables(question=question, annex=None, tables=tables, new_source=new_question)


# --- annexes ------------------------------------------------------------------------------------------

def _sheet_cell(raw) -> TableCell:
    """An Excel cell as text and number: numbers stay numbers; "1.091", "44%" or "44 %" typed as text are
    read as the parser reads an answer's tables (parsing.tables.read_number)."""
    if raw is None:
        return TableCell("")
    if isinstance(raw, bool):
        return TableCell(str(raw))
    if isinstance(raw, int | float | Decimal):
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            return TableCell(str(raw))
        return TableCell(f"{raw}".replace(".", ","), value)
    if isinstance(raw, datetime | date):
        day = raw.date() if isinstance(raw, datetime) else raw
        return TableCell(day.isoformat())
    text = str(raw).strip()
    number = read_number(_SPACE_BEFORE_UNIT.sub("", text))
    return TableCell(text, number.value, number.unit) if number else TableCell(text)


_SPACE_BEFORE_UNIT = re.compile(r"\s+(?=[%‰€]$)")  # "44 %"


def _header_text(raw) -> str:
    if isinstance(raw, datetime | date):
        day = raw.date() if isinstance(raw, datetime) else raw
        return f"{day.day}/{day.month}/{day.year}" if day.day != 1 else f"{day.month:02d}/{day.year}"
    return "" if raw is None else squash(str(raw))


def read_excel_tables(data: bytes) -> tuple[list[ParsedTable], list[str]]:
    """The sheets of a workbook as tables shaped like the parser's: the first row with two or more filled
    cells is the header, each following row with a label in its first column is a row. Values only, never
    formulas."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    tables, names = [], []
    try:
        for sheet in workbook.worksheets:
            header, rows, cells = None, [], 0
            for raw_row in sheet.iter_rows(values_only=True):
                cells += len(raw_row)
                if cells > MAX_SHEET_CELLS:
                    break
                filled = [v for v in raw_row if v not in (None, "")]
                if header is None:
                    if len(filled) >= 2:
                        header = tuple(_header_text(v) for v in raw_row)
                    continue
                if not filled or raw_row[0] in (None, ""):
                    continue
                row_cells = tuple(_sheet_cell(v) for v in raw_row[1:len(header)])
                rows.append(TableRow(_header_text(raw_row[0]), row_cells))
            if header and rows:
                tables.append(ParsedTable(header=header, rows=tuple(rows), caption=sheet.title))
                names.append(sheet.title)
    finally:
        workbook.close()
    return tables, names


def _check_annex(filename: str, data: bytes) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in ANNEX_SUFFIXES:
        raise AnnexRefused(_("Een bijlage moet een Excel-, PDF-, Word-, CSV- of tekstbestand zijn "
                             "(.xlsx, .pdf, .docx, .csv, .txt)."))
    if not data:
        raise AnnexRefused(_("Het bestand is leeg."))
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise AnnexRefused(_("Het bestand is te groot (meer dan %(mb)d MB).")
                           % {"mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)})
    if suffix in EXCEL_SUFFIXES | {".docx"} and not zipfile.is_zipfile(io.BytesIO(data)):
        raise AnnexRefused(_("Dit is geen geldig Excel- of Word-bestand."))
    if suffix == ".pdf" and not data.startswith(b"%PDF"):
        raise AnnexRefused(_("Dit is geen geldig PDF-bestand."))
    return suffix


def attach_annex(*, question: Question, filename: str, data: bytes, source_url: str = "",
                 user: User | None = None) -> Annex:
    """Keep an annex of an answer (by staff or the parliament sync) and read an Excel annex into the same
    tables as the answer's, sheet by sheet. The same file attached again is the same annex.

    Raises AnnexRefused (Dutch message) for a file of another type, too large, or not what it says it is.
    """
    filename = PurePath(filename).name[:255] or "bijlage"
    suffix = _check_annex(filename, data)
    digest = hashlib.sha256(data).hexdigest()
    existing = Annex.objects.filter(question=question, sha256=digest).first()
    if existing is not None:
        return existing
    tables, sheets, error = [], [], ""
    if suffix in EXCEL_SUFFIXES:
        try:
            tables, sheets = read_excel_tables(data)
        except Exception:  # openpyxl raises many kinds for a damaged workbook; the file is kept anyway
            error = _("Het Excel-bestand kon niet gelezen worden; het is wel bewaard.")
    with transaction.atomic():
        annex = Annex(question=question, filename=filename, sha256=digest, source_url=source_url[:500],
                      uploaded_by=user, read_error=error)
        annex.file.save(filename, ContentFile(data), save=False)
        annex.save()
        _store_tables(question=question, annex=annex, tables=tables, sheets=sheets, new_source=True)
    return annex


# --- corrections by staff -----------------------------------------------------------------------------

def correct_cell(*, cell: TableValue, value: Decimal | None, user: User, note: str = "") -> CellCorrection:
    """Staff's own reading of a value (the PDF was misread, or the minister corrected it later)."""
    return CellCorrection.objects.create(cell=cell, value=value, note=note[:300], user=user)


def join_indicators(*, series: Series, indicator: str, into: str, user: User) -> IndicatorJoin:
    """Treat the row label `indicator` as `into` across the series (a row renamed between two answers)."""
    indicator, into = indicator_key(indicator), indicator_key(into)
    if not indicator or not into or indicator == into:
        raise ValueError(_("Kies twee verschillende rijen om samen te voegen."))
    # Whatever was joined into `indicator` now goes to `into` as well: joins stay one step deep.
    IndicatorJoin.objects.filter(series=series, into=indicator).update(into=into)
    IndicatorJoin.objects.filter(series=series, indicator=into).delete()
    join, _created = IndicatorJoin.objects.update_or_create(series=series, indicator=indicator,
                                                            defaults={"into": into, "user": user})
    return join


def undo_join(*, join: IndicatorJoin) -> None:
    join.delete()

