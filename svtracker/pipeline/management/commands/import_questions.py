from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from svtracker.accounts.models import Office
from svtracker.accounts.selectors import office_named
from svtracker.pipeline.services import import_documents

SUFFIXES = {".txt", ".pdf"}


class Command(BaseCommand):
    help = "Importeer schriftelijke vragen (.txt, .pdf) uit bestanden en mappen in een kantoor."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--office", required=True, help="naam van het kantoor")

    def handle(self, *args, paths, office, **options):
        try:
            office = office_named(name=office)
        except Office.DoesNotExist as error:
            raise CommandError(f"Kantoor '{office}' bestaat niet.") from error
        files = sorted(f for p in map(Path, paths) for f in ([p] if p.is_file() else p.rglob("*"))
                       if f.is_file() and f.suffix.lower() in SUFFIXES)
        missing = [p for p in paths if not Path(p).exists()]
        for path in missing:
            self.stderr.write(f"{path}: bestaat niet")
        counts = {"imported": 0, "updated": 0, "unchanged": 0, "failed": 0}
        results = import_documents(office=office, files=((path.name, path.read_bytes()) for path in files),
                                   source="command")
        for index, (path, file_results) in enumerate(zip(files, results, strict=True), 1):
            for result in file_results:  # one per question in the file
                counts[result.status] += 1
                line = f"[{index}/{len(files)}] {path}: {result.status_label}"
                if result.question:
                    line += f" (nr. {result.question.number}, {result.question.session})"
                if result.message:
                    line += f" – {result.message}"
                self.stdout.write(line)
        self.stdout.write(
            f"Klaar: {counts['imported']} geïmporteerd, {counts['updated']} bijgewerkt, "
            f"{counts['unchanged']} ongewijzigd, {counts['failed']} mislukt.")
        if counts["failed"] or missing:
            raise SystemExit(1)
