"""Reading questions, always limited to one office."""

from django.db.models import Count, Exists, OuterRef, Q

from svtracker.accounts.models import Office
from svtracker.promises.models import Promise

from .models import Question, Series


def questions_for(*, office: Office):
    open_promises = Promise.objects.filter(question=OuterRef("pk"), status__in=Promise.OPEN_STATUSES)
    return (Question.objects.filter(office=office).select_related("author", "minister", "series")
            .annotate(has_open_promises=Exists(open_promises)))


def question_detail(*, office: Office, pk: int) -> Question:
    return (Question.objects.filter(office=office).select_related("author", "minister", "series")
            .prefetch_related("sub_questions", "answer_parts", "documents", "references__target",
                              "referenced_by__source", "promises").get(pk=pk))


def series_for(*, office: Office):
    return Series.objects.filter(office=office).annotate(
        question_count=Count("questions", distinct=True),
        open_promises=Count("questions__promises", filter=Q(
            questions__promises__status__in=Promise.OPEN_STATUSES), distinct=True))


def find_questions(*, office: Office, session: str, number: int, minister: str = ""):
    """Questions with a number in a session year; numbers repeat per minister, so this may be several."""
    found = questions_for(office=office).filter(session=session, number=number)
    if minister:
        found = found.filter(minister__name__icontains=minister)
    return found
