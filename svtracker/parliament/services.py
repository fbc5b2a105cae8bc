"""Following members at the parliament and bringing in their new questions and answers."""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from svtracker.accounts.models import Office
from svtracker.parsing import session_for
from svtracker.people.models import Member, Minister
from svtracker.people.services import member_named
from svtracker.promises.models import Promise
from svtracker.promises.services import change_promise
from svtracker.questions.models import Question, SessionYear
from svtracker.questions.services import import_document
from svtracker.reminders.services import notify_answer_received

from .client import ParliamentClient, ParliamentError
from .models import FollowedMember, QuestionSync, SyncRun
from .responses import QuestionDetail, SearchHit

log = logging.getLogger(__name__)

# The public page of a written question (the "thema link" in the parliament's own metadata).
PUBLIC_QUESTION_URL = "https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/{id}"


@transaction.atomic
def follow_member(*, office: Office, name: str, parliament_id: str) -> FollowedMember:
    """Follow a member for an office; the parliament's person id tells namesakes apart."""
    member = member_named(" ".join(name.split()))
    if parliament_id and member.parliament_id != parliament_id:
        member.parliament_id = parliament_id
        member.save(update_fields=["parliament_id"])
    office.members.add(member)
    followed, _created = FollowedMember.objects.get_or_create(office=office, member=member)
    return followed


def unfollow_member(*, office: Office, member: Member) -> None:
    FollowedMember.objects.filter(office=office, member=member).delete()


@dataclass
class SyncReport:
    office: Office
    dry_run: bool = False
    found: int = 0
    imported: list[str] = field(default_factory=list)  # "nr. 125 (2023-2024)"
    answered: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)  # one line per question that will be retried
    errors: list[str] = field(default_factory=list)  # searches or lookups that broke off
    notified: int = 0

    @property
    def ok(self) -> bool:
        return not (self.failed or self.errors)

    def lines(self) -> list[str]:
        verb = _("zou importeren") if self.dry_run else _("geïmporteerd")
        lines = [_("%(office)s: %(found)d gevonden, %(imported)d %(verb)s, %(answered)d nieuwe antwoorden, "
                   "%(unchanged)d ongewijzigd, %(failed)d mislukt")
                 % {"office": self.office, "found": self.found, "imported": len(self.imported), "verb": verb,
                    "answered": len(self.answered), "unchanged": self.unchanged, "failed": len(self.failed)}]
        lines += [f"  + {item}" for item in self.imported]
        lines += [f"  ! {item}" for item in [*self.failed, *self.errors]]
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
    known = SessionYear.objects.filter(start__lte=on, end__gte=on).first()
    return known.name if known else session_for(on)


def sync_office(*, office: Office, session: str | None = None, member: Member | None = None,
                dry_run: bool = False, client: ParliamentClient | None = None) -> SyncReport:
    """Search the followed members' questions and import what is new or newly answered.

    Safe to run at any time and any number of times: a question is imported once per status, a failure
    is recorded on the question and retried on the next run, and a dry run writes nothing.
    """
    report = SyncReport(office=office, dry_run=dry_run)
    followed = list(FollowedMember.objects.filter(office=office).select_related("member"))
    if member is not None:
        followed = [f for f in followed if f.member_id == member.pk]
    if not followed:
        return report
    own_client = client is None
    client = client or ParliamentClient.from_settings()
    try:
        sessions = [session] if session else _sessions_to_search(office=office, client=client, report=report,
                                                                 dry_run=dry_run)
        for follow in followed:
            for name in sessions:
                _sync_member_session(follow=follow, session=name, client=client, report=report)
    finally:
        if own_client:
            client.close()
    if not dry_run:
        SyncRun.objects.create(
            office=office, finished=timezone.now(), session=session or "", member=member, found=report.found,
            imported=len(report.imported), answered=len(report.answered), unchanged=report.unchanged,
            failed=len(report.failed), errors=[*report.failed, *report.errors])
    return report


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


def _sync_member_session(*, follow: FollowedMember, session: str, client: ParliamentClient,
                         report: SyncReport) -> None:
    try:
        hits = client.search_questions(session=session, author_last_first=_last_first(follow.member.name))
    except ParliamentError as error:
        report.errors.append(_("Zoeken naar vragen van %(member)s in %(session)s: %(error)s")
                             % {"member": follow.member, "session": session, "error": error})
        return
    for hit in hits:
        # The search filter is the parliament's; check that the hit really is this member's question.
        if _comparable(hit.author) != _comparable(follow.member.name):
            continue
        report.found += 1
        _sync_question(follow=follow, hit=hit, client=client, report=report)


