"""Importing question documents, resolving references, and deriving series."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from svtracker.accounts.models import Office
from svtracker.parsing import ParsedQuestion, UnreadableDocument, parse_document
from svtracker.people.models import Member, Minister, MinisterTerm
from svtracker.people.services import member_named, minister_seen
from svtracker.promises.services import sync_proposed_promises

from .models import AnswerPart, Document, Question, Reference, Series, SubQuestion

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    filename: str
    status: str  # "imported", "updated", "unchanged" or "failed"
    question: Question | None = None
    message: str = ""
    warnings: tuple[str, ...] = ()

    STATUS_LABELS = {"imported": "geïmporteerd", "updated": "bijgewerkt", "unchanged": "ongewijzigd",
                     "failed": "mislukt"}

    @property
    def status_label(self) -> str:
        return _(self.STATUS_LABELS[self.status])


@dataclass
class PeopleSeen:
    """Members and ministers already recorded earlier in a batch of imports, so each is looked up once."""

    members: dict[str, Member] = field(default_factory=dict)
    office_members: set[int] = field(default_factory=set)
    ministers: dict[tuple[str, str], tuple[Minister, date, date]] = field(default_factory=dict)

    def forget(self) -> None:
        """After a rolled-back import: what it recorded may not exist."""
        self.members.clear()
        self.office_members.clear()
        self.ministers.clear()

    def member(self, *, office: Office, name: str) -> Member:
        member = self.members.get(name)
        if member is None:
            member = self.members[name] = member_named(name)
        if member.pk not in self.office_members:
            office.members.add(member)
            self.office_members.add(member.pk)
        return member

    def minister(self, *, name: str, function_title: str, on: date) -> Minister:
        known = self.ministers.get((name, function_title))
        if known and known[1] <= on <= known[2]:
            return known[0]
        minister = minister_seen(name=name, function_title=function_title, on=on)
        first, last = (min(known[1], on), max(known[2], on)) if known else (on, on)
        self.ministers[(name, function_title)] = (minister, first, last)
        return minister


def import_documents(*, office: Office, files: Iterable[tuple[str, bytes]],
                     user: User | None = None) -> Iterator[ImportResult]:
    """Import (filename, bytes) pairs one after the other, each in its own transaction as import_document
    does (a broken file does not affect the others); members and ministers are looked up once per batch."""
    seen = PeopleSeen()
    for filename, data in files:
        yield import_document(office=office, data=data, filename=filename, user=user, seen=seen)


def import_document(*, office: Office, data: bytes, filename: str, user: User | None = None,
                    parliament_id: str = "", parliament_url: str = "",
                    seen: PeopleSeen | None = None) -> ImportResult:
    """Import one document (PDF or text) into an office, in one transaction.

    The same bytes twice change nothing; a corrected version of a question updates it in place. A file
    that cannot be read or identified gives a failed result with a one-line Dutch reason and leaves no trace.
    So does a database that goes away mid-import: the transaction is rolled back, the stored file removed,
    and the next document gets a fresh connection.
    """
    stored: list[Document] = []
    seen = seen if seen is not None else PeopleSeen()
    try:
        return _import_document(office=office, data=data, filename=filename, user=user, stored=stored,
                                parliament_id=parliament_id, parliament_url=parliament_url, seen=seen)
    except DatabaseError as error:
        seen.forget()
        if connection.in_atomic_block:  # an outer transaction decides what happens next
            raise
        log.warning("import of %s failed on the database: %r", filename, error)
        for document in stored:
            if document.file._committed:  # written to storage before the database went away
                document.file.storage.delete(document.file.name)
        connection.close_if_unusable_or_obsolete()
        return ImportResult(filename, "failed", message=_(
            "De databank was even niet bereikbaar; er is niets van dit bestand bewaard. Probeer opnieuw."))


def _import_document(*, office: Office, data: bytes, filename: str, user: User | None, stored: list,
                     parliament_id: str, parliament_url: str, seen: PeopleSeen) -> ImportResult:
    digest = hashlib.sha256(data).hexdigest()
    known = Document.objects.filter(sha256=digest, question__office=office).select_related("question").first()
    if known is not None:
        return ImportResult(filename, "unchanged", known.question)
    try:
        parsed = parse_document(data, filename)
    except UnreadableDocument as error:
        return ImportResult(filename, "failed", message=str(error))
    missing = _missing_identity(parsed)
    if missing:
        return ImportResult(filename, "failed", message=missing, warnings=tuple(parsed.warnings))
    with transaction.atomic():
        question, created, parts, references = _store_question(office=office, parsed=parsed, seen=seen)
        if parliament_id:
            question.parliament_id, question.parliament_url = parliament_id, parliament_url
            question.save(update_fields=["parliament_id", "parliament_url"])
        document = Document(question=question, file=ContentFile(data, name=_safe_name(filename)),
                            filename=_safe_name(filename), sha256=digest, text=_text_of(data, filename),
                            uploaded_by=user)
        stored.append(document)
        document.save()
        sync_proposed_promises(question=question, proposals=parsed.promises, answer_parts=parts,
                               new_question=created)
        link_references(question=question, references=references, new_question=created)
    return ImportResult(filename, "imported" if created else "updated", question,
                        warnings=tuple(parsed.warnings))


def _missing_identity(parsed: ParsedQuestion) -> str:
    if parsed.number is None:
        return _("Geen vraagnummer gevonden: is dit wel een schriftelijke vraag?")
    if parsed.date is None:
        return _("Geen datum van de vraag gevonden.")
    if not parsed.author:
        return _("Geen vraagsteller gevonden.")
    return ""


def _safe_name(filename: str) -> str:
    """The file's own name without any directory part or unusual characters."""
    name = re.split(r"[\\/]", filename)[-1]
    name = re.sub(r"[^\w.\- ]", "_", name).strip(" .") or "document"
    return name[-120:]


