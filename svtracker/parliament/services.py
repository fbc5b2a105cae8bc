"""Following members at the parliament and bringing in their new questions, answers and annexes."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from svtracker.accounts.models import Office
from svtracker.figures.services import AnnexRefused, attach_annex
from svtracker.parsing import squash
from svtracker.people.models import Member
from svtracker.people.services import get_or_create_member, set_parliament_id
from svtracker.pipeline.services import ParliamentFacts, import_document
from svtracker.questions.models import Question, SessionYear
from svtracker.questions.selectors import session_on

from .client import DownloadedFile, ParliamentClient, ParliamentError
from .models import FollowedMember, ParliamentMember, ParliamentRecord, QuestionSync, SyncRun
from .responses import DetailFile, Kind, QuestionDetail, SearchHit
from .selectors import comparable_name, members_named

log = logging.getLogger(__name__)

# The public page of a written question (the "thema link" in the parliament's own metadata).
PUBLIC_QUESTION_URL = "https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/{id}"


class SyncAlreadyRunning(ParliamentError):
    """Another run of the sync for this office has not finished."""


@transaction.atomic
def follow_member(*, office: Office, name: str, parliament_id: str) -> FollowedMember:
    """Follow a member for an office; the parliament's person id tells namesakes apart.

    An id the parliament's members list gives for this name is the parliament's word; an id typed by an
    office only fills in a missing one (it never changes a known id another office relies on).
    """
    name = squash(name)
    member = get_or_create_member(name)
    confirmed = any(known.parliament_id == parliament_id for known in members_named(name=name))
    set_parliament_id(person=member, parliament_id=parliament_id, confirmed=confirmed)
    office.members.add(member)
    followed, _created = FollowedMember.objects.get_or_create(office=office, member=member)
    return followed


def unfollow_member(*, office: Office, member: Member) -> None:
    FollowedMember.objects.filter(office=office, member=member).delete()


def refresh_members(*, client: ParliamentClient) -> int:
    """Store the parliament's members list (person id, first and last name as it splits them)."""
    members, skipped = client.current_members()
    for item in skipped:
        log.warning("parliament members list: skipped %s", item)
    with transaction.atomic():
        for record in members:
            ParliamentMember.objects.update_or_create(
                parliament_id=record.parliament_id,
                defaults={"first_name": record.first_name, "last_name": record.last_name,
                          "party": record.party})
    return len(members)


def members_to_offer(*, name: str) -> list[ParliamentMember]:
    """The members list's entries with this name, the list fetched first when svtracker has none yet."""
    if settings.PARLIAMENT_API_URL and not ParliamentMember.objects.exists():
        try:
            with ParliamentClient.from_settings() as client:
                refresh_members(client=client)
        except ParliamentError as error:
            log.warning("parliament members list: %s", error)
    return members_named(name=name)


@dataclass
class SyncReport:
    office: Office
    dry_run: bool = False
    found: int = 0  # questions of the followed members (not hits: a question can have several files)
    imported: list[str] = field(default_factory=list)  # "nr. 125 (2023-2024)"
    answered: list[str] = field(default_factory=list)
    annexes: list[str] = field(default_factory=list)  # "nr. 123 (2023-2024): Bijlage 1.xlsx"
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)  # one line per question that will be retried
    skipped: list[str] = field(default_factory=list)  # hits or fields that could not be read: which, why
    errors: list[str] = field(default_factory=list)  # searches or lookups that broke off, shortfalls
    hits_reported: int = 0  # what the server said its searches have
    hits_received: int = 0  # what came over all pages

    @property
    def ok(self) -> bool:
        """Nothing left to retry (a hit that could not be read is said, but retrying will not change it)."""
        return not (self.failed or self.errors)

    @property
    def complete(self) -> bool:
        return self.hits_received >= self.hits_reported

    def lines(self) -> list[str]:
        verb = _("zou importeren") if self.dry_run else _("geïmporteerd")
        lines = [_("%(office)s: %(found)d gevonden, %(imported)d %(verb)s, %(answered)d nieuwe antwoorden, "
                   "%(unchanged)d ongewijzigd, %(failed)d mislukt; %(received)d van %(reported)d treffers "
                   "gelezen")
                 % {"office": self.office, "found": self.found, "imported": len(self.imported), "verb": verb,
                    "answered": len(self.answered), "unchanged": self.unchanged, "failed": len(self.failed),
                    "received": self.hits_received, "reported": self.hits_reported}]
        lines += [f"  + {item}" for item in [*self.imported, *self.answered]]
        lines += [f"  + {_('bijlage')} {item}" for item in self.annexes]
        lines += [f"  ! {item}" for item in [*self.failed, *self.errors]]
        lines += [f"  ? {item}" for item in self.skipped]
        return lines


