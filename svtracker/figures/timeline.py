"""The series at a glance: one lane per question (asked, answered, promised date, delivered or open)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from .periods import MONTH_LABELS

LANE, LABEL_WIDTH, WIDTH, TOP = 34, 96, 760, 28


@dataclass
class Lane:
    y: float
    label: str
    top: float
    question: object | None  # a Question, or None for one referred to but not imported
    asked: float | None = None
    answered: float | None = None
    promises: list[dict] = field(default_factory=list)  # {"x", "from_x", "open", "title"}
    rows: list[dict] = field(default_factory=list)


@dataclass
class Picture:
    width: int
    height: int
    lanes: list[Lane]
    ticks: list[tuple[float, str]]
    today_x: float | None
    left: int = LABEL_WIDTH
    right: int = WIDTH - 12


def _dates_of(entries: list[dict], today: date) -> list[date]:
    found = [today]
    for entry in entries:
        question = entry.get("question")
        if question is None:
            if entry.get("date"):
                found.append(entry["date"])
            continue
        found += [question.date] + ([question.answer_date] if question.answer_date else [])
        found += [p.expected for p in question.open_promises if p.expected]
    return found


def series_picture(entries: list[dict], *, today: date | None = None) -> Picture:
    """Geometry of the series timeline from `pages.selectors.series_timeline` entries."""
    today = today or timezone.localdate()
    dates = _dates_of(entries, today)
    first, last = min(dates), max(dates)
    first = date(first.year, first.month, 1)
    span = max(1, (last - first).days)

    def x(day: date) -> float:
        return LABEL_WIDTH + 8 + (WIDTH - LABEL_WIDTH - 28) * (day - first).days / span

    lanes = []
    for n, entry in enumerate(entries):
        y = TOP + LANE * n + LANE / 2
        question = entry.get("question")
        number = entry.get("number")
        lane = Lane(y=y, top=y - 5, label=f"nr. {number or '–'}", question=question)
        if question is None:
            lane.asked = x(entry["date"]) if entry.get("date") else None
        else:
            lane.asked = x(question.date)
            lane.answered = x(question.answer_date) if question.answered and question.answer_date else None
            start = lane.answered or lane.asked
            for promise in question.open_promises:
                if promise.expected:
                    lane.promises.append({"x": x(promise.expected), "from_x": start, "open": True,
                                          "corner": x(promise.expected) - 5,
                                          "title": promise.quote[:120], "promise": promise})
        lanes.append(lane)
    # A promise delivered by a later question: a filled mark on the lane of the question that made it.
    by_question = {lane.question.pk: lane for lane in lanes if lane.question is not None}
    for lane in lanes:
        for promise in getattr(lane.question, "delivered_list", []) if lane.question else []:
            origin = by_question.get(promise.question_id)
            if origin is not None:
                at = lane.answered or lane.asked
                origin.promises.append({"x": at, "from_x": origin.answered or origin.asked, "corner": at - 5,
                                        "open": False, "title": promise.quote[:120], "promise": promise})
    ticks = []
    month = first
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = 1 if months <= 12 else 3 if months <= 36 else 12
    while month <= last:
        ticks.append((x(month), f"{MONTH_LABELS[month.month - 1][:3]} {month.year}"))
        total = month.month - 1 + step
        month = date(month.year + total // 12, total % 12 + 1, 1)
    return Picture(width=WIDTH, height=TOP + LANE * len(lanes) + 8, lanes=lanes, ticks=ticks,
                   today_x=x(today))
