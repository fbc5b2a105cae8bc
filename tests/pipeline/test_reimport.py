"""Re-importing never loses what an earlier, more complete document gave; a batch never sinks on one file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from svtracker.pipeline.services import import_document, import_documents
from svtracker.promises.models import Promise
from svtracker.questions.models import Question

pytestmark = pytest.mark.django_db


def question_only(seed) -> bytes:
    """Seed 000 (no. 362, full header) cut before the minister's block: the question as it was asked."""
    text = seed.read_text(encoding="utf-8")
    return text[:text.index("\n\nBART SOMERS\n")].encode()


def test_question_only_document_after_the_answered_one_keeps_the_answer(office, seed_files):
    seed = seed_files[0]
    import_document(office=office, data=seed.read_bytes(), filename="sv-2021-2022-362-antwoord.txt")
    question = Question.objects.get(office=office, number=362)
    parts = list(question.answer_parts.values_list("text", flat=True))
    promises = set(question.promises.values_list("quote", flat=True))
    assert question.answered and parts

    [result] = import_document(office=office, data=question_only(seed), filename="sv-2021-2022-362.txt")

    assert result.status in ("updated", "unchanged"), result.message
    question.refresh_from_db()
    assert question.answered
    assert list(question.answer_parts.values_list("text", flat=True)) == parts
    assert promises <= set(question.promises.values_list("quote", flat=True))


def test_batch_with_an_empty_and_a_broken_file_imports_the_good_ones(office, seed_files):
    files = [(seed_files[0].name, seed_files[0].read_bytes()), ("leeg.txt", b""),
             ("kapot.pdf", b"%PDF-1.7\n\x00\x01 garbage"), (seed_files[1].name, seed_files[1].read_bytes())]
    results = [result for of_file in import_documents(office=office, files=files) for result in of_file]
    assert [r.status for r in results] == ["imported", "failed", "failed", "imported"]
    assert all(r.message for r in results[1:3])
    assert Question.objects.filter(office=office).count() == 2


def test_upload_of_a_batch_with_an_empty_file_gives_one_result_per_file(staff_client, office, seed_files):
    uploads = [SimpleUploadedFile(seed_files[0].name, seed_files[0].read_bytes(), "text/plain"),
               SimpleUploadedFile("leeg.txt", b"", "text/plain"),
               SimpleUploadedFile(seed_files[1].name, seed_files[1].read_bytes(), "text/plain")]
    response = staff_client.post(reverse("questions:upload"), {"files": uploads})
    assert response.status_code == 200
    results = response.context["results"]
    assert [(r.filename, r.status) for r in results] == [
        (seed_files[0].name, "imported"), ("leeg.txt", "failed"), (seed_files[1].name, "imported")]
    assert Question.objects.filter(office=office).count() == 2
    assert Promise.objects.filter(office=office).exists()
