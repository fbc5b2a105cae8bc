"""PDFs: a PDF made from each seed parses like the .txt; unreadable files get a Dutch message."""

from __future__ import annotations

import io

import pytest

from svtracker.parsing import UnreadableDocument, extract_pdf_text, parse_document, parse_text, to_json
from tests.pdfmaker import encrypted_pdf_bytes, seed_pdf_bytes

from .conftest import SEED_PREFIXES, seed_text

METADATA = ("number", "session", "date", "author", "minister", "title", "theme")


def comparable(parsed) -> dict:
    result = to_json(parsed)
    return {
        **{key: result[key] for key in METADATA},
        "sub_questions": [sub["label"] for sub in result["sub_questions"]],
        "answer_parts": [part["labels"] for part in result["answer_parts"]],
        "references": [(ref["number"], ref["date"], ref["session"]) for ref in result["references"]],
        "promises": [promise["kind"] for promise in result["promises"]],
    }


@pytest.fixture(scope="module")
def seed_pdfs() -> dict[str, bytes]:
    return {prefix: seed_pdf_bytes(seed_text(prefix)) for prefix in SEED_PREFIXES}


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_pdf_of_a_seed_parses_like_its_text(seed_pdfs, prefix):
    from_pdf = parse_document(seed_pdfs[prefix], f"{prefix}.pdf")
    assert comparable(from_pdf) == comparable(parse_text(seed_text(prefix)))


def test_pdf_recognised_by_content_without_extension(seed_pdfs):
    assert parse_document(seed_pdfs["000"], "download").number == 362


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "leeg"),
        (b"Dit is gewoon tekst, geen PDF.", "geen PDF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog", "beschadigd"),
    ],
)
def test_unreadable_files_get_a_dutch_message(data, message):
    with pytest.raises(UnreadableDocument, match=message):
        parse_document(data, "vraag.pdf")


def test_truncated_pdf_is_unreadable(seed_pdfs):
    data = seed_pdfs["003"]
    with pytest.raises(UnreadableDocument, match="beschadigd of onvolledig"):
        extract_pdf_text(data[: len(data) // 2])


def test_encrypted_pdf_is_unreadable():
    with pytest.raises(UnreadableDocument, match="wachtwoord"):
        extract_pdf_text(encrypted_pdf_bytes(seed_text("003")))


def test_pdf_without_text_is_unreadable():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(UnreadableDocument, match="geen tekst"):
        extract_pdf_text(buffer.getvalue())


def test_zero_byte_txt_is_unreadable():
    with pytest.raises(UnreadableDocument, match="leeg"):
        parse_document(b"", "vraag.txt")
