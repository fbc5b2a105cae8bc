"""Reading deadlines, what is due, the outbox and the calendar feed; always limited to an office or user."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from svtracker.accounts.models import Office, Profile
from svtracker.parsing import squash
from svtracker.promises.models import Promise
from svtracker.questions.models import Question
from svtracker.questions.selectors import questions_awaiting_answer

from . import deadlines, labels, sql
from .models import Digest, RecessPeriod, Reminder

RECESS_YEARS = range(1901, 2200)  # the years the recess pages know (a date needs a four-digit year)


def can_edit_recess(*, user: User) -> bool:
    """Site administrators (the recess change permission, as in the Django admin; superusers have it)
    enter the parliament's calendar; office admins, like all staff, read it."""
    return user.has_perm("reminders.change_recessperiod")


def recess_dates(*, kind: str, year: int) -> tuple[date, date, RecessPeriod | None]:
    """Start and end of a recess as entered by staff, else by the default rule (row None)."""
    period = RecessPeriod.objects.filter(kind=kind, year=year).first()
    if period is not None:
        return period.start, period.end, period
    return (*deadlines.default_recess(kind, year), None)


def recess_periods(*, year: int) -> list[dict]:
    return [{"kind": kind, "label": label, "year": year, "start": start, "end": end, "period": period}
            for kind, label in RecessPeriod.Kind.choices
            for start, end, period in [recess_dates(kind=kind, year=year)]]


def _pauses_for_year(year: int) -> list[deadlines.Pause]:
    """The year's recess pauses: as entered (one query for the year), else by the default rule."""
    entered = {p.kind: (p.start, p.end) for p in RecessPeriod.objects.filter(year=year)}
    return [deadlines.pause_of_recess(kind, *(entered.get(kind) or deadlines.default_recess(kind, year)))
            for kind in RecessPeriod.Kind.values]


def _recess_version() -> tuple:
    """Changes with every change of recess dates, in any process (each one adds a history row)."""
    latest = RecessPeriod.history.aggregate(id=Max("history_id"), at=Max("history_date"))
    return latest["id"], latest["at"]


class _RecessCalendar(deadlines.WorkingCalendar):
    """The process's calendar: before it is first used after each working_calendar(), one small query
    tells whether the recess dates changed, and if so it forgets what it worked out. A copy made with
    dataclasses.replace (own pauses) does not check."""

    version: tuple | None = None
    unchecked = False

    def refresh(self) -> None:
        if self.unchecked:
            self.unchecked = False
            version = _recess_version()
            if version != self.version:
                self.version = version
                self.forget()


_calendars: dict[tuple, _RecessCalendar] = {}


def working_calendar() -> deadlines.WorkingCalendar:
    """The government's calendar with the recess dates entered (defaults for other years).

    One per process and language, remembering its pauses, holidays and deadlines, up to date with the
    recess dates (checked once per call, when first used).
    """
    language = "en_US" if (get_language() or "").startswith("en") else "nl"
    key = (language, settings.FLEMISH_HOLIDAY)
    if key not in _calendars:
        _calendars[key] = _RecessCalendar(
            pauses_for_year=_pauses_for_year, flemish_holiday=settings.FLEMISH_HOLIDAY, language=language)
    calendar = _calendars[key]
    calendar.unchecked = True
    return calendar


def answer_deadline_for(question: Question, *, calendar: deadlines.WorkingCalendar | None = None
                        ) -> deadlines.AnswerDeadline:
    """The answer deadline of a question, with the days skipped and the publication date."""
    return deadlines.answer_deadline(question.date, calendar or working_calendar(),
                                     answered=question.answer_date if question.answered else None)


def with_answer_deadlines(questions, *, calendar: deadlines.WorkingCalendar | None = None
                          ) -> Iterator[tuple[Question, date]]:
    """Each unanswered question with the day its answer is due: the one rule the dashboard, the daily scan
    and the calendar feed read."""
    calendar = calendar or working_calendar()
    for question in questions:
        yield question, deadlines.answer_deadline(question.date, calendar).due


# 20 working days plus the longest pause (summer recess to 31 August) stay well under this: an unanswered
# question asked longer ago is late whatever the calendar says.
CERTAINLY_LATE_AFTER = timedelta(days=120)


def answers_late_or_due(*, office: Office, today: date, limit: int | None = None
                        ) -> tuple[list[Question], list[Question]]:
    """The office's unanswered questions past their answer deadline, and those due by the end of this week
    (the first `limit` of each, oldest first).

    Each question gets `deadline` set (None for one certainly late, so the calendar is not walked for it).
    Only the questions of the last CERTAINLY_LATE_AFTER days are read whole, the older ones up to `limit`.
    """
    calendar = working_calendar()
    week_end = today + timedelta(days=6 - today.weekday())
    awaiting = questions_awaiting_answer(office=office)
    late, due = [], []
    for question in awaiting.filter(date__lt=today - CERTAINLY_LATE_AFTER)[:limit]:
        question.deadline = None
        late.append(question)
    for question, due_on in with_answer_deadlines(awaiting.filter(date__gte=today - CERTAINLY_LATE_AFTER),
                                                  calendar=calendar):
        question.deadline = due_on
        if question.deadline < today:
            late.append(question)
        elif question.deadline <= week_end:
            due.append(question)
    return late[:limit], due[:limit]


