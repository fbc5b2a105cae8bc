"""The daily reminder scan, digest delivery, preferences and recess dates: everything that writes.

Once: a Reminder row per (item, reason, date, recipient) under a unique constraint makes a second scan
harmless, and a Digest's status (ready -> sending -> sent/failed) makes a redelivered task harmless; what
SMTP leaves open is in deliver_digest (and the README).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.utils import parseaddr
from functools import cached_property
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from kombu.exceptions import OperationalError as BrokerUnavailable

from svtracker.accounts.models import Office, Profile
from svtracker.links import absolute_url, site_url
from svtracker.mail import mail_message
from svtracker.promises.models import Promise

from . import labels, selectors, sql
from .models import Digest, RecessPeriod, Reminder

log = logging.getLogger(__name__)


@dataclass
class ScanResult:
    on: date
    dry_run: bool
    working_day: bool = True
    reminders: list[Reminder] = field(default_factory=list)  # recorded by this scan
    digests: list[Digest] = field(default_factory=list)
    requeued: list[int] = field(default_factory=list)  # unsent digests of earlier days (or stuck sending)
    broker_down: bool = False

    @cached_property
    def new_reminders(self) -> list[tuple[Reminder, object]]:
        """Each new reminder with its question or promise, loaded only when asked (the command's report)."""
        items = selectors.load_items(self.reminders)
        return [(reminder, items[(reminder.item_kind, reminder.item_id)]) for reminder in self.reminders]


def run_reminders(*, on: date, dry_run: bool = False) -> ScanResult:
    """Find what is due on `on` in every office, record it in the outbox and queue one digest per person.

    Runs from the beat task and from `manage.py run_reminders`. Running it twice on a day adds nothing.
    It also queues again every digest still unsent from an earlier run (never queued because the broker
    was down, or left "sending" past the lease), whatever its day. A broker that is down is logged, not
    raised: the digests stay ready and the next run queues them.
    """
    calendar = selectors.working_calendar()
    result = ScanResult(on=on, dry_run=dry_run)
    if not calendar.without_pauses().is_working_day(on):
        result.working_day = False
        return result
    for office in Office.objects.order_by("name"):
        _scan_office(office=office, on=on, calendar=calendar, result=result)
    if not dry_run:
        queued = {digest.pk for digest in result.digests}
        result.requeued = [pk for pk in selectors.unsent_digest_ids(lease=_sending_lease())
                           if pk not in queued]
        for pk in result.requeued:
            _enqueue_from_scan(pk, result)
    return result


def _enqueue_from_scan(digest_id: int, result: ScanResult) -> None:
    """Queue a digest unless the broker already failed during this scan (each try takes a while)."""
    if not result.broker_down:
        result.broker_down = not _enqueue(digest_id)


def _scan_office(*, office: Office, on: date, calendar, result: ScanResult) -> None:
    recipients = {user.pk: user for user in selectors.digest_recipients(office=office)}
    keys = [(due.item_kind, due.item.pk, due.reason, due.due_date)
            for due in selectors.late_questions(office=office, on=on, calendar=calendar)]
    keys += [(Reminder.ItemKind.PROMISE, pk, reason, due_date) for pk, reason, due_date
             in selectors.due_promises(office=office, on=on, calendar=calendar.without_pauses())]
    with transaction.atomic():
        with transaction.atomic():  # a dry run records, reports, and rolls back to here
            new = _record_reminders(office=office, keys=keys, recipients=recipients)
            transaction.set_rollback(result.dry_run)
        result.reminders += new
        if result.dry_run:
            return
        due_today = [recipient for recipient in recipients.values() if selectors.digest_due_today(
            profile=getattr(recipient, "profile", None), on=on, calendar=calendar)]
        for digest in _assemble_digests(office=office, recipients=due_today, on=on):
            result.digests.append(digest)
            transaction.on_commit(lambda pk=digest.pk: _enqueue_from_scan(pk, result))


# One statement for all of an office's reminders of the day, whatever the number of items: the unique
# constraint skips what an earlier run already recorded. The items come in as arrays on PostgreSQL, as one
# JSON array of [kind, id, reason, date] on SQLite.
RECORD_REMINDERS_SQL = """
    INSERT INTO reminders_reminder (office_id, item_kind, item_id, reason, due_date, recipient_id, cancelled,
                                    created)
    SELECT %(office)s, item.kind, item.id, item.reason, item.due_date, recipient.id, false, %(now)s
    FROM {items} CROSS JOIN {recipients}
    WHERE true
    ORDER BY item.due_date, item.id, recipient.id
    ON CONFLICT DO NOTHING
    RETURNING id, item_kind, item_id, reason, due_date, recipient_id
"""
_RECORD_FROM = {
    "postgresql": {
        "items": "unnest(%(kinds)s::varchar[], %(ids)s::bigint[], %(reasons)s::varchar[], %(dates)s::date[])"
                 " AS item(kind, id, reason, due_date)",
        "recipients": "unnest(%(recipients)s::integer[]) AS recipient(id)",
    },
    "sqlite": {
        "items": "(SELECT json_extract(value, '$[0]') AS kind, json_extract(value, '$[1]') AS id,"
                 " json_extract(value, '$[2]') AS reason, json_extract(value, '$[3]') AS due_date"
                 " FROM json_each(%(items)s)) AS item",
        "recipients": "(SELECT value AS id FROM json_each(%(recipients)s)) AS recipient",
    },
}


def _record_reminders(*, office: Office, keys: list[tuple[str, int, str, date]],
                      recipients: dict[int, User]) -> list[Reminder]:
    """Outbox rows for each (item, reason, date) and recipient not recorded before; returns the new ones."""
    if not keys or not recipients:
        return []
    params = {"office": office.pk, "now": sql.now(), "recipients": sql.array(recipients)}
    if sql.is_postgresql():
        kinds, ids, reasons, dates = (list(column) for column in zip(*keys, strict=True))
        params |= {"kinds": kinds, "ids": ids, "reasons": reasons, "dates": dates}
    else:
        params["items"] = json.dumps([[kind, pk, reason, due.isoformat()] for kind, pk, reason, due in keys])
    with connection.cursor() as cursor:
        cursor.execute(RECORD_REMINDERS_SQL.format(**_RECORD_FROM[connection.vendor]), params)
        rows = cursor.fetchall()
    return [Reminder(pk=pk, office=office, item_kind=kind, item_id=item_id, reason=reason,
                     due_date=sql.as_date(due_date), recipient=recipients[recipient_id])
            for pk, kind, item_id, reason, due_date, recipient_id in rows]


# selectors.item_still_open in SQL, for the reminders still waiting for a digest: the others are cancelled.
CANCEL_CLOSED_SQL = """
    UPDATE reminders_reminder AS r SET cancelled = true
    WHERE r.office_id = %(office)s AND r.recipient_id {in_recipients} AND r.digest_id IS NULL
          AND NOT r.cancelled AND r.reason <> %(answered)s
          AND NOT (r.item_kind = %(question)s AND EXISTS (
                       SELECT 1 FROM questions_question q WHERE q.id = r.item_id AND NOT q.answered))
          AND NOT (r.item_kind = %(promise)s AND EXISTS (
                       SELECT 1 FROM promises_promise p WHERE p.id = r.item_id AND p.status {in_open}
                              AND (p.snoozed_until IS NULL OR p.snoozed_until <= %(on)s)))
"""
# Today's digest for each recipient with something pending (an existing one is kept as it is).
CREATE_DIGESTS_SQL = """
    INSERT INTO reminders_digest (office_id, recipient_id, date, status, attempts, last_error, created)
    SELECT DISTINCT %(office)s, r.recipient_id, {on}, %(ready)s, 0, '', %(now)s
    FROM reminders_reminder r
    WHERE r.office_id = %(office)s AND r.recipient_id {in_recipients} AND r.digest_id IS NULL
          AND NOT r.cancelled
    ON CONFLICT DO NOTHING
"""
# The pending reminders go into today's digest while it is ready; once it went out they wait for the next.
FILL_DIGESTS_SQL = """
    UPDATE reminders_reminder AS r SET digest_id = d.id
    FROM reminders_digest d
    WHERE d.office_id = %(office)s AND d.date = %(on)s AND d.status = %(ready)s
          AND d.recipient_id = r.recipient_id AND r.office_id = %(office)s
          AND r.recipient_id {in_recipients} AND r.digest_id IS NULL AND NOT r.cancelled
"""


def _assemble_digests(*, office: Office, recipients: list[User], on: date) -> list[Digest]:
    """Put each recipient's pending reminders of this office into today's digest, in three statements for
    the whole office; returns the ready digests of the day (those with something to send)."""
    if not recipients:
        return []
    params = {"office": office.pk, "recipients": sql.array(r.pk for r in recipients), "on": on,
              "now": sql.now(),
              "ready": Digest.Status.READY, "answered": Reminder.Reason.ANSWERED,
              "question": Reminder.ItemKind.QUESTION, "promise": Reminder.ItemKind.PROMISE,
              "open": sql.array(Promise.OPEN_STATUSES)}
    pieces = {"in_recipients": sql.dialect("in", "%(recipients)s"), "in_open": sql.dialect("in", "%(open)s"),
              "on": sql.dialect("date", "%(on)s")}
    with connection.cursor() as cursor:
        for statement in (CANCEL_CLOSED_SQL, CREATE_DIGESTS_SQL, FILL_DIGESTS_SQL):
            cursor.execute(statement.format(**pieces), params)
    by_pk = {r.pk: r for r in recipients}
    digests = list(Digest.objects.filter(office=office, recipient__in=recipients, date=on,
                                         status=Digest.Status.READY).order_by("recipient__username"))
    for digest in digests:
        digest.recipient, digest.office = by_pk[digest.recipient_id], office
    return digests


def _enqueue(digest_id: int) -> bool:
    """Hand a digest to the worker; False (logged) when the broker cannot be reached: it stays ready."""
    from .tasks import send_digest

    try:
        send_digest.delay(digest_id)
    except BrokerUnavailable as error:
        log.warning("digest %s not queued, the broker is unreachable (queued again by the next scan): %r",
                    digest_id, error)
        return False
    return True


def _sending_lease() -> timedelta:
    return timedelta(seconds=settings.REMINDER_SENDING_LEASE)


def claim_digest(*, digest_id: int) -> Digest | None:
    """Mark a ready digest as being sent; None when it is sent, failed or another worker is on it."""
    with transaction.atomic():
        digest = Digest.objects.select_for_update().select_related("office", "recipient").get(pk=digest_id)
        now = timezone.now()
        # A digest stuck in "sending" past the lease (worker killed mid-send) may be claimed again.
        stale = digest.status == Digest.Status.SENDING and digest.sending_since < now - _sending_lease()
        if digest.status != Digest.Status.READY and not stale:
            return None
        digest.status = Digest.Status.SENDING
        digest.sending_since = now
        digest.attempts += 1
        digest.save(update_fields=["status", "sending_since", "attempts"])
        return digest


def deliver_digest(*, digest_id: int) -> bool:
    """Send a digest email once; an SMTP or connection error resets it to ready and is raised to retry.

    The sent mark is written as soon as the server accepted the message (its 250 after DATA), on the open
    connection, before QUIT. Only a crash in between (one database write) can send it again: with the same
    Message-ID (digest_message_id), which mail servers and clients recognise as the same mail.
    """
    digest = claim_digest(digest_id=digest_id)
    if digest is None:
        return False
    context = digest_context(digest=digest)
    if not context["items"]:
        Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.CANCELLED)
        return False
    message = digest_message(digest=digest, context=context)
    mail = get_connection()
    try:
        mail.open()
        mail.send_messages([message])
    except Exception as exc:  # also a soft time limit: the digest is ready for the retry
        Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.READY, last_error=repr(exc)[:2000])
        _close_quietly(mail)
        raise
    try:
        Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.SENT, sent_at=timezone.now(),
                                                   last_error="")
    finally:
        _close_quietly(mail)
    return True


