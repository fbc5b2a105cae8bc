"""Promise-keeping per minister or policy area: how fast questions are answered, how often promises come.

Everything is computed from two queries (the questions in scope, their promises) and the working calendar
(a few queries per year for the recess dates), so the page costs the same for 300 questions as for 30 000.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    Case,
    Count,
    DateField,
    DurationField,
    Exists,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Greatest, TruncDate, TruncMonth

from svtracker.accounts.models import Office
from svtracker.people.models import Minister, MinisterTerm, PolicyArea
from svtracker.promises.models import Promise
from svtracker.questions.models import Question
from svtracker.reminders import deadlines
from svtracker.reminders.models import RecessPeriod
from svtracker.reminders.selectors import working_calendar

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
    questions = Question.objects.filter(office=scope.office).order_by()
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


def default_start(*, office: Office, minister=None, area=None, everything=False) -> date | None:
    """Where the page starts when staff chose no period: the twelve months up to the scope's latest
    question (the first day of that month, a year earlier), or its first question if that is later."""
    scope = Scope(
        office=office, start=date.min, end=date.max, minister=minister, area=area, everything=everything
    )
    found = questions_in(scope, dated=False).aggregate(first=Min("date"), last=Max("date"))
    if found["last"] is None:
        return None
    return max(found["first"], date(found["last"].year - 1, found["last"].month, 1))


@dataclass(frozen=True)
class QuestionFacts:
    """What the counts need of a question (all questions with the same facts count as one group)."""

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


def due_dates(days: set[date], calendar: deadlines.WorkingCalendar) -> dict[date, date]:
    """The answer deadline of questions asked on each of `days`, as deadlines.answer_deadline counts it
    (day 1 the first working day after the week of receipt, due on day 20), from one walk over the
    calendar instead of one per day (tests/scorecard check both agree)."""
    if not days:
        return {}
    first = min(days)
    span = (max(days) - first).days + 14 + 3 * deadlines.ANSWER_WORKING_DAYS + 90  # + the longest pause
    every_day = (first + timedelta(days=n) for n in range(span))
    working = [day for day in every_day if calendar.is_working_day(day)]
    result = {}
    for asked in days:
        monday_after = asked + timedelta(days=7 - asked.weekday())
        start = bisect.bisect_left(working, monday_after)
        result[asked] = working[start + deadlines.ANSWER_WORKING_DAYS - 1]
    return result


FACTS = ("date", "answered", "answer_date", "answered_in_time")


def _question_groups(scope: Scope) -> list[tuple[QuestionFacts, int]]:
    """The scope's questions counted per set of facts, in the database: a few hundred rows (one per asking
    day, roughly) where there are thousands of questions."""
    rows = list(questions_in(scope).values_list(*FACTS).annotate(count=Count("pk")))
    due = due_dates({row[0] for row in rows}, working_calendar())
    return [
        (QuestionFacts(asked, answered, answer_date, due[asked], tijdig), count)
        for asked, answered, answer_date, tijdig, count in rows
    ]


def promises_in(scope: Scope) -> QuerySet[Promise]:
    """The promises made in the answers to the scope's questions, with the dates the counts need:
    `made` (the answer), `delivered_on` (the answer that delivered it, else the day staff marked it),
    `closed_on` (delivered, dropped or followed up)."""
    marked = TruncDate("changed")
    delivered = Coalesce("delivered_in__answer_date", "delivered_in__date", marked, output_field=DateField())
    return Promise.objects.filter(office=scope.office, question__in=questions_in(scope)).annotate(
        made=Coalesce("question__answer_date", "question__date", output_field=DateField()),
        delivered_on=Case(When(status=Promise.Status.DELIVERED, then=delivered), output_field=DateField()),
        closed_on=Case(
            When(status=Promise.Status.DELIVERED, then=delivered),
            When(status__in=[Promise.Status.DROPPED, Promise.Status.FOLLOWED_UP], then=marked),
            output_field=DateField(),
        ),
    )


def promise_filters(today: date) -> dict[str, Q]:
    """What each promise number counts, as a filter on promises_in (the count and its list agree)."""
    delivered = Q(status=Promise.Status.DELIVERED)
    return {
        "promises": Q(),
        "proposed": Q(status=Promise.Status.PROPOSED),
        "confirmed": Q(status__in=[Promise.Status.CONFIRMED, Promise.Status.POSSIBLY_DELIVERED]),
        "delivered": delivered,
        "delivered_on_time": delivered & Q(delivered_on__lte=F("expected")),
        "delivered_late": delivered & Q(delivered_on__gt=F("expected")),
        "overdue": Q(status__in=Promise.OPEN_STATUSES, expected__lt=today),
        "dropped": Q(status=Promise.Status.DROPPED),
    }


def question_lists(fact: QuestionFacts, today: date) -> list[str]:
    """The lists (QUESTION_LISTS) one question belongs to."""
    lists = ["asked"]
    if fact.answered:
        lists.append("answered")
        lists.append("undated" if fact.answer_date is None else "on_time" if fact.on_time else "late")
    else:
        lists.append("open_late" if today > fact.due else "open")
    if fact.tijdig is not None:
        lists.append("tijdig" if fact.tijdig else "niet_tijdig")
    return lists


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


@dataclass
class PromiseTotals:
    counts: Counter = field(default_factory=Counter)
    days_late: Counter = field(default_factory=Counter)  # days late -> promises delivered that late
    made: Counter = field(default_factory=Counter)  # per month
    closed: Counter = field(default_factory=Counter)
    delivered: Counter = field(default_factory=Counter)


def promise_totals(promises: QuerySet[Promise], today: date) -> PromiseTotals:
    """Every promise figure of the page from one grouped query: by status, month made, month closed (for a
    delivered one the month delivered) and days late (delivered ones); the same definitions as
    promise_filters."""
    open_late = Q(status__in=Promise.OPEN_STATUSES, expected__lt=today)
    delivered_late = Q(status=Promise.Status.DELIVERED, expected__isnull=False)
    rows = (
        promises.annotate(
            m_made=Cast(TruncMonth("made"), DateField()),
            m_closed=Cast(TruncMonth("closed_on"), DateField()),
            # Days late, 0 for every promise delivered on time (so that those count as one group).
            late=Case(
                When(delivered_late, then=Greatest(F("delivered_on") - F("expected"), Value(timedelta(0)))),
                output_field=DurationField(),
            ),
            overdue=Case(When(open_late, then=1), default=0, output_field=IntegerField()),
        )
        .values_list("status", "m_made", "m_closed", "late", "overdue")
        .annotate(count=Count("pk"))
        .order_by()
    )
    names = {
        Promise.Status.PROPOSED: "proposed",
        Promise.Status.CONFIRMED: "confirmed",
        Promise.Status.POSSIBLY_DELIVERED: "confirmed",
        Promise.Status.DELIVERED: "delivered",
        Promise.Status.DROPPED: "dropped",
    }
    totals, statuses = PromiseTotals(), Counter()
    for status, made, closed, late, overdue, count in rows:
        statuses[status] += count
        totals.counts["overdue"] += overdue * count
        totals.made[made] += count
        if closed is not None:
            totals.closed[closed] += count
            if status == Promise.Status.DELIVERED:
                totals.delivered[closed] += count
        if late is not None and late.days > 0:
            totals.counts["delivered_late"] += count
            totals.days_late[late.days] += count
        elif late is not None:
            totals.counts["delivered_on_time"] += count
    totals.counts["promises"] = statuses.total()
    for status, count in statuses.items():
        if status in names:
            totals.counts[names[status]] += count
    return totals


def _median(counts: Counter) -> float | None:
    """The median of values counted by how often each occurs (statistics.median without the long list)."""
    if not counts:
        return None
    ordered = sorted(counts.items())
    reach = list(itertools.accumulate(count for _value, count in ordered))  # positions up to each value
    middle = ((reach[-1] - 1) // 2, reach[-1] // 2)
    return sum(ordered[bisect.bisect_right(reach, position)][0] for position in middle) / 2


def _running(counts: dict[date, int], months: list[date]) -> list[int]:
    """How many up to the end of each month (earlier months included)."""
    totals, running = [], sum(n for m, n in counts.items() if m < months[0]) if months else 0
    for month in months:
        running += counts.get(month, 0)
        totals.append(running)
    return totals


def scorecard(*, scope: Scope, today: date) -> Scorecard:
    """The figures of the scope's page: counts per list, medians, and month by month for the charts."""
    card = Scorecard(scope=scope, today=today)
    groups = _question_groups(scope)
    days, on_time, late = Counter(), Counter(), Counter()
    for fact, count in groups:
        for what in question_lists(fact, today):
            card.questions[what] += count
        if fact.days is not None:
            days[fact.days] += count
        if fact.answer_date:
            month = date(fact.answer_date.year, fact.answer_date.month, 1)
            on_time[month] += fact.on_time * count
            late[month] += fact.late * count
    card.median_days = _median(days)

    totals = promise_totals(promises_in(scope), today)
    card.promises.update({what: n for what, n in totals.counts.items() if n})
    card.median_days_late = _median(totals.days_late)
    card.max_days_late = max(totals.days_late, default=None)

    answered = [fact.answer_date for fact, _count in groups if fact.answer_date]
    months = _months(scope.start, min(today, max([scope.end, *answered])))
    made, closed, kept = (
        _running(counts, months) for counts in (totals.made, totals.closed, totals.delivered)
    )
    card.months = [
        MonthRow(month, on_time=on_time[month], late=late[month], kept=kept[i], open=made[i] - closed[i])
        for i, month in enumerate(months)
    ]
    return card


