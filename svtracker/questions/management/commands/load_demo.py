from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from svtracker.accounts.models import Membership
from svtracker.accounts.services import add_staff, create_office
from svtracker.questions.services import import_document

SEEDS = Path(settings.BASE_DIR) / "tests" / "fixtures" / "seeds"


class Command(BaseCommand):
    help = "Laad de vijf echte voorbeelddocumenten in een demokantoor met een demo-login."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="demo-svtracker")

    def handle(self, *args, password, **options):
        office = create_office(name="Kantoor De Vreese", member_names=["Maaike De Vreese", "Kurt De Loor"])
        add_staff(office=office, username="demo", email="demo@example.org", password=password,
                  role=Membership.Role.ADMIN)
        for path in sorted(SEEDS.glob("*.txt")):
            result = import_document(office=office, data=path.read_bytes(), filename=path.name)
            self.stdout.write(f"{path.name}: {result.status_label}")
        self.stdout.write(f"Aanmelden met gebruiker 'demo' en wachtwoord '{password}'.")
