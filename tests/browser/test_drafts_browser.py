"""A member's staff drafts a follow-up in a real headless Chromium: create, edit, preview, PDF, mark sent."""

import subprocess

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from svtracker.drafts.models import Draft
from svtracker.questions.selectors import find_questions

pytestmark = pytest.mark.browser


def test_staff_draft_edit_preview_download_and_send_a_follow_up(demo_seeds, logged_in, live_server,
                                                                 web_office, tmp_path):
    """Shared fixtures (tests/browser/conftest.py): Debian Chromium, login through the form, the seeds."""
    page = logged_in
    question = find_questions(office=web_office, session="2023-2024", number=125).get()
    page.goto(live_server.url + reverse("drafts:create_from_question", args=[question.pk]))
    page.get_by_role("button", name="Ontwerp opstellen").click()
    page.wait_for_url("**/drafts/*/")
    preview = page.locator("#draft-preview")
    assert "Inburgeraars - Verplichte inschrijving bij VDAB (3)" in preview.inner_text()
    assert "aan GWENDOLYN RUTTEN" in preview.inner_text()

    # Edit the first question: the live preview follows while typing (no save yet).
    first = page.get_by_label("Vraag 1", exact=True)
    first.fill("Hoeveel inburgeraars schreven zich in 2025 in bij VDAB?")
    expect(preview).to_contain_text("schreven zich in 2025 in bij VDAB")  # the page's CSP forbids eval
    # Add a question and ask for the preview with the button.
    page.get_by_label("Nieuwe vraag toevoegen").fill("Hoeveel boetes werden betaald?")
    page.get_by_role("button", name="Voorvertoning").click()
    expect(preview).to_contain_text("boetes werden betaald")
    page.get_by_role("button", name="Bewaren").click()
    page.get_by_text("Ontwerp bewaard.").wait_for()
    draft = Draft.objects.get()
    assert draft.questions == ["Hoeveel inburgeraars schreven zich in 2025 in bij VDAB?",
                               "Hoeveel boetes werden betaald?"]

    # Download the PDF.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    pdf_path = tmp_path / "draft.pdf"
    download_info.value.save_as(pdf_path)
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, check=True).stdout.decode()
    assert "1. Hoeveel inburgeraars schreven zich in 2025 in bij VDAB?" in text
    assert "SCHRIFTELIJKE VRAAG" in text

    # Mark sent (confirm the dialog): the form is locked and the promises are followed up.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Markeren als verstuurd").click()
    page.get_by_text("Gemarkeerd als verstuurd.").wait_for()
    assert page.get_by_label("Vraag 1", exact=True).is_disabled()
    draft.refresh_from_db()
    assert draft.is_sent and draft.pdf_sha256
    assert set(draft.promises.values_list("status", flat=True)) == {"followed_up"}
