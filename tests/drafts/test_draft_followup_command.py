"""python manage.py draft_followup: the same draft from the command line."""

import pytest
from django.core.management import CommandError, call_command

from svtracker.drafts.models import Draft
from tests.factories import MinisterFactory, QuestionFactory


def test_command_writes_the_follow_up_pdf(seeded_office, tmp_path, capsys, pdf_text):
    out = tmp_path / "opvolging.pdf"
    call_command("draft_followup", "--session", "2023-2024", "--number", "125", "-o", str(out))
    text = pdf_text(out.read_bytes())
    assert "aan GWENDOLYN RUTTEN" in text
    assert ("In opvolging van mijn schriftelijke vraag nr. 8 van 2 oktober 2023 en nr. 125 van 26 januari "
            "2024") in text
    assert Draft.objects.get().title == "Inburgeraars - Verplichte inschrijving bij VDAB (3)"
    assert str(out) in capsys.readouterr().out


def test_an_ambiguous_number_lists_the_candidates_and_exits_1(seeded_office, tmp_path, capsys):
    QuestionFactory(office=seeded_office, session="2023-2024", number=125,
                    minister=MinisterFactory(name="Jan Jambon"), title="Iets anders")
    with pytest.raises(SystemExit) as exit_info:
        call_command("draft_followup", "--session", "2023-2024", "--number", "125",
                     "-o", str(tmp_path / "x.pdf"))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "niet eenduidig" in err and "Gwendolyn Rutten" in err and "Jan Jambon" in err
    assert not (tmp_path / "x.pdf").exists()
    call_command("draft_followup", "--session", "2023-2024", "--number", "125", "--minister", "rutten",
                 "-o", str(tmp_path / "x.pdf"))
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


def test_an_unknown_question_is_a_clear_dutch_error(seeded_office, tmp_path):
    with pytest.raises(CommandError, match="Geen vraag nr. 999 gevonden in zittingsjaar 2023-2024") as error:
        call_command("draft_followup", "--session", "2023-2024", "--number", "999",
                     "-o", str(tmp_path / "x.pdf"))
    assert error.value.returncode == 1
