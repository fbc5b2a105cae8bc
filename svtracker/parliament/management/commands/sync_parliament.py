"""python manage.py sync_parliament [--member NAME] [--session 2023-2024] [--office NAME] [--dry-run]"""

import re

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from svtracker.parliament import selectors
from svtracker.parliament.client import ParliamentClient, ParliamentError
from svtracker.parliament.services import sync_office


class Command(BaseCommand):
    help = "Haalt nieuwe vragen en antwoorden van de gevolgde parlementsleden op bij het Vlaams Parlement."

    def add_arguments(self, parser):
        parser.add_argument("--member", help="alleen dit parlementslid (naam zoals in svtracker)")
        parser.add_argument("--session", help="alleen dit zittingsjaar, bv. 2023-2024")
        parser.add_argument("--office", help="alleen dit kantoor")
        parser.add_argument("--dry-run", action="store_true", help="toon wat zou gebeuren, schrijf niets")

    def handle(self, *args, member=None, session=None, office=None, dry_run=False, **options):
        if not settings.PARLIAMENT_API_URL:
            raise CommandError("Geen PARLIAMENT_API_URL ingesteld: de synchronisatie met het parlement staat "
                               "uit. Zet bv. PARLIAMENT_API_URL=https://ws.vlpar.be en "
                               "PARLIAMENT_DOCS_URL=https://docs.vlaamsparlement.be in de omgeving.")
        if session and not re.fullmatch(r"\d{4}-\d{4}", session):
            raise CommandError(f"Zittingsjaar '{session}' is niet in de vorm 2023-2024.")
        offices = selectors.offices_following_members()
        if office:
            offices = offices.filter(name=office)
        if member:
            offices = offices.filter(followed_members__member__name__iexact=member)
        if not offices.exists():
            raise CommandError("Geen kantoor volgt " + (f"'{member}'." if member else "parlementsleden."))
        failed = False
        with ParliamentClient.from_settings() as client:
            for each in offices:
                followed = selectors.followed_members_of(office=each)
                chosen = followed.get(member__name__iexact=member).member if member else None
                try:
                    report = sync_office(office=each, session=session, member=chosen, dry_run=dry_run,
                                         client=client)
                except ParliamentError as error:
                    raise CommandError(str(error)) from error
                for line in report.lines():
                    self.stdout.write(line)
                failed = failed or not report.ok
        if failed:
            self.stderr.write("Niet alles lukte; de volgende synchronisatie probeert het opnieuw.")