def _text_of(data: bytes, filename: str) -> str:
    if filename.lower().endswith(".pdf"):
        return ""
    return data.decode("utf-8", errors="replace")


def _store_question(*, office: Office, parsed: ParsedQuestion, seen: PeopleSeen
                    ) -> tuple[Question, bool, list[AnswerPart], list[Reference]]:
    author = seen.member(office=office, name=parsed.author)
    minister = None
    if parsed.minister:
        minister = seen.minister(name=parsed.minister, function_title=parsed.minister_title or "",
                                 on=parsed.date)
    fields = {
        "date": parsed.date, "author": author, "title": parsed.title or "", "theme": parsed.theme or "",
        "minister_title": parsed.minister_title or "", "explanation": parsed.explanation,
        "answered": parsed.has_answer,
    }
    question = (Question.objects.select_for_update()
                .filter(office=office, session=parsed.session, number=parsed.number)
                .filter(Q(minister=minister) | Q(minister__isnull=True) if minister else Q())
                .filter(author=author).first())
    created = question is None
    if created:  # a series of its own until a reference links it to others (link_references)
        title = fields["title"]
        series = Series.objects.create(office=office, title=series_title(title) or title)
        question = Question.objects.create(office=office, session=parsed.session, number=parsed.number,
                                           minister=minister, series=series, **fields)
    else:
        for name, value in fields.items():
            if value or name == "answered":
                setattr(question, name, value)
        question.answered = question.answered or parsed.has_answer
        question.minister = question.minister or minister
        question.save()
        question.sub_questions.all().delete()
        question.answer_parts.all().delete()
        question.references.all().delete()
    SubQuestion.objects.bulk_create(
        SubQuestion(question=question, position=i, label=s.label, text=s.text)
        for i, s in enumerate(parsed.sub_questions))
    parts = AnswerPart.objects.bulk_create(
        AnswerPart(question=question, position=i, labels=list(p.labels), text=p.text)
        for i, p in enumerate(parsed.answer_parts))
    references = [Reference(source=question, number=r.number, date=r.date, session=r.session or "",
                            text=r.text, in_answer=r.in_answer) for r in parsed.references]
    for reference, target in zip(references, _best_targets(source=question, references=references),
                                 strict=True):
        reference.target = target
    _flag_mismatches(references)
    return question, created, parts, Reference.objects.bulk_create(references)


