"""A series' tables lined up by indicator and period: changed values, renamed rows, the page, the export."""

import io
from datetime import date, datetime
from decimal import Decimal

from openpyxl import load_workbook

from svtracker.figures.models import TableValue
from svtracker.figures.selectors import series_figures
from svtracker.figures.services import correct_cell, join_indicators, store_answer_tables
from tests.factories import QuestionFactory

from .tables import SEED_125


def by_key(series):
    return {i.key: i for i in series_figures(series=series)}


def test_indicators_line_up_across_answers_over_months_and_the_new_year(series_155_362):
    series, q155, q362 = series_155_362
    agency = by_key(series)["annulering agentschap"]
    assert [p.period.label for p in agency.periods] == [
        "september 2021", "oktober 2021", "november 2021", "december 2021", "januari 2022", "februari 2022",
        "maart 2022", "april 2022", "mei 2022", "juni 2022"]
    assert [p.current.question for p in agency.periods] == [q155] * 6 + [q362] * 4
    assert agency.questions == [q155, q362]
    # March 2022 is in both answers with the same value: not a disagreement.
    march = agency.periods[6]
    assert [o.question for o in march.observations] == [q155, q362] and not march.disagrees


def test_a_value_changed_between_two_answers_shows_both_and_the_difference(series_155_362):
    series, q155, q362 = series_155_362
    totals = by_key(series)["totaal"]
    march = next(p for p in totals.periods if p.period.start == date(2022, 3, 1))
    assert march.disagrees
    assert [o.value for o in march.observations] == [Decimal("1275"), Decimal("1281")]
    assert march.current.question == q362 and march.difference == Decimal("6")
    assert totals.disagreements == 1


def test_a_renamed_row_joined_by_staff_becomes_one_indicator(series_155_362, staff):
    series, q155, q362 = series_155_362
    before = by_key(series)
    assert "annulaties cursist" in before and len(before["annulering cursist"].periods) == 4
    join = join_indicators(series=series, indicator="annulaties cursist", into="annulering cursist",
                           user=staff)
    assert (join.user, join.at is not None) == (staff, True)
    after = by_key(series)
    assert "annulaties cursist" not in after
    joined = after["annulering cursist"]
    assert joined.label == "annulering cursist"  # the latest answer's wording
    assert joined.labels == {"annulaties cursist", "annulering cursist"}
    assert len(joined.periods) == 10
    march = next(p for p in joined.periods if p.period.start == date(2022, 3, 1))
    assert [o.value for o in march.observations] == [Decimal("1085"), Decimal("1091")]


def test_a_cell_corrected_by_staff_counts_and_keeps_who_and_when(series_155_362, staff):
    series, q155, q362 = series_155_362
    cell = TableValue.objects.get(question=q155, row_label="Totaal", column_label="mrt")
    correct_cell(cell=cell, value=Decimal("1281"), user=staff, note="definitieve cijfers")
    march = next(p for p in by_key(series)["totaal"].periods if p.period.start == date(2022, 3, 1))
    assert not march.disagrees and march.observations[0].corrected
    assert cell.corrections.get().user == staff


def test_series_queries_do_not_grow_with_the_answers(series_155_362, django_assert_max_num_queries):
    series, *_ = series_155_362
    for number in range(400, 410):
        question = QuestionFactory(office=series.office, series=series, number=number, date=date(2023, 1, 2))
        store_answer_tables(question=question, tables=SEED_125)
    with django_assert_max_num_queries(3):
        assert len(series_figures(series=series)) > 5


def test_series_page_shows_one_table_per_indicator_with_its_chart(series_155_362, staff_client,
                                                                 django_assert_max_num_queries):
    series, q155, q362 = series_155_362
    with django_assert_max_num_queries(20):
        response = staff_client.get(f"/series/{series.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="indicator"') == 6  # 5 rows of no. 362, "annulaties cursist" of no. 155
    assert "1.091" in html and "verschil +6" in html
    assert html.count("<svg") >= 4 and 'role="img"' in html
    assert "<script" not in html.split("<main", 1)[1] and "style=" not in html


def test_series_export_has_one_sheet_per_indicator_with_real_numbers_and_dates(series_155_362, staff_client):
    series, q155, q362 = series_155_362
    response = staff_client.get(f"/figures/series/{series.pk}/figures.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert "annulering cursist" in workbook.sheetnames
    sheet = workbook["Totaal"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    march = next(r for r in rows if r[0] == datetime(2022, 3, 1))
    assert march[1] == 1281 and march[5] == 1275 and march[6] == 6
    assert all(isinstance(r[1], int) for r in rows)


def test_question_export_of_seed_001_tables_has_numbers_not_text(office, staff_client):
    question = QuestionFactory(office=office, number=125, date=date(2024, 1, 26))
    store_answer_tables(question=question, tables=SEED_125)
    response = staff_client.get(f"/figures/questions/{question.pk}/tables.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    first, second = workbook.worksheets
    assert list(first.iter_rows(values_only=True))[1] == ("rechthebbend", 3091, 5025, 8116)
    assert second.cell(3, 2).value == 0.72 and second.cell(3, 2).number_format == "0%"


def test_another_office_cannot_see_correct_or_export_the_figures(series_155_362, other_office, client):
    from tests.factories import MembershipFactory, UserFactory
    series, q155, q362 = series_155_362
    outsider = UserFactory(username="buiten")
    MembershipFactory(user=outsider, office=other_office)
    client.force_login(outsider)
    cell = TableValue.objects.filter(question=q362).first()
    assert client.get(f"/figures/series/{series.pk}/figures.xlsx").status_code == 404
    assert client.post(f"/figures/cells/{cell.pk}/", {"value": "1"}).status_code == 404
    assert client.post(f"/figures/series/{series.pk}/join/", {}).status_code == 404
    assert not cell.corrections.exists()


def test_staff_correct_a_cell_and_join_rows_through_the_pages(series_155_362, staff_client, staff):
    series, q155, q362 = series_155_362
    cell = TableValue.objects.get(question=q155, row_label="Totaal", column_label="mrt")
    response = staff_client.post(f"/figures/cells/{cell.pk}/", {"value": "1.281", "note": "bijlage"})
    assert response.status_code == 302
    assert cell.corrections.get().value == Decimal("1281")
    response = staff_client.post(f"/figures/series/{series.pk}/join/",
                                 {"indicator": "annulaties cursist", "into": "annulering cursist"})
    assert response.status_code == 302 and series.indicator_joins.get().user == staff
    page = staff_client.get(f"/figures/cells/{cell.pk}/").content.decode()
    assert "door an op" in page


def test_text_that_excel_would_run_as_a_formula_is_exported_as_text(office, staff_client):
    from .tables import table
    question = QuestionFactory(office=office, date=date(2024, 1, 26))
    store_answer_tables(question=question, tables=[table(["=cmd|' /C calc'!A0", "2023"],
                                                         [("@SUM(1+1)", ["5"]), ("-2+3", ["6"])])])
    response = staff_client.get(f"/figures/questions/{question.pk}/tables.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [sheet.cell(r, 1).value for r in (1, 2, 3)] == ["'=cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3"]
    assert all(sheet.cell(r, 1).data_type == "s" for r in (1, 2, 3))