def question_ids(*, scope: Scope, what: str, today: date) -> list[int]:
    """The questions behind one number of the page, newest first."""
    rows = list(questions_in(scope).order_by("-date", "-pk").values_list("pk", *FACTS))
    due = due_dates({row[1] for row in rows}, working_calendar())
    return [
        pk
        for pk, asked, answered, answer_date, tijdig in rows
        if what in question_lists(QuestionFacts(asked, answered, answer_date, due[asked], tijdig), today)
    ]


def promise_ids(*, scope: Scope, what: str, today: date) -> list[int]:
    """The promises behind one number of the page, soonest expected first."""
    return list(
        promises_in(scope)
        .filter(promise_filters(today)[what])
        .order_by("expected", "pk")
        .values_list("pk", flat=True)
    )


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


def _latest_and_count(queryset: QuerySet, field: str) -> tuple[Subquery, Subquery]:
    """MAX(field) and COUNT(*) over a queryset, as two columns of another query (read from an index on
    the queryset's filter and `field`: one probe and an index-only count)."""
    queryset = queryset.order_by()
    return (
        Subquery(queryset.values(value=Func(F(field), function="MAX"))),
        Subquery(queryset.values(value=Func(template="COUNT(*)", output_field=IntegerField()))),
    )


def data_stamp(*, office: Office) -> tuple:
    """Changes whenever anything the office's scorecard figures are computed from changes, read in one
    query: the latest change to its questions and promises (auto_now, also set by the services that write
    with bulk_update) and how many there are (a deletion lowers it); its members (who counts as its own);
    the ministers' terms and their policy areas (who held an area) and the recess dates (the deadlines),
    each save of a term or recess adding a history row and each new link row a higher id."""
    return (
        Office.objects.filter(pk=office.pk)
        .values_list(
            *_latest_and_count(Question.objects.filter(office=OuterRef("pk")), "updated"),
            *_latest_and_count(Promise.objects.filter(office=OuterRef("pk")), "changed"),
            *_latest_and_count(Office.members.through.objects.filter(office=OuterRef("pk")), "pk"),
            *_latest_and_count(MinisterTerm.policy_areas.through.objects.all(), "pk"),
            *_latest_and_count(MinisterTerm.history.all(), "history_id"),
            *_latest_and_count(RecessPeriod.history.all(), "history_id"),
        )
        .get()
    )


def ministers_and_areas(*, office: Office) -> tuple[list[Minister], list[PolicyArea]]:
    """The ministers the office asked questions, and the policy areas they held (for the page's menu)."""
    asked = Question.objects.filter(office=office, minister=OuterRef("pk"))
    ministers = list(Minister.objects.filter(Exists(asked)).order_by("name"))  # not DISTINCT over questions
    areas = list(
        PolicyArea.objects.filter(terms__minister__in=[m.pk for m in ministers]).distinct().order_by("name")
    )
    return ministers, areas
