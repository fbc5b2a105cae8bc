"""A member's staff drafts a follow-up in a real headless Chromium: create, edit, preview, PDF, mark sent."""

import subprocess

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from svtracker.drafts.models import Draft
from svtracker.questions.selectors import find_questions
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PASSWORD

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
    # No. 125 asked again for the figures since its answer, not word for word.
    expect(preview).to_contain_text("Kan de minister een bijgewerkt overzicht geven van het aantal "
                                    "inburgeraars dat zich heeft ingeschreven bij VDAB, van 1 december 2023 "
                                    "tot en met")
    expect(page.get_by_label("Minister", exact=True).locator("option", has_text="---------")).to_have_count(0)
    # No. 125 cites no. 8 with 22 October, its answer with 2 October: the editor says so in words.
    expect(page.get_by_role("region", name="Verschillende datums voor een eerdere vraag")).to_contain_text(
        "Vraag nr. 8: de bronnen noemen 2 oktober 2023 en 22 oktober 2023; het concept citeert 2 oktober "
        "2023, de datum in het antwoord van de minister.")
    assert_no_axe_violations(page)

    # Edit the introduction in the textarea (the browser sends CRLF): the quotes keep their style.
    introduction = page.get_by_label("Inleiding")
    introduction.fill(introduction.input_value().replace("Daarom stel ik", "Daarom stel ik nu"))
    page.get_by_role("button", name="Bewaren").click()
    page.get_by_text("Ontwerp bewaard.").wait_for()
    expect(preview.locator(".sv-quote")).to_have_count(2)
    expect(preview.locator(".sv-quote").first).to_have_css("font-style", "italic")

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
    expect(page.get_by_role("button", name="Bewaren")).to_have_count(0)
    assert_no_axe_violations(page)
    draft.refresh_from_db()
    assert draft.is_sent and draft.pdf_sha256
    assert set(draft.promises.values_list("status", flat=True)) == {"followed_up"}

    # A second follow-up of the same question says the first one was sent, and links it.
    page.goto(live_server.url + reverse("questions:detail", args=[question.pk]))
    expect(page.locator(".follow-ups")).to_contain_text("Opvolgvraag verstuurd op")
    page.get_by_role("link", name="Opvolgvraag opstellen").click()
    warning = page.locator(".warning")
    expect(warning).to_contain_text("Er is al een opvolgvraag voor deze vraag:")
    expect(warning.get_by_role("link", name=draft.title)).to_have_attribute(
        "href", reverse("drafts:detail", args=[draft.pk]))
    assert_no_axe_violations(page)


def _tab_to(page, name: str, *, limit: int = 60) -> None:
    """Press Tab until the element called `name` has the focus (it may have it already, autofocus), and
    check the focus can be seen."""
    for tabs in range(limit):
        if tabs:
            page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            return [(e.innerText || e.value || e.getAttribute('aria-label') || e.id || '').trim(),
                    getComputedStyle(e).outlineStyle, getComputedStyle(e).boxShadow]; }""")
        if focused[0] == name:
            assert focused[1] != "none" or focused[2] != "none", f"no visible focus on {name!r}"
            return
    raise AssertionError(f"{name!r} not reached in {limit} Tabs")


def test_keyboard_only_from_login_to_a_downloaded_draft_pdf(demo_seeds, page, live_server, tmp_path):
    from io import BytesIO

    from pypdf import PdfReader

    page.goto(f"{live_server.url}/")
    _tab_to(page, "id_username")
    page.keyboard.type("an")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")
    _tab_to(page, "Vragen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/questions/")
    _tab_to(page, "Naar de resultaten")
    page.keyboard.press("Enter")
    _tab_to(page, "125")
    page.keyboard.press("Enter")
    page.wait_for_url("**/questions/*/")
    _tab_to(page, "Opvolgvraag opstellen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/drafts/new/question/*/")
    _tab_to(page, "Ontwerp opstellen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/drafts/*/")
    _tab_to(page, "Download PDF")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    path = tmp_path / "vraag.pdf"
    download_info.value.save_as(path)
    reader = PdfReader(BytesIO(path.read_bytes()))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert "Inburgeraars - Verplichte inschrijving bij VDAB (3)" in reader.pages[0].extract_text()
