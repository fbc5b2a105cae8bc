"""The document parser: text or a PDF of a written question in, a typed ParsedQuestion out. No Django."""

from __future__ import annotations

from .dates import DEFAULT_INTERVAL_MONTHS, session_for
from .document import parse_questions, parse_text
from .docx import doc_refused, extract_docx_text
from .errors import UnreadableDocument
from .pdf import MAX_PDF_PAGES, extract_pdf_text
from .serialize import to_json
from .text import squash
from .types import ParsedQuestion, ParsedTable, TableCell, TableRow

__all__ = [
    "DEFAULT_INTERVAL_MONTHS",
    "MAX_PDF_PAGES",
    "ParsedQuestion",
    "ParsedTable",
    "TableCell",
    "TableRow",
    "UnreadableDocument",
    "document_text",
    "extract_pdf_text",
    "parse_document",
    "parse_questions",
    "parse_text",
    "session_for",
    "squash",
    "to_json",
]

PARSER_VERSION = "2026.12.2"  # raised when documents are read differently; `manage.py reparse` applies it

TEXT_ENCODINGS = ("utf-8", "cp1252", "latin-1")


def decode_text(data: bytes) -> str:
    """A .txt export: UTF-8 (with or without BOM), else Windows-1252, else Latin-1 (never fails)."""
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1", errors="replace")


def document_text(data: bytes, filename: str, *, max_pdf_pages: int = MAX_PDF_PAGES,
                  pdf_time_budget: float | None = None) -> str:
    """The text of an uploaded file by its type: .txt, .pdf or .docx; anything else is UnreadableDocument.

    `max_pdf_pages`: a longer PDF is refused before its text is read; `pdf_time_budget` (seconds) bounds the
    extraction (callers pass their settings).
    """
    name = (filename or "").lower()
    if name.endswith(".pdf") or (not name.endswith(".txt") and data[:5] == b"%PDF-"):
        budget = {} if pdf_time_budget is None else {"time_budget": pdf_time_budget}
        return extract_pdf_text(data, max_pages=max_pdf_pages, **budget)
    if name.endswith(".docx"):
        return extract_docx_text(data)
    if name.endswith(".doc"):
        raise doc_refused()
    if name.endswith(".txt"):
        if not data:
            raise UnreadableDocument("Het bestand is leeg.")
        return decode_text(data)
    raise UnreadableDocument("Onbekend bestandstype: enkel .pdf, .docx en .txt kunnen ingelezen worden.")


def parse_document(
    data: bytes,
    filename: str,
    *,
    default_interval_months: int = DEFAULT_INTERVAL_MONTHS,
    max_pdf_pages: int = MAX_PDF_PAGES,
) -> ParsedQuestion:
    """Parse an uploaded file by its type (document_text), then its text (parse_text)."""
    text = document_text(data, filename, max_pdf_pages=max_pdf_pages)
    return parse_text(text, default_interval_months=default_interval_months)
