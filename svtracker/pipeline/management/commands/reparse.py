from django.core.management.base import BaseCommand, CommandError

from svtracker.accounts.models import Office
from svtracker.accounts.selectors import office_named
from svtracker.parsing import PARSER_VERSION
from svtracker.pipeline.services import reparse_documents


class Command(BaseCommand):
    help = ("Lees de bewaarde documenten opnieuw met de huidige parser en neem over wat beter gelezen wordt; "
            "wat medewerkers aanpasten blijft.")

    def add_arguments(self, parser):
        parser.add_argument("--office", help="enkel dit kantoor (naam)")
        parser.add_argument("--dry-run", action="store_true", help="toon wat zou veranderen, bewaar niets")

    def handle(self, *args, office=None, dry_run=False, **options):
        if office:
            try:
                office = office_named(name=office)
            except Office.DoesNotExist as error:
                raise CommandError(f"Kantoor '{office}' bestaat niet.") from error
        report = reparse_documents(office=office, dry_run=dry_run)
        for outcome in report:
            question = outcome.question
            label = f"nr. {question.number or '–'} ({question.session}) {question.title[:60]}"
            for line in outcome.changes:
                self.stdout.write(f"{label}: {line}")
            for line in outcome.problems:
                self.stderr.write(f"{label}: {line}")
        changed = sum(1 for outcome in report if outcome.changes)
        verb = "zouden veranderen" if dry_run else "veranderd"
        self.stdout.write(f"Parser {PARSER_VERSION}: {changed} vragen {verb}.")
