"""Everything that changes a promise; every change is recorded with who, when, before and after."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from svtracker.parsing import squash
from svtracker.parsing.types import PromiseProposal
from svtracker.people.models import Minister
from svtracker.people.selectors import visible_terms

from .models import Promise, PromiseChange

TRACKED_FIELDS = ("kind", "quote", "expected", "basis", "status", "delivered_in_id", "snoozed_until")


def _snapshot(promise: Promise) -> dict:
    return {name: (value.isoformat() if isinstance(value, date) else value)
            for name in TRACKED_FIELDS for value in [getattr(promise, name)]}


@transaction.atomic(savepoint=False)  # an import flags several in its own transaction
def change_promise(*, promise: Promise, user: User | None, reason: str = "", **changes) -> Promise:
    """Apply field changes to a promise and record them; no change, no record."""
    promise = Promise.objects.select_for_update().get(pk=promise.pk)
    before = _snapshot(promise)
    for name, value in changes.items():
        setattr(promise, name, value)
    after = _snapshot(promise)
    if before == after:
        return promise
    promise.changed_by = user
    promise.save()
    changed = [name for name in TRACKED_FIELDS if before[name] != after[name]]
    PromiseChange.objects.create(promise=promise, user=user, reason=reason,
                                 before={n: before[n] for n in changed}, after={n: after[n] for n in changed})
    return promise


def confirm_promise(*, promise: Promise, user: User) -> Promise:
    return change_promise(promise=promise, user=user, status=Promise.Status.CONFIRMED)


def drop_promise(*, promise: Promise, user: User, reason: str = "") -> Promise:
    return change_promise(promise=promise, user=user, status=Promise.Status.DROPPED, reason=reason)


def deliver_promise(*, promise: Promise, user: User | None, delivered_in=None, reason: str = "") -> Promise:
    return change_promise(promise=promise, user=user, status=Promise.Status.DELIVERED,
                          delivered_in=delivered_in, reason=reason)


def mark_followed_up(*, promises: Iterable[Promise], user: User | None, reason: str) -> None:
    for promise in promises:
        if promise.is_open:
            change_promise(promise=promise, user=user, status=Promise.Status.FOLLOWED_UP, reason=reason)


def bulk_change_status(*, promises: Iterable[Promise], user: User, status: str, reason: str = "") -> int:
    changed = 0
    for promise in promises:
        if promise.status != status:
            change_promise(promise=promise, user=user, status=status, reason=reason)
            changed += 1
    return changed


@transaction.atomic(savepoint=False)
def sync_proposed_promises(*, question, proposals: Iterable[PromiseProposal], answer_parts=None,
                           new_question: bool = False, keep_missing: bool = False) -> None:
    """Put the parser's proposals on a question as "proposed".

    On a re-import, what staff already handled stays as they left it; proposals that are no longer in the
    document and were never touched go, unless `keep_missing` (a less complete version of the document:
    what it lacks was not withdrawn). The importer passes the answer parts it just stored and says when
    the question is new (nothing to keep), which saves it the queries.
    """
    proposals = list(proposals)
    existing = {} if new_question else {squash(p.quote): p for p in question.promises.all()}
    wanted = {squash(p.quote) for p in proposals}
    for key, promise in existing.items():
        if (not keep_missing and key not in wanted and promise.status == Promise.Status.PROPOSED
                and not promise.changes.exists()):
            promise.delete()
    parts = list(question.answer_parts.all()) if answer_parts is None else list(answer_parts)
    added = []
    for proposal in proposals:
        key = squash(proposal.quote)
        if key in existing:
            _improve(existing[key], proposal)
            continue
        part = next((p for p in parts if key[:60] in squash(p.text)), None)
        added.append(Promise(office=question.office, question=question, answer_part=part,
                             kind=proposal.kind, quote=proposal.quote, expected=proposal.expected,
                             basis=proposal.basis[:300]))
    Promise.objects.bulk_create(added)


def _improve(promise: Promise, proposal: PromiseProposal) -> None:
    """A proposal read better by today's parser replaces an untouched one (kind, date, basis); a promise
    staff confirmed, edited, dropped or delivered keeps what they gave it."""
    if promise.status != Promise.Status.PROPOSED or promise.changed_by_id or promise.changes.exists():
        return
    better = (proposal.kind, proposal.expected, proposal.basis[:300])
    if better != (promise.kind, promise.expected, promise.basis):
        promise.kind, promise.expected, promise.basis = better
        promise.save(update_fields=["kind", "expected", "basis", "changed"])


@transaction.atomic(savepoint=False)
def adopt_quoted_promises(*, question, earlier_by_sentence: dict[str, object]) -> list[Promise]:
    """Proposals the member quoted in the question from an earlier answer ("De minister deelde mee dat
    cijfers kunnen worden getrokken vanaf het najaar 2021", no. 362 quoting no. 155) belong to that earlier
    question. `earlier_by_sentence`: the quote (normalised) -> the earlier question it was quoted from.

    An untouched proposal of this question moves there (or goes, when the earlier question has it already);
    when this question is answered, its answer may deliver them: flagged "possibly delivered" for staff to
    confirm, never delivered automatically.
    """
    adopted = []
    own = {squash(p.quote): p for p in question.promises.all()}
    for quote, earlier in earlier_by_sentence.items():
        there = next((p for p in earlier.promises.all() if squash(p.quote) == quote), None)
        here = own.get(quote)
        if here is not None and (here.status != Promise.Status.PROPOSED or here.changes.exists()):
            continue  # staff handled it on this question: it stays where they left it
        if here is not None and there is not None:
            here.delete()
        elif here is not None:
            here.question, here.answer_part = earlier, None
            here.save(update_fields=["question", "answer_part", "changed"])
            there = here
        if there is not None:
            adopted.append(there)
    if question.answered and adopted:
        reason = (_("Aangehaald en opnieuw gevraagd in vraag nr. %(number)s (%(session)s), die beantwoord is")
                  % {"number": question.number, "session": question.session})
        _mark_possibly_delivered(Promise.objects.filter(pk__in=[p.pk for p in adopted], status__in=[
            Promise.Status.PROPOSED, Promise.Status.CONFIRMED]), question=question, reason=reason)
    return adopted


@transaction.atomic(savepoint=False)  # inside the import's transaction
def flag_possibly_delivered(*, question, answers_sent_draft: bool = False) -> list[Promise]:
    """Promises this new answer may deliver, flagged "possibly delivered" for staff to confirm, never
    delivered automatically: those a sent draft asked for again when this is the answer to it
    (`answers_sent_draft`: the question is a draft's asked question), and the open promises of the same
    minister (or one holding the same policy area) and theme."""
    flagged = []
    if answers_sent_draft:
        asked_again = (Promise.objects.filter(office=question.office, drafts__asked_question=question,
                                              status__in=[Promise.Status.FOLLOWED_UP, *Promise.OPEN_STATUSES])
                       .exclude(status=Promise.Status.POSSIBLY_DELIVERED))
        reason = (_("Antwoord op de opvolgvraag die ernaar vroeg: vraag nr. %(number)s (%(session)s)")
                  % {"number": question.number, "session": question.session})
        flagged += _mark_possibly_delivered(Promise.objects.filter(pk__in=asked_again.values("pk")),
                                            question=question, reason=reason)
    if not question.theme or not question.minister_id:
        return flagged
    terms = visible_terms(office=question.office_id)  # the policy areas as this office sees them
    areas = [area for area in terms.filter(minister_id=question.minister_id).values_list(
        "policy_areas", flat=True) if area]
    ministers = Minister.objects.filter(Q(pk=question.minister_id)
                                        | Q(terms__in=terms.filter(policy_areas__in=areas)))
    candidates = (Promise.objects.filter(office=question.office, question__theme=question.theme,
                                         question__minister__in=ministers.values("pk"),
                                         status__in=[Promise.Status.PROPOSED, Promise.Status.CONFIRMED],
                                         question__date__lte=question.date)
                  .exclude(question=question))
    reason = (_("Nieuw antwoord van dezelfde minister over hetzelfde thema: "
                "vraag nr. %(number)s (%(session)s)")
              % {"number": question.number, "session": question.session})
    return flagged + _mark_possibly_delivered(candidates, question=question, reason=reason)


def _mark_possibly_delivered(promises: QuerySet, *, question, reason: str) -> list[Promise]:
    """change_promise(status=POSSIBLY_DELIVERED, delivered_in=question, user=None) for a whole queryset:
    one locked read, one update and one insert of the history, however many promises (an import flags
    every open promise of the minister's theme)."""
    now = timezone.now()
    flagged, history = [], []
    for promise in promises.select_for_update(of=("self",)):
        before = _snapshot(promise)
        promise.status, promise.delivered_in = Promise.Status.POSSIBLY_DELIVERED, question
        after = _snapshot(promise)
        if before == after:
            continue
        promise.changed_by, promise.changed = None, now  # bulk_update sets no auto_now field
        changed = [name for name in TRACKED_FIELDS if before[name] != after[name]]
        history.append(PromiseChange(promise=promise, user=None, reason=reason, before={
            n: before[n] for n in changed}, after={n: after[n] for n in changed}))
        flagged.append(promise)
    Promise.objects.bulk_update(flagged, ["status", "delivered_in", "changed_by", "changed"])
    PromiseChange.objects.bulk_create(history)
    return flagged
