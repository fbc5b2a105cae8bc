"""The importer on the real seeds: identity, links, series, dedupe, failures."""

import pytest
from django.core.management import call_command

from svtracker.pipeline.services import import_document
from svtracker.promises.models import Promise
from svtracker.questions.models import Document, Question, Reference, Series

pytestmark = pytest.mark.django_db

# A synthetic stand-in for SV 8 (not among the seeds): the question that seed 001 (nr. 125) follows up.
EARLIER_8 = """SCHRIFTELIJKE VRAAG
nr. 8
van MAAIKE DE VREESE
datum: 2 oktober 2023
aan GWENDOLYN RUTTEN
VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR,
BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN

Inburgeraars  -  Verplichte inschrijving bij VDAB

1. Hoeveel inburgeraars hebben zich ingeschreven bij VDAB?
"""


def _import_all(office, paths):
    return [result for p in paths
            for result in import_document(office=office, data=p.read_bytes(), filename=p.name)]


def _links(office):
    """Everything about series and references, independent of database ids."""
    refs = sorted(
        (r.source.number, r.number, str(r.date), r.in_answer, r.target.number if r.target else None,
         r.date_mismatch)
        for r in Reference.objects.filter(source__office=office).select_related("source", "target"))
    series = sorted(
        tuple(sorted(q.number for q in s.questions.all())) for s in Series.objects.filter(office=office))
    return refs, series


def test_every_seed_imports_with_its_identity(office, seed_files):
    results = _import_all(office, seed_files)
    assert [r.status for r in results] == ["imported"] * 5, [r.message for r in results]
    identities = {(q.number, q.session, q.author.name, q.minister.name if q.minister else None)
                  for q in Question.objects.filter(office=office).select_related("author", "minister")}
    assert (362, "2021-2022", "Maaike De Vreese", "Bart Somers") in identities
    assert (125, "2023-2024", "Maaike De Vreese", "Gwendolyn Rutten") in identities
    assert (123, "2023-2024", "Maaike De Vreese", "Gwendolyn Rutten") in identities
    assert (6, "2020-2021", "Katrien Partyka", "Bart Somers") in identities
    assert (714, "2015-2016", "Ward Kennes", "Liesbeth Homans") in identities


def test_references_of_the_seeds_are_kept_as_written(office, seed_files):
    _import_all(office, seed_files)
    q362 = Question.objects.get(office=office, number=362)
    assert [(r.number, str(r.date)) for r in q362.references.all()] == [(155, "2022-01-31")]
    q123 = Question.objects.get(office=office, number=123)
    assert [(r.number, str(r.date)) for r in q123.references.all()] == [(113, "2023-01-06")]


def test_disagreeing_dates_of_a_reference_are_flagged(office, seed_files):
    _import_all(office, seed_files)
    q125 = Question.objects.get(office=office, number=125)
    dates = {str(r.date) for r in q125.references.filter(number=8)}
    assert dates == {"2023-10-22", "2023-10-02"}
    assert all(r.date_mismatch for r in q125.references.filter(number=8))


def test_second_import_of_the_same_documents_changes_nothing(office, seed_files):
    _import_all(office, seed_files)
    before = (_links(office), Promise.objects.count(), Document.objects.count())
    results = _import_all(office, seed_files)
    assert [r.status for r in results] == ["unchanged"] * 5
    assert (_links(office), Promise.objects.count(), Document.objects.count()) == before


def test_import_order_does_not_matter(office, other_office, seed_files, tmp_path):
    earlier = tmp_path / "sv8.txt"
    earlier.write_text(EARLIER_8, encoding="utf-8")
    files = [*seed_files, earlier]
    _import_all(office, files)
    _import_all(other_office, list(reversed(files)))
    assert _links(office) == _links(other_office)
    q125 = Question.objects.get(office=office, number=125)
    q8 = Question.objects.get(office=office, number=8)
    assert q125.series_id == q8.series_id
    assert set(q125.references.values_list("target", flat=True)) == {q8.pk}
    # Written as 22 October by the member, 2 October by the minister: linked, the 22 flagged.
    flagged = {str(r.date): r.date_mismatch for r in q125.references.all()}
    assert flagged["2023-10-22"] is True
    assert q8.series.title == "Inburgeraars - Verplichte inschrijving bij VDAB"