def _close_quietly(mail) -> None:
    """QUIT and close; the message was accepted or refused before, so a failing QUIT changes nothing."""
    try:
        mail.close()
    except (SMTPException, OSError) as error:
        log.info("closing the mail connection failed after the send: %r", error)


def requeue_stuck_digests() -> list[int]:
    """Queue again the digests a worker left behind: "sending" past the lease (the worker died mid-send) or
    ready and never tried past the lease (its task was lost). Beat runs this every few minutes."""
    stuck = selectors.stuck_digest_ids(lease=_sending_lease())
    for pk in stuck:
        if not _enqueue(pk):
            break  # the broker is down: the next sweep tries again
    return stuck


def mark_digest_failed(*, digest_id: int, error: str) -> None:
    """After the last retry: the digest shows up on the outbox page, where staff can retry it."""
    Digest.objects.filter(pk=digest_id).exclude(status=Digest.Status.SENT).update(
        status=Digest.Status.FAILED, last_error=error[:2000])


def retry_digest(*, digest: Digest) -> Digest:
    """Send a failed digest again (from the outbox page)."""
    with transaction.atomic():
        updated = Digest.objects.filter(pk=digest.pk, status=Digest.Status.FAILED).update(
            status=Digest.Status.READY, last_error="")
        if updated:
            transaction.on_commit(lambda: _enqueue(digest.pk))
    digest.refresh_from_db()
    return digest


