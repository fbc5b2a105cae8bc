"""Make PDFs from seed text for tests (parser and import tests reuse this)."""

from __future__ import annotations

import html
import io

PAGE_CSS = """
@page { size: A4; margin: 2cm; }
pre { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 10pt;
      white-space: pre-wrap; line-height: 1.3; }
"""


def seed_pdf_bytes(text: str) -> bytes:
    """A PDF whose text layer is `text`, laid out as printed lines (WeasyPrint, <pre> pre-wrap)."""
    from weasyprint import HTML

    document = (
        f"<html><head><style>{PAGE_CSS}</style></head><body><pre>{html.escape(text)}</pre></body></html>"
    )
    return HTML(string=document).write_pdf()


def encrypted_pdf_bytes(text: str, password: str = "geheim") -> bytes:
    """The same PDF, encrypted with a user password (pypdf writer.encrypt)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(seed_pdf_bytes(text))))
    writer.encrypt(user_password=password, owner_password=password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
