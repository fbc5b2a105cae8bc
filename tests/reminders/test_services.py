"""The daily scan: who gets what, when, and never twice (Celery eager here; see test_worker.py for real)."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from svtracker.accounts.models import Profile
from svtracker.promises.models import Promise
from svtracker.promises.services import deliver_promise
from svtracker.reminders.deadlines import WorkingCalendar
from svtracker.reminders.models import Digest, Reminder
from svtracker.reminders.selectors import promise_reminder
from svtracker.reminders.services import run_reminders
from tests.factories import MembershipFactory, ProfileFactory, PromiseFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db

PLAIN = WorkingCalendar().without_pauses()


def policy(on, *, expected=date(2026, 3, 20), snoozed_until=None, warn=5, repeat=7):
    return promise_reminder(expected=expected, on=on, warn_days_before=warn, repeat_every_days=repeat,
                            snoozed_until=snoozed_until, calendar=PLAIN)


def test_promise_warns_five_working_days_before_then_on_the_day_then_weekly():
    # Expected Fri 20 March 2026; five working days before is Fri 13 March.
    assert policy(date(2026, 3, 12)) is None
    assert policy(date(2026, 3, 13)) == (Reminder.Reason.WARN, date(2026, 3, 20))
    assert policy(date(2026, 3, 19)) == (Reminder.Reason.WARN, date(2026, 3, 20))
    assert policy(date(2026, 3, 20)) == (Reminder.Reason.DUE, date(2026, 3, 20))
    assert policy(date(2026, 3, 26)) == (Reminder.Reason.DUE, date(2026, 3, 20))
    assert policy(date(2026, 3, 27)) == (Reminder.Reason.REPEAT, date(2026, 3, 27))
    assert policy(date(2026, 4, 8)) == (Reminder.Reason.REPEAT, date(2026, 4, 3))
    assert policy(date(2026, 4, 8), repeat=0) == (Reminder.Reason.DUE, date(2026, 3, 20))


def test_snoozed_promise_is_silent_until_the_snooze_ends():
    assert policy(date(2026, 3, 27), snoozed_until=date(2026, 4, 10)) is None
    snooze_end = date(2026, 4, 10)
    assert policy(date(2026, 4, 10), snoozed_until=snooze_end) == (Reminder.Reason.REPEAT, date(2026, 4, 10))
    assert policy(date(2026, 4, 17), snoozed_until=snooze_end) == (Reminder.Reason.REPEAT, date(2026, 4, 17))


def test_second_scan_on_the_same_day_sends_nothing_more(office, staff, django_capture_on_commit_callbacks):
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=date(2026, 3, 20),
                   status=Promise.Status.CONFIRMED)
    with django_capture_on_commit_callbacks(execute=True):
        first = run_reminders(on=date(2026, 3, 20))
    with django_capture_on_commit_callbacks(execute=True):
        second = run_reminders(on=date(2026, 3, 20))
    assert len(first.new_reminders) == 1 and second.new_reminders == []
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1
    assert Digest.objects.get().status == Digest.Status.SENT


def test_late_question_and_due_promise_arrive_in_one_dutch_email_with_links(
        office, staff, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://svtracker.example.org"
    # Asked Mon 12 January 2026 -> start Mon 19 January -> due Fri 13 February; late from the 14th.
    late = QuestionFactory(office=office, date=date(2026, 1, 12), number=77, title="Inburgering - VDAB")
    answered = QuestionFactory(office=office, answered=True)
    promise = PromiseFactory(question=answered, expected=date(2026, 2, 16))
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=date(2026, 2, 16))
    [message] = mail.outbox
    assert message.to == [staff.email]
    assert "2 herinneringen" in message.subject
    html = message.alternatives[0][0]
    assert f"https://svtracker.example.org/questions/{late.pk}/" in message.body
    assert f"https://svtracker.example.org/promises/{promise.pk}/" in html
    assert f"https://svtracker.example.org/drafts/new/promise/{promise.pk}/" in html
    assert f"https://svtracker.example.org/drafts/new/question/{late.pk}/" in message.body
    assert "Vraag nr. 77" in message.body and "antwoord te laat" in message.body
    assert "Vandaag verwacht (beloofd voor 16 februari 2026)" in message.body


def test_nothing_is_sent_once_a_promise_is_delivered(office, staff, django_capture_on_commit_callbacks):
    answered = QuestionFactory(office=office, answered=True)
    promise = PromiseFactory(question=answered, expected=date(2026, 3, 20))
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=date(2026, 3, 20))
    deliver_promise(promise=promise, user=staff)
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=date(2026, 3, 27))
    assert len(mail.outbox) == 1


def test_weekly_reader_gets_one_mail_on_the_chosen_day_and_off_means_off(
        office, staff, django_capture_on_commit_callbacks):
    Profile.objects.filter(user=staff).update(digest=Profile.Digest.WEEKLY, digest_weekday=3)  # Thursday
    quiet = UserFactory(username="stil")
    MembershipFactory(user=quiet, office=office)
    ProfileFactory(user=quiet, digest=Profile.Digest.OFF)
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=date(2026, 3, 16))
    for day in (16, 17, 18):  # Monday to Wednesday: recorded, not sent
        with django_capture_on_commit_callbacks(execute=True):
            run_reminders(on=date(2026, 3, day))
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=date(2026, 3, 19))
    [message] = mail.outbox
    assert message.to == [staff.email]
    assert not Reminder.objects.filter(recipient=quiet).exists()


def test_no_mail_on_a_weekend_or_public_holiday(office, staff, django_capture_on_commit_callbacks):
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=date(2026, 4, 4))
    for day in (date(2026, 4, 4), date(2026, 4, 5), date(2026, 4, 6)):  # Sat, Easter, Easter Monday
        with django_capture_on_commit_callbacks(execute=True):
            assert not run_reminders(on=day).working_day
    assert mail.outbox == []


def test_run_reminders_command_dry_run_prints_and_changes_nothing(office, staff, capsys):
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=date(2026, 3, 20))
    call_command("run_reminders", "--date", "2026-03-20", "--dry-run")
    out = capsys.readouterr().out
    assert "would remind an@example.org: promise" in out and "1 new reminder(s)" in out
    assert not Reminder.objects.exists() and not Digest.objects.exists()
    call_command("run_reminders", "--date", "2026-03-20")
    assert "reminded an@example.org" in capsys.readouterr().out
    assert Reminder.objects.count() == 1
