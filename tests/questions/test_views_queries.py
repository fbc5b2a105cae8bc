"""Every list page stays under one bound of queries with 10 rows as with 300: no query per row."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from svtracker.promises.models import Promise
from svtracker.questions.models import AnswerPart, Document, Question, Reference, SubQuestion
from tests.factories import MemberFactory, MinisterFactory, PromiseFactory, QuestionFactory, SeriesFactory

# The same bound for 10 and for 300 rows (session, user, office and the page's own fixed queries). The
# dashboard also reads the recess periods of the (at most three) calendar years around today.
MAX_QUERIES = {
    "dashboard": 22,
    "questions:list": 12,
    "questions:series_list": 7,
    "promises:list": 12,
    "questions:series_detail": 13,  # with the figures lined up (tables, joins, corrections)
    "questions:detail": 20,
}


@pytest.fixture
def rows(office, staff):
    """A series of n questions (half unanswered), each with sub-questions, answer parts, a promise, a
    reference to a question not imported yet and an uploaded document; and one question with n of each."""

    def make(n):
        series = SeriesFactory(office=office, title="Inburgeraars")
        author, minister = MemberFactory(name="Maaike De Vreese"), MinisterFactory(name="Gwendolyn Rutten")
        office.members.add(author)
        start = date.today() - timedelta(days=n + 40)
        questions = Question.objects.bulk_create(
            Question(office=office, session="2023-2024", minister=minister, author=author, number=i + 1,
                     date=start + timedelta(days=i), title=f"Inburgeraars ({i + 1})", series=series,
                     answered=i % 2 == 0) for i in range(n))
        SubQuestion.objects.bulk_create(
            SubQuestion(question=q, position=p, label=f"{p + 1}.", text="Hoeveel?")
            for q in questions for p in range(2))
        AnswerPart.objects.bulk_create(AnswerPart(question=q, position=0, labels=["1", "2"], text="Zoveel.")
                                       for q in questions)
        Reference.objects.bulk_create(
            Reference(source=q, number=1000 + i, date=start, text="In opvolging van")
            for i, q in enumerate(questions))
        Promise.objects.bulk_create(Promise(office=office, question=q, quote=f"Cijfers volgen ({q.number}).",
                                            expected=date.today() + timedelta(days=i % 20 - 10))
                                    for i, q in enumerate(questions))
        Document.objects.bulk_create(Document(question=q, file=f"documents/{q.number}.txt",
                                              filename=f"{q.number}.txt", sha256=f"{q.number:064d}",
                                              uploaded_by=staff) for q in questions)
        big = QuestionFactory(office=office, series=series, author=author, minister=minister, number=9999)
        SubQuestion.objects.bulk_create(SubQuestion(question=big, position=p, label=f"{p + 1}.", text="Vraag")
                                        for p in range(n))
        AnswerPart.objects.bulk_create(
            AnswerPart(question=big, position=p, labels=[str(p + 1)], text="Antwoord") for p in range(n))
        Reference.objects.bulk_create(
            Reference(source=big, number=q.number, date=q.date, text="Zie", target=q) for q in questions)
        for _ in range(3):
            PromiseFactory(question=big)
        return {"questions:series_detail": [series.pk], "questions:detail": [big.pk]}

    return make


@pytest.mark.parametrize("n", [10, 300])
@pytest.mark.parametrize("name", list(MAX_QUERIES))
def test_list_pages_do_not_query_per_row(staff_client, rows, django_assert_max_num_queries, name, n):
    args = rows(n).get(name, [])
    # Once first: what a process reads once and keeps (the working-day calendar) is no per-row cost.
    staff_client.get(reverse(name, args=args))
    with django_assert_max_num_queries(MAX_QUERIES[name]):
        response = staff_client.get(reverse(name, args=args))
    assert response.status_code == 200
