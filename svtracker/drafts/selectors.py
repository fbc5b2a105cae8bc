"""Reading drafts and what a follow-up is made of: lookups take the office they are scoped to; helpers that
take questions or versions read only what the caller already scoped; `follow_up_candidates`, for the command
line, searches every office."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch

from svtracker.accounts.models import Office
from svtracker.parsing import squash
from svtracker.parsing.dates import format_dutch_date
from svtracker.people.models import MinisterTerm
from svtracker.people.selectors import visible_terms
from svtracker.promises.models import Promise
from svtracker.questions.models import Question, Reference, Series

from .models import EXCEL_CLOSING, Draft, DraftVersion


def drafts_for(*, office: Office):
    return (Draft.objects.filter(office=office)
            .select_related("author", "minister", "series", "source_question", "asked_question"))


def drafts_in_progress(*, office: Office):
    """Drafts not yet marked sent."""
    return drafts_for(office=office).filter(status=Draft.Status.DRAFT)


def follow_ups_of(*, office: Office, series: Series | None = None, question: Question | None = None):
    """Drafts already made for the next question of this series (or of this lone question): sent ones
    whose question has no answer yet, and those still in progress, so a second one is not made blindly."""
    drafts = drafts_for(office=office)
    drafts = drafts.filter(series=series) if series is not None else drafts.filter(source_question=question)
    return (drafts.exclude(status=Draft.Status.SENT, asked_question__answered=True)
            .order_by("-sent_at", "-updated"))


def policy_area_holders(*, office) -> list[tuple[str, str, str]]:
    """Each policy area with the minister last seen holding it and that function title, by area name.

    The same rule as the addressee of a follow-up: the most recent term that covers the area.
    """
    holders: dict[str, MinisterTerm] = {}
    for term in visible_terms(office=office).select_related("minister").prefetch_related("policy_areas"):
        for area in term.policy_areas.all():
            known = holders.get(area.name)
            if known is None or (term.end or term.start) > (known.end or known.start):
                holders[area.name] = term
    return [(area, term.minister.name, term.function_title) for area, term in sorted(holders.items())]


def draft_detail(*, office: Office, pk: int) -> Draft:
    return drafts_for(office=office).prefetch_related("promises__question").get(pk=pk)


def version_of(*, draft: Draft, number: int) -> DraftVersion:
    return draft.versions.get(number=number)


_QUESTION_PARTS = ("sub_questions", "answer_parts", Prefetch("references", Reference.objects.order_by("id")))


def questions_of_series(*, office: Office, series: Series) -> list[Question]:
    """The imported questions of a series, oldest first, with what a follow-up needs of them."""
    return list(Question.objects.filter(office=office, series=series).select_related("minister", "author")
                .prefetch_related(*_QUESTION_PARTS).order_by("date", "number"))


def open_promises_of(*, office: Office, questions: list[Question]) -> list[Promise]:
    return list(Promise.objects
                .filter(office=office, question__in=questions, status__in=Promise.OPEN_STATUSES)
                .select_related("question", "answer_part")
                .prefetch_related(*(f"question__{part}" for part in ("sub_questions", "answer_parts",
                                                                      "references")))
                .order_by("question__date", "answer_part__position", "id"))


@dataclass(frozen=True)
class EarlierQuestion:
    """A question of the series as a follow-up cites it: imported, or known only from a reference."""

    number: int | None
    date: date | None
    session: str
    question: Question | None = None
    # Every date it is written with when they disagree (seed 001: 2 and 22 October 2023), for a warning.
    dates_written: tuple[date, ...] = ()
    dated_by_answer: bool = False  # not imported: `date` is the one the minister's answer wrote


def citation(*, number: int | None, on: date | None) -> str:
    """An earlier question as a follow-up cites it, in the parliament's words: "nr. 8 van 2 oktober 2023"."""
    if number and on:
        return f"nr. {number} van {format_dutch_date(on)}"
    return f"nr. {number}" if number else f"van {format_dutch_date(on)}"


