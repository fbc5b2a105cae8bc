"""The seeds through the import pipeline: no. 362's monthly figures and no. 125's two tables."""

import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from svtracker.figures.models import AnswerTable
from svtracker.figures.selectors import series_figures
from svtracker.figures.services import store_answer_tables
from svtracker.questions.selectors import find_questions
from tests.factories import QuestionFactory

from .tables import SEED_155


def test_seed_000_gives_its_2022_monthly_cancellations_one_table_per_indicator(imported_seeds, office):
    q362 = find_questions(office=office, session="2021-2022", number=362).get()
    indicators = {i.key: i for i in series_figures(series=q362.series)}
    cursist = indicators["annulering cursist"]
    assert [(p.period.label, p.current.value) for p in cursist.periods] == [
        ("maart 2022", Decimal("1091")), ("april 2022", Decimal("175")), ("mei 2022", Decimal("988")),
        ("juni 2022", Decimal("70"))]
    assert indicators["onbereikbaar"].periods[2].current.value == Decimal("68")
    assert all(p.current.question == q362 for i in indicators.values() for p in i.periods)


def test_seed_000_keeps_its_rows_with_blank_months_and_the_total(imported_seeds, office, staff_client):
    """Rows with a month left blank (kept by the column sums) and the "Totaal" row are indicators too."""
    q362 = find_questions(office=office, session="2021-2022", number=362).get()
    indicators = {i.key: i for i in series_figures(series=q362.series)}
    values = {key: [(p.period.label, p.current.value) for p in indicators[key].periods]
              for key in ("totaal", "probleem technische infrastructuur")}
    assert values["totaal"] == [("maart 2022", Decimal("1281")), ("april 2022", Decimal("214")),
                                ("mei 2022", Decimal("1150")), ("juni 2022", Decimal("90"))]
    assert values["probleem technische infrastructuur"] == [
        ("maart 2022", Decimal("26")), ("april 2022", Decimal("4")), ("mei 2022", Decimal("20"))]
    html = staff_client.get(f"/series/{q362.series_id}/").content.decode()
    assert "probleem technische infrastructuur" in html.lower()


def test_no_155_imported_into_the_series_lines_up_with_362(imported_seeds, office, staff_client):
    q362 = find_questions(office=office, session="2021-2022", number=362).get()
    q155 = QuestionFactory(office=office, series=q362.series, session="2021-2022", number=155,
                           author=q362.author, minister=q362.minister, date=date(2022, 1, 31), answered=True,
                           answer_date=date(2022, 4, 4))
    store_answer_tables(question=q155, tables=[SEED_155])
    unreachable = {i.key: i for i in series_figures(series=q362.series)}["onbereikbaar"]
    assert [p.period.label for p in unreachable.periods][:2] == ["september 2021", "oktober 2021"]
    assert len(unreachable.periods) == 10
    march = next(p for p in unreachable.periods if p.period.label == "maart 2022")
    assert [o.question.number for o in march.observations] == [155, 362] and march.difference == 2
    html = staff_client.get(f"/series/{q362.series_id}/").content.decode()
    assert "verschil +2" in html and 'aria-labelledby="chart-' in html


def test_seed_001_tables_are_numbers_in_the_excel_export(imported_seeds, office, staff_client):
    q125 = find_questions(office=office, session="2023-2024", number=125).get()
    assert AnswerTable.objects.filter(question=q125).count() == 2
    sheets = load_workbook(io.BytesIO(staff_client.get(f"/figures/questions/{q125.pk}/tables.xlsx").content))
    first, second = sheets.worksheets
    assert [c.value for c in first[3]] == ["verplicht", 6657, 8806, 15463]
    assert [c.value for c in second[2]][1:] == [0.74, 0.13, 0.13, 1]
    export = staff_client.get(f"/figures/series/{q125.series_id}/figures.xlsx").content
    sheet = load_workbook(io.BytesIO(export))["rechthebbend"]
    rows = [(r[0].year, r[1]) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert rows == [(2022, 3091), (2023, 5025)]
