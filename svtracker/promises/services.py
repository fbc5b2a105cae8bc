"""Everything that changes a promise; every change is recorded with who, when, before and after."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from svtracker.parsing.types import PromiseProposal

from .models import Promise, PromiseChange

TRACKED_FIELDS = ("kind", "quote", "expected", "basis", "status", "delivered_in_id", "snoozed_until")


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _snapshot(promise: Promise) -> dict:
    return {name: (value.isoformat() if isinstance(value, date) else value)
            for name in TRACKED_FIELDS for value in [getattr(promise, name)]}


@transaction.atomic
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
                           new_question: bool = False) -> None:
    """Put the parser's proposals on a question as "proposed".

    On a re-import, what staff already handled stays as they left it; proposals that are no longer in the
    document and were never touched go. The importer passes the answer parts it just stored and says when
    the question is new (nothing to keep), which saves it the queries.
    """
    proposals = list(proposals)
    existing = {} if new_question else {_normalised(p.quote): p for p in question.promises.all()}
    wanted = {_normalised(p.quote) for p in proposals}
    for key, promise in existing.items():
        if key not in wanted and promise.status == Promise.Status.PROPOSED and not promise.changes.exists():
            promise.delete()
    parts = list(question.answer_parts.all()) if answer_parts is None else list(answer_parts)
    added = []
    for proposal in proposals:
        key = _normalised(proposal.quote)
        if key in existing:
            continue
        part = next((p for p in parts if key[:60] in _normalised(p.text)), None)
        added.append(Promise(office=question.office, question=question, answer_part=part,
                             kind=proposal.kind, quote=proposal.quote, expected=proposal.expected,
                             basis=proposal.basis[:300]))
    Promise.objects.bulk_create(added)
