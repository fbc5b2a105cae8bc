from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from svtracker.accounts.models import Membership
from svtracker.accounts.services import add_staff, create_office
from svtracker.pipeline.services import import_documents

SEEDS = Path(settings.BASE_DIR) / "tests" / "fixtures" / "seeds"


class Command(BaseCommand):
    help = "Laad de vijf echte voorbeelddocumenten in een demokantoor met een demo-login."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="demo-svtracker")

    def handle(self, *args, password, **options):
        office = create_office(name="Kantoor De Vreese", member_names=["Maaike De Vreese", "Kurt De Loor"])
        add_staff(office=office, username="demo", email="demo@example.org", password=password,
                  role=Membership.Role.ADMIN)
        paths = sorted(SEEDS.glob("*.txt"))
        results = import_documents(office=office, files=((p.name, p.read_bytes()) for p in paths),
                                   source="demo")
        for path, file_results in zip(paths, results, strict=True):
            for result in file_results:
                self.stdout.write(f"{path.name}: {result.status_label}")
        self.stdout.write(f"Aanmelden met gebruiker 'demo' en wachtwoord '{password}'.")
