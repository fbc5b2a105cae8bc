"""Storing parsed questions, resolving references, and deriving series (the pipeline app imports)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from svtracker.accounts.models import Office
from svtracker.parsing import ParsedQuestion, squash
from svtracker.people.models import Member, Minister
from svtracker.people.selectors import visible_terms
from svtracker.people.services import get_or_create_member, minister_seen

from .models import AnswerPart, Document, Question, Reference, Series, SubQuestion
from .search import one_search_document
from .selectors import session_on


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

    def record_member(self, *, office: Office, name: str) -> Member:
        """The member of that name, created when new and added to the office's members (writes)."""
        member = self.members.get(name)
        if member is None:
            member = self.members[name] = get_or_create_member(name)
        if member.pk not in self.office_members:
            office.members.add(member)
            self.office_members.add(member.pk)
        return member

    def record_minister(self, *, name: str, function_title: str, on: date, office: Office) -> Minister:
        """The minister with that function title on that day, recording the term when new (writes)."""
        known = self.ministers.get((name, function_title))
        if known and known[1] <= on <= known[2]:
            return known[0]
        minister = minister_seen(name=name, function_title=function_title, on=on, office=office)
        first, last = (min(known[1], on), max(known[2], on)) if known else (on, on)
        self.ministers[(name, function_title)] = (minister, first, last)
        return minister


# How far apart the sent date of a tracked question and the date the parliament printed on it may lie.
TRACKED_WINDOW = timedelta(days=90)


def normalised_title(title: str) -> str:
    """Titles compared as staff read them: spacing and case do not count."""
    return squash(title).casefold()


@dataclass
class StoredQuestion:
    """What storing one parsed document did to its question (the pipeline decides what follows)."""

    question: Question
    created: bool
    answer_parts: list[AnswerPart]
    references: list[Reference]  # all of the question's references, with their targets
    newly_answered: bool = False  # the document brought the first answer
    number_filled: bool = False  # a tracked, unnumbered question (sent draft, register form) got its number
    less_complete: bool = False  # the document gave less than what was stored: what it lacks was kept


def missing_identity(parsed: ParsedQuestion) -> str:
    """Why a parsed document cannot become a question (Dutch), or empty."""
    if parsed.number is None:
        return _("Geen vraagnummer gevonden: is dit wel een schriftelijke vraag?")
    if parsed.date is None:
        return _("Geen datum van de vraag gevonden.")
    if not parsed.author:
        return _("Geen vraagsteller gevonden.")
    return ""


def safe_filename(filename: str) -> str:
    """The file's own name without any directory part or unusual characters."""
    name = re.split(r"[\\/]", filename)[-1]
    name = re.sub(r"[^\w.\- ]", "_", name).strip(" .") or "document"
    return name[-120:]


def store_document(*, question: Question, filename: str, data: bytes, sha256: str, text: str,
                   parse_result: dict, parser_version: str, source: str, user: User | None,
                   stored: list, same_file: Document | None = None) -> Document:
    """Keep the file byte for byte next to what was read from it; earlier versions stay (the history).
    `same_file`: the document of another question in the same file (a Bulletin), whose stored copy is
    shared."""
    name = safe_filename(filename)
    file = same_file.file.name if same_file is not None else ContentFile(data, name=name)
    document = Document(question=question, file=file, filename=name, sha256=sha256,
                        text=text, parse_result=parse_result, parser_version=parser_version,
                        source=source, uploaded_by=user)
    stored.append(document)
    document.save()
    return document


