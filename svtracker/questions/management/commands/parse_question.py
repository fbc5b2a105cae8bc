import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from svtracker.parsing import UnreadableDocument, parse_document, to_json


class Command(BaseCommand):
    help = "Toon wat de parser uit één document leest, als JSON."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="als één JSON-object (standaard)")

    def handle(self, *args, file, **options):
        path = Path(file)
        try:
            parsed = parse_document(path.read_bytes(), path.name)
        except (OSError, UnreadableDocument) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            sys.stderr.write(f"{path}: {reason}\n")
            raise SystemExit(1) from None
        self.stdout.write(json.dumps(to_json(parsed), ensure_ascii=False, indent=2))
