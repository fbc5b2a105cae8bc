from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from svtracker.drafts.pdf import render_draft_pdf
from svtracker.drafts.selectors import follow_up_candidates
from svtracker.drafts.services import draft_follow_up


class Command(BaseCommand):
    help = ("Stel de opvolgvraag op voor een schriftelijke vraag (en haar reeks) en schrijf ze als PDF weg, "
            "zoals de knop „Opvolgvraag opstellen” in de toepassing.")

    def add_arguments(self, parser):
        parser.add_argument("--session", required=True, help="zittingsjaar, bv. 2023-2024")
        parser.add_argument("--number", required=True, type=int, help="nummer van de vraag")
        parser.add_argument("--minister", default="", help="(deel van) de naam van de minister")
        parser.add_argument("--office", default="", help="naam van het kantoor")
        parser.add_argument("-o", "--output", required=True, help="PDF-bestand om te schrijven")

    def handle(self, *args, session, number, minister, office, output, **options):
        candidates = list(follow_up_candidates(session=session, number=number, minister=minister,
                                               office_name=office))
        if not candidates:
            raise CommandError(f"Geen vraag nr. {number} gevonden in zittingsjaar {session}"
                               + (f" aan een minister met „{minister}” in de naam" if minister else "")
                               + (f" in kantoor „{office}”" if office else "") + ".")
        if len(candidates) > 1:
            self.stderr.write(f"Vraag nr. {number} ({session}) is niet eenduidig: {len(candidates)} vragen. "
                              "Kies er een met --minister (of --office):")
            for question in candidates:
                self.stderr.write(f"  nr. {question.number} van {question.date:%d/%m/%Y} aan "
                                  f"{question.minister or '?'} – {question.title} [{question.office}]")
            raise SystemExit(1)
        question = candidates[0]
        draft = draft_follow_up(office=question.office, user=None, question=question)
        Path(output).write_bytes(render_draft_pdf(draft=draft))
        self.stdout.write(f"Ontwerp „{draft.title}” aan {draft.minister or '?'} opgesteld "
                          f"(ontwerp {draft.pk}) en weggeschreven naar {output}.")