def refresh_session_years(*, client: ParliamentClient) -> int:
    """Store the session years the parliament publishes; the computed rule stays the fallback."""
    spans = client.session_years()
    with transaction.atomic():
        for span in spans:
            SessionYear.objects.update_or_create(name=span.name,
                                                 defaults={"start": span.start, "end": span.end})
    return len(spans)


def current_session(*, on: date) -> str:
    return session_on(on)


class _TimeUp(Exception):
    pass


def _check_time(deadline: float | None) -> None:
    """Stop between two questions (or searches) once the run's time is up."""
    if deadline is not None and time.monotonic() > deadline:
        raise _TimeUp


def sync_office(*, office: Office, session: str | None = None, member: Member | None = None,
                dry_run: bool = False, client: ParliamentClient | None = None,
                time_limit: float | None = None) -> SyncReport:
    """Search the followed members' questions and import what is new or newly answered, with its annexes.

    Safe to run at any time and any number of times: a question is imported once per status, a failure is
    recorded on the question and retried on the next run, and a dry run writes nothing. One run at a time
    per office (a second is refused while the first has not finished); after `time_limit` seconds (or
    Celery's soft time limit) the run stops between questions and says so, and the next run goes on.
    """
    report = SyncReport(office=office, dry_run=dry_run)
    followed = list(FollowedMember.objects.filter(office=office).select_related("member"))
    if member is not None:
        followed = [f for f in followed if f.member_id == member.pk]
    if not followed:
        return report
    run = None if dry_run else _start_run(office=office, session=session or "", member=member)
    deadline = time.monotonic() + time_limit if time_limit else None
    own_client = client is None
    try:
        client = client or ParliamentClient.from_settings()
        sessions = [session] if session else _sessions_to_search(office=office, client=client, report=report,
                                                                 dry_run=dry_run)
        if not dry_run:
            try:
                refresh_members(client=client)
            except ParliamentError as error:
                report.errors.append(_("Ledenlijst: %(error)s") % {"error": error})
        for follow in followed:
            for name in sessions:
                _check_time(deadline)
                _sync_member_session(follow=follow, session=name, client=client, report=report,
                                     deadline=deadline)
    except (_TimeUp, SoftTimeLimitExceeded):
        report.errors.append(_("Afgebroken: de tijdslimiet van de synchronisatie is bereikt; de volgende "
                               "synchronisatie gaat verder."))
    finally:
        if own_client and client is not None:
            client.close()
        if run is not None:
            _finish_run(run=run, report=report)
    return report


def _start_run(*, office: Office, session: str, member: Member | None) -> SyncRun:
    """The run's row, which is also the lock: a second unfinished run of the office breaks the constraint.

    A run left unfinished by a worker that died is closed once the hard time limit has certainly passed.
    """
    hard_limit = settings.PARLIAMENT_SYNC_TIME_LIMIT + 60  # past the task's hard limit: certainly dead
    now = timezone.now()
    SyncRun.objects.filter(office=office, finished__isnull=True,
                           started__lt=now - timedelta(seconds=hard_limit)).update(
        finished=now, errors=[_("Afgebroken: deze synchronisatie raakte niet klaar.")])
    try:
        with transaction.atomic():
            return SyncRun.objects.create(office=office, session=session, member=member)
    except IntegrityError:
        raise SyncAlreadyRunning(_("Er loopt al een synchronisatie voor %(office)s; deze is niet gestart.")
                                 % {"office": office}) from None


def _finish_run(*, run: SyncRun, report: SyncReport) -> None:
    run.finished = timezone.now()
    run.found, run.imported, run.answered = report.found, len(report.imported), len(report.answered)
    run.unchanged, run.failed = report.unchanged, len(report.failed)
    run.hits_reported, run.hits_received = report.hits_reported, report.hits_received
    run.errors = [*report.failed, *report.errors, *report.skipped]
    run.save()


