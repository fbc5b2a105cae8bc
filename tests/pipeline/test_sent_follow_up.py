"""A draft marked sent is a tracked question at once; the parliament's document of it is that question."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from svtracker.drafts.services import draft_follow_up, mark_sent
from svtracker.pipeline.services import import_document
from svtracker.questions.models import Question
from svtracker.questions.selectors import find_questions
from svtracker.reminders.deadlines import answer_deadline
from svtracker.reminders.selectors import late_questions, working_calendar
from tests.drafts.conftest import pdf_to_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(seeded_office, staff):
    question = find_questions(office=seeded_office, session="2023-2024", number=125).get()
    draft = draft_follow_up(office=seeded_office, user=staff, question=question)
    return mark_sent(draft=draft, user=staff)


def parliament_document(sent, tmp_path, number=301) -> bytes:
    """The sent PDF as the parliament publishes it: the number filled in, with an answer."""
    with sent.pdf.open("rb") as stored:
        text = pdf_to_text(stored.read(), tmp_path, layout=True)
    return (re.sub(r"^nr\.$", f"nr. {number}", text, count=1, flags=re.MULTILINE).split("1/1")[0]
            + f"\nGWENDOLYN RUTTEN\nANTWOORD\nop vraag nr. {number}\nvan MAAIKE DE VREESE\n"
            + "1. De cijfers staan in bijlage.\n").encode()


def test_marking_a_draft_sent_tracks_its_question_in_the_series_with_a_deadline(sent):
    tracked = sent.asked_question
    q125 = Question.objects.get(office=sent.office, number=125)
    assert tracked is not None and tracked.number is None and not tracked.answered
    assert tracked.series_id == q125.series_id == sent.series_id
    assert (tracked.author, tracked.minister, tracked.title) == (sent.author, sent.minister, sent.title)
    assert tracked.date == timezone.localdate(sent.sent_at)
    due = answer_deadline(tracked.date, working_calendar()).due
    assert tracked not in [item.item for item in late_questions(office=sent.office, on=due)]
    assert tracked in [item.item for item in late_questions(office=sent.office, on=due + timedelta(days=1))]


def test_the_parliaments_document_of_the_sent_question_fills_in_its_number(sent, tmp_path):
    before = Question.objects.filter(office=sent.office).count()
    [result] = import_document(office=sent.office, filename="301.txt",
                               data=parliament_document(sent, tmp_path), source="command")
    assert result.status == "updated", result.message
    assert result.question.pk == sent.asked_question_id
    assert Question.objects.filter(office=sent.office).count() == before
    tracked = Question.objects.get(pk=sent.asked_question_id)
    assert (tracked.number, tracked.answered, tracked.series_id) == (301, True, sent.series_id)


def test_registering_the_sent_question_by_hand_completes_the_tracked_one(sent, staff_client):
    before = Question.objects.filter(office=sent.office).count()
    response = staff_client.post(reverse("questions:register"), {
        "author": sent.author_id, "minister": sent.minister_id, "number": 302, "title": sent.title,
        "asked_on": timezone.localdate(sent.sent_at).isoformat()})
    assert response.status_code == 302
    assert Question.objects.filter(office=sent.office).count() == before
    assert Question.objects.get(pk=sent.asked_question_id).number == 302
