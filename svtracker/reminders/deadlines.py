"""Working days and the minister's answer deadline, by the government's own rule (DOMAIN.md, "Deadlines").

Pure: no database. The recess dates come in through `WorkingCalendar(pauses_for_year=...)`; the app reads
them from RecessPeriod rows (svtracker.reminders.selectors.working_calendar) and falls back on the default
rules below when a year has none.

The rule: the minister answers within 20 working days, counted from the first working day after the week
(Monday to Sunday) in which the question reached the cabinet; we take the question's date as that day.
Not working days: Saturday, Sunday, Belgian public holidays (holidays.BE), 11 July (the Flemish
Community's holiday, setting FLEMISH_HOLIDAY) and the pauses: the second week of the Easter recess, the
start of the summer recess to 31 August, and 25 December to 2 January. The answer is published 15 working
days after it reached the member; that count skips weekends and holidays but not the recess pauses, which
belong to the answer deadline only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import holidays
from dateutil.easter import easter

ANSWER_WORKING_DAYS = 20
PUBLICATION_WORKING_DAYS = 15
FLEMISH_HOLIDAY = (7, 11)

WEEKEND = "weekend"
HOLIDAY = "holiday"
PAUSE = "pause"

EASTER = "easter"
SUMMER = "summer"
CHRISTMAS = "christmas"


def default_recess(kind: str, year: int) -> tuple[date, date]:
    """The recess of a year when staff have not entered the parliament's own dates.

    Easter: the two weeks of the Flemish Easter school holidays, which the parliament follows. They start
    on the first Monday of April; when Easter Sunday falls in March they start on Easter Monday, and when
    it falls after 15 April on the second Monday before Easter (2022: 4-17/4, 2024: 1-14/4, 2025: 7-20/4,
    2026: 6-19/4). Summer: from 21 July (the first day after the plenary's last weeks, national holiday)
    to 31 August. Christmas: 25 December to 2 January of the next year.
    """
    if kind == EASTER:
        sunday = easter(year)
        if sunday.month == 3:
            start = sunday + timedelta(days=1)
        elif sunday.day > 15:
            start = sunday - timedelta(days=13)
        else:
            start = date(year, 4, 1) + timedelta(days=(7 - date(year, 4, 1).weekday()) % 7)
        return start, start + timedelta(days=13)
    if kind == SUMMER:
        return date(year, 7, 21), date(year, 8, 31)
    if kind == CHRISTMAS:
        return date(year, 12, 25), date(year + 1, 1, 2)
    raise ValueError(kind)


@dataclass(frozen=True)
class Pause:
    """Days (inclusive) on which the answer count stands still."""

    kind: str
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def pause_of_recess(kind: str, start: date, end: date) -> Pause:
    """Only the second week of the Easter recess pauses the count; summer and Christmas pause entirely."""
    if kind == EASTER:
        return Pause(kind, start + timedelta(days=7), end)
    return Pause(kind, start, end)


def _no_pauses(year: int) -> list[Pause]:
    return []


def default_pauses(year: int) -> list[Pause]:
    return [pause_of_recess(kind, *default_recess(kind, year)) for kind in (EASTER, SUMMER, CHRISTMAS)]


@dataclass(frozen=True)
class SkippedSpan:
    """Consecutive days not counted for one reason (label: the holiday's or the pause's name)."""

    reason: str
    start: date
    end: date
    label: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class AnswerDeadline:
    received: date
    start: date
    due: date
    skipped: tuple[SkippedSpan, ...]
    public_from: date
    answered: date | None = None
    working_days: int = ANSWER_WORKING_DAYS

    @property
    def weekend_days(self) -> int:
        return sum(span.days for span in self.skipped if span.reason == WEEKEND)

    @property
    def days_off(self) -> list[SkippedSpan]:
        """The skipped days other than weekends, each with its reason."""
        return [span for span in self.skipped if span.reason != WEEKEND]

    @property
    def late(self) -> bool:
        return self.answered is not None and self.answered > self.due


@dataclass
class WorkingCalendar:
    """Which days count; `pauses_for_year(year)` gives the pauses of the recesses starting in that year.

    It remembers what it worked out (the pauses of each year, the holidays, each answer deadline), so one
    instance can serve a whole process (selectors.working_calendar) until the recess dates change.
    """

    pauses_for_year: Callable[[int], list[Pause]] = default_pauses
    flemish_holiday: bool = True
    language: str = "nl"
    _pauses: dict[int, list[Pause]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _deadlines: dict[tuple, AnswerDeadline] = field(default_factory=dict, init=False, repr=False,
                                                    compare=False)
    _plain: WorkingCalendar | None = field(default=None, init=False, repr=False, compare=False)
    _days: dict[date, tuple[str, str] | None] = field(default_factory=dict, init=False, repr=False,
                                                      compare=False)

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        return holidays.BE(language=self.language)

    def without_pauses(self) -> WorkingCalendar:
        """The same days off without the recess pauses (the publication count, the digest's days)."""
        if self._plain is None:
            self._plain = WorkingCalendar(pauses_for_year=_no_pauses, flemish_holiday=self.flemish_holiday,
                                          language=self.language)
        return self._plain

    def refresh(self) -> None:
        """Called before what it remembers is used; a calendar whose sources can change checks them here."""

    def forget(self) -> None:
        self._pauses.clear()
        self._deadlines.clear()
        self._days.clear()

    def _pauses_of(self, year: int) -> list[Pause]:
        self.refresh()
        if year not in self._pauses:
            self._pauses[year] = list(self.pauses_for_year(year))
        return self._pauses[year]

    def day_off(self, day: date) -> tuple[str, str] | None:
        """(reason, label) when the day is not a working day, else None (worked out once a day)."""
        self.refresh()
        if day not in self._days:
            self._days[day] = self._day_off(day)
        return self._days[day]

    def _day_off(self, day: date) -> tuple[str, str] | None:
        # A pause first, so that it reads as one span; a Christmas pause reaches into January.
        for pause in self._pauses_of(day.year - 1) + self._pauses_of(day.year):
            if day in pause:
                return PAUSE, pause.kind
        if day.weekday() >= 5:
            return WEEKEND, ""
        name = self._holidays.get(day)
        if name:
            return HOLIDAY, name
        if self.flemish_holiday and (day.month, day.day) == FLEMISH_HOLIDAY:
            return HOLIDAY, "Feest van de Vlaamse Gemeenschap"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.day_off(day) is None

    def add_working_days(self, day: date, count: int) -> date:
        """The count-th working day after `day` (not counting `day`); negative counts go back."""
        step = timedelta(days=1 if count >= 0 else -1)
        remaining = abs(count)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first one after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day


def answer_deadline(received: date, calendar: WorkingCalendar, *,
                    answered: date | None = None) -> AnswerDeadline:
    """The day the answer is due, with every skipped day and why, and the day the answer becomes public.

    Day 1 of the 20 is the first working day after the week of `received`; the due date is day 20.
    The publication date counts from the answer when there is one, else from the due date. Worked out
    once per calendar for each (received, answered).
    """
    key = (received, answered)
    calendar.refresh()
    if key not in calendar._deadlines:
        calendar._deadlines[key] = _answer_deadline(received, calendar, answered=answered)
    return calendar._deadlines[key]


def _answer_deadline(received: date, calendar: WorkingCalendar, *, answered: date | None) -> AnswerDeadline:
    monday_after = received + timedelta(days=7 - received.weekday())
    start = calendar.next_working_day(monday_after)
    due = calendar.add_working_days(start, ANSWER_WORKING_DAYS - 1)
    skipped: list[SkippedSpan] = []
    day = monday_after
    while day <= due:
        off = calendar.day_off(day)
        if off:
            reason, label = off
            last = skipped[-1] if skipped else None
            if last and last.reason == reason and last.label == label and last.end == day - timedelta(days=1):
                skipped[-1] = SkippedSpan(reason, last.start, day, label)
            else:
                skipped.append(SkippedSpan(reason, day, day, label))
        day += timedelta(days=1)
    public_from = calendar.without_pauses().add_working_days(answered or due, PUBLICATION_WORKING_DAYS)
    return AnswerDeadline(received=received, start=start, due=due, skipped=tuple(skipped),
                          public_from=public_from, answered=answered)
