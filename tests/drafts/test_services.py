"""Versions, restoring, freezing a sent draft, and linking the question it became."""

import hashlib
import re

import pytest

from svtracker.drafts.selectors import version_diff
from svtracker.drafts.services import (
    DraftSent,
    draft_follow_up,
    link_sent_draft,
    mark_sent,
    restore_version,
    save_draft,
)
from svtracker.pipeline.services import register_sent_question
from svtracker.promises.models import Promise
from svtracker.questions.models import AnswerPart, Question, SubQuestion
from svtracker.questions.selectors import find_questions
from tests.factories import QuestionFactory

from .conftest import TODAY


@pytest.fixture
def draft(seeded_office, staff):
    question = find_questions(office=seeded_office, session="2023-2024", number=125).get()
    return draft_follow_up(office=seeded_office, user=staff, question=question, today=TODAY)


def _edit(draft, user, **changes):
    content = {k: v for k, v in draft.content().items() if k not in ("minister_id", "minister_name")}
    return save_draft(draft=draft, user=user, minister=draft.minister, **{**content, **changes})


def test_every_saved_version_is_kept_and_an_unchanged_save_adds_none(draft, staff):
    draft = _edit(draft, staff, questions=[*draft.questions, "Hoeveel boetes werden er in 2024 betaald?"])
    draft = _edit(draft, staff, title="Inburgeraars - VDAB (3)")
    draft = _edit(draft, staff)
    assert list(draft.versions.values_list("number", flat=True)) == [3, 2, 1]
    first = draft.versions.get(number=1).content
    assert first["title"] == "Inburgeraars - Verplichte inschrijving bij VDAB (3)"


def test_versions_compare_line_by_line(draft, staff):
    _edit(draft, staff, questions=["Hoeveel boetes werden er in 2024 betaald?"])
    lines = version_diff(older=draft.versions.get(number=1), newer=draft.versions.get(number=2))
    assert ("added", "1. Hoeveel boetes werden er in 2024 betaald?") in lines
    removed = [line for kind, line in lines if kind == "removed"]
    assert any(line.startswith("1. Kan de minister een bijgewerkt overzicht") for line in removed)
    assert ("same", "Graag deze gegevens in een Excel-bestand.") in lines


def test_restoring_an_earlier_version_brings_its_text_back_as_a_new_version(draft, staff):
    original = draft.content()
    _edit(draft, staff, title="Iets anders", excel_closing=False)
    restored = restore_version(draft=draft, version=draft.versions.get(number=1), user=staff)
    assert restored.content() == original
    assert restored.versions.first().number == 3


def test_marking_sent_keeps_the_exact_pdf_with_its_hash_and_follows_up_the_promises(draft, staff):
    sent = mark_sent(draft=draft, user=staff, pdf=b"%PDF-1.7 exactly these bytes")
    with sent.pdf.open("rb") as stored:
        assert stored.read() == b"%PDF-1.7 exactly these bytes"
    assert sent.pdf_sha256 == hashlib.sha256(b"%PDF-1.7 exactly these bytes").hexdigest()
    statuses = set(Promise.objects.filter(drafts=sent).values_list("status", flat=True))
    assert statuses == {Promise.Status.FOLLOWED_UP}
    assert all(p.changes.filter(after__status="followed_up").exists() for p in sent.promises.all())


def test_a_sent_draft_cannot_be_edited_restored_or_sent_again(draft, staff):
    mark_sent(draft=draft, user=staff)
    with pytest.raises(DraftSent, match="al verstuurd"):
        _edit(draft, staff, title="Nog iets veranderen")
    with pytest.raises(DraftSent):
        restore_version(draft=draft, version=draft.versions.get(number=1), user=staff)
    with pytest.raises(DraftSent):
        mark_sent(draft=draft, user=staff)
    draft.refresh_from_db()
    assert draft.title == "Inburgeraars - Verplichte inschrijving bij VDAB (3)"


def test_the_question_a_sent_draft_became_joins_the_series_by_member_and_title(
        draft, staff, django_capture_on_commit_callbacks):
    mark_sent(draft=draft, user=staff)
    # Registered by hand, without any reference in its text: only title and member tie it to the draft.
    with django_capture_on_commit_callbacks(execute=True):
        asked = register_sent_question(office=draft.office, author=draft.author, minister=draft.minister,
                                       number=301, asked_on=TODAY, title=draft.title, session="2026-2027")
    draft.refresh_from_db()
    asked.refresh_from_db()
    assert draft.asked_question == asked
    assert asked.series == draft.series
    assert Question.objects.filter(series=draft.series).count() == 2


def test_a_question_with_another_title_is_not_taken_for_the_draft(draft, staff):
    mark_sent(draft=draft, user=staff)
    other = register_sent_question(office=draft.office, author=draft.author, minister=draft.minister,
                                   number=302, asked_on=TODAY, title="Iets helemaal anders",
                                   session="2026-2027")
    assert link_sent_draft(question=other) is None


def test_the_new_question_imported_from_the_parliament_joins_the_series_and_the_draft(
        draft, staff, tmp_path, pdf_text, django_capture_on_commit_callbacks):
    """The parliament's document of the sent question cites the earlier ones: the importer links it."""
    from svtracker.pipeline.services import import_document

    sent = mark_sent(draft=draft, user=staff)
    with sent.pdf.open("rb") as stored:
        text = pdf_text(stored.read(), layout=True)
    # The parliament fills in the number left blank; the page number goes.
    document = (re.sub(r"^nr\.$", "nr. 301", text, count=1, flags=re.MULTILINE).split("1/1")[0]
                + "\nGWENDOLYN RUTTEN\nANTWOORD\nop vraag nr. 301 van 24 november 2026\n"
                + "van MAAIKE DE VREESE\n"
                + "1. De cijfers staan in bijlage.\n")
    with django_capture_on_commit_callbacks(execute=True):
        [result] = import_document(office=draft.office, data=document.encode(), filename="301.txt")
    assert result.status == "updated", result.message  # the question tracked since it was marked sent
    asked = result.question
    asked.refresh_from_db()
    sent.refresh_from_db()
    assert asked.number == 301
    assert asked.series == sent.series
    assert sent.asked_question == asked


@pytest.mark.parametrize(("asked", "closing", "asked_again"), [
    ("Hoeveel boetes werden er betaald? Graag in een Excelbestand.", True,
     "Hoeveel boetes werden er betaald?"),
    ("Hoeveel boetes werden er betaald? Graag in Excel-formaat.", True,
     "Hoeveel boetes werden er betaald?"),
    ("Hoe verklaart de minister de excellente cijfers?", False,
     "Hoe verklaart de minister de excellente cijfers?"),
])
def test_a_question_that_asks_for_excel_gets_the_closing_line_once(office, staff, asked, closing,
                                                                   asked_again):
    # Synthetic: Dutch writes "Excelbestand" as one word as often as "Excel-bestand".
    question = QuestionFactory(office=office, answered=True)
    SubQuestion.objects.create(question=question, position=1, label="1", text=asked)
    SubQuestion.objects.create(question=question, position=2, label="2", text="Wat is de stand van zaken?")
    AnswerPart.objects.create(question=question, position=1, labels=["2"], text="Alles loopt goed.")
    draft = draft_follow_up(office=office, user=staff, question=question, today=TODAY)
    assert (draft.excel_closing, draft.questions) == (closing, [asked_again])