def _sessions_to_search(*, office: Office, client: ParliamentClient, report: SyncReport,
                        dry_run: bool) -> list[str]:
    """This session year, plus earlier ones where a question still waits for its answer or a retry."""
    if not dry_run:
        try:
            refresh_session_years(client=client)
        except ParliamentError as error:
            report.errors.append(_("Zittingsjaren: %(error)s (berekende regel gebruikt)") % {"error": error})
    waiting = QuestionSync.objects.filter(office=office)
    waiting = (waiting.filter(status=QuestionSync.Status.ASKED) | waiting.to_retry()).values_list("session",
                                                                                               flat=True)
    today = timezone.localdate()
    return sorted({current_session(on=today), *waiting}, reverse=True)


@dataclass
class FoundQuestion:
    """The hits of one question (its own file, the answer as a file of its own, annexes), in any order."""

    parliament_id: str
    hits: list[SearchHit] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[SearchHit]:
        return [hit for hit in self.hits if hit.kind in kinds]

    @property
    def main(self) -> SearchHit | None:
        """The hit whose file is the question's document: the answer's when it comes as its own hit."""
        answer = [hit for hit in self.of_kind(Kind.ANSWER) if hit.document_id]
        question = self.of_kind(Kind.QUESTION)
        return next(iter(answer or [h for h in question if h.document_id] or question), None)

    @property
    def session(self) -> str:
        return self.hits[0].session

    @property
    def number(self) -> int | None:
        return next((hit.number for hit in self.hits if hit.number), None)

    @property
    def answered_on(self) -> date | None:
        return max((hit.answered_on for hit in self.hits if hit.answered_on), default=None)

    @property
    def annex_ids(self) -> list[str]:
        return [hit.document_id for hit in self.of_kind(Kind.ANNEX) if hit.document_id]

    def label(self, number: int | None = None) -> str:
        number = number or self.number
        if number:
            return _("nr. %(number)s (%(session)s)") % {"number": number, "session": self.session}
        return _("vraag %(id)s (%(session)s)") % {"id": self.parliament_id, "session": self.session}


def _sync_member_session(*, follow: FollowedMember, session: str, client: ParliamentClient,
                         report: SyncReport, deadline: float | None) -> None:
    known = ParliamentMember.objects.filter(parliament_id=follow.member.parliament_id).first() \
        if follow.member.parliament_id else None
    name = known.name if known else follow.member.name
    try:
        # Without the parliament's own split of the name there is no filter: a flipped display name would
        # miss "Isci, Emine Gül"; the whole session is read and each hit checked below instead.
        result = client.search_questions(session=session, author_last_first=known.last_first if known else "")
    except ParliamentError as error:
        report.errors.append(_("Zoeken naar vragen van %(member)s in %(session)s: %(error)s")
                             % {"member": follow.member, "session": session, "error": error})
        return
    report.hits_reported += result.reported
    report.hits_received += result.received
    report.errors += [_("Zoeken naar vragen van %(member)s in %(session)s: %(error)s")
                      % {"member": follow.member, "session": session, "error": error}
                      for error in result.failed_pages]
    if not result.complete:
        shortfall = (_("Zoeken naar vragen van %(member)s in %(session)s: %(received)d van %(reported)d "
                       "treffers gelezen; de rest kwam niet door") %
                     {"member": follow.member, "session": session, "received": result.received,
                      "reported": result.reported})
        report.errors.append(shortfall)
        log.warning("parliament sync %s: %s", follow.office, shortfall)
    for skipped in result.skipped:
        report.skipped.append(_("Treffer overgeslagen: %(hit)s") % {"hit": skipped})
        log.warning("parliament sync %s: skipped hit %s", follow.office, skipped)
    found: dict[str, FoundQuestion] = {}
    for hit in result.hits:
        # The search filter is the parliament's; check that the hit really is this member's.
        if hit.author and comparable_name(hit.author) == comparable_name(name):
            found.setdefault(hit.parliament_id, FoundQuestion(hit.parliament_id)).hits.append(hit)
    for question in found.values():
        _check_time(deadline)
        for hit in question.hits:
            report.skipped += [f"{hit.file_id or hit.parliament_id}: {problem}" for problem in hit.problems]
        if question.main is None:
            _attach_to_known(follow=follow, question=question, client=client, report=report)
        else:
            report.found += 1
            _sync_question(follow=follow, found=question, client=client, report=report)


