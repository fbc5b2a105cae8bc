"""Hostile input: whatever staff (or anyone with a login) send, the parser and the upload path answer with a
clear Dutch reason or a correct import, never a crash, and a refused file leaves no trace.

Case counts scale with FUZZ_EXAMPLES (default: the CI size); `python bench/fuzz.py --examples N` runs these
tests longer. Each test counts the cases it tried; FUZZ_COUNTS_FILE, when set, receives the counts as JSON.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svtracker.parsing import ParsedQuestion, UnreadableDocument, parse_document, parse_text
from svtracker.pipeline.services import import_document
from svtracker.promises.models import Promise
from svtracker.questions.models import AnswerPart, Document, Question, Reference, SubQuestion
from tests.pdfmaker import encrypted_pdf_bytes, seed_pdf_bytes

SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))
SCALE = int(os.environ.get("FUZZ_EXAMPLES", "0") or 0)
COUNTS: Counter = Counter()
CRASH = "Document kon niet gelezen worden"  # parse_text's safety net: must never be needed


def examples(ci: int) -> settings:
    return settings(max_examples=SCALE or ci, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


@pytest.fixture(scope="module", autouse=True)
def _report_counts():
    yield
    print(f"\nfuzz cases tried: {dict(COUNTS)} total {sum(COUNTS.values())}")
    target = os.environ.get("FUZZ_COUNTS_FILE")
    if target:
        known = json.loads(Path(target).read_text()) if Path(target).exists() else {}
        Path(target).write_text(json.dumps({**known, **COUNTS}, indent=2))


SEED_TEXTS = [path.read_text() for path in SEEDS]
_PDFS: dict[str, bytes] = {}


def seed_pdf(index: int) -> bytes:
    """PDFs made once per session (WeasyPrint takes a moment)."""
    key = f"plain{index}"
    if key not in _PDFS:
        _PDFS[key] = seed_pdf_bytes(SEED_TEXTS[index])
    return _PDFS[key]


def encrypted_pdf() -> bytes:
    if "encrypted" not in _PDFS:
        _PDFS["encrypted"] = encrypted_pdf_bytes(SEED_TEXTS[0])
    return _PDFS["encrypted"]


# Text that looks like a document: pieces of the seeds cut, mixed and garbled.
seed_fragments = st.builds(
    lambda index, start, length, junk, at: (
        SEED_TEXTS[index][start:start + length][:at] + junk + SEED_TEXTS[index][start:start + length][at:]),
    st.integers(0, len(SEED_TEXTS) - 1), st.integers(0, 3000), st.integers(0, 6000),
    st.text(max_size=40), st.integers(0, 6000))
any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=2000),
    st.binary(max_size=2000).map(lambda b: b.decode("latin-1")),
    seed_fragments,
    st.text(alphabet="0123456789.-/ ()nr\n", max_size=500),
    st.integers(1, 200_000).map(lambda n: "SCHRIFTELIJKE VRAAG nr. 1 " * (n // 25 + 1)),
)


def assert_parsed(parsed: ParsedQuestion):
    assert isinstance(parsed, ParsedQuestion)
    assert all(isinstance(w, str) and w for w in parsed.warnings)
    assert not any(w.startswith(CRASH) for w in parsed.warnings), parsed.warnings


@examples(2000)
@given(any_text)
def test_parser_reads_any_text_without_crashing(text):
    COUNTS["parse_text"] += 1
    assert_parsed(parse_text(text))


def assert_clear_reason(message: str):
    assert message and "\n" not in message and "Traceback" not in message
    assert len(message) < 300


@st.composite
def hostile_files(draw):
    """(filename, bytes): truncated, mutated, encrypted, empty, lying about their type, or plain junk."""
    kind = draw(st.sampled_from(["truncated_pdf", "mutated_pdf", "encrypted_pdf", "empty", "junk",
                                 "text_named_pdf", "pdf_named_txt", "exe_renamed", "binary_txt"]))
    index = draw(st.integers(0, len(SEEDS) - 1))
    if kind == "truncated_pdf":
        pdf = seed_pdf(index)
        return "vraag.pdf", pdf[:draw(st.integers(0, len(pdf) - 1))]
    if kind == "mutated_pdf":
        pdf = bytearray(seed_pdf(index))
        for _ in range(draw(st.integers(1, 20))):
            pdf[draw(st.integers(0, len(pdf) - 1))] = draw(st.integers(0, 255))
        return "vraag.pdf", bytes(pdf)
    if kind == "encrypted_pdf":
        return "vraag.pdf", encrypted_pdf()
    if kind == "empty":
        return draw(st.sampled_from(["leeg.pdf", "leeg.txt"])), b""
    if kind == "junk":
        return draw(st.sampled_from(["x.pdf", "x.txt", "x.docx", "x"])), draw(st.binary(max_size=3000))
    if kind == "text_named_pdf":
        return "vraag.pdf", SEED_TEXTS[index].encode()
    if kind == "pdf_named_txt":
        return "vraag.txt", seed_pdf(index)
    if kind == "exe_renamed":
        executable = b"MZ\x90\x00\x03" + draw(st.binary(max_size=500))
        return draw(st.sampled_from(["setup.pdf", "setup.txt"])), executable
    return "vraag.txt", b"\x00\x01\x02" + draw(st.binary(max_size=2000))


@examples(300)
@given(hostile_files())
def test_parse_document_on_hostile_files_gives_a_result_or_a_clear_dutch_reason(file):
    COUNTS["parse_document"] += 1
    name, data = file
    try:
        assert_parsed(parse_document(data, name))
    except UnreadableDocument as error:
        assert_clear_reason(str(error))


def trace_counts(media_root: Path) -> dict:
    return {"questions": Question.objects.count(), "sub_questions": SubQuestion.objects.count(),
            "answer_parts": AnswerPart.objects.count(), "references": Reference.objects.count(),
            "promises": Promise.objects.count(), "documents": Document.objects.count(),
            "files": sum(1 for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else 0}


NOTHING = {"questions": 0, "sub_questions": 0, "answer_parts": 0, "references": 0, "promises": 0,
           "documents": 0, "files": 0}


def forget_imports(media_root: Path):
    """Back to an empty office between examples (a file that did import is a legitimate result)."""
    Question.objects.all().delete()
    for path in sorted(media_root.rglob("*"), reverse=True) if media_root.exists() else []:
        path.unlink() if path.is_file() else path.rmdir()


@pytest.mark.django_db
@examples(250)
@given(hostile_files())
def test_import_of_a_hostile_file_fails_with_a_dutch_reason_and_leaves_no_trace(office, settings, file):
    COUNTS["import_document"] += 1
    name, data = file
    media_root = Path(settings.MEDIA_ROOT)
    [result] = import_document(office=office, data=data, filename=name)
    try:
        if result.status == "failed":
            assert_clear_reason(result.message)
            assert trace_counts(media_root) == NOTHING
        else:  # a mutation that kept the PDF readable: then it is a complete import
            assert result.status == "imported" and result.question.documents.count() == 1
            assert Path(result.question.documents.get().file.path).is_file()
    finally:
        forget_imports(media_root)


path_tricks = st.one_of(
    st.sampled_from(["../../etc/passwd.txt", "..\\..\\x.txt", "/etc/cron.d/x.txt", "a/../../../b.txt",
                     "con.txt", "vraag\x00.pdf.txt", "vraag.pdf\x00.txt", " .txt", "....txt", "~/.bashrc.txt",
                     "%2e%2e%2fx.txt", "x" * 1000 + ".txt", "é" * 300 + ".txt", "vraag.TXT",
                     "\u202etxt.txt"]),
    st.text(min_size=1, max_size=300).map(lambda s: s + ".txt"),
)


@pytest.mark.django_db
@examples(250)
@given(path_tricks, st.integers(0, len(SEEDS) - 1))
def test_file_names_with_path_tricks_store_the_document_inside_media_root(office, settings, tmp_path, name,
                                                                         index):
    """A real document under a hostile name imports, but its file lands under MEDIA_ROOT with a safe name."""
    COUNTS["file_name"] += 1
    media_root = Path(settings.MEDIA_ROOT).resolve()
    outside_before = {p for p in tmp_path.rglob("*") if not p.resolve().is_relative_to(media_root)}
    [result] = import_document(office=office, data=SEED_TEXTS[index].encode(), filename=name)
    try:
        assert result.status == "imported", result.message
        document = result.question.documents.get()
        stored = Path(document.file.path).resolve()
        assert stored.is_relative_to(media_root / "documents") and stored.is_file()
        assert ".." not in Path(document.file.name).parts and "\x00" not in document.file.name
        assert "/" not in document.filename and "\\" not in document.filename
        assert len(document.filename) <= 120
        outside_after = {p for p in tmp_path.rglob("*") if not p.resolve().is_relative_to(media_root)}
        assert outside_after == outside_before
    finally:
        forget_imports(media_root)


def upload_outcome(response) -> tuple[str, str]:
    """The one file's result; a file the form itself refuses (empty) is a failure with the form's error."""
    results = response.context["results"]
    if results:
        assert len(results) == 1
        return results[0].status, results[0].message
    errors = response.context["form"].errors.get("files")
    assert errors, "neither a result nor a form error"
    return "failed", errors[0]


@pytest.mark.django_db
@examples(200)
@given(hostile_files(), path_tricks)
def test_upload_page_refuses_hostile_files_in_dutch_without_a_trace(staff_client, settings, file, name):
    COUNTS["upload_view"] += 1
    settings.UPLOAD_MAX_BYTES = 64 * 1024
    filename, data = file
    if len(data) > settings.UPLOAD_MAX_BYTES:
        data = data[:settings.UPLOAD_MAX_BYTES]
    trick = name.rsplit(".", 1)[0][:100] + "." + filename.rsplit(".", 1)[-1] if "." in filename else name
    media_root = Path(settings.MEDIA_ROOT)
    response = staff_client.post(reverse("questions:upload"),
                                 {"files": [SimpleUploadedFile(trick.replace("\x00", ""), data)]})
    try:
        assert response.status_code == 200
        status, message = upload_outcome(response)
        if status == "failed":
            assert_clear_reason(message)
            assert message in response.content.decode()
            assert trace_counts(media_root) == NOTHING
        else:
            assert status == "imported"
    finally:
        forget_imports(media_root)


@pytest.mark.django_db
def test_upload_page_refuses_a_pdf_over_the_size_limit_with_a_dutch_error(staff_client, settings):
    """A PDF one byte over UPLOAD_MAX_BYTES (20 MB by default): refused, nothing stored."""
    COUNTS["upload_view_enormous"] += 1
    body = seed_pdf(0)
    enormous = body + b"%" + b" " * (settings.UPLOAD_MAX_BYTES - len(body))
    assert len(enormous) == settings.UPLOAD_MAX_BYTES + 1
    response = staff_client.post(reverse("questions:upload"),
                                 {"files": [SimpleUploadedFile("groot.pdf", enormous, "application/pdf")]})
    result = response.context["results"][0]
    assert result.status == "failed" and "te groot" in result.message
    assert "te groot" in response.content.decode()
    assert trace_counts(Path(settings.MEDIA_ROOT)) == NOTHING


@pytest.mark.django_db
@pytest.mark.parametrize("name, data, reason", [
    ("leeg.pdf", b"", "leeg"),
    ("vraag.pdf", b"SCHRIFTELIJKE VRAAG nr. 1", "geen PDF"),
    ("vraag.txt", b"%PDF-1.7\n\x00\x01binary", "geen leesbare tekst"),
    ("setup.exe", b"MZ\x90\x00", "Alleen PDF-, Word- en tekstbestanden"),
    ("vraag.pdf", None, "wachtwoord"),
])
def test_upload_page_names_the_problem_of_each_kind_of_bad_file(staff_client, settings, name, data, reason):
    COUNTS["upload_view_kinds"] += 1
    data = encrypted_pdf() if data is None else data
    response = staff_client.post(reverse("questions:upload"), {"files": [SimpleUploadedFile(name, data)]})
    status, message = upload_outcome(response)
    assert status == "failed" and reason in message, message
    assert reason in response.content.decode()
    assert trace_counts(Path(settings.MEDIA_ROOT)) == NOTHING

