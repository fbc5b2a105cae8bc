"""The questions table's search: full-text on PostgreSQL, kept current whatever writes the rows."""

from django.urls import reverse

from svtracker.questions.models import AnswerPart, SubQuestion
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