def _sync_question(*, follow: FollowedMember, found: FoundQuestion, client: ParliamentClient,
                   report: SyncReport) -> None:
    office = follow.office
    main = found.main
    wanted = QuestionSync.Status.ANSWERED if found.answered_on else QuestionSync.Status.ASKED
    state = QuestionSync.objects.filter(office=office, parliament_id=found.parliament_id).first()
    if state is not None and state.imported_status >= wanted and not state.error \
            and set(found.annex_ids) <= set(state.annex_ids):
        report.unchanged += 1
        return
    label = found.label()
    if report.dry_run:
        (report.answered if wanted == QuestionSync.Status.ANSWERED else report.imported).append(label)
        return
    try:
        detail = client.question_detail(found.parliament_id)
        label = found.label(detail.number)
        if follow.member.parliament_id and detail.author.parliament_id != follow.member.parliament_id:
            report.found -= 1  # a namesake: not the member this office follows
            return
        report.skipped += [f"{found.parliament_id}: {problem}" for problem in detail.problems]
        document_id = main.document_id or next((f.document_id for f in detail.files if not f.annex), "")
        if not document_id:
            raise ParliamentError(_("Het parlement heeft nog geen document gepubliceerd."))
        document = client.download(document_id)
    except ParliamentError as error:
        _record_failure(follow=follow, found=found, wanted=wanted, message=str(error))
        report.failed.append(f"{label}: {error}")
        return
    number = detail.number or found.number
    filename = f"sv-{found.session}-{number or found.parliament_id}{document.suffix}"
    # The parliament publishes one document per question: the first result is that question's.
    result = import_document(office=office, data=document.data, filename=filename,
                             source="parliament", parliament_facts=ParliamentFacts(
                                 parliament_id=found.parliament_id,
                                 url=PUBLIC_QUESTION_URL.format(id=found.parliament_id),
                                 answered_on=detail.answered_on or found.answered_on,
                                 answered_in_time=detail.in_time,
                                 theme=main.theme or next(iter(detail.themes), ""),
                                 followed_since=timezone.localdate(follow.since)))[0]
    problem = result.message if result.status == "failed" else ""
    if not problem and wanted == QuestionSync.Status.ANSWERED and not result.question.answered:
        problem = _("Het document bevat het antwoord nog niet.")
    if problem:
        _record_failure(follow=follow, found=found, wanted=wanted, message=problem)
        report.failed.append(f"{label}: {problem}")
        return
    newly_answered = _record_import(follow=follow, found=found, detail=detail, wanted=wanted,
                                    question=result.question, document_id=document_id)
    (report.answered if newly_answered else report.imported).append(label)
    # bestand-ordered lists every file; the question's and the answer's own are not annexes.
    own = {document_id, state.document_id if state else "",
           *(hit.document_id for hit in found.of_kind(Kind.QUESTION, Kind.ANSWER))}
    annexes = [*found.annex_ids, *(f.document_id for f in detail.files if f.document_id not in own)]
    _attach_annexes(follow=follow, found=found, question=result.question, document_ids=annexes,
                    client=client, report=report, label=label, files=detail.files)


def _attach_to_known(*, follow: FollowedMember, question: FoundQuestion, client: ParliamentClient,
                     report: SyncReport) -> None:
    """Annex hits whose question did not come in this search: kept with it if it is already imported."""
    state = QuestionSync.objects.filter(office=follow.office, parliament_id=question.parliament_id,
                                        question__isnull=False).select_related("question").first()
    if state is None:
        report.skipped.append(_("Bijlage %(id)s: de vraag %(question)s is (nog) niet geïmporteerd")
                              % {"id": ", ".join(question.annex_ids), "question": question.parliament_id})
        return
    _attach_annexes(follow=follow, found=question, question=state.question, document_ids=question.annex_ids,
                    client=client, report=report, label=question.label(state.number))


