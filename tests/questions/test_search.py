"""The questions table's search: full-text on PostgreSQL, kept current whatever writes the rows."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from svtracker.pipeline.services import import_document
from svtracker.questions.models import AnswerPart, SubQuestion
from svtracker.questions.search import one_search_document
from tests.factories import QuestionFactory


def numbers_found(staff_client, text):
    response = staff_client.get(reverse("questions:list"), {"q": text})
    assert response.status_code == 200
    return sorted(row.record.number for row in response.context["table"].page.object_list)


def test_search_finds_words_of_sub_questions_and_answers_added_after_the_question(staff_client, office):
    question = QuestionFactory(office=office, number=41, title="Inburgering", explanation="")
    QuestionFactory(office=office, number=42, title="Wegenwerken", explanation="")
    assert numbers_found(staff_client, "wachtlijst") == []
    SubQuestion.objects.bulk_create([SubQuestion(question=question, position=0, label="1.",
                                                 text="Hoe lang is de wachtlijst per provincie?")])
    assert numbers_found(staff_client, "wachtlijst") == [41]
    part = AnswerPart.objects.create(question=question, position=0, labels=["1"],
                                     text="De zesmaandelijkse koppeling met VDAB volgt.")
    assert numbers_found(staff_client, "zesmaandelijkse koppeling") == [41]
    part.text = "Geen gegevens."
    part.save()
    assert numbers_found(staff_client, "koppeling") == []
    question.sub_questions.all().delete()
    assert numbers_found(staff_client, "wachtlijst") == []


def test_search_finds_beginnings_and_other_forms_of_words_and_needs_every_word(staff_client, office):
    QuestionFactory(office=office, number=7, title="Cijfers per provincie over vragen", explanation="")
    question = QuestionFactory(office=office, number=8, title="Onderwijs", explanation="")
    question.title = "Leerlingen in de provincies"
    question.save()
    assert numbers_found(staff_client, "provincie") == [7, 8]
    assert numbers_found(staff_client, "provinc") == [7, 8]
    assert numbers_found(staff_client, "leerling provincies") == [8]
    assert numbers_found(staff_client, "vraag") == [7]  # "vragen" and "vraag" share a stem
    assert numbers_found(staff_client, "?!") == []


def test_an_imported_question_is_found_by_its_sub_questions_and_answer_and_later_writes_still_count(
        staff_client, office, seed_files):
    """The import computes the search document once (questions.search.one_search_document); in the same
    transaction a later write keeps it current as before."""
    [result] = import_document(office=office, filename=seed_files[1].name, data=seed_files[1].read_bytes())
    question = result.question
    assert numbers_found(staff_client, "doorlooptijd") == [125]  # a sub-question
    assert numbers_found(staff_client, "zesmaandelijkse koppeling") == [125]  # the answer
    AnswerPart.objects.create(question=question, position=99, labels=["9"], text="Een kilometerheffing.")
    assert numbers_found(staff_client, "kilometerheffing") == [125]
    question.title = "Fietssnelwegen"
    question.save()
    assert numbers_found(staff_client, "fietssnelwegen") == [125]


def test_questions_written_before_an_error_get_their_search_document_and_the_triggers_run_again(
        staff_client, office):
    with pytest.raises(ValueError), one_search_document() as written:
        question = QuestionFactory(office=office, number=51, title="Wachtlijsten", explanation="")
        written(question)
        raise ValueError("a bug after the question was written")
    assert numbers_found(staff_client, "wachtlijsten") == [51]
    QuestionFactory(office=office, number=52, title="Wegenwerken", explanation="")
    assert numbers_found(staff_client, "wegenwerken") == [52]


def test_a_database_error_in_the_block_rolls_back_and_the_triggers_run_again(staff_client, office):
    with pytest.raises(DatabaseError, match="no_such_table"), transaction.atomic(), one_search_document():
        QuestionFactory(office=office, number=53, title="Wachtlijsten", explanation="")
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table")
    QuestionFactory(office=office, number=54, title="Wegenwerken", explanation="")
    assert numbers_found(staff_client, "wachtlijsten") == []
    assert numbers_found(staff_client, "wegenwerken") == [54]