def _sync_question(*, follow: FollowedMember, hit: SearchHit, client: ParliamentClient,
                   report: SyncReport) -> None:
    office = follow.office
    wanted = QuestionSync.Status.ANSWERED if hit.answered else QuestionSync.Status.ASKED
    state = QuestionSync.objects.filter(office=office, parliament_id=hit.parliament_id).first()
    label = _("nr. %(number)s (%(session)s)") % {"number": hit.number, "session": hit.session}
    if state is not None and state.imported_status >= wanted and not state.error:
        report.unchanged += 1
        return
    if report.dry_run:
        (report.answered if wanted == QuestionSync.Status.ANSWERED else report.imported).append(label)
        return
    try:
        detail = client.question_detail(hit.parliament_id)
        if follow.member.parliament_id and detail.author.parliament_id != follow.member.parliament_id:
            report.found -= 1  # a namesake: not the member this office follows
            return
        if not hit.document_id:
            raise ParliamentError(_("Het parlement heeft nog geen PDF gepubliceerd."))
        data = client.document(hit.document_id)
    except ParliamentError as error:
        _record_failure(follow=follow, hit=hit, wanted=wanted, message=str(error))
        report.failed.append(f"{label}: {error}")
        return
    result = import_document(office=office, data=data, filename=f"sv-{hit.session}-{hit.number}.pdf",
                             parliament_id=hit.parliament_id,
                             parliament_url=PUBLIC_QUESTION_URL.format(id=hit.parliament_id))
    problem = result.message if result.status == "failed" else ""
    if not problem and wanted == QuestionSync.Status.ANSWERED and not result.question.answered:
        problem = _("De PDF bevat het antwoord nog niet.")
    if problem:
        _record_failure(follow=follow, hit=hit, wanted=wanted, message=problem)
        report.failed.append(f"{label}: {problem}")
        return
    newly_answered, notified = _record_import(follow=follow, hit=hit, detail=detail, wanted=wanted,
                                              question=result.question)
    (report.answered if newly_answered else report.imported).append(label)
    report.notified += notified


def _record_failure(*, follow: FollowedMember, hit: SearchHit, wanted: str, message: str) -> None:
    with transaction.atomic():
        state = _locked_state(follow=follow, hit=hit)
        state.status = max(state.status, wanted)
        state.document_id = hit.document_id
        state.error = message[:2000]
        state.attempts += 1
        state.save()
    log.warning("parliament sync %s: %s", hit.parliament_id, message)


@transaction.atomic
def _record_import(*, follow: FollowedMember, hit: SearchHit, detail: QuestionDetail, wanted: str,
                   question: Question) -> tuple[bool, int]:
    """Mark the question imported at this status; on a new answer flag promises and notify staff, once."""
    state = _locked_state(follow=follow, hit=hit)
    newly_answered = wanted == QuestionSync.Status.ANSWERED and state.imported_status != wanted
    # Staff hear of answers that arrive while they follow the member, not of the back catalogue.
    followed_since = timezone.localdate(follow.since)
    arrived = state.imported_status == QuestionSync.Status.ASKED or (
        (detail.answered_on or hit.answered_on or followed_since) >= followed_since)
    state.question = question
    state.status = state.imported_status = max(state.imported_status, wanted)
    state.document_id = hit.document_id
    state.answer_date = detail.answered_on or hit.answered_on
    state.answered_in_time = detail.in_time
    state.error = ""
    state.save()
    question.answer_date = state.answer_date or question.answer_date
    question.answered_in_time = state.answered_in_time
    question.theme = question.theme or hit.theme or next(iter(detail.themes), "")
    question.save(update_fields=["answer_date", "answered_in_time", "theme", "updated"])
    notified = 0
    if newly_answered:
        flag_possibly_delivered(question=question)
        if arrived:
            notified = notify_answer_received(question=question)
    return newly_answered, notified


def _locked_state(*, follow: FollowedMember, hit: SearchHit) -> QuestionSync:
    QuestionSync.objects.get_or_create(
        office=follow.office, parliament_id=hit.parliament_id,
        defaults={"session": hit.session, "number": hit.number, "member": follow.member})
    return QuestionSync.objects.select_for_update().get(office=follow.office, parliament_id=hit.parliament_id)


def flag_possibly_delivered(*, question: Question) -> list[Promise]:
    """Open promises of the same minister (or one holding the same policy area) and theme that this new
    answer may deliver: flagged "possibly delivered" for staff to confirm, never delivered automatically."""
    if not question.theme or not question.minister_id:
        return []
    areas = [area for area in question.minister.terms.values_list("policy_areas", flat=True) if area]
    ministers = Minister.objects.filter(Q(pk=question.minister_id) | Q(terms__policy_areas__in=areas))
    candidates = (Promise.objects.filter(office=question.office, question__theme=question.theme,
                                         question__minister__in=ministers.values("pk"),
                                         status__in=[Promise.Status.PROPOSED, Promise.Status.CONFIRMED],
                                         question__date__lte=question.date)
                  .exclude(question=question))
    reason = (_("Nieuw antwoord van dezelfde minister over hetzelfde thema: "
                "vraag nr. %(number)s (%(session)s)")
              % {"number": question.number, "session": question.session})
    return [change_promise(promise=promise, user=None, reason=reason,
                           status=Promise.Status.POSSIBLY_DELIVERED, delivered_in=question)
            for promise in candidates]


def _last_first(name: str) -> str:
    """ "Maaike De Vreese" -> "De Vreese, Maaike": the parliament's own form for the search filter.

    Dutch and Flemish surnames often start with particles (De, Van, Vanden, ...), so the first name is taken
    as the first word; that is how the parliament's member names in the seeds are built.
    """
    first, _sep, last = name.strip().partition(" ")
    return f"{last}, {first}" if last else first


def _comparable(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().split())
