"""Reading promises: lists and lookups take the office they are scoped to; helpers that take a promise or
a queryset read only what the caller already scoped."""

from datetime import date

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from svtracker.accounts.models import Office
from svtracker.questions.models import Question

from .models import Promise, PromiseChange


def promises_for(*, office: Office, today: date | None = None):
    """The office's promises with `overdue`: still open and the expected date has passed."""
    today = today or timezone.localdate()
    overdue = ExpressionWrapper(Q(status__in=Promise.OPEN_STATUSES, expected__lt=today),
                                output_field=BooleanField())
    return (Promise.objects.filter(office=office)
            .select_related("question__author", "question__minister", "delivered_in")
            .annotate(overdue=overdue))


def promises_due(*, office: Office, until: date):
    """Open promises expected by `until` (overdue ones included), not snoozed, soonest first."""
    today = timezone.localdate()
    return (promises_for(office=office, today=today)
            .filter(status__in=Promise.OPEN_STATUSES, expected__lte=until)
            .exclude(snoozed_until__gt=today).order_by("expected", "id"))


def promises_for_question(*, office: Office, question):
    return promises_for(office=office).filter(question=question).order_by("id")


def promise_detail(*, office: Office, pk: int) -> Promise:
    return promises_for(office=office).select_related("answer_part").get(pk=pk)


def later_questions_of(*, promise: Promise):
    """Where the promised data can have arrived: the same member's later questions, newest first."""
    question = promise.question
    return (Question.objects.filter(office_id=promise.office_id, author_id=question.author_id,
                                    date__gte=question.date)
            .exclude(pk=question.pk).only("id", "number", "session", "title", "date")
            .order_by("-date", "-number"))


def changes_of(*, promise: Promise):
    return PromiseChange.objects.filter(promise=promise).select_related("user")


def promise_history(*, promise: Promise) -> list[dict]:
    """Each change with (field label, before, after) rows, as staff read them."""
    changes = list(changes_of(promise=promise))
    ids = {value for change in changes for values in (change.before, change.after)
           for name, value in values.items() if name == "delivered_in_id" and value}
    questions = {q.pk: q for q in Question.objects.filter(pk__in=ids).only("number", "session")}
    return [{"change": change, "rows": [
        (Promise._meta.get_field(name.removesuffix("_id")).verbose_name, _shown(name, before, questions),
         _shown(name, change.after.get(name), questions)) for name, before in change.before.items()]}
        for change in changes]


def _shown(name: str, value, questions: dict) -> str:
    """A recorded value as staff read it: labels for choices, dates in the interface's language, a question
    by its number and session."""
    if value in (None, ""):
        return "–"
    if name == "status":
        return Promise.Status(value).label
    if name == "kind":
        return Promise.Kind(value).label
    if name in ("expected", "snoozed_until"):
        return date_format(date.fromisoformat(value), "j F Y")
    if name == "delivered_in_id":
        question = questions.get(value)
        if question is None:
            return _("een verwijderde vraag")
        return _("nr. %(number)s (%(session)s)") % {"number": question.number or "–",
                                                     "session": question.session}
    return str(value)


# Questions and series seen through their promises: the questions table's "open promises" column and
# filter, the series pages' counts. Promises know questions; questions know nothing of promises.

def _open_promises():
    return Exists(Promise.objects.filter(question=OuterRef("pk"), status__in=Promise.OPEN_STATUSES))


def with_open_promises(questions):
    """The questions annotated with has_open_promises, to sort or export by it."""
    return questions.annotate(has_open_promises=_open_promises())


def filter_open_promises(questions, *, value: bool):
    return questions.filter(_open_promises() if value else ~_open_promises())


def mark_open_promises(questions: list[Question]) -> list[Question]:
    """Sets has_open_promises on the given questions (one page) in one query."""
    # The status is tested here, not in SQL: with it PostgreSQL combines the status index (every open
    # promise of every office) with the question index, several times slower than reading the page's few.
    promises = Promise.objects.filter(question__in=[q.pk for q in questions]).order_by()
    with_open = {pk for pk, status in promises.values_list("question_id", "status")
                 if status in Promise.OPEN_STATUSES}
    for question in questions:
        question.has_open_promises = question.pk in with_open
    return questions


def with_open_promise_count(series):
    """Series annotated with the number of their open promises (`open_promises`)."""
    return series.annotate(open_promises=Count("questions__promises", filter=Q(
        questions__promises__status__in=Promise.OPEN_STATUSES), distinct=True))


def open_promises_prefetch() -> Prefetch:
    """A question's open promises as `question.open_promises`."""
    return Prefetch("promises", queryset=Promise.objects.filter(status__in=Promise.OPEN_STATUSES),
                    to_attr="open_promises")


def delivered_prefetch() -> Prefetch:
    """The promises a question delivered, with the question that made them, as `delivered_list`."""
    return Prefetch("delivered_promises", queryset=Promise.objects.select_related("question"),
                    to_attr="delivered_list")
