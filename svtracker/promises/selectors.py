"""Reading promises, always limited to one office."""

from datetime import date

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone

from svtracker.accounts.models import Office

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


def changes_of(*, promise: Promise):
    return PromiseChange.objects.filter(promise=promise).select_related("user")
