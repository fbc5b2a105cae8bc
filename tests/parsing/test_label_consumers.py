"""The question page's alignment and the drafts read labels through svtracker.parsing.labels: "1-2" is
sub-questions 1 and 2 (never "12"), and an answer part for ("1", "2") sits beside sub-question "1-2"."""

from __future__ import annotations

import pytest

from svtracker.questions.models import AnswerPart, SubQuestion
from svtracker.questions.selectors import answer_rows
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def question_with(sub_labels, part_labels):
    question = QuestionFactory()
    for position, label in enumerate(sub_labels):
        SubQuestion.objects.create(question=question, position=position, label=label, text=f"vraag {label}")
    for position, (n, labels) in enumerate(enumerate(part_labels)):
        AnswerPart.objects.create(question=question, position=position, labels=labels, text=f"antwoord {n}")
    return question


def rows_of(question):
    return [
        ([sub.label for sub in row["sub_questions"]], [part.labels for part in row["answer_parts"]])
        for row in answer_rows(question=question)
    ]


def test_answer_for_1_and_2_sits_beside_sub_question_1_2():
    question = question_with(["1-2", "3"], [["1", "2"], ["3"]])
    assert rows_of(question) == [(["1-2"], [["1", "2"]]), (["3"], [["3"]])]


def test_sub_question_1_2_is_not_question_12():
    labels = [str(n) for n in range(1, 13)]
    question = question_with(["1-2", *labels[2:]], [["12"]])
    assert rows_of(question)[-1] == (["12"], [["12"]])


def test_drafts_see_sub_question_1_2_answered_by_the_part_for_1_and_2():
    from svtracker.drafts.services import _covers

    assert _covers(["1", "2"], "1-2")
    assert _covers(["1"], "1.a") and not _covers(["1.a"], "1.b")
    assert not _covers(["12"], "1-2")
