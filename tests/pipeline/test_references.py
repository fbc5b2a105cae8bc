"""References to one earlier question that disagree on its date point to one question and one entry."""

import pytest
from django.urls import reverse

from svtracker.drafts.selectors import earlier_questions_of, questions_of_series
from svtracker.pages.selectors import series_timeline
from svtracker.pipeline.services import import_document
from svtracker.questions.models import Question
from tests.questions.test_import import EARLIER_8

pytestmark = pytest.mark.django_db


def test_a_missing_question_cited_with_two_dates_is_one_entry_with_both(office, seed_files):
    import_document(office=office, filename=seed_files[1].name, data=seed_files[1].read_bytes())
    q125 = Question.objects.get(office=office, number=125)
    missing = [e for e in series_timeline(series=q125.series) if not e.get("question")]
    assert [(e["number"], [str(d) for d in e["dates"]]) for e in missing] == [
        (8, ["2023-10-02", "2023-10-22"])]
    earlier = earlier_questions_of(questions=questions_of_series(office=office, series=q125.series))
    cited = next(e for e in earlier if e.number == 8)
    assert str(cited.date) == "2023-10-02"  # the minister's answer gives it
    assert [str(d) for d in cited.dates_written] == ["2023-10-02", "2023-10-22"]


def test_once_imported_both_references_point_to_it_and_its_own_date_is_cited(office, seed_files):
    import_document(office=office, filename=seed_files[1].name, data=seed_files[1].read_bytes())
    import_document(office=office, filename="sv8.txt", data=EARLIER_8.encode())
    q125, q8 = (Question.objects.get(office=office, number=n) for n in (125, 8))
    assert set(q125.references.filter(number=8).values_list("target", flat=True)) == {q8.pk}
    timeline = series_timeline(series=q8.series)
    assert [e["question"].number for e in timeline] == [8, 125]
    assert [str(d) for d in timeline[0]["cited_dates"]] == ["2023-10-22"]
    earlier = earlier_questions_of(questions=questions_of_series(office=office, series=q8.series))
    cited = next(e for e in earlier if e.number == 8)
    assert cited.question == q8 and cited.date == q8.date
    assert [str(d) for d in cited.dates_written] == ["2023-10-02", "2023-10-22"]


def test_the_pages_say_which_dates_differ(staff_client, office, seed_files):
    import_document(office=office, filename=seed_files[1].name, data=seed_files[1].read_bytes())
    q125 = Question.objects.get(office=office, number=125)
    page = staff_client.get(reverse("questions:series_detail", args=[q125.series_id])).content.decode()
    assert page.count("Vraag nr. 8") == 1
    assert "Geciteerd met verschillende datums: 2 oktober 2023, 22 oktober 2023." in page
    import_document(office=office, filename="sv8.txt", data=EARLIER_8.encode())
    q8 = Question.objects.get(office=office, number=8)
    page = staff_client.get(reverse("questions:detail", args=[q8.pk])).content.decode()
    assert "citeert deze vraag als van 22 oktober 2023; het parlement vermeldt 2 oktober 2023" in page
    page = staff_client.get(reverse("questions:series_detail", args=[q8.series_id])).content.decode()
    assert ("Ook geciteerd met een andere datum: 22 oktober 2023. Het parlement vermeldt 2 oktober 2023."
            in page)
