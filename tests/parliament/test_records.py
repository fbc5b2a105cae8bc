"""The parliament's own facts are kept for every synced question, readable by other apps' selectors."""

from datetime import date

import pytest

from svtracker.parliament.services import sync_office
from svtracker.questions.models import Question

pytestmark = pytest.mark.django_db


def record(office, number):
    from svtracker.parliament.selectors import parliament_record_of

    return parliament_record_of(question=Question.objects.get(office=office, number=number))


def test_each_synced_question_keeps_the_parliaments_dates_tijdig_steps_and_person_ids(office, following,
                                                                                      parliament):
    sync_office(office=office, session="2023-2024")

    answered = record(office, 123)  # read from the XML detail
    assert (answered.parliament_id, answered.session, answered.number) == ("1798949", "2023-2024", 123)
    assert (answered.asked_on, answered.answered_on) == (date(2024, 1, 26), date(2024, 2, 22))
    assert (answered.in_time, answered.in_time_text) == (True, "true")
    assert answered.steps == [{"on": "2024-01-26", "status": "Vraag gesteld aan de minister"},
                              {"on": "2024-02-22", "status": "Tijdig beantwoord"}]
    assert (answered.member_person_id, answered.minister_person_id) == ("4394", "3672")
    assert answered.themes == ["Integratie en Inburgering", "Werk en Sociale Economie"]
    asked = record(office, 125)
    assert (asked.asked_on, asked.answered_on, asked.in_time) == (date(2024, 1, 26), None, None)


def test_the_record_follows_the_parliament_when_the_answer_arrives(office, following, parliament):
    sync_office(office=office, session="2023-2024")
    parliament.answer_question_125()

    sync_office(office=office, session="2023-2024")

    answered = record(office, 125)
    assert (answered.answered_on, answered.in_time, answered.in_time_text) == (date(2024, 2, 23), True,
                                                                               "Tijdig")
    assert answered.steps[-1] == {"on": None, "status": "Antwoord gepubliceerd"}  # a step without datum


def test_records_are_read_per_office(office, other_office, following, parliament):
    from svtracker.parliament.selectors import parliament_records_for

    sync_office(office=office, session="2023-2024")

    assert sorted(parliament_records_for(office=office).values_list("number", flat=True)) == [123, 125]
    assert not parliament_records_for(office=other_office).exists()


def test_the_parliaments_person_ids_reach_the_member_and_minister_the_documents_name(office, following,
                                                                                     parliament):
    from svtracker.people.models import Minister

    sync_office(office=office, session="2023-2024")

    assert Minister.objects.get(name="Gwendolyn Rutten").parliament_id == "3672"
    assert Question.objects.get(office=office, number=123).author.parliament_id == "4394"
