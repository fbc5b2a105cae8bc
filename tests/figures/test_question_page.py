"""The question page shows its answer's tables as tables, the text as printed one click away."""

from datetime import date

from svtracker.figures.services import store_answer_tables
from tests.factories import QuestionFactory

from .tables import SEED_125


def test_question_page_renders_the_answer_tables_as_html_tables(office, staff_client,
                                                                 django_assert_max_num_queries):
    question = QuestionFactory(office=office, number=125, date=date(2024, 1, 26), answered=True)
    store_answer_tables(question=question, tables=SEED_125)
    with django_assert_max_num_queries(25):
        html = staff_client.get(f"/questions/{question.pk}/").content.decode()
    assert html.count('<table class="figures-table">') == 2
    assert '<th scope="row">verplicht</th><td>6.657</td><td>8.806</td><td>15.463</td>' in html
    assert "<td>72%</td>" in html
    assert "<details><summary>Zoals in het document</summary>" in html
    assert "verplicht 6.657 8.806 15.463" in html
