"""Promise-keeping per minister or policy area: how fast questions are answered, how often promises come.

Everything is computed from two queries (the questions in scope, their promises) and the working calendar
(a few queries per year for the recess dates), so the page costs the same for 300 questions as for 30 000.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db.models import Exists, Min, OuterRef, Q, QuerySet

from svtracker.accounts.models import Office
from svtracker.people.models import Minister, MinisterTerm, PolicyArea
from svtracker.promises.models import Promise
from svtracker.questions.models import Question
from svtracker.reminders import deadlines
from svtracker.reminders.models import RecessPeriod
from svtracker.reminders.selectors import answer_deadline_for, working_calendar

# What each number of the page counts; the list behind a number is /scorecard/list/?what=<key>&...
QUESTION_LISTS = (
    "asked",
    "answered",
    "on_time",
    "late",
    "undated",
    "open_late",
    "open",
    "tijdig",
    "niet_tijdig",
)
PROMISE_LISTS = (
    "promises",
    "proposed",
    "confirmed",
    "delivered",
    "delivered_on_time",
    "delivered_late",
    "overdue",
    "dropped",
)


@dataclass(frozen=True)
class Scope:
    """Whose questions, over which period: an office's own by default, one minister or policy area."""

    office: Office
    start: date
    end: date
    minister: Minister | None = None
    area: PolicyArea | None = None
    everything: bool = False  # also questions of members the office does not work for (the sync's view)

    def query(self) -> dict:
        """The scope as query parameters, for the links to the lists behind the numbers."""
        params = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        if self.minister:
            params["minister"] = self.minister.pk
        if self.area:
            params["area"] = self.area.pk
        if self.everything:
            params["all"] = "1"
        return params


def _area_filter(area: PolicyArea) -> Q:
    """Questions to whoever held the area: the function title printed on the question lists it, or (title
    unknown) the minister held it in some term."""
    by_title = MinisterTerm.objects.filter(
        minister=OuterRef("minister"), function_title=OuterRef("minister_title"), policy_areas=area
    )
    by_minister = MinisterTerm.objects.filter(minister=OuterRef("minister"), policy_areas=area)
    return Q(Exists(by_title)) | (Q(minister_title="") & Q(Exists(by_minister)))


def questions_in(scope: Scope, *, dated: bool = True) -> QuerySet[Question]:
    questions = Question.objects.filter(office=scope.office)
    if dated:
        questions = questions.filter(date__gte=scope.start, date__lte=scope.end)
    if scope.minister:
        questions = questions.filter(minister=scope.minister)
    if scope.area:
        questions = questions.filter(_area_filter(scope.area))
    if not scope.everything:
        own = scope.office.members.all()
        questions = questions.filter(
            Q(author__in=own) | ~Exists(own.model.offices.through.objects.filter(office_id=scope.office.pk))
        )
    return questions


def first_question_date(*, office: Office, minister=None, area=None, everything=False) -> date | None:
    scope = Scope(
        office=office, start=date.min, end=date.max, minister=minister, area=area, everything=everything
    )
    return questions_in(scope, dated=False).aggregate(first=Min("date"))["first"]


@dataclass
class QuestionFacts:
    pk: int
    asked: date
    answered: bool
    answer_date: date | None
    due: date
    tijdig: bool | None

    @property
    def on_time(self) -> bool:
        return self.answered and self.answer_date is not None and self.answer_date <= self.due

    @property
    def late(self) -> bool:
        return self.answered and self.answer_date is not None and self.answer_date > self.due

    @property
    def days(self) -> int | None:
        return (self.answer_date - self.asked).days if self.answered and self.answer_date else None


@dataclass
class PromiseFacts:
    pk: int
    status: str
    expected: date | None
    made: date  # the answer that made it
    delivered: date | None  # the answer that delivered it (or the day staff marked it delivered)
    closed: date | None  # delivered, or dropped / followed up

    @property
    def is_open(self) -> bool:
        return self.status in Promise.OPEN_STATUSES

    @property
    def days_late(self) -> int | None:
        if self.delivered and self.expected:
            return (self.delivered - self.expected).days
        return None


def _calendar() -> deadlines.WorkingCalendar:
    """reminders' working calendar with every recess staff entered read in one query (instead of one per
    recess and year: a scorecard over ten years would otherwise ask thirty times)."""
    entered = {(p.kind, p.year): (p.start, p.end) for p in RecessPeriod.objects.all()}

    def pauses_for_year(year: int) -> list[deadlines.Pause]:
        return [
            deadlines.pause_of_recess(
                kind, *(entered.get((kind, year)) or deadlines.default_recess(kind, year))
            )
            for kind in RecessPeriod.Kind.values
        ]

    return replace(working_calendar(), pauses_for_year=pauses_for_year)


def _question_facts(scope: Scope) -> list[QuestionFacts]:
    calendar = _calendar()
    due_by_date: dict[date, date] = {}
    facts = []
    rows = questions_in(scope).values_list("pk", "date", "answered", "answer_date", "answered_in_time")
    for pk, asked, answered, answer_date, tijdig in rows:
        if asked not in due_by_date:  # questions asked on the same day share a deadline
            due_by_date[asked] = answer_deadline_for(Question(date=asked), calendar=calendar).due
        facts.append(QuestionFacts(pk, asked, answered, answer_date, due_by_date[asked], tijdig))
    return facts


