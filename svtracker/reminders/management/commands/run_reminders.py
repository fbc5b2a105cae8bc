"""Operators: run the daily reminder scan for a day (default today), or show what it would send."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from svtracker.reminders.services import run_reminders


class Command(BaseCommand):
    help = "Run the reminder scan (the same as the 08:00 beat task) and print what it sent or would send."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="day to scan, YYYY-MM-DD (default: today in Brussels)")
        parser.add_argument("--dry-run", action="store_true", help="show what would be sent, change nothing")

    def handle(self, *args, **options):
        try:
            on = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"--date: expected YYYY-MM-DD, got {options['date']!r}") from exc
        result = run_reminders(on=on, dry_run=options["dry_run"])
        if not result.working_day:
            self.stdout.write(f"{on.isoformat()} is not a working day: nothing to send.")
            return
        verb = "would remind" if result.dry_run else "reminded"
        for reminder, item in result.new_reminders:
            who = reminder.recipient.email or reminder.recipient.username
            self.stdout.write(f"{verb} {who}: {reminder.item_kind} {item.pk} {reminder.reason} "
                              f"{reminder.due_date.isoformat()} - {str(item)[:70]}")
        for digest in result.digests:
            self.stdout.write(f"queued digest {digest.pk} for {digest.recipient.email} ({digest.office})")
        summary = (f"{on.isoformat()}: {len(result.new_reminders)} new reminder(s)"
                   + ("" if result.dry_run else f", {len(result.digests)} digest(s) queued"))
        self.stdout.write(self.style.SUCCESS(summary))