def _absolute(name: str, pk: int) -> str:
    return absolute_url(reverse(name, kwargs={"pk": pk}))


def digest_context(*, digest: Digest) -> dict:
    """What the digest email shows, per item its latest reason, the date it is about (the promised date
    of data, the answer deadline of a question), the question's number, member and minister, and links;
    answers, confirmed promises and promises the reader only proposed each in their own list."""
    reminders = list(digest.reminders.filter(cancelled=False).order_by("due_date", "id"))
    items = selectors.load_items(reminders)
    latest: dict[tuple[str, int], Reminder] = {}
    for reminder in reminders:
        latest[(reminder.item_kind, reminder.item_id)] = reminder
    rows = []
    with translation.override(settings.LANGUAGE_CODE):
        for key, reminder in latest.items():
            item = items.get(key)
            if not selectors.item_still_open(item_kind=reminder.item_kind, item=item, on=digest.date,
                                             reason=reminder.reason):
                continue
            is_question = reminder.item_kind == Reminder.ItemKind.QUESTION
            question = item if is_question else item.question
            rows.append({
                "kind": reminder.item_kind,
                "reason": reminder.get_reason_display(),
                "reason_code": reminder.reason,
                "due_date": reminder.due_date,
                # the date the item is about: the promised one, not the day of a repeated reminder
                "promised": (question.answer_date if reminder.reason == Reminder.Reason.ANSWERED
                             else reminder.due_date) if is_question else item.expected,
                "proposed": not is_question and item.status == Promise.Status.PROPOSED,
                "question": question,
                "label": labels.question_label(question),
                "quote": "" if is_question else item.quote,
                "url": _absolute("questions:detail" if is_question else "promises:detail", item.pk),
                "draft_url": _absolute("drafts:create_from_question" if is_question
                                       else "drafts:create_from_promise", item.pk),
            })
    return {"digest": digest, "recipient": digest.recipient, "office": digest.office, "items": rows,
            "questions": [row for row in rows if row["kind"] == Reminder.ItemKind.QUESTION],
            "confirmed": [row for row in rows if row["kind"] == Reminder.ItemKind.PROMISE
                          and not row["proposed"]],
            "proposed": [row for row in rows if row["proposed"]],
            "site_url": site_url(), "preferences_url": absolute_url(reverse("reminders:preferences"))}