def earlier_questions_of(*, questions: list[Question]) -> list[EarlierQuestion]:
    """Every question of the series, oldest first, including those only referenced (not imported).

    An imported question is cited with its own date (the parliament's record). For a referenced question
    the date is the one the minister wrote in the answer when there is one (seed 001: the member wrote
    22 October, the answer 2 October), else the first one written.
    """
    written: dict[tuple, set] = {}
    unresolved: dict[tuple, list[Reference]] = {}
    imported = {(q.number, q.session) for q in questions}
    for question in questions:
        for reference in question.references.all():
            if not (reference.number or reference.date):
                continue
            if reference.target_id is not None:
                target = next((q for q in questions if q.pk == reference.target_id), None)
                if target is not None and reference.date:
                    written.setdefault((target.number, target.session), {target.date}).add(reference.date)
                continue
            key = (reference.number, reference.session) if reference.number else (None, str(reference.date))
            if key not in imported:
                unresolved.setdefault(key, []).append(reference)
    found = {(q.number, q.session): EarlierQuestion(
        q.number, q.date, q.session, q, _disagreeing(written.get((q.number, q.session), set())))
        for q in questions}
    for (number, session), references in unresolved.items():
        dated = [r for r in references if r.date]
        best = next((r for r in dated if r.in_answer), dated[0] if dated else references[0])
        found[(number, session)] = EarlierQuestion(number, best.date, best.session,
                                                   dates_written=_disagreeing({r.date for r in dated}),
                                                   dated_by_answer=best.in_answer)
    return sorted(found.values(), key=lambda e: (e.date or date.min, e.number or 0))


def _disagreeing(dates: set) -> tuple[date, ...]:
    return tuple(sorted(dates)) if len(dates) > 1 else ()


@dataclass(frozen=True)
class DisagreeingDates:
    """An earlier question the draft follows up whose sources write its date differently, for the editor."""

    number: int | None
    dates: tuple[date, ...]
    cited: date | None  # the one of `dates` the draft's introduction cites it with, if any
    reason: str  # why that one: "question" (its own date), "answer" (the minister's), "" (staff's choice)


def disagreeing_dates(*, office: Office, draft: Draft) -> list[DisagreeingDates]:
    """The earlier questions of the draft's series cited with dates that disagree with each other or with
    the question's own date (seed 001: no. 8 "van 22 oktober 2023", its answer "2 oktober 2023")."""
    questions = (Question.objects.filter(office=office).order_by("date", "number")
                 .prefetch_related(Prefetch("references", Reference.objects.order_by("id"))))
    questions = (questions.filter(series=draft.series_id) if draft.series_id
                 else questions.filter(pk=draft.source_question_id))
    introduction = squash(draft.introduction)
    found = []
    for earlier in earlier_questions_of(questions=list(questions)):
        if not earlier.dates_written:
            continue
        cited = next((on for on in earlier.dates_written if re.search(
            rf"(?<!\w){re.escape(citation(number=earlier.number, on=on))}(?!\w)", introduction)), None)
        reason = ("" if cited is None or cited != earlier.date else
                  "question" if earlier.question else "answer" if earlier.dated_by_answer else "")
        found.append(DisagreeingDates(earlier.number, earlier.dates_written, cited, reason))
    return found


def version_diff(*, older: DraftVersion, newer: DraftVersion) -> list[tuple[str, str]]:
    """Line-by-line comparison of two versions as (kind, line): kind is "same", "added" or "removed"."""
    diff = difflib.ndiff(version_lines(older.content), version_lines(newer.content))
    kinds = {" ": "same", "+": "added", "-": "removed"}
    return [(kinds[line[0]], line[2:]) for line in diff if line[0] in kinds]


def version_lines(content: dict) -> list[str]:
    """A version as the lines staff read: addressee, title, introduction, numbered questions, closing."""
    lines = [f"aan {content.get('minister_name', '')}", content.get("minister_title", ""),
             content.get("title", ""), ""]
    lines += [p for p in content.get("introduction", "").splitlines()]
    lines += [""] + [f"{i}. {q}" for i, q in enumerate(content.get("questions", []), start=1)]
    if content.get("excel_closing"):
        lines += ["", EXCEL_CLOSING]
    return lines


def follow_up_candidates(*, session: str, number: int, minister: str = "", office_name: str = ""):
    """Questions a command-line user may mean by session and number (numbers repeat per minister and
    office), narrowed by a part of the minister's name and the office's name when given."""
    found = (Question.objects.filter(session=session, number=number)
             .select_related("office", "minister", "author", "series")
             .order_by("office__name", "minister__name"))
    if minister:
        found = found.filter(minister__name__icontains=minister)
    if office_name:
        found = found.filter(office__name=office_name)
    return found