def _promise_facts(scope: Scope) -> list[PromiseFacts]:
    rows = Promise.objects.filter(office=scope.office, question__in=questions_in(scope)).values_list(
        "pk",
        "status",
        "expected",
        "question__answer_date",
        "question__date",
        "delivered_in__answer_date",
        "delivered_in__date",
        "changed",
    )
    facts = []
    for pk, status, expected, answered, asked, delivered_answer, delivered_asked, changed in rows:
        delivered = None
        if status == Promise.Status.DELIVERED:
            delivered = delivered_answer or delivered_asked or changed.date()
        closed = delivered or (
            changed.date() if status in (Promise.Status.DROPPED, Promise.Status.FOLLOWED_UP) else None
        )
        facts.append(PromiseFacts(pk, status, expected, answered or asked, delivered, closed))
    return facts


def question_matches(fact: QuestionFacts, what: str, today: date) -> bool:
    return {
        "asked": True,
        "answered": fact.answered,
        "on_time": fact.on_time,
        "late": fact.late,
        "undated": fact.answered and fact.answer_date is None,  # answered, but the date is not known
        "open_late": not fact.answered and today > fact.due,
        "open": not fact.answered and today <= fact.due,
        "tijdig": fact.tijdig is True,
        "niet_tijdig": fact.tijdig is False,
    }[what]


def promise_matches(fact: PromiseFacts, what: str, today: date) -> bool:
    return {
        "promises": True,
        "proposed": fact.status == Promise.Status.PROPOSED,
        "confirmed": fact.status in (Promise.Status.CONFIRMED, Promise.Status.POSSIBLY_DELIVERED),
        "delivered": fact.delivered is not None,
        "delivered_on_time": fact.delivered is not None
        and fact.days_late is not None
        and fact.days_late <= 0,
        "delivered_late": fact.days_late is not None and fact.days_late > 0,
        "overdue": fact.is_open and fact.expected is not None and fact.expected < today,
        "dropped": fact.status == Promise.Status.DROPPED,
    }[what]


@dataclass
class MonthRow:
    month: date
    on_time: int = 0
    late: int = 0
    kept: int = 0  # promises delivered by the end of the month
    open: int = 0  # promises made and not yet delivered or dropped at the end of the month


@dataclass
class Scorecard:
    scope: Scope
    today: date
    questions: Counter = field(default_factory=Counter)
    promises: Counter = field(default_factory=Counter)
    median_days: float | None = None
    median_days_late: float | None = None  # of promises delivered late
    max_days_late: int | None = None
    months: list[MonthRow] = field(default_factory=list)


def _months(start: date, end: date) -> list[date]:
    month, months = date(start.year, start.month, 1), []
    while month <= end:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def _month_end(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1) - timedelta(days=1)


def scorecard(*, scope: Scope, today: date) -> Scorecard:
    """The figures of the scope's page: counts per list, medians, and month by month for the charts."""
    card = Scorecard(scope=scope, today=today)
    question_facts = _question_facts(scope)
    promise_facts = _promise_facts(scope)
    for fact in question_facts:
        card.questions.update(what for what in QUESTION_LISTS if question_matches(fact, what, today))
    for fact in promise_facts:
        card.promises.update(what for what in PROMISE_LISTS if promise_matches(fact, what, today))
    days = [f.days for f in question_facts if f.days is not None]
    card.median_days = statistics.median(days) if days else None
    late = [f.days_late for f in promise_facts if f.days_late is not None and f.days_late > 0]
    card.median_days_late = statistics.median(late) if late else None
    card.max_days_late = max(late, default=None)

    answers = [f for f in question_facts if f.answer_date]
    last = min(today, max([scope.end] + [f.answer_date for f in answers]))
    rows = {month: MonthRow(month) for month in _months(scope.start, last)}
    for fact in answers:
        row = rows.get(date(fact.answer_date.year, fact.answer_date.month, 1))
        if row is not None:
            row.on_time += fact.on_time
            row.late += fact.late
    for month, row in rows.items():
        end = _month_end(month)
        row.kept = sum(1 for f in promise_facts if f.delivered and f.delivered <= end)
        row.open = sum(1 for f in promise_facts if f.made <= end and (f.closed is None or f.closed > end))
    card.months = list(rows.values())
    return card


def question_ids(*, scope: Scope, what: str, today: date) -> list[int]:
    """The questions behind one number of the page, newest first."""
    facts = sorted(_question_facts(scope), key=lambda f: (f.asked, f.pk), reverse=True)
    return [f.pk for f in facts if question_matches(f, what, today)]


def promise_ids(*, scope: Scope, what: str, today: date) -> list[int]:
    """The promises behind one number of the page, soonest expected first."""
    facts = sorted(_promise_facts(scope), key=lambda f: (f.expected or date.max, f.pk))
    return [f.pk for f in facts if promise_matches(f, what, today)]


def questions_by_id(ids: list[int]) -> list[Question]:
    found = Question.objects.filter(pk__in=ids).select_related("minister", "author").in_bulk()
    return [found[pk] for pk in ids if pk in found]


def promises_by_id(ids: list[int]) -> list[Promise]:
    found = (
        Promise.objects.filter(pk__in=ids)
        .select_related("question", "question__minister", "delivered_in")
        .in_bulk()
    )
    return [found[pk] for pk in ids if pk in found]


def ministers_and_areas(*, office: Office) -> tuple[list[Minister], list[PolicyArea]]:
    """The ministers the office asked questions, and the policy areas they held (for the page's menu)."""
    ministers = list(Minister.objects.filter(questions__office=office).distinct().order_by("name"))
    areas = list(
        PolicyArea.objects.filter(terms__minister__in=[m.pk for m in ministers]).distinct().order_by("name")
    )
    return ministers, areas
