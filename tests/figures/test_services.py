"""Tables of answers kept cell by cell: numbers, periods, idempotent re-import, corrections kept."""

from datetime import date
from decimal import Decimal

from svtracker.figures.models import AnswerTable, CellCorrection, TableValue
from svtracker.figures.services import correct_cell, indicator_key, store_answer_tables
from tests.factories import QuestionFactory

from .tables import SEED_125, SEED_362


def test_cells_are_stored_as_numbers_with_their_period(office):
    question = QuestionFactory(office=office, number=362, date=date(2022, 6, 15))
    store_answer_tables(question=question, tables=[SEED_362])
    cell = TableValue.objects.get(question=question, row_label="annulering cursist", column_label="maart")
    assert cell.value == Decimal("1091")
    assert cell.period_start == date(2022, 3, 1) and cell.period_kind == "month"
    assert cell.indicator == "annulering cursist"
    assert AnswerTable.objects.get(question=question).answer_labels == ["1"]


def test_percentages_keep_their_unit_and_non_period_columns_have_no_period(office):
    question = QuestionFactory(office=office, number=125, date=date(2024, 1, 26))
    store_answer_tables(question=question, tables=SEED_125)
    share = TableValue.objects.get(question=question, table__position=1, row_label="verplicht", column=0)
    assert (share.value, share.unit, share.period_start) == (Decimal("72"), "%", None)
    total = TableValue.objects.get(question=question, table__position=0, row_label="Totaal", column=2)
    assert total.column_label == "totaal" and total.period_start is None
    assert total.value == Decimal("23579")


def test_second_import_of_the_same_tables_changes_nothing_and_keeps_corrections(office, staff,
                                                                                django_assert_max_num_queries):
    question = QuestionFactory(office=office, date=date(2022, 6, 15))
    store_answer_tables(question=question, tables=[SEED_362])
    before = dict(TableValue.objects.filter(question=question).values_list("pk", "value"))
    cell = TableValue.objects.get(question=question, row_label="onbereikbaar", column=0)
    correct_cell(cell=cell, value=Decimal("83"), user=staff, note="tabel in de bijlage")
    with django_assert_max_num_queries(4):  # the tables, their cells: no writes
        store_answer_tables(question=question, tables=[SEED_362])
    assert dict(TableValue.objects.filter(question=question).values_list("pk", "value")) == before
    assert CellCorrection.objects.get().cell_id == cell.pk


def test_a_reread_with_fewer_tables_removes_the_old_ones(office):
    question = QuestionFactory(office=office, date=date(2024, 1, 26))
    store_answer_tables(question=question, tables=SEED_125)
    store_answer_tables(question=question, tables=SEED_125[:1])
    assert AnswerTable.objects.filter(question=question).count() == 1
    store_answer_tables(question=question, tables=[])
    assert not TableValue.objects.filter(question=question).exists()


def test_row_labels_line_up_whatever_their_spacing_and_case():
    assert indicator_key("  Annulering   cursist:") == indicator_key("annulering cursist")


def test_deleting_a_table_or_its_question_deletes_its_cells_and_their_corrections(office, staff):
    """The cells' keys are not checked by the database (figures.models.TableValue): Django's cascade is
    what removes them, whichever way the table goes."""
    kept = QuestionFactory(office=office, number=125, date=date(2024, 1, 26))
    store_answer_tables(question=kept, tables=SEED_125)
    question = QuestionFactory(office=office, number=362, date=date(2022, 6, 15))
    store_answer_tables(question=question, tables=[SEED_362])
    correct_cell(cell=TableValue.objects.filter(question=question).first(), value=Decimal("1"), user=staff)
    AnswerTable.objects.filter(question=kept, position=1).delete()
    assert not TableValue.objects.filter(question=kept, table__position=1).exists()
    assert TableValue.objects.filter(question=kept, table__position=0).exists()
    question.delete()
    assert not TableValue.objects.filter(question_id=question.pk).exists()
    assert not CellCorrection.objects.exists()
    assert set(TableValue.objects.values_list("table_id", flat=True)) == set(
        AnswerTable.objects.values_list("pk", flat=True))
