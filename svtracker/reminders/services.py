"""The daily reminder scan, digest delivery, preferences and recess dates: everything that writes.

Exactly once: a Reminder row per (item, reason, date, recipient) under a unique constraint makes a second
scan harmless, and a Digest's status (ready -> sending -> sent/failed) makes a redelivered task harmless.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from svtracker.accounts.models import Office, Profile

from . import selectors
from .models import Digest, RecessPeriod, Reminder


@dataclass
class ScanResult:
    on: date
    dry_run: bool
    working_day: bool = True
    new_reminders: list[tuple[Reminder, object]] = field(default_factory=list)
    digests: list[Digest] = field(default_factory=list)


def run_reminders(*, on: date, dry_run: bool = False) -> ScanResult:
    """Find what is due on `on` in every office, record it in the outbox and queue one digest per person.

    Runs from the beat task and from `manage.py run_reminders`. Running it twice on a day adds nothing.
    """
    calendar = selectors.working_calendar()
    result = ScanResult(on=on, dry_run=dry_run)
    if not calendar.without_pauses().is_working_day(on):
        result.working_day = False
        return result
    for office in Office.objects.order_by("name"):
        _scan_office(office=office, on=on, calendar=calendar, result=result)
    return result


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
        items = selectors.load_items(new)
        result.new_reminders += [(reminder, items[(reminder.item_kind, reminder.item_id)])
                                 for reminder in new]
        if result.dry_run:
            return
        for recipient in recipients.values():
            profile = getattr(recipient, "profile", None)
            if not selectors.digest_due_today(profile=profile, on=on, calendar=calendar):
                continue
            digest = _assemble_digest(office=office, recipient=recipient, on=on)
            if digest is not None:
                result.digests.append(digest)
                transaction.on_commit(lambda pk=digest.pk: _enqueue(pk))


# One statement for all of an office's reminders of the day, whatever the number of items: the unique
# constraint skips what an earlier run already recorded.
RECORD_REMINDERS_SQL = """
    INSERT INTO reminders_reminder (office_id, item_kind, item_id, reason, due_date, recipient_id, cancelled,
                                    created)
    SELECT %(office)s, item.kind, item.id, item.reason, item.due_date, recipient.id, false, now()
    FROM unnest(%(kinds)s::varchar[], %(ids)s::bigint[], %(reasons)s::varchar[], %(dates)s::date[])
         AS item(kind, id, reason, due_date)
    CROSS JOIN unnest(%(recipients)s::integer[]) AS recipient(id)
    ORDER BY item.due_date, item.id, recipient.id
    ON CONFLICT DO NOTHING
    RETURNING id, item_kind, item_id, reason, due_date, recipient_id