def link_references(*, question: Question, references: list[Reference] | None = None,
                    new_question: bool = False) -> None:
    """Resolve the question's references and those that were waiting for it, then relink series.

    `references`: all of the question's references, just stored by the importer with their targets and
    date flags already set. `new_question`: nothing referred to it before and it has a series of its own,
    which stays so unless a reference resolves.
    """
    waiting = Reference.objects.filter(source__office=question.office, target__isnull=True).filter(
        Q(number=question.number, session__in=[question.session, ""])
        | Q(number__isnull=True, date=question.date, source__author=question.author))
    own = list(question.references.all()) if references is None else references
    touched = {question}
    resolved = any(reference.target_id for reference in own)
    for reference in [*([] if references is not None else own), *waiting.select_related("source")]:
        target = best_target(reference=reference)
        if target != reference.target:
            reference.target = target
            reference.save(update_fields=["target"])
        touched.add(reference.source)
        if reference.target:
            touched.add(reference.target)
            resolved = True
    touched |= {reference.target for reference in own if reference.target}
    for source in touched:
        if source is not question or references is None:
            flag_date_mismatches(question=source, references=own if source is question else None)
    if resolved or not new_question:
        relink_series(questions=touched)


def best_target(*, reference: Reference) -> Question | None:
    """The question a reference means: same number and session, same author, the same minister or one
    holding the same policy area; the written date confirms but does not decide (it is sometimes wrong)."""
    return _best_targets(source=reference.source, references=[reference])[0]


def _best_targets(*, source: Question, references: list[Reference]) -> list[Question | None]:
    """best_target for several references of one question, with one query for the candidates and one for
    the policy areas of their ministers."""
    wanted = Q()
    for reference in references:
        if reference.number is None:  # "mijn vorige vraag van 28 april 2023": the date is all there is
            if reference.date is not None:
                wanted |= Q(date=reference.date, author_id=source.author_id)
        elif reference.session:
            wanted |= Q(number=reference.number, session=reference.session)
        else:
            wanted |= Q(number=reference.number)
    if not wanted:
        return [None] * len(references)
    candidates = list(Question.objects.filter(wanted, office_id=source.office_id).exclude(pk=source.pk))
    areas: dict[int, set] = {}
    ministers = {c.minister_id for c in candidates if c.minister_id}
    if ministers and source.minister_id:
        for minister_id, area in MinisterTerm.objects.filter(
                minister_id__in=ministers | {source.minister_id}).values_list("minister_id", "policy_areas"):
            areas.setdefault(minister_id, set()).add(area)
    source_areas = areas.get(source.minister_id, set())
    results = []
    for reference in references:
        if reference.number is None:
            dated = [c for c in candidates if c.date == reference.date and c.author_id == source.author_id]
            results.append(dated[0] if reference.date is not None and dated else None)
            continue
        matching = [c for c in candidates if c.number == reference.number
                    and (not reference.session or c.session == reference.session)]

        def score(candidate: Question, reference=reference) -> tuple:
            same_minister = candidate.minister_id == source.minister_id
            shared_area = bool(source_areas & areas.get(candidate.minister_id, set())) \
                if candidate.minister_id else False
            return (candidate.author_id == source.author_id, same_minister or shared_area,
                    candidate.date == reference.date, candidate.date < source.date)

        best = max(matching, key=score, default=None)
        results.append(None if best is None or not any(score(best)[:2]) else best)
    return results


