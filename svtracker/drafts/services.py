"""Drafting the next written question of a series, keeping its versions, and freezing what was sent."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from svtracker.accounts.models import Office
from svtracker.parsing import squash
from svtracker.parsing.dates import DATE, format_dutch_date, parse_dutch_date
from svtracker.parsing.labels import covers as label_covers
from svtracker.people.models import Minister
from svtracker.people.selectors import current_term_for
from svtracker.promises.models import Promise
from svtracker.promises.services import mark_followed_up
from svtracker.questions.models import Question, Reference, Series
from svtracker.questions.services import (
    link_references,
    normalised_title,
    series_title_and_counter,
    track_sent_question,
)

from .models import CONTENT_FIELDS, Draft, DraftVersion
from .periods import dutch_list, moved_period
from .selectors import citation, earlier_questions_of, open_promises_of, questions_of_series


class DraftSent(ValidationError):
    """A sent draft is kept exactly as it was sent."""

    def __init__(self):
        super().__init__(_("Dit ontwerp is al verstuurd en kan niet meer gewijzigd worden."), code="sent")


@dataclass(frozen=True)
class FollowUpContent:
    author_id: int
    minister: Minister | None
    minister_title: str
    title: str
    introduction: str
    questions: list[str]
    excel_closing: bool
    promises: list[Promise]


def draft_follow_up(*, office: Office, user: User | None, question: Question | None = None,
                    series: Series | None = None, promise: Promise | None = None,
                    today: date | None = None) -> Draft:
    """Create the next question of a series, pre-filled from everything still owed.

    Starts from a question, a series or a promise; all three lead to the series (or the lone question).
    """
    if promise is not None:
        question = promise.question
    if question is not None:
        series = question.series
    questions = questions_of_series(office=office, series=series) if series else [question]
    content = follow_up_content(office=office, questions=questions, today=today or timezone.localdate())
    with transaction.atomic():
        draft = Draft.objects.create(
            office=office, series=series, source_question=question or questions[-1],
            author_id=content.author_id, minister=content.minister, minister_title=content.minister_title,
            title=content.title, introduction=content.introduction, questions=content.questions,
            excel_closing=content.excel_closing, created_by=user)
        draft.promises.set(content.promises)
        _record_version(draft=draft, user=user, note=_("opgesteld door svtracker"))
    return draft


def follow_up_content(*, office: Office, questions: list[Question], today: date) -> FollowUpContent:
    """What the next question of these questions (oldest first) says, before staff edit it."""
    latest = questions[-1]
    earlier = earlier_questions_of(questions=questions)
    promises = open_promises_of(office=office, questions=questions)
    minister, minister_title = _current_addressee(questions)
    title, latest_counter = series_title_and_counter(squash(latest.title))
    counter = max(len(earlier) + 1, 2, latest_counter + 1)
    return FollowUpContent(
        author_id=latest.author_id, minister=minister, minister_title=minister_title,
        title=f"{title} ({counter})",
        introduction=_introduction(earlier=earlier, promises=promises),
        questions=_questions_asked_again(questions=questions, promises=promises, today=today),
        excel_closing=any(_mentions_excel(q) for q in questions), promises=promises)


def _current_addressee(questions: list[Question]) -> tuple[Minister | None, str]:
    """Whoever holds the policy area today (DOMAIN.md: Somers' 2022 questions go to Rutten in 2024)."""
    asked = next((q for q in reversed(questions) if q.minister_id), None)
    if asked is None:
        return None, ""
    term = current_term_for(minister=asked.minister, function_title=asked.minister_title,
                            office=asked.office_id)
    if term is None:
        return asked.minister, squash(asked.minister_title)
    return term.minister, term.function_title


# The document itself is always in Dutch, whatever the interface language: its wording is not translated.

def _introduction(*, earlier, promises: list[Promise]) -> str:
    """Cites the earlier questions in the parliament's wording; quotes what the minister said was missing."""
    listed = dutch_list([citation(number=e.number, on=e.date) for e in earlier])
    if not promises:
        return f"In opvolging van mijn schriftelijke vraag {listed} stel ik graag volgende vragen."
    paragraphs = [
        f"In opvolging van mijn schriftelijke vraag {listed} kom ik terug op de gegevens die toen nog niet "
        "beschikbaar waren. De minister antwoordde:",
        *(f"«{squash(p.quote)}» ({quote_source(promise=p)})" for p in promises),
        "Daarom stel ik graag volgende vragen.",
    ]
    return "\n\n".join(paragraphs)


def quote_source(*, promise: Promise) -> str:
    """Where the minister said it: the answer to the question, or an earlier answer the member quoted."""
    question = promise.question
    quote = squash(promise.quote)[:60]
    in_answer = promise.answer_part_id or any(quote in squash(p.text)
                                              for p in question.answer_parts.all())
    if in_answer or quote not in squash(question.explanation):
        return f"antwoord op vraag nr. {question.number}"
    cited = next((r for r in question.references.all() if not r.in_answer and r.number), None)
    if cited is None:
        return f"vraag nr. {question.number}"
    return f"vraag nr. {question.number}, over het antwoord op vraag nr. {cited.number}"


# What to ask for a promise that is not tied to a sub-question, by kind.
_ASK_AGAIN = {
    Promise.Kind.PROVISIONAL: "Kan de minister de definitieve, gevalideerde cijfers bezorgen die in het "
                              "antwoord op vraag nr. %(number)s nog onder voorbehoud waren?",
    Promise.Kind.STILL_GROWING: "Kan de minister de volledige cijfers bezorgen die in het antwoord op vraag "
                                "nr. %(number)s nog niet volledig waren?",
    Promise.Kind.PARTIAL: "Kan de minister de volledige cijfers bezorgen die in het antwoord op vraag "
                          "nr. %(number)s nog niet volledig waren?",
    Promise.Kind.LINK_NOT_REFRESHED: "Kan de minister de cijfers bezorgen op basis van de nieuwe koppeling "
                                     "waarnaar het antwoord op vraag nr. %(number)s verwees?",
    Promise.Kind.EVALUATION: "Wat zijn de resultaten van de evaluatie die in het antwoord op vraag "
                             "nr. %(number)s werd aangekondigd?",
}
_ASK_AGAIN_DEFAULT = ("Kan de minister de gegevens bezorgen die in het antwoord op vraag nr. %(number)s nog "
                      "niet beschikbaar waren?")


def _questions_asked_again(*, questions: list[Question], promises: list[Promise], today: date) -> list[str]:
    """Each sub-question an open promise belongs to, each unanswered one, and each of the latest question
    that asked about a period (asked again for the time since); then open promises without a sub-question."""
    chosen: dict[int, tuple] = {}
    generic: list[str] = []
    for promise in promises:
        subs = _sub_questions_of(promise)
        for sub in subs:
            chosen[sub.pk] = (sub.question.date, sub.position, sub)
        if not subs:
            number = _answer_number(promise)
            text = _ASK_AGAIN.get(promise.kind, _ASK_AGAIN_DEFAULT) % {"number": number}
            if text not in generic:
                generic.append(text)
    for question in questions:
        parts = list(question.answer_parts.all())
        for sub in question.sub_questions.all():
            unanswered = bool(parts) and not any(_covers(p.labels, sub.label) for p in parts)
            periodic = question is questions[-1] and moved_period(sub.text, today=today) != sub.text
            if unanswered or periodic:
                chosen[sub.pk] = (question.date, sub.position, sub)
    asked = []
    for _date, _position, sub in sorted(chosen.values(), key=lambda c: c[:2]):
        parent = sub.label.rpartition(".")[0]
        if parent and any(other.question_id == sub.question_id and other.label == parent
                          for _d, _p, other in chosen.values()):
            continue  # asked with its parent question
        children = [child for child in sub.question.sub_questions.all()
                    if child.label.startswith(f"{sub.label}.")]
        written = [squash(sub.text)] + [
            f"{child.label.rpartition('.')[2]}) {squash(child.text)}" for child in children]
        lines = [moved_period(line, today=today) for line in written]
        answered = [part for part in sub.question.answer_parts.all()
                    if any(_covers(part.labels, s.label) for s in [sub, *children])]
        if lines == written and answered:
            lines = _asked_since(lines, answered=answered, question=sub.question, today=today)
        text = "\n".join(_minister_named(_without_excel(line)) for line in lines)
        if text.strip():
            asked.append(text.strip())
    return asked + generic


# "tussen 1 maart 2022 en 30 november 2023", "van 1 januari tot en met 31 maart 2024": the period an answer's
# figures cover; the follow-up asks for the time after its end.
_PERIOD_END = re.compile(rf"\b(?:tussen|vanaf|van)\s+(?:{DATE}|\d{{1,2}}\s+\w+)\s+"
                         rf"(?:en|tot(?:\s+en\s+met)?)\s+(?P<end>{DATE})", re.IGNORECASE)


def _asked_since(lines: list[str], *, answered, question: Question, today: date) -> list[str]:
    """A question the answer gave figures for, asked again for the time since, in the member's words:
    "Kan de minister een overzicht geven van X?" becomes "... een bijgewerkt overzicht ... van X, van
    1 december 2023 tot en met 31 oktober 2026?" (the answer's period ended 30 November 2023); a question
    that already counts "sinds ..." asks for the figures as they stand now ("(stand op 31 oktober 2026)")."""
    ends = [parse_dutch_date(found["end"]) for part in answered
            for found in _PERIOD_END.finditer(squash(part.text))]
    covered = max([end for end in ends if end] or [question.answer_date or question.date])
    until = today.replace(day=1) - timedelta(days=1)  # the last full month before today
    since = covered + timedelta(days=1)
    if since > until:
        return lines
    first = lines[0]
    for asked in re.finditer(r"[^?.!]*\?", first):
        sentence = asked.group(0)
        if not _ASKS_FOR_FIGURES.search(sentence):
            continue
        if re.search(r"\bsinds\b", sentence, re.IGNORECASE):
            period = f" (stand op {format_dutch_date(until)})"
        else:
            period = f", van {format_dutch_date(since)} tot en met {format_dutch_date(until)}"
        first = f"{first[:asked.end() - 1].rstrip()}{period}?{first[asked.end():]}"
        break
    return [re.sub(r"\been overzicht\b", "een bijgewerkt overzicht", line, count=1)
            for line in [first, *lines[1:]]]


# A sentence that asks for figures (not "Kan daarbij een verschil worden vastgesteld ...?").
_ASKS_FOR_FIGURES = re.compile(r"\b(?:overzicht|hoeveel|aantal|cijfers|percentage|procent)\b", re.IGNORECASE)


# "Kan hij", "Wil zij": the member's pronoun for the minister asked before, who need not be the one asked now.
_PRONOUN = re.compile(r"\b(?P<verb>kan|kon|wil|zal|is|heeft|plant|overweegt|denkt|evalueert|vindt|weet)\s+"
                      r"(?:hij|zij)\b", re.IGNORECASE)


def _minister_named(text: str) -> str:
    """"de minister" throughout: right whoever holds the policy area today."""
    return _PRONOUN.sub(lambda found: f"{found['verb']} de minister", text)


def _covers(labels: list[str], label: str) -> bool:
    """An answer part labelled "1" covers sub-questions "1", "1.a", ...; "1.a" covers only "1.a"; ("1", "2")
    covers "1-2" (svtracker.parsing.labels reads them)."""
    return label_covers(labels, label)


def _sub_questions_of(promise: Promise) -> list:
    part = promise.answer_part
    if part is None or not part.labels:
        return []
    return [sub for sub in promise.question.sub_questions.all() if _covers(part.labels, sub.label)]


def _answer_number(promise: Promise) -> int | None:
    """The question whose answer said it: an earlier one when the member quoted it in the question."""
    source = quote_source(promise=promise)
    numbers = re.findall(r"\d+", source)
    return int(numbers[-1]) if numbers else promise.question.number


# A sentence that asks for Excel: "Graag in een Excel-bestand.", "... in Excelbestand?"; not "excellente".
_EXCEL_SENTENCE = re.compile(r"[^.?!]*\bexcel(?!l)[^.?!]*[.?!]?", re.IGNORECASE)


def _without_excel(text: str) -> str:
    """The closing line asks for Excel once; a re-asked sub-question need not."""
    return squash(_EXCEL_SENTENCE.sub("", text))


def _mentions_excel(question: Question) -> bool:
    texts = [question.explanation, *(sub.text for sub in question.sub_questions.all())]
    return any(_EXCEL_SENTENCE.search(text) for text in texts)


def _record_version(*, draft: Draft, user: User | None, note: str = "") -> DraftVersion:
    last = draft.versions.order_by("-number").first()
    return DraftVersion.objects.create(draft=draft, number=(last.number + 1) if last else 1,
                                       content=draft.content(), created_by=user, note=note)


@transaction.atomic
def save_draft(*, draft: Draft, user: User | None, minister: Minister | None, minister_title: str,
               title: str, introduction: str, questions: list[str], excel_closing: bool,
               note: str = "") -> Draft:
    """Save staff's edits as a new version; an unchanged draft gets no new version; a sent one is refused."""
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    if draft.is_sent:
        raise DraftSent()
    before = draft.content()
    draft.minister, draft.minister_title, draft.title = minister, minister_title.strip(), title.strip()
    draft.introduction = introduction.strip()
    draft.questions = [q.strip() for q in questions if q.strip()]
    draft.excel_closing = excel_closing
    if draft.content() == before:
        return draft
    draft.save()
    _record_version(draft=draft, user=user, note=note)
    return draft


def restore_version(*, draft: Draft, version: DraftVersion, user: User | None) -> Draft:
    """Bring back an earlier version's text; the restore is itself a new version."""
    content = version.content
    minister = Minister.objects.filter(pk=content.get("minister_id")).first()
    return save_draft(draft=draft, user=user, minister=minister,
                      **{name: content[name] for name in CONTENT_FIELDS},
                      note=_("versie %(number)s teruggezet") % {"number": version.number})


def pdf_filename(draft: Draft) -> str:
    return f"{slugify(draft.title)[:80] or 'ontwerpvraag'}.pdf"


@transaction.atomic
def mark_sent(*, draft: Draft, user: User | None, pdf: bytes | None = None) -> Draft:
    """Freeze the draft: keep the exact PDF and its hash, stop the reminders of what it asks for, and track
    the question it became: unnumbered, in the series, asked on the sent date, so its answer deadline and
    reminders run. When the parliament's document of it arrives (any door), the pipeline fills in its
    number on that same question.
    """
    from .pdf import render_draft_pdf

    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    if draft.is_sent:
        raise DraftSent()
    data = pdf if pdf is not None else render_draft_pdf(draft=draft)
    draft.pdf.save(pdf_filename(draft), ContentFile(data), save=False)
    draft.pdf_sha256 = hashlib.sha256(data).hexdigest()
    draft.status, draft.sent_at, draft.sent_by = Draft.Status.SENT, timezone.now(), user
    if draft.asked_question_id is None:  # registered by hand before it was marked sent: that one
        draft.asked_question = _tracked_question(draft)
    draft.save()
    mark_followed_up(promises=draft.promises.all(), user=user,
                     reason=_("opgevolgd met ontwerpvraag «%(title)s»") % {"title": draft.title})
    return draft


def _tracked_question(draft: Draft) -> Question:
    follows = (Question.objects.filter(series=draft.series).order_by("-date", "-number").first()
               if draft.series_id else draft.source_question)
    sent_on = timezone.localdate(draft.sent_at)
    return track_sent_question(
        office=draft.office, author=draft.author, minister=draft.minister,
        minister_title=draft.minister_title, title=draft.title, asked_on=sent_on, follows=follows,
        note=f"Opvolging via ontwerpvraag «{draft.title}», verstuurd op {format_dutch_date(sent_on)}.")


@transaction.atomic(savepoint=False)  # inside the import's transaction: no savepoint per document
def link_sent_draft(*, question: Question) -> Draft | None:
    """A sent draft whose question has now arrived (same office, member and title) gets it; if the question's
    own references did not put it in the draft's series, a reference to the series' latest question does."""
    candidates = (Draft.objects
                  .filter(office=question.office, status=Draft.Status.SENT, author=question.author)
                  .filter(Q(asked_question__isnull=True) | Q(asked_question=question)).order_by("sent_at"))
    draft = next((d for d in candidates if normalised_title(d.title) == normalised_title(question.title)),
                 None)
    if draft is None:
        return None
    if draft.asked_question_id != question.pk:
        draft.asked_question = question
        draft.save(update_fields=["asked_question"])
    if draft.series_id is None or question.series_id == draft.series_id:
        return draft
    earlier = (Question.objects.filter(series=draft.series).exclude(pk=question.pk)
               .order_by("-date", "-number").first())
    if earlier is not None:
        Reference.objects.create(
            source=question, number=earlier.number, date=earlier.date, session=earlier.session,
            text=f"Opvolging via ontwerpvraag «{draft.title}», verstuurd op "
                 f"{format_dutch_date(timezone.localdate(draft.sent_at))}.", via_draft=True)
        link_references(question=question)
    return draft