@dataclass(frozen=True)
class DueItem:
    """One item that calls for a reminder on a given day: the reason and the date it is about."""

    office: Office
    item_kind: str
    item: Question | Promise
    reason: str
    due_date: date


def promise_reminder(*, expected: date, on: date, warn_days_before: int, repeat_every_days: int,
                     snoozed_until: date | None,
                     calendar: deadlines.WorkingCalendar) -> tuple[str, date] | None:
    """The office's warn policy for one open promise on one day: (reason, date it is about) or None.

    Warn from `warn_days_before` working days before the expected date, on the day itself, then again every
    `repeat_every_days` days while the promise stays open. A snooze silences it until the snooze ends; the
    end of a snooze counts as a new "still open" reminder and the repeats continue from there. A day the
    scan did not run is caught up on the next run, once.
    """
    if snoozed_until and on < snoozed_until:
        return None
    base, reason = expected, Reminder.Reason.DUE
    if snoozed_until and snoozed_until > expected:
        base, reason = snoozed_until, Reminder.Reason.REPEAT
    if on < base:
        if warn_days_before and reason == Reminder.Reason.DUE \
                and on >= calendar.add_working_days(expected, -warn_days_before):
            return Reminder.Reason.WARN, expected
        return None
    if repeat_every_days and (on - base).days >= repeat_every_days:
        occurrence = base + timedelta(days=(on - base).days // repeat_every_days * repeat_every_days)
        return Reminder.Reason.REPEAT, occurrence
    return reason, base


def late_questions(*, office: Office, on: date,
                   calendar: deadlines.WorkingCalendar | None = None) -> list[DueItem]:
    """The office's unanswered questions past their answer deadline on `on` (few: only unanswered ones)."""
    awaiting = questions_awaiting_answer(office=office)
    return [DueItem(office, Reminder.ItemKind.QUESTION, question, Reminder.Reason.LATE, due)
            for question, due in with_answer_deadlines(awaiting, calendar=calendar) if on > due]


def warn_limit(*, on: date, warn_days_before: int, calendar: deadlines.WorkingCalendar) -> date:
    """The latest expected date that is warned about on `on`: `warn_days_before` working days ahead."""
    limit = on
    if warn_days_before:
        while calendar.add_working_days(limit + timedelta(days=1), -warn_days_before) <= on:
            limit += timedelta(days=1)
    return limit


# promise_reminder's policy as one query over all of an office's open promises (the daily scan must not
# walk a million rows in Python). base: the expected date, or the end of a snooze that passed it.
DUE_PROMISES_SQL = """
    SELECT id,
           CASE WHEN %(on)s < base THEN 'warn'
                WHEN %(repeat)s > 0 AND {age} >= %(repeat)s THEN 'repeat'
                WHEN from_snooze THEN 'repeat' ELSE 'due' END,
           CASE WHEN %(on)s < base THEN expected
                WHEN %(repeat)s > 0 AND {age} >= %(repeat)s
                     THEN {repeated}
                ELSE base END
    FROM (SELECT id, expected, snoozed_until > expected AS from_snooze,
                 CASE WHEN snoozed_until > expected THEN snoozed_until ELSE expected END AS base
          FROM promises_promise
          WHERE office_id = %(office)s AND status {in_open} AND expected <= %(limit)s
                AND (snoozed_until IS NULL OR snoozed_until <= %(on)s)) AS open_promise
"""


def due_promises(*, office: Office, on: date,
                 calendar: deadlines.WorkingCalendar) -> list[tuple[int, str, date]]:
    """(promise id, reason, date) for every open promise of the office that calls for a reminder on `on`,
    exactly as promise_reminder decides, computed in the database in one query."""
    params = {"on": on, "repeat": office.repeat_every_days, "office": office.pk,
              "open": sql.array(Promise.OPEN_STATUSES),
              "limit": warn_limit(on=on, warn_days_before=office.warn_days_before, calendar=calendar)}
    age = sql.dialect("days_between", sql.dialect("date", "%(on)s"), "base")
    statement = DUE_PROMISES_SQL.format(
        age=age, in_open=sql.dialect("in", "%(open)s"),
        repeated=sql.dialect("plus_days", "base", f"({age} / %(repeat)s) * %(repeat)s"))
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return [(pk, reason, sql.as_date(due)) for pk, reason, due in cursor]


def item_still_open(*, item_kind: str, item: Question | Promise | None, on: date, reason: str = "") -> bool:
    """False for an answered question, or a delivered, dropped, followed-up or snoozed promise."""
    if item is None:
        return False
    if reason == Reminder.Reason.ANSWERED:  # the news that an answer arrived stays news
        return True
    if item_kind == Reminder.ItemKind.QUESTION:
        return not item.answered
    return item.is_open and not (item.snoozed_until and on < item.snoozed_until)


def load_items(reminders) -> dict[tuple[str, int], Question | Promise]:
    """The questions and promises the reminders are about (with member and minister), in two queries."""
    ids: dict[str, set[int]] = {Reminder.ItemKind.QUESTION: set(), Reminder.ItemKind.PROMISE: set()}
    for reminder in reminders:
        ids[reminder.item_kind].add(reminder.item_id)
    questions = (Question.objects.filter(pk__in=ids[Reminder.ItemKind.QUESTION])
                 .select_related("minister", "author"))
    promises = (Promise.objects.filter(pk__in=ids[Reminder.ItemKind.PROMISE])
                .select_related("question__minister", "question__author"))
    return {**{(Reminder.ItemKind.QUESTION, q.pk): q for q in questions},
            **{(Reminder.ItemKind.PROMISE, p.pk): p for p in promises}}


def digest_recipients(*, office: Office):
    """Staff of the office who get reminder emails: active, with an address, not switched off."""
    return (User.objects.filter(memberships__office=office, is_active=True).exclude(email="")
            .exclude(profile__digest=Profile.Digest.OFF).select_related("profile").order_by("username"))


def digest_due_today(*, profile: Profile | None, on: date, calendar: deadlines.WorkingCalendar) -> bool:
    """Daily: every working day. Weekly: the first working day from the chosen weekday in that week."""
    plain = calendar.without_pauses()
    if not plain.is_working_day(on):
        return False
    if profile is None or profile.digest == Profile.Digest.DAILY:
        return True
    if profile.digest == Profile.Digest.OFF:
        return False
    chosen = on - timedelta(days=on.weekday()) + timedelta(days=profile.digest_weekday)
    return plain.next_working_day(chosen) == on


def unsent_digest_ids(*, lease: timedelta) -> list[int]:
    """Digests of any day and office still to send: ready, or left "sending" longer than the lease."""
    stale = timezone.now() - lease
    return list(Digest.objects.filter(Q(status=Digest.Status.READY)
                                      | Q(status=Digest.Status.SENDING, sending_since__lt=stale))
                .order_by("date", "id").values_list("pk", flat=True))


def stuck_digest_ids(*, lease: timedelta) -> list[int]:
    """Digests a worker left behind: "sending" longer than the lease, or ready, never tried, for as long
    (a ready digest that was tried waits for its retry)."""
    stale = timezone.now() - lease
    return list(Digest.objects.filter(Q(status=Digest.Status.SENDING, sending_since__lt=stale)
                                      | Q(status=Digest.Status.READY, attempts=0, created__lt=stale))
                .order_by("date", "id").values_list("pk", flat=True))


def failed_digests(*, office: Office):
    return (Digest.objects.filter(office=office, status=Digest.Status.FAILED)
            .select_related("recipient").order_by("-date", "id"))


def digest_for(*, office: Office, pk: int) -> Digest:
    return Digest.objects.get(office=office, pk=pk)


def recent_digests(*, office: Office, limit: int = 30):
    return Digest.objects.filter(office=office).select_related("recipient").order_by("-date", "-id")[:limit]


def calendar_profile(*, token: str) -> Profile | None:
    return Profile.objects.filter(calendar_token=token, user__is_active=True).select_related("user").first()


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    day: date
    summary: str
    description: str
    path_name: str
    pk: int


def calendar_entries(*, user: User) -> list[CalendarEntry]:
    """Every due date of the user's offices: answers still expected (the answer deadline) and promised
    data still open, each titled with its question; two entries of one day never share a title."""
    entries = []
    questions = (Question.objects.filter(office__memberships__user=user, answered=False)
                 .select_related("minister", "author").order_by("date", "id"))
    for question, due in with_answer_deadlines(questions):
        entries.append(CalendarEntry(
            f"question-{question.pk}-answer@svtracker", due,
            _("Antwoord verwacht: %(question)s – %(title)s") % {
                "question": labels.short_question_label(question), "title": _clip(question.title)},
            labels.question_label(question) + "\n" + question.title, "questions:detail", question.pk))
    promises = (Promise.objects.filter(office__memberships__user=user, status__in=Promise.OPEN_STATUSES,
                                       expected__isnull=False)
                .select_related("question__minister", "question__author").order_by("expected", "id"))
    for promise in promises:
        question = promise.question
        entries.append(CalendarEntry(
            f"promise-{promise.pk}@svtracker", promise.expected,
            _("Gegevens verwacht (%(question)s): %(quote)s") % {
                "question": labels.short_question_label(question), "quote": _clip(promise.quote)},
            f"{labels.question_label(question)}\n{question.title}\n“{promise.quote}”",
            "promises:detail", promise.pk))
    return _distinct_titles(entries)


def _clip(text: str, length: int = 60) -> str:
    text = squash(text)
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"


def _distinct_titles(entries: list[CalendarEntry]) -> list[CalendarEntry]:
    """Entries of one day that would still share a title are numbered ("(2)", "(3)")."""
    seen: dict[tuple[date, str], int] = {}
    distinct = []
    for entry in entries:
        count = seen[(entry.day, entry.summary)] = seen.get((entry.day, entry.summary), 0) + 1
        distinct.append(entry if count == 1 else replace(entry, summary=f"{entry.summary} ({count})"))
    return distinct
