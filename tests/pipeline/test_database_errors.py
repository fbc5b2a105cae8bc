"""A document the database refuses (a bug, or data it cannot hold) fails honestly: staff are not told to try
again, since that never helps; only a lost connection is worth a retry."""

import logging
from pathlib import Path

import pytest
from django.db import IntegrityError

from svtracker.people.models import Member
from svtracker.pipeline.services import import_document
from svtracker.questions.models import Document, Question

# No test transaction around the import, as on the upload page and the command line.
pytestmark = pytest.mark.django_db(transaction=True)


def with_other_author(seed: Path) -> bytes:
    """Seed 000 (no. 362 of 2021-2022 to minister Somers) as if another member had asked it: a misread
    author. The office already holds no. 362 to that minister, so the database refuses a second one."""
    return seed.read_text(encoding="utf-8").replace("MAAIKE DE VREESE", "KURT DE LOOR").encode()


def stored_files(settings) -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def test_document_the_database_refuses_fails_without_asking_to_retry_and_leaves_no_trace(
        office, seed_files, settings, caplog):
    seed = seed_files[0]
    assert [r.status for r in import_document(office=office, data=seed.read_bytes(), filename=seed.name)] == [
        "imported"]
    files = stored_files(settings)

    with caplog.at_level(logging.ERROR, logger="svtracker.pipeline"):
        [result] = import_document(office=office, data=with_other_author(seed), filename="sv-362-opnieuw.txt")

    assert result.status == "failed" and result.question is None
    assert "niet bewaard" in result.message and "\n" not in result.message
    assert "Probeer opnieuw" not in result.message and "bereikbaar" not in result.message
    assert [r.exc_info[0] for r in caplog.records if r.exc_info] == [IntegrityError]  # logged in full
    assert Question.objects.filter(office=office).count() == 1  # rolled back: no question, no member
    assert not Member.objects.filter(name="Kurt De Loor").exists()
    assert not Document.objects.filter(filename="sv-362-opnieuw.txt").exists()
    assert stored_files(settings) == files
    # The connection stays usable: the next document imports.
    [next_one] = import_document(office=office, data=seed_files[1].read_bytes(), filename=seed_files[1].name)
    assert next_one.status == "imported"


@pytest.mark.django_db  # inside the test's transaction, as inside an outer one (a dry-run sync)
def test_document_the_database_refuses_inside_a_transaction_lets_it_go_on(office, seed_files):
    seed = seed_files[0]
    import_document(office=office, data=seed.read_bytes(), filename=seed.name)
    [refused] = import_document(office=office, data=with_other_author(seed), filename="nogmaals.txt")
    assert refused.status == "failed"
    [next_one] = import_document(office=office, data=seed_files[1].read_bytes(), filename=seed_files[1].name)
    assert next_one.status == "imported"
    assert Question.objects.filter(office=office).count() == 2