def _attach_annexes(*, follow: FollowedMember, found: FoundQuestion, question: Question,
                    document_ids: list[str], client: ParliamentClient, report: SyncReport,
                    label: str, files: tuple[DetailFile, ...] = ()) -> None:
    """Download and keep the annexes not kept yet; one that fails leaves the question to retry."""
    state = QuestionSync.objects.get(office=follow.office, parliament_id=found.parliament_id)
    wanted = [d for d in dict.fromkeys(document_ids) if d not in state.annex_ids]
    titles = {**{file.document_id: file.title for file in files if file.title},
              **{hit.document_id: hit.file_title for hit in found.of_kind(Kind.ANNEX)}}
    for document_id in wanted:
        try:
            file = client.download(document_id)
            annex = attach_annex(question=question, data=file.data,
                                 source_url=client.document_url(document_id),
                                 filename=_annex_filename(file, titles.get(document_id, "")))
        except ParliamentError as error:  # the next run tries again
            message = _("bijlage %(id)s: %(error)s") % {"id": document_id, "error": error}
            _record_failure(follow=follow, found=found, wanted=state.status, message=message)
            report.failed.append(f"{label}: {message}")
            continue
        except AnnexRefused as error:  # a kind of file that is not kept (an old .xls): said once, not retried
            report.skipped.append(f"{label}: " + _("bijlage %(id)s niet bewaard: %(error)s")
                                  % {"id": document_id, "error": error})
            annex = None
        with transaction.atomic():
            state = QuestionSync.objects.select_for_update().get(pk=state.pk)
            state.annex_ids = [*state.annex_ids, document_id]
            state.save(update_fields=["annex_ids", "updated"])
        if annex is not None:
            report.annexes.append(f"{label}: {annex.filename}")


def _annex_filename(file: DownloadedFile, title: str) -> str:
    if file.filename:
        return file.filename
    stem = squash((title or _("Bijlage")).replace("/", "-"))[:120]
    return f"{stem} ({file.document_id}){file.suffix}"


def _record_failure(*, follow: FollowedMember, found: FoundQuestion, wanted: str, message: str) -> None:
    with transaction.atomic():
        state = _locked_state(follow=follow, found=found)
        state.status = max(state.status, wanted)
        state.error = message[:2000]
        state.attempts += 1
        state.save()
    log.warning("parliament sync %s: %s", found.parliament_id, message)


@transaction.atomic
def _record_import(*, follow: FollowedMember, found: FoundQuestion, detail: QuestionDetail, wanted: str,
                   question: Question, document_id: str) -> bool:
    """Mark the question imported at this status and keep the parliament's facts; True for a new answer.

    The import pipeline flags promises and notifies staff of a new answer; this only keeps the sync's state.
    """
    state = _locked_state(follow=follow, found=found)
    newly_answered = wanted == QuestionSync.Status.ANSWERED and state.imported_status != wanted
    state.question = question
    state.number = detail.number or found.number or state.number
    state.status = state.imported_status = max(state.imported_status, wanted)
    state.document_id = document_id
    state.error = ""
    state.save()
    store_parliament_record(question=question, parliament_id=found.parliament_id, detail=detail,
                            session=found.session, answered_on=found.answered_on)
    _confirm_person_ids(question=question, detail=detail)
    return newly_answered


def _confirm_person_ids(*, question: Question, detail: QuestionDetail) -> None:
    """The parliament's person ids of the question's member and minister, where the names agree."""
    for person, known in ((question.author, detail.author), (question.minister, detail.minister)):
        if person is not None and known is not None and comparable_name(person.name) == comparable_name(
                known.name):
            set_parliament_id(person=person, parliament_id=known.parliament_id, confirmed=True)


def store_parliament_record(*, question: Question, parliament_id: str, detail: QuestionDetail,
                            session: str = "", answered_on: date | None = None) -> ParliamentRecord:
    """Keep what the parliament's open data says about a question (dates, tijdig, steps, person ids)."""
    record, _created = ParliamentRecord.objects.update_or_create(question=question, defaults={
        "parliament_id": parliament_id,
        "session": detail.session or session,
        "number": detail.number,
        "asked_on": detail.asked_on,
        "answered_on": detail.answered_on or answered_on,
        "in_time": detail.in_time,
        "in_time_text": detail.in_time_text[:50],
        "steps": [{"on": step.on.isoformat() if step.on else None, "status": step.status}
                  for step in detail.steps],
        "member_person_id": detail.author.parliament_id,
        "minister_person_id": detail.minister.parliament_id if detail.minister else "",
        "answer_kind": detail.answer_kind[:100],
        "themes": list(detail.themes),
    })
    return record


def _locked_state(*, follow: FollowedMember, found: FoundQuestion) -> QuestionSync:
    QuestionSync.objects.get_or_create(
        office=follow.office, parliament_id=found.parliament_id,
        defaults={"session": found.session, "number": found.number, "member": follow.member})
    return QuestionSync.objects.select_for_update().get(office=follow.office,
                                                        parliament_id=found.parliament_id)