def digest_message_id(digest: Digest) -> str:
    """The digest's own Message-ID, the same on every attempt (RFC 5322: unique per message)."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "svtracker.invalid"
    return f"<digest-{digest.pk}.{digest.date:%Y%m%d}.svtracker@{domain}>"


def digest_message(*, digest: Digest, context: dict) -> EmailMultiAlternatives:
    """The digest mail (the "digest" intent), in Dutch, with the digest's own Message-ID."""
    with translation.override(settings.LANGUAGE_CODE):
        return mail_message("digest", context=context, to=[digest.recipient.email],
                            headers={"Message-ID": digest_message_id(digest)})


def update_preferences(*, user: User, digest: str, digest_weekday: int) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.digest = digest
    profile.digest_weekday = digest_weekday
    profile.save(update_fields=["digest", "digest_weekday"])
    return profile


def save_recess_period(*, kind: str, start: date, end: date, note: str = "") -> RecessPeriod:
    """Enter the parliament's own recess dates for a year (replacing the default rule for that year)."""
    period, _created = RecessPeriod.objects.update_or_create(
        kind=kind, year=start.year, defaults={"start": start, "end": end, "note": note})
    return period


def set_reminder_policy(*, office: Office, warn_days_before: int, repeat_every_days: int) -> Office:
    """How early an office is warned of promised data, and how often again while it stays open."""
    office.warn_days_before, office.repeat_every_days = warn_days_before, repeat_every_days
    office.save(update_fields=["warn_days_before", "repeat_every_days"])
    return office


def notify_answer_received(*, question) -> int:
    """Tell the office's staff that an answer arrived ("antwoord ontvangen"), with their next digest.

    Called by the parliament sync. One outbox row per recipient under the unique constraint, so a second
    sync or a redelivered task adds nothing. Returns how many rows are new.
    """
    on = question.answer_date or timezone.localdate()
    created = 0
    for recipient in selectors.digest_recipients(office=question.office):
        _reminder, new = Reminder.objects.get_or_create(
            item_kind=Reminder.ItemKind.QUESTION, item_id=question.pk, reason=Reminder.Reason.ANSWERED,
            due_date=on, recipient=recipient, defaults={"office": question.office})
        created += new
    return created
