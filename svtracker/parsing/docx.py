"""Text out of a Word answer: .docx with python-docx (the library for reading .docx; it keeps paragraphs and
tables apart), .doc refused with a Dutch message (the old binary format needs a converter we do not ship)."""

from __future__ import annotations

import io
import zipfile

from .errors import UnreadableDocument
from .text import squash

MAX_DOCX_BYTES_UNPACKED = 200 * 1024 * 1024  # a zip bomb stops here


def extract_docx_text(data: bytes) -> str:
    """Paragraphs and table rows in document order, a table row as its cells joined by spaces."""
    if not data:
        raise UnreadableDocument("Het bestand is leeg.")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # an old Word file renamed to .docx
        raise doc_refused()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_BYTES_UNPACKED:
                raise UnreadableDocument("Het Word-bestand is uitgepakt te groot om in te lezen.")
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.append("")
                for row in block.rows:
                    cells = [squash(cell.text) for cell in row.cells]
                    lines.append(" ".join(cell for cell in _unique(cells) if cell))
                lines.append("")
    except UnreadableDocument:
        raise
    except Exception as error:  # noqa: BLE001 - a broken zip or XML raises many kinds of errors
        raise UnreadableDocument("Het Word-bestand is beschadigd en kan niet gelezen worden.") from error
    text = "\n".join(lines)
    if not text.strip():
        raise UnreadableDocument("Het Word-bestand bevat geen tekst.")
    return text


def _unique(cells: list[str]) -> list[str]:
    """A merged cell is repeated by python-docx for every grid column it spans: keep it once."""
    kept: list[str] = []
    for cell in cells:
        if not kept or cell != kept[-1]:
            kept.append(cell)
    return kept


def doc_refused() -> UnreadableDocument:
    return UnreadableDocument(
        "Oude Word-bestanden (.doc) kunnen niet ingelezen worden. Open het bestand in Word of LibreOffice, "
        "kies 'Opslaan als' en bewaar het als .docx of als PDF, en laad dat bestand op."
    )
