"""Stored documents keep what was read from them; `reparse` applies a better reading, never over staff."""

from datetime import date

import pytest
from django.core.management import call_command

from svtracker.parsing import PARSER_VERSION
from svtracker.pipeline.services import import_document
from svtracker.promises.models import Promise
from svtracker.promises.services import change_promise, confirm_promise, drop_promise
from svtracker.questions.models import Document, Question

pytestmark = pytest.mark.django_db


def test_each_stored_document_keeps_its_text_parse_and_parser_version(office, seed_files):
    seed = seed_files[1]
    import_document(office=office, filename=seed.name, data=seed.read_bytes())
    document = Document.objects.get()
    assert document.text == seed.read_text(encoding="utf-8")
    assert document.parser_version == PARSER_VERSION
    assert document.parse_result["number"] == 125 and document.parse_result["date"] == "2024-01-26"
    assert document.parse_result["promises"] and document.source == "upload"


def test_a_changed_document_keeps_the_earlier_file_as_a_version(office, seed_files):
    seed = seed_files[0]
    import_document(office=office, filename=seed.name, data=seed.read_bytes())
    corrected = seed.read_text(encoding="utf-8").replace("Cursussen maatschappelijke", "Cursussen MO")
    import_document(office=office, filename="gecorrigeerd.txt", data=corrected.encode(), source="command")
    question = Question.objects.get(office=office, number=362)
    files = sorted((d.filename, d.file.read().decode()[:200]) for d in question.documents.all())
    assert [name for name, _start in files] == ["000_1e2864eacc9d38b3.txt", "gecorrigeerd.txt"]
    assert question.title.startswith("Cursussen MO")


def test_reparse_applies_what_improved_and_keeps_what_staff_changed(office, staff, seed_files, capsys):
    for seed in seed_files[1:3]:
        import_document(office=office, filename=seed.name, data=seed.read_bytes())
    handled = Question.objects.get(office=office, number=6)
    confirmed, edited, dropped = handled.promises.order_by("id")
    confirm_promise(promise=confirmed, user=staff)
    change_promise(promise=edited, user=staff, expected=date(2030, 1, 1))
    drop_promise(promise=dropped, user=staff)
    missed = Question.objects.get(office=office, number=125)
    missed_count = missed.promises.count()
    missed.promises.all().delete()  # what the older parser did not see
    Document.objects.update(parse_result={}, parser_version="0")

    call_command("reparse", "--dry-run", office=office.name)
    assert "1 vragen zouden veranderen" in capsys.readouterr().out
    assert not missed.promises.exists()
    assert set(Document.objects.values_list("parser_version", flat=True)) == {"0"}

    call_command("reparse", office=office.name)
    out = capsys.readouterr().out
    assert f"nr. 125 (2023-2024) Inburgeraars - Verplichte inschrijving bij VDAB (2): toezeggingen: 0 -> " \
        f"{missed_count}" in out, out
    assert "nr. 6 " not in out
    assert missed.promises.count() == missed_count
    by_pk = {p.pk: p for p in handled.promises.all()}
    assert by_pk[confirmed.pk].status == Promise.Status.CONFIRMED
    assert by_pk[edited.pk].expected == date(2030, 1, 1)
    assert by_pk[dropped.pk].status == Promise.Status.DROPPED
    assert set(Document.objects.values_list("parser_version", flat=True)) == {PARSER_VERSION}

    call_command("reparse", office=office.name)
    assert "0 vragen veranderd" in capsys.readouterr().out


def test_a_word_document_keeps_its_text_for_reparse(office):
    from tests.parsing.test_reader import docx_bytes

    [result] = import_document(office=office, filename="antwoord.docx", data=docx_bytes())
    assert result.status == "imported", result.message
    document = Document.objects.get(question=result.question)
    assert "Hoeveel aanvragen waren er?" in document.text