def flag_date_mismatches(*, question: Question, references: list[Reference] | None = None) -> None:
    """Flag references whose written date disagrees with the target's or with another reference to it."""
    if references is None:
        references = list(question.references.select_related("target"))
    for reference in _flag_mismatches(references):
        reference.save(update_fields=["date_mismatch"])


def _flag_mismatches(references: list[Reference]) -> list[Reference]:
    """Set date_mismatch on references (unsaved or stored); the ones that changed."""
    dates_by_number: dict[tuple, set[date]] = {}
    for reference in references:
        if reference.number is not None and reference.date:
            dates_by_number.setdefault((reference.number, reference.session), set()).add(reference.date)
    changed = []
    for reference in references:
        mismatch = bool(reference.target and reference.date and reference.target.date != reference.date)
        if reference.number is not None:
            mismatch = mismatch or len(dates_by_number.get((reference.number, reference.session), ())) > 1
        if mismatch != reference.date_mismatch:
            reference.date_mismatch = mismatch
            changed.append(reference)
    return changed


_COUNTER = re.compile(r"\s*\(\d+\)\s*$")


def series_title(title: str) -> str:
    """"Inburgeraars - Verplichte inschrijving bij VDAB (2)" -> without the counter."""
    return _COUNTER.sub("", title).strip()


def relink_series(*, questions) -> None:
    """Make every connected group of questions (through resolved references) one series."""
    seen: set[int] = set()
    for start in questions:
        if start.pk in seen:
            continue
        component = _connected(start)
        seen |= {q.pk for q in component}
        _assign_series(component)


# Every question linked to the start through resolved references, in either direction, in one query.
_COMPONENT_SQL = """
    WITH RECURSIVE component(id) AS (
        SELECT %s::bigint
        UNION
        SELECT CASE WHEN r.source_id = c.id THEN r.target_id ELSE r.source_id END
        FROM component c JOIN questions_reference r ON r.source_id = c.id OR r.target_id = c.id
        WHERE r.target_id IS NOT NULL
    )
    SELECT id FROM component
"""


def _connected(start: Question) -> list[Question]:
    """The start and the questions connected to it by references (a stale series may hold others)."""
    others = Question.objects.filter(pk__in=RawSQL(_COMPONENT_SQL, [start.pk])).exclude(pk=start.pk)
    return [start, *others]


def _assign_series(component: list[Question]) -> None:
    component.sort(key=lambda q: (q.date, q.number or 0))
    existing = sorted({q.series_id for q in component if q.series_id})
    series = Series.objects.filter(pk__in=existing[:1]).first() if existing else None
    title = series_title(component[0].title) or component[0].title
    if series is None:
        series = Series.objects.create(office=component[0].office, title=title)
        Question.objects.filter(pk__in=[q.pk for q in component]).update(series=series)
        for question in component:
            question.series = series
        return
    elif series.title != title:
        series.title = title
        series.save(update_fields=["title"])
    Question.objects.filter(pk__in=[q.pk for q in component]).update(series=series)
    for question in component:
        question.series = series
    # Series left without questions (merged into this one) go; a split-off question gets its own.
    Series.objects.filter(pk__in=existing[1:], questions__isnull=True).delete()
    for stale in Question.objects.filter(series=series).exclude(pk__in=[q.pk for q in component]):
        stale.series = None
        stale.save(update_fields=["series"])
        _assign_series(_connected(stale))


@transaction.atomic
def register_sent_question(*, office: Office, author, minister, number: int | None, asked_on: date,
                           title: str, session: str, minister_title: str = "") -> Question:
    """A question just sent, with no answer yet, so that its answer deadline is followed."""
    question = Question.objects.create(office=office, author=author, minister=minister, number=number,
                                       date=asked_on, title=title, session=session,
                                       minister_title=minister_title)
    relink_series(questions=[question])
    return question
