from datetime import date

import pytest

from svtracker.pipeline.services import import_document

# A fixed "today" so the moved periods in the drafts are known.
TODAY = date(2026, 11, 24)


@pytest.fixture
def seeded_office(office, seed_files):
    """The five real documents imported into the office, as load_demo does."""
    for path in seed_files:
        [result] = import_document(office=office, data=path.read_bytes(), filename=path.name)
        assert result.status == "imported", result.message
    return office


def pdf_to_text(data: bytes, tmp_path, *, layout: bool = False) -> str:
    """The text of a PDF as poppler's pdftotext reads it, with whitespace runs made single spaces."""
    import subprocess

    source = tmp_path / "extract.pdf"
    source.write_bytes(data)
    args = ["pdftotext", *(["-layout"] if layout else []), str(source), "-"]
    text = subprocess.run(args, check=True, capture_output=True).stdout.decode()
    return text if layout else " ".join(text.split())


@pytest.fixture
def pdf_text(tmp_path):
    return lambda data, **kwargs: pdf_to_text(data, tmp_path, **kwargs)