def store_question(*, office: Office, parsed: ParsedQuestion, seen: PeopleSeen, parliament_id: str = "",
                   parliament_url: str = "", question: Question | None = None) -> StoredQuestion:
    """Create or update the question a parsed document is about, with its parts and references.

    A less complete version (no answer, no header, fewer parts) never removes what a more complete one
    gave: empty fields, missing sub-questions, answer parts and the references of a missing part are kept.
    A tracked question without a number (sent from a draft or registered by hand, same member and title)
    is the same question: its number is filled in. `question`: the one it is known to be (reparse).
    """
    author = seen.record_member(office=office, name=parsed.author)
    minister = None
    if parsed.minister:
        minister = seen.record_minister(name=parsed.minister, function_title=parsed.minister_title or "",
                                 on=parsed.date, office=office)
    number_filled = False
    if question is None:
        question, number_filled = _existing_question(office=office, parsed=parsed, author=author,
                                                     minister=minister)
    fields = {"date": parsed.date, "title": parsed.title or "", "theme": parsed.theme or "",
              "minister_title": parsed.minister_title or "", "explanation": parsed.explanation}
    has_question_text = bool(parsed.explanation.strip() or parsed.sub_questions)
    created = question is None
    with one_search_document() as written:  # the question with its parts: one search document
        if created:  # a series of its own until a reference links it to others (link_references)
            title = fields["title"]
            series = Series.objects.create(office=office, title=series_title_and_counter(title)[0] or title)
            question = Question.objects.create(office=office, session=parsed.session, number=parsed.number,
                                               minister=minister, series=series, author=author,
                                               answered=parsed.has_answer, parliament_id=parliament_id,
                                               parliament_url=parliament_url, **fields)
            stored = StoredQuestion(question, True, [], [], newly_answered=parsed.has_answer)
        else:
            stored = StoredQuestion(question, False, [], [], number_filled=number_filled,
                                    newly_answered=parsed.has_answer and not question.answered,
                                    less_complete=question.answered and not parsed.has_answer)
            for name, value in fields.items():
                if value:
                    setattr(question, name, value)
            if question.number is None:  # a tracked question: the parliament's number and session year
                question.number, question.session = parsed.number, parsed.session
            question.answered = question.answered or parsed.has_answer
            question.minister = question.minister or minister
            question.parliament_id = parliament_id or question.parliament_id
            question.parliament_url = parliament_url or question.parliament_url
            question.save()
            if has_question_text:
                question.sub_questions.all().delete()
        if has_question_text:
            SubQuestion.objects.bulk_create(
                SubQuestion(question=question, position=i, label=s.label, text=s.text)
                for i, s in enumerate(parsed.sub_questions))
        stored.answer_parts = _store_answer_parts(question=question, parsed=parsed, created=created)
        written(question)
    stored.references = _store_references(question=question, parsed=parsed, created=created,
                                          has_question_text=has_question_text)
    return stored


def _existing_question(*, office: Office, parsed: ParsedQuestion, author: Member,
                       minister: Minister | None) -> tuple[Question | None, bool]:
    """The stored question this document is about, and whether it is a tracked one still without number;
    one query for both."""
    same_minister = Q(minister=minister) | Q(minister__isnull=True) if minister else Q()
    candidates = list(Question.objects.select_for_update()
                      .filter(office=office, author=author)
                      .filter(Q(session=parsed.session, number=parsed.number) | Q(number__isnull=True))
                      .filter(same_minister).order_by("date", "pk"))
    numbered = next((q for q in candidates if q.number == parsed.number), None)
    if numbered is not None:
        return numbered, False
    title = normalised_title(parsed.title or "")
    tracked = next((q for q in candidates if q.number is None and title
                    and normalised_title(q.title) == title and abs(q.date - parsed.date) <= TRACKED_WINDOW),
                   None)
    return tracked, tracked is not None


def _store_answer_parts(*, question: Question, parsed: ParsedQuestion, created: bool) -> list[AnswerPart]:
    """The document's answer parts; stored rows are updated in place (promises keep their part), and a
    document without answer keeps the stored ones."""
    wanted = [AnswerPart(question=question, position=i, labels=list(p.labels), text=p.text)
              for i, p in enumerate(parsed.answer_parts)]
    if created:
        return AnswerPart.objects.bulk_create(wanted)
    existing = list(question.answer_parts.all())
    if not wanted:
        return existing
    changed = []
    for part, new in zip(existing, wanted, strict=False):
        if (part.labels, part.text) != (new.labels, new.text):
            part.labels, part.text = new.labels, new.text
            changed.append(part)
    AnswerPart.objects.bulk_update(changed, ["labels", "text"])
    AnswerPart.objects.filter(pk__in=[p.pk for p in existing[len(wanted):]]).delete()
    return existing[:len(wanted)] + AnswerPart.objects.bulk_create(wanted[len(existing):])


def _store_references(*, question: Question, parsed: ParsedQuestion, created: bool,
                      has_question_text: bool) -> list[Reference]:
    """The document's references with their targets; those of a part the document lacks (the answer of a
    question-only version) are kept, and so are those svtracker made for a sent draft."""
    replaced = {False} if has_question_text else set()
    if parsed.has_answer:
        replaced.add(True)
    kept = [] if created else list(question.references.filter(Q(via_draft=True) | ~Q(in_answer__in=replaced))
                                   .select_related("target"))
    if not created and replaced:
        question.references.filter(in_answer__in=replaced, via_draft=False).delete()
    references = [Reference(source=question, number=r.number, date=r.date, session=r.session or "",
                            text=r.text, in_answer=r.in_answer) for r in parsed.references
                  if r.in_answer in replaced]
    for reference, target in zip(references, _best_targets(source=question, references=references),
                                 strict=True):
        reference.target = target
    every = kept + references
    _flag_mismatches(every)
    Reference.objects.bulk_update([r for r in kept if r.pk], ["date_mismatch"])
    return kept + Reference.objects.bulk_create(references)


