"""A Bulletin van Vragen en Antwoorden holds several questions in one file: every one of them is imported."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from svtracker.pipeline.services import import_document, reparse_documents
from svtracker.promises.models import Promise
from svtracker.questions.models import Document, Question

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

# The real Bulletin page (Vlaams Parlement, Vragen en Antwoorden nr. 7, April 2006: page furniture, the
# minister's block, "Vraag nr. 42 van 8 maart 2006 van JAN LOONES") is cut off in the explanation, as every
# corpus file is after 2,000 characters; the rest of no. 42 and the next question follow the same layout.
BULLETIN = ((CORPUS / "vp-bva-2006-07-loones.txt").read_text(encoding="utf-8") + """\
Regionaal Landschap Westhoek) vraagt een uitzondering voor kleine landschapselementen.

1. Hoeveel landbouwers zijn getroffen door de gewijzigde houding van de Mestbank?

2. Is de minister bereid een uitzondering toe te staan?

Antwoord

1. De Mestbank telt 312 getroffen bedrijven in de Westhoek. De gegevens voor 2006 zijn nog niet volledig.

2. Een uitzondering is onder de nitraatrichtlijn niet mogelijk.

Vraag nr. 43 van 9 maart 2006 van JOS DE MEYER

Plattelandsbeleid - Leader+

Hoeveel Leader+-projecten liepen er in 2005 in Vlaanderen?

Antwoord

Er liepen 14 projecten.
""").encode()
NAME = "bva-2006-07.txt"


def numbers(office) -> list:
    return sorted(Question.objects.filter(office=office).values_list("number", flat=True))


def test_bulletin_imports_every_question_it_holds_each_with_the_file(office):
    results = import_document(office=office, data=BULLETIN, filename=NAME)

    assert numbers(office) == [42, 43]
    assert [(r.filename, r.status, r.question.number) for r in results] == [
        (NAME, "imported", 42), (NAME, "imported", 43)]
    q42, q43 = (r.question for r in results)
    assert (q42.author.name, q42.minister.name, q43.author.name) == ("Jan Loones", "Yves Leterme",
                                                                    "Jos De Meyer")
    assert q43.title == "Plattelandsbeleid - Leader+" and q43.answered
    assert list(q42.answer_parts.values_list("labels", flat=True)) == [["1"], ["2"]]
    assert list(q43.answer_parts.values_list("text", flat=True)) == ["Er liepen 14 projecten."]
    assert list(q42.promises.values_list("kind", flat=True)) == ["pending"] and not q43.promises.exists()
    documents = Document.objects.filter(question__office=office)
    assert sorted(d.question.number for d in documents) == [42, 43]
    assert len({(d.sha256, d.file.name) for d in documents}) == 1  # one stored file, shared
    assert documents.get(question=q43).parse_result["title"] == "Plattelandsbeleid - Leader+"


def test_question_of_a_bulletin_that_cannot_be_identified_fails_on_its_own(office):
    # Synthetic: a misprinted date, which no real Bulletin here shows.
    misprinted = BULLETIN.replace(b"9 maart 2006 van JOS", b"30 februari 2006 van JOS")

    results = import_document(office=office, data=misprinted, filename=NAME)

    assert [(r.status, r.question and r.question.number) for r in results] == [
        ("imported", 42), ("failed", None)]
    assert results[1].message == "Vraag 2 van 2 in dit bestand: Geen datum van de vraag gevonden."
    assert numbers(office) == [42]


def test_same_bulletin_twice_changes_nothing(office):
    import_document(office=office, data=BULLETIN, filename=NAME)
    counts = (Question.objects.count(), Document.objects.count(), Promise.objects.count())

    again = import_document(office=office, data=BULLETIN, filename="opnieuw.txt")

    assert [(r.status, r.question.number) for r in again] == [("unchanged", 42), ("unchanged", 43)]
    assert (Question.objects.count(), Document.objects.count(), Promise.objects.count()) == counts


def test_reparse_reads_each_question_of_a_bulletin_from_its_own_part(office):
    import_document(office=office, data=BULLETIN, filename=NAME)
    assert reparse_documents(office=office) == []  # read as before: nothing to do
    Document.objects.update(parser_version="2020.1.1", parse_result={})  # as an older parser left them

    report = reparse_documents(office=office)

    assert [(r.changes, r.problems) for r in report] == []
    q43 = Question.objects.get(office=office, number=43)
    assert q43.title == "Plattelandsbeleid - Leader+" and q43.author.name == "Jos De Meyer"
    assert Document.objects.get(question=q43).parse_result["number"] == 43


def test_upload_of_a_bulletin_gives_one_result_per_question(staff_client, office):
    response = staff_client.post(reverse("questions:upload"),
                                 {"files": [SimpleUploadedFile(NAME, BULLETIN, "text/plain")]})
    assert response.status_code == 200
    assert [(r.filename, r.status, r.question.number) for r in response.context["results"]] == [
        (NAME, "imported", 42), (NAME, "imported", 43)]
    page = response.content.decode()
    assert "vraag nr. 42 (2005-2006)" in page and "vraag nr. 43 (2005-2006)" in page


def test_import_command_reports_each_question_of_a_bulletin(office, tmp_path, capsys):
    (tmp_path / NAME).write_bytes(BULLETIN)
    call_command("import_questions", str(tmp_path), office=office.name)
    out = capsys.readouterr().out
    assert f"[1/1] {tmp_path / NAME}: geïmporteerd (nr. 42, 2005-2006)" in out
    assert f"[1/1] {tmp_path / NAME}: geïmporteerd (nr. 43, 2005-2006)" in out
    assert "Klaar: 2 geïmporteerd, 0 bijgewerkt, 0 ongewijzigd, 0 mislukt." in out
