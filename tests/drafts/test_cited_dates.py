"""An earlier question cited with dates that disagree: the draft cites the right one and the editor says so.

Seed 001 (no. 125) cites no. 8 "van 22 oktober 2023" in the question and "SV 8 van 2 oktober 2023" in the
answer; no. 8 itself is not among the seeds (tests/questions/test_import.py has it as EARLIER_8).
"""

from django.urls import reverse

from svtracker.drafts.services import draft_follow_up, mark_sent, save_draft
from svtracker.pipeline.services import import_document
from svtracker.questions.selectors import find_questions
from tests.questions.test_import import EARLIER_8

from .conftest import TODAY

HEADING = "Verschillende datums voor een eerdere vraag"


def _draft_of(office, user, session, number):
    question = find_questions(office=office, session=session, number=number).get()
    return draft_follow_up(office=office, user=user, question=question, today=TODAY)


def _editor(client, draft) -> str:
    return client.get(reverse("drafts:detail", args=[draft.pk])).text


def test_editor_names_both_dates_of_a_missing_question_and_the_ministers_one_the_draft_cites(
        seeded_office, staff, staff_client):
    draft = _draft_of(seeded_office, staff, "2023-2024", 125)
    page = _editor(staff_client, draft)
    assert f'<h2 id="h-cited-dates">{HEADING}</h2>' in page
    assert ("Vraag nr. 8: de bronnen noemen 2 oktober 2023 en 22 oktober 2023; het concept citeert "
            "2 oktober 2023, de datum in het antwoord van de minister.") in page


def test_once_imported_the_draft_cites_the_questions_own_date_and_the_editor_says_so(
        seeded_office, staff, staff_client):
    import_document(office=seeded_office, filename="sv8.txt", data=EARLIER_8.encode())
    draft = _draft_of(seeded_office, staff, "2023-2024", 125)
    assert draft.introduction.startswith(
        "In opvolging van mijn schriftelijke vraag nr. 8 van 2 oktober 2023 en nr. 125 van 26 januari 2024 ")
    assert ("Vraag nr. 8: de bronnen noemen 2 oktober 2023 en 22 oktober 2023; het concept citeert "
            "2 oktober 2023, de datum van de vraag zelf.") in _editor(staff_client, draft)


def test_the_questions_own_date_wins_over_every_date_it_is_cited_with(seeded_office, staff, staff_client):
    # Synthetic: no real document shows a question dated unlike both its citations.
    import_document(office=seeded_office, filename="sv8.txt",
                    data=EARLIER_8.replace("datum: 2 oktober 2023", "datum: 3 oktober 2023").encode())
    draft = _draft_of(seeded_office, staff, "2023-2024", 125)
    assert draft.introduction.startswith("In opvolging van mijn schriftelijke vraag nr. 8 van 3 oktober 2023")
    assert ("Vraag nr. 8: de bronnen noemen 2 oktober 2023, 3 oktober 2023 en 22 oktober 2023; het concept "
            "citeert 3 oktober 2023, de datum van de vraag zelf.") in _editor(staff_client, draft)


def test_editor_names_the_date_staff_wrote_instead(seeded_office, staff, staff_client):
    draft = _draft_of(seeded_office, staff, "2023-2024", 125)
    for introduction, said in (
            (draft.introduction.replace("nr. 8 van 2 oktober", "nr. 8 van 22 oktober"),
             "het concept citeert 22 oktober 2023."),
            (draft.introduction.replace("nr. 8 van 2 oktober 2023 en ", ""),
             "het concept citeert geen van deze datums.")):
        save_draft(draft=draft, user=staff, minister=draft.minister, minister_title=draft.minister_title,
                   title=draft.title, introduction=introduction, questions=draft.questions,
                   excel_closing=draft.excel_closing)
        assert f"Vraag nr. 8: de bronnen noemen 2 oktober 2023 en 22 oktober 2023; {said}" in _editor(
            staff_client, draft)


def test_no_warning_where_the_sources_agree_or_once_the_draft_is_sent(seeded_office, staff, staff_client):
    assert HEADING not in _editor(staff_client, _draft_of(seeded_office, staff, "2021-2022", 362))
    draft = _draft_of(seeded_office, staff, "2023-2024", 125)
    mark_sent(draft=draft, user=staff)
    assert HEADING not in _editor(staff_client, draft)


def test_the_warning_costs_two_queries_however_many_questions_the_series_has(
        seeded_office, staff, staff_client, django_assert_max_num_queries):
    draft = _draft_of(seeded_office, staff, "2023-2024", 125)
    for _ in range(2):
        with django_assert_max_num_queries(11):  # 9 without the warning
            assert HEADING in _editor(staff_client, draft)
        import_document(office=seeded_office, filename="sv8.txt", data=EARLIER_8.encode())