def _waiting_for(question: Question) -> list[Reference]:
    """The office's references still waiting for a question with this number (or, unnumbered, this date
    and author). Found by number or date first (the partial indexes of Reference), the office checked after:
    joined in one query, PostgreSQL walks every question of an office it thinks is small (one importing its
    first thousand documents), and each import costs more than the one before."""
    candidates = list(Reference.objects.filter(target__isnull=True).filter(
        Q(number=question.number, session__in=[question.session, ""])
        | Q(number__isnull=True, date=question.date)).values_list("pk", flat=True))
    if not candidates:
        return []
    return list(Reference.objects.filter(pk__in=candidates, source__office=question.office).filter(
        Q(number__isnull=False) | Q(source__author=question.author)).select_related("source"))


def link_references(*, question: Question, references: list[Reference] | None = None,
                    new_question: bool = False) -> list[Reference]:
    """Resolve the question's references and those that were waiting for it, then relink series; returns
    the waiting references of other questions that now point to this one.

    `references`: all of the question's references, just stored by the importer with their targets and
    date flags already set. `new_question`: nothing referred to it before and it has a series of its own,
    which stays so unless a reference resolves.
    """
    own = list(question.references.all()) if references is None else references
    touched = {question}
    resolved = any(reference.target_id for reference in own)
    now_pointing = []
    for reference in [*([] if references is not None else own), *_waiting_for(question)]:
        target = best_target(reference=reference)
        if target != reference.target:
            reference.target = target
            reference.save(update_fields=["target"])
            if target == question and reference.source_id != question.pk:
                now_pointing.append(reference)
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
    return now_pointing


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
        for minister_id, area in visible_terms(office=source.office_id).filter(
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


# "Inburgeraars - Verplichte inschrijving bij VDAB (2)": the title of a series, then the question's counter.
_COUNTER = re.compile(r"\s*\((?P<counter>\d+)\)\s*$")


def series_title_and_counter(title: str) -> tuple[str, int]:
    """"Inburgeraars - Verplichte inschrijving bij VDAB (2)" -> ("Inburgeraars - ... VDAB", 2); a title
    without a counter is the first question of its series."""
    found = _COUNTER.search(title)
    if found is None:
        return title.strip(), 1
    return title[:found.start()].strip(), int(found["counter"])


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
        SELECT CAST(%s AS bigint)
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
    title = series_title_and_counter(component[0].title)[0] or component[0].title
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
    """A question just sent, with no answer yet, so that its answer deadline is followed. One already
    tracked without number (a draft marked sent, same member and title) is that question: completed."""
    wanted = normalised_title(title)
    question = next((q for q in Question.objects.select_for_update().filter(
        office=office, author=author, number__isnull=True) if normalised_title(q.title) == wanted), None)
    if question is None:
        question = Question.objects.create(office=office, author=author, minister=minister, number=number,
                                           date=asked_on, title=title, session=session,
                                           minister_title=minister_title)
    else:
        question.number, question.date, question.session = number, asked_on, session
        question.minister = minister or question.minister
        question.minister_title = minister_title or question.minister_title
        question.save()
    relink_series(questions=[question])
    return question


@transaction.atomic
def track_sent_question(*, office: Office, author, minister, minister_title: str, title: str, asked_on: date,
                        follows: Question | None, note: str) -> Question:
    """The question a sent draft became, before the parliament numbers it: unnumbered, asked on the sent
    date (its answer deadline and reminders run from there), in the series of the question it follows
    through a reference svtracker made (`via_draft`, kept when the parliament's document arrives)."""
    question = Question.objects.create(office=office, author=author, minister=minister, number=None,
                                       date=asked_on, title=title, session=session_on(asked_on),
                                       minister_title=minister_title,
                                       series=follows.series if follows else None)
    if follows is not None:
        Reference.objects.create(source=question, target=follows, number=follows.number, date=follows.date,
                                 session=follows.session, text=note, via_draft=True)
    relink_series(questions=[question])
    return question
