"""Reading figures: a question's tables, and the tables of a series lined up by indicator and period."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from svtracker.accounts.models import Office
from svtracker.questions.models import Question, Series

from .models import Annex, AnswerTable, CellCorrection, IndicatorJoin, TableValue
from .periods import DAY, Period

# An answer that points to an annex: "Zie bijlage tabblad 1", a line "BIJLAGE" (seed 004).
ANNEX_ANNOUNCED = re.compile(r"\bbijlagen?\b|\btabblad(en)?\b", re.IGNORECASE)

_CORRECTIONS = Prefetch("corrections", queryset=CellCorrection.objects.select_related("user"))


def effective_value(cell: TableValue) -> Decimal | None:
    """The value that counts: staff's latest correction, else what the document says."""
    corrections = cell.corrections.all()
    return corrections[0].value if corrections else cell.value


@dataclass
class TableView:
    table: AnswerTable
    columns: list[str]
    rows: list[tuple[str, list[TableValue | None]]]


def _table_view(table: AnswerTable) -> TableView:
    values = list(table.values.all())
    width = max([len(table.header) - 1] + [v.column + 1 for v in values])
    columns = [(table.header[i + 1] if i + 1 < len(table.header) else "") for i in range(width)]
    rows: dict[int, tuple[str, list]] = {}
    for value in values:
        label, cells = rows.setdefault(value.row, (value.row_label, [None] * width))
        cells[value.column] = value
    return TableView(table, columns, [rows[r] for r in sorted(rows)])


def question_tables(*, question: Question) -> list[TableView]:
    """The tables of a question's answer and annexes, each as header and rows of cells (three queries)."""
    values = Prefetch("values", queryset=TableValue.objects.prefetch_related(_CORRECTIONS))
    tables = (AnswerTable.objects.filter(question=question).select_related("annex")
              .prefetch_related(values).order_by("annex_id", "position"))
    return [_table_view(table) for table in tables]


def question_annexes(*, question: Question):
    return Annex.objects.filter(question=question).select_related("uploaded_by")


def annex_announced(question: Question) -> bool:
    """The answer mentions an annex (it may not be attached yet). Reads the prefetched answer parts."""
    return any(ANNEX_ANNOUNCED.search(part.text) for part in question.answer_parts.all())


def annex_for(*, office: Office, pk: int) -> Annex:
    return Annex.objects.filter(question__office=office).select_related("question").get(pk=pk)


def cell_for(*, office: Office, pk: int) -> TableValue:
    return (TableValue.objects.filter(question__office=office)
            .select_related("question", "question__series", "table", "table__annex")
            .prefetch_related(_CORRECTIONS).get(pk=pk))


def joins_for(*, series: Series):
    return IndicatorJoin.objects.filter(series=series).select_related("user")


def join_for(*, office: Office, pk: int) -> IndicatorJoin:
    return IndicatorJoin.objects.filter(series__office=office).select_related("series").get(pk=pk)


# --- a series lined up --------------------------------------------------------------------------------

@dataclass
class Observation:
    """One value for an indicator and period, as one answer gave it."""

    cell: TableValue
    value: Decimal
    corrected: bool

    @property
    def question(self) -> Question:
        return self.cell.question


@dataclass
class PeriodFigures:
    period: Period
    observations: list[Observation]

    @property
    def current(self) -> Observation:
        """The most recent answer's value: what a corrected or final figure replaced."""
        return self.observations[-1]

    @property
    def disagrees(self) -> bool:
        return len({o.value for o in self.observations}) > 1

    @property
    def difference(self) -> Decimal | None:
        """Latest minus earliest, where the answers disagree."""
        return self.current.value - self.observations[0].value if self.disagrees else None

    @property
    def earlier(self) -> list[Observation]:
        return [o for o in self.observations[:-1] if o.value != self.current.value]


@dataclass
class Indicator:
    key: str
    label: str
    unit: str
    periods: list[PeriodFigures] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)  # every row label joined into it, as printed

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.key).strip("-") or "indicator"

    @property
    def questions(self) -> list[Question]:
        seen: dict[int, Question] = {}
        for figures in self.periods:
            for observation in figures.observations:
                seen.setdefault(observation.question.pk, observation.question)
        return sorted(seen.values(), key=lambda q: (q.date, q.number or 0))

    @property
    def disagreements(self) -> int:
        return sum(1 for figures in self.periods if figures.disagrees)


def _answer_order(cell: TableValue) -> tuple:
    question = cell.question
    return (question.answer_date or question.date, question.date, question.number or 0, question.pk,
            cell.table.annex_id is not None, cell.table.annex_id or 0, cell.table.position)


def lined_up(cells: list[TableValue], joins: dict[str, str]) -> list[Indicator]:
    """Every number of a series' tables by indicator (row label normalised, joins applied) and period.

    A column that is a period (month, quarter, year, date) lines up over time; a table without any period
    column is a snapshot: its cells count for the date of the answer, each column its own indicator
    ("rechthebbend · <2m"). Columns such as "totaal" beside periods are left out, and so are tables without
    any column heading (nothing to line them up by). The key includes the unit, so a row of percentages and
    a row of counts with the same label stay apart.
    """
    tables_with_periods = {c.table_id for c in cells if c.period_start}
    headed = {c.table_id for c in cells if c.column_label}
    indicators: dict[tuple[str, str], Indicator] = {}
    found: dict[tuple[str, str], dict[Period, list[Observation]]] = {}
    for cell in sorted(cells, key=lambda c: (_answer_order(c), c.row, c.column)):
        value = effective_value(cell)
        if value is None:
            continue
        base = joins.get(cell.indicator, cell.indicator)
        label = cell.row_label
        if cell.period_start:
            period = Period(cell.period_start, cell.period_kind)
        elif cell.table_id in tables_with_periods or cell.table_id not in headed:
            continue
        else:
            column = cell.column_label or f"kolom {cell.column + 1}"
            base = f"{base} · {column.lower()}"
            label = f"{cell.row_label} · {column}"
            period = Period(cell.question.answer_date or cell.question.date, DAY)
        key = (base, cell.unit)
        indicator = indicators.get(key)
        if indicator is None:
            indicator = indicators[key] = Indicator(key=base, label=label, unit=cell.unit)
            found[key] = {}
        if cell.indicator not in joins:  # the latest answer's own wording names the indicator
            indicator.label = label
        indicator.labels.add(cell.row_label)
        found[key].setdefault(period, []).append(
            Observation(cell, value, bool(cell.corrections.all())))
    for key, indicator in indicators.items():
        indicator.periods = [PeriodFigures(p, obs) for p, obs in sorted(found[key].items())]
    return list(indicators.values())


def series_figures(*, series: Series) -> list[Indicator]:
    """The figures of every answer (and annex) in a series, one indicator each, over time (four queries)."""
    cells = list(TableValue.objects.filter(question__series=series, question__office_id=series.office_id)
                 .select_related("question", "table").prefetch_related(_CORRECTIONS))
    joins = {join.indicator: join.into for join in IndicatorJoin.objects.filter(series=series)}
    return lined_up(cells, joins)


def indicator_choices(indicators: list[Indicator]) -> list[tuple[str, str]]:
    """Row labels staff can join, as (key, label), without the snapshot columns."""
    return sorted({(i.key, i.label) for i in indicators if " · " not in i.key}, key=lambda c: c[1].lower())