def test_corrected_version_updates_in_place(office, seed_files):
    seed = seed_files[0]
    import_document(office=office, data=seed.read_bytes(), filename=seed.name)
    corrected = seed.read_text(encoding="utf-8").replace("Cursussen maatschappelijke", "Cursussen MO")
    [result] = import_document(office=office, data=corrected.encode(), filename="gecorrigeerd.txt")
    assert result.status == "updated"
    assert Question.objects.filter(office=office, number=362).count() == 1
    assert Question.objects.get(office=office, number=362).title.startswith("Cursussen MO")


def test_parser_proposals_land_as_proposed_promises(office, seed_files):
    _import_all(office, seed_files)
    q125 = Question.objects.get(office=office, number=125)
    kinds = set(q125.promises.values_list("kind", flat=True))
    assert Promise.Kind.LINK_NOT_REFRESHED in kinds
    assert set(Promise.objects.values_list("status", flat=True)) == {Promise.Status.PROPOSED}
    assert not Promise.objects.filter(quote__icontains="staan sinds 2 oktober op de website").exists()


def test_staff_edits_to_promises_survive_a_reimport(office, seed_files, staff):
    from svtracker.promises.services import confirm_promise

    seed = seed_files[1]
    import_document(office=office, data=seed.read_bytes(), filename=seed.name)
    promise = Promise.objects.filter(question__number=125).first()
    confirm_promise(promise=promise, user=staff)
    import_document(office=office, data=seed.read_bytes() + b"\n", filename=seed.name)
    promise.refresh_from_db()
    assert promise.status == Promise.Status.CONFIRMED


@pytest.mark.parametrize("data,filename", [
    (b"", "leeg.txt"),
    (b"%PDF-1.7 truncated", "kapot.pdf"),
    (b"Dit is geen schriftelijke vraag.", "brief.txt"),
    (b"MZ\x90\x00binary", "programma.exe"),
])
def test_broken_file_fails_with_a_reason_and_leaves_no_trace(office, data, filename):
    [result] = import_document(office=office, data=data, filename=filename)
    assert result.status == "failed"
    assert result.message and "\n" not in result.message and "Traceback" not in result.message
    assert not Question.objects.exists() and not Document.objects.exists()


def test_pdf_of_a_seed_imports_like_its_text(office, other_office, seed_files):
    from tests.pdfmaker import seed_pdf_bytes

    for seed in seed_files:
        text = seed.read_text(encoding="utf-8")
        [as_text] = import_document(office=office, data=text.encode(), filename=seed.name)
        [as_pdf] = import_document(office=other_office, data=seed_pdf_bytes(text),
                                   filename=seed.with_suffix(".pdf").name)
        as_text, as_pdf = as_text.question, as_pdf.question
        assert (as_pdf.number, as_pdf.session, as_pdf.date, as_pdf.author.name, as_pdf.title) == \
               (as_text.number, as_text.session, as_text.date, as_text.author.name, as_text.title)
        assert list(as_pdf.sub_questions.values_list("label", flat=True)) == \
               list(as_text.sub_questions.values_list("label", flat=True))


def test_import_command_reports_progress_and_summary(office, seed_files, tmp_path, capsys):
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"not a pdf")
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_questions", str(seed_files[0].parent), str(broken), office=office.name)
    out = capsys.readouterr().out
    assert exit_info.value.code == 1
    assert "[1/6]" in out and "kapot.pdf: mislukt" in out
    assert "5 geïmporteerd, 0 bijgewerkt, 0 ongewijzigd, 1 mislukt" in out


def test_load_demo_gives_a_populated_office(db):
    call_command("load_demo")
    assert Question.objects.filter(office__name="Kantoor De Vreese").count() == 5
