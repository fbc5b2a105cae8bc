"""The sync against a local server that answers like the parliament's open-data interface."""

from datetime import date

import pytest

from svtracker.parliament.models import QuestionSync, SyncRun
from svtracker.parliament.services import PUBLIC_QUESTION_URL, current_session, sync_office
from svtracker.promises.models import Promise
from svtracker.questions.models import Document, Question, SessionYear
from tests.factories import MinisterFactory, PromiseFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def question(office, number):
    return Question.objects.get(office=office, session="2023-2024", number=number)


def counts():
    return {model.__name__: model.objects.count() for model in (Question, Document, Promise, QuestionSync)}


def test_first_sync_imports_the_followed_members_questions_with_the_parliaments_data(office, following,
                                                                                     parliament):
    report = sync_office(office=office, session="2023-2024")

    assert not (report.failed or report.errors), report.lines()
    assert report.found == 2
    assert report.answered == ["nr. 123 (2023-2024)"]
    assert report.imported == ["nr. 125 (2023-2024)"]
    # The malformed hit is said by its id; the page and the run go on.
    assert report.skipped == [
        "Treffer overgeslagen: http://be.vlp.feed/1799100/pfls/2029999: "
        "Onverwacht antwoord van het parlement: "
        "veld 'metatags' ontbreekt of heeft geen lijst 'metatag'"]
    answered = question(office, 123)
    assert answered.answered and answered.answer_parts.exists()
    assert answered.parliament_id == "1798949"
    assert answered.parliament_url == PUBLIC_QUESTION_URL.format(id="1798949")
    assert answered.answer_date == date(2024, 2, 22)
    assert answered.answered_in_time is True
    assert answered.theme == "Integratie en Inburgering"
    assert answered.author.name == "Maaike De Vreese" and answered.minister.name == "Gwendolyn Rutten"
    assert answered.promises.filter(status=Promise.Status.PROPOSED).exists()  # same importer, same proposals
    asked = question(office, 125)
    assert not asked.answered and asked.answer_date is None and asked.answered_in_time is None
    assert asked.parliament_id == "1798953"
    assert asked.theme == "Integratie en Inburgering"  # from the parliament when the document has none
    assert not QuestionSync.objects.to_retry().exists()
    # Another member's question in the results is left alone (its detail is never even asked for).
    assert not Question.objects.filter(number=131).exists()
    assert not any("/schv/1799000" in path for path in parliament.requests)
    run = SyncRun.objects.get(office=office)
    assert (run.found, run.imported, run.answered, run.failed, run.errors) == (2, 1, 1, 0, report.skipped)


def test_second_sync_changes_nothing_and_downloads_nothing(office, following, parliament):
    sync_office(office=office, session="2023-2024")
    before = counts()
    parliament.requests.clear()

    report = sync_office(office=office, session="2023-2024")

    assert counts() == before
    assert (report.imported, report.answered, report.unchanged) == ([], [], 2)
    assert not any(path.startswith(("/files/pfile", "/e/opendata/schv")) for path in parliament.requests)


def test_answer_arriving_imports_it_with_answer_date_and_in_time_flag(office, following, parliament):
    sync_office(office=office, session="2023-2024")
    parliament.answer_question_125()

    report = sync_office(office=office, session="2023-2024")

    assert report.answered == ["nr. 125 (2023-2024)"] and report.imported == []
    answered = question(office, 125)
    assert answered.answered and answered.answer_parts.count() > 0
    assert answered.answer_date == date(2024, 2, 23)
    assert answered.answered_in_time is True  # "tijdig": "Tijdig"
    assert answered.documents.count() == 2  # the question as asked, then the answer (a hit of its own)
    assert Question.objects.filter(office=office).count() == 2
    state = QuestionSync.objects.get(parliament_id="1798953")
    assert (state.status, state.imported_status) == (QuestionSync.Status.ANSWERED,) * 2
    assert sync_office(office=office, session="2023-2024").unchanged == 2


def test_new_answer_flags_open_promise_of_same_minister_and_theme_possibly_delivered(office, following,
                                                                                    parliament):
    rutten = MinisterFactory(name="Gwendolyn Rutten")
    earlier = QuestionFactory(office=office, minister=rutten, number=8, date=date(2023, 10, 2),
                              theme="Integratie en Inburgering")
    open_promise = PromiseFactory(question=earlier, status=Promise.Status.CONFIRMED)
    other_theme = PromiseFactory(question=QuestionFactory(office=office, minister=rutten, number=9,
                                                          theme="Wonen"), status=Promise.Status.CONFIRMED)

    sync_office(office=office, session="2023-2024")

    open_promise.refresh_from_db()
    assert open_promise.status == Promise.Status.POSSIBLY_DELIVERED
    assert open_promise.delivered_in == question(office, 123)
    assert "nr. 123" in open_promise.changes.get().reason
    other_theme.refresh_from_db()
    assert other_theme.status == Promise.Status.CONFIRMED


def test_a_namesake_with_another_person_id_is_not_imported(office, parliament):
    from svtracker.parliament.services import follow_member

    follow_member(office=office, name="Ward Kennes", parliament_id="9999")  # the parliament's Ward is 4102

    report = sync_office(office=office, session="2023-2024")

    assert report.found == 0 and not Question.objects.exists()


def test_session_years_come_from_the_interface_with_the_computed_rule_as_fallback(office, following,
                                                                                  parliament):
    assert current_session(on=date(2024, 9, 23)) == "2024-2025"  # computed: fourth Monday of September

    sync_office(office=office)

    assert SessionYear.objects.get(name="2023-2024").start == date(2023, 9, 25)
    assert current_session(on=date(2024, 9, 22)) == "2023-2024"
    assert current_session(on=date(2031, 1, 5)) == "2030-2031"  # not published (yet): the rule


def test_answer_arriving_notifies_the_offices_staff_once_in_their_digest(office, staff, following, parliament,
                                                                         mailoutbox,
                                                                         django_capture_on_commit_callbacks):
    from svtracker.reminders.models import Reminder
    from svtracker.reminders.services import run_reminders

    with django_capture_on_commit_callbacks(execute=True):
        sync_office(office=office, session="2023-2024")
    assert not Reminder.objects.exists()  # 123 was answered long before the office followed the member
    parliament.answer_question_125()

    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            sync_office(office=office, session="2023-2024")
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=date(2024, 2, 26))
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=date(2024, 2, 26))

    notice = Reminder.objects.get()
    assert (notice.reason, notice.item_id, notice.recipient) == ("answered", question(office, 125).pk, staff)
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert ("Vraag nr. 125 (2023-2024) van Maaike De Vreese aan Gwendolyn Rutten: antwoord ontvangen "
            "(23 februari 2024)") in body