"""


def _record_reminders(*, office: Office, keys: list[tuple[str, int, str, date]],
                      recipients: dict[int, User]) -> list[Reminder]:
    """Outbox rows for each (item, reason, date) and recipient not recorded before; returns the new ones."""
    if not keys or not recipients:
        return []
    kinds, ids, reasons, dates = (list(column) for column in zip(*keys, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(RECORD_REMINDERS_SQL, {"office": office.pk, "kinds": kinds, "ids": ids,
                                              "reasons": reasons, "dates": dates,
                                              "recipients": list(recipients)})
        rows = cursor.fetchall()
    return [Reminder(pk=pk, office=office, item_kind=kind, item_id=item_id, reason=reason, due_date=due_date,
                     recipient=recipients[recipient_id])
            for pk, kind, item_id, reason, due_date, recipient_id in rows]


def _assemble_digest(*, office: Office, recipient: User, on: date) -> Digest | None:
    """Put the recipient's pending reminders of this office into today's digest, if anything is left."""
    pending = list(Reminder.objects.select_for_update().filter(
        office=office, recipient=recipient, digest__isnull=True, cancelled=False))
    items = selectors.load_items(pending)
    live, gone = [], []
    for reminder in pending:
        item = items.get((reminder.item_kind, reminder.item_id))
        still_open = selectors.item_still_open(item_kind=reminder.item_kind, item=item, on=on,
                                               reason=reminder.reason)
        (live if still_open else gone).append(reminder)
    Reminder.objects.filter(pk__in=[r.pk for r in gone]).update(cancelled=True)
    digest = Digest.objects.filter(office=office, recipient=recipient, date=on).first()
    if digest is None and not live:
        return None
    if digest is None:
        digest, _created = Digest.objects.get_or_create(office=office, recipient=recipient, date=on)
    if digest.status == Digest.Status.READY:
        Reminder.objects.filter(pk__in=[r.pk for r in live]).update(digest=digest)
        return digest
    return None  # today's digest already went out; the rest waits for the next one


def _enqueue(digest_id: int) -> None:
    from .tasks import send_digest

    send_digest.delay(digest_id)


def claim_digest(*, digest_id: int) -> Digest | None:
    """Mark a ready digest as being sent; None when it is sent, failed or another worker is on it."""
    with transaction.atomic():
        digest = Digest.objects.select_for_update().select_related("office", "recipient").get(pk=digest_id)
        now = timezone.now()
        # A digest stuck in "sending" past the lease (worker killed mid-send) may be claimed again.
        lease = timedelta(seconds=settings.REMINDER_SENDING_LEASE)
        stale = digest.status == Digest.Status.SENDING and digest.sending_since < now - lease
        if digest.status != Digest.Status.READY and not stale:
            return None
        digest.status = Digest.Status.SENDING
        digest.sending_since = now
        digest.attempts += 1
        digest.save(update_fields=["status", "sending_since", "attempts"])
        return digest


def deliver_digest(*, digest_id: int) -> bool:
    """Send a digest email once; an SMTP or connection error resets it to ready and is raised to retry."""
    digest = claim_digest(digest_id=digest_id)
    if digest is None:
        return False
    context = digest_context(digest=digest)
    if not context["items"]:
        Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.CANCELLED)
        return False
    try:
        digest_message(digest=digest, context=context).send()
    except Exception as exc:
        Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.READY, last_error=repr(exc)[:2000])
        raise
    Digest.objects.filter(pk=digest.pk).update(status=Digest.Status.SENT, sent_at=timezone.now(),
                                               last_error="")
    return True


def mark_digest_failed(*, digest_id: int, error: str) -> None:
    """After the last retry: the digest shows up on the outbox page, where staff can retry it."""
    Digest.objects.filter(pk=digest_id).exclude(status=Digest.Status.SENT).update(
        status=Digest.Status.FAILED, last_error=error[:2000])


def retry_digest(*, digest: Digest, user: User) -> Digest:
    """Send a failed digest again (from the outbox page)."""
    with transaction.atomic():
        updated = Digest.objects.filter(pk=digest.pk, status=Digest.Status.FAILED).update(
            status=Digest.Status.READY, last_error="")
        if updated:
            transaction.on_commit(lambda: _enqueue(digest.pk))
    digest.refresh_from_db()
    return digest


def _absolute(name: str, pk: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs={"pk": pk})


def digest_context(*, digest: Digest) -> dict:
    """What the digest email shows: per item its latest reason, link and "draft follow-up" link."""
    reminders = list(digest.reminders.filter(cancelled=False).order_by("due_date", "id"))
    items = selectors.load_items(reminders)
    latest: dict[tuple[str, int], Reminder] = {}
    for reminder in reminders:
        latest[(reminder.item_kind, reminder.item_id)] = reminder
    rows = []
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
            "question": question,
            "quote": "" if is_question else item.quote,
            "url": _absolute("questions:detail" if is_question else "promises:detail", item.pk),
            "draft_url": _absolute("drafts:create_from_question" if is_question
                                   else "drafts:create_from_promise", item.pk),
        })
    return {"digest": digest, "recipient": digest.recipient, "office": digest.office, "items": rows,
            "site_url": settings.SITE_URL, "preferences_url": settings.SITE_URL.rstrip("/")
            + reverse("reminders:preferences")}


def digest_message(*, digest: Digest, context: dict) -> EmailMultiAlternatives:
    """The digest as a Dutch text + HTML email (templates reminders/digest_subject.txt, .txt, .html)."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("reminders/digest_subject.txt", context).split())
        text = render_to_string("reminders/digest.txt", context)
        html = render_to_string("reminders/digest.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [digest.recipient.email])
    message.attach_alternative(html, "text/html")
    return message


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
