"""PDFs: a PDF made from each seed parses like the .txt; unreadable files get a Dutch message."""

from __future__ import annotations

import io
import time

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


def many_pages_pdf(count: int) -> bytes:
    """A valid PDF of `count` blank pages, written by hand (a PDF writer takes minutes for 100 000)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []

    def write_object(number: int, body: bytes) -> None:
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    write_object(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % (3 + index) for index in range(count))
    write_object(2, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (count, kids))
    for index in range(count):
        write_object(3 + index, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (count + 3))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count + 3, xref))
    return out.getvalue()


def test_pdf_of_100000_pages_is_refused_before_its_text_is_read():
    data = many_pages_pdf(100_000)
    started = time.monotonic()
    with pytest.raises(UnreadableDocument, match="100000 pagina's; er kunnen er hoogstens 500"):
        parse_document(data, "bijlage.pdf")
    assert time.monotonic() - started < 5  # far inside gunicorn's 30 s: the text was never read


def test_page_limit_is_an_argument(seed_pdfs):
    with pytest.raises(UnreadableDocument, match="hoogstens 0"):
        parse_document(seed_pdfs["000"], "vraag.pdf", max_pdf_pages=0)
    with pytest.raises(UnreadableDocument, match="geen tekst"):  # at the limit: read, and found blank
        parse_document(many_pages_pdf(3), "leeg.pdf", max_pdf_pages=3)


def test_pdf_extraction_stops_after_its_time_budget(seed_pdfs):
    with pytest.raises(UnreadableDocument, match="langer dan 0 seconden"):
        extract_pdf_text(seed_pdfs["000"], time_budget=0)
