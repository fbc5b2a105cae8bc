"""What staff do in the browser, in real headless Chromium against the live server."""

import io
import os
import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from svtracker.promises.models import Promise
from svtracker.questions.models import Question
from tests.pdfmaker import seed_pdf_bytes

pytestmark = pytest.mark.browser

# The README's images; refreshed only on request so a test run leaves the work tree clean.
README_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_log_in_through_the_form_and_see_today(logged_in):
    expect(logged_in.get_by_role("heading", name=re.compile("Vandaag"))).to_be_visible()
    expect(logged_in.get_by_role("link", name="Kantoor De Vreese")).to_be_visible()


def test_upload_a_seed_as_pdf_and_one_as_text_then_open_the_question(logged_in, live_server, seed_files,
                                                                     tmp_path, web_office):
    pdf = tmp_path / "vraag-362.pdf"
    pdf.write_bytes(seed_pdf_bytes(seed_files[0].read_text()))
    page = logged_in
    page.get_by_role("link", name="Importeren", exact=True).click()
    page.get_by_label("Bestanden").set_input_files([str(pdf), str(seed_files[1])])
    page.get_by_role("button", name="Importeren").click()
    results = page.locator(".results li")
    expect(results).to_have_count(2)
    expect(results.nth(0)).to_contain_text("geïmporteerd")
    expect(results.nth(0)).to_contain_text("vraag-362.pdf")
    expect(results.nth(1)).to_contain_text("geïmporteerd")
    assert Question.objects.filter(office=web_office).count() == 2

    page.get_by_role("link", name=re.compile(r"vraag nr\. 362")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cursussen")
    expect(page.locator(".question-head .facts")).to_contain_text("15 juni 2022")
    expect(page.locator(".qa-row")).to_have_count(2)
    expect(page.get_by_role("link", name="vraag-362.pdf")).to_be_visible()


def test_confirm_a_proposed_promise_and_change_its_date_with_a_reason(logged_in, live_server, demo_seeds,
                                                                      web_office):
    page = logged_in
    proposed = Promise.objects.filter(office=web_office, status="proposed").order_by("expected", "id")
    first = proposed.first()
    page.goto(f"{live_server.url}/promises/?status=proposed")
    page.locator(f'input[name="select"][value="{first.pk}"]').check()
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.locator(".messages")).to_contain_text("1 toezegging gewijzigd.")
    first.refresh_from_db()
    assert first.status == "confirmed"

    page.goto(f"{live_server.url}/promises/{first.pk}/")
    page.get_by_label("Verwacht op").fill("2024-12-20")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".errorlist")).to_contain_text("Geef een reden waarom de verwachte datum verandert.")
    page.get_by_label("Reden van de wijziging").fill("Kabinet meldt nieuwe koppeling in december")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".messages")).to_contain_text("De toezegging is bijgewerkt.")
    history = page.locator(".history")
    expect(history).to_contain_text("Kabinet meldt nieuwe koppeling in december")
    expect(history).to_contain_text("20 december 2024")
    first.refresh_from_db()
    assert str(first.expected) == "2024-12-20"


def test_open_a_series_with_its_timeline(logged_in, live_server, demo_seeds, web_office):
    page = logged_in
    page.get_by_role("link", name="Reeksen", exact=True).click()
    series = Question.objects.get(office=web_office, number=362).series
    page.get_by_role("link", name=series.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(series.title)
    expect(page.locator(".tl-item")).to_have_count(2)
    expect(page.locator(".tl-item.missing")).to_contain_text("nr. 155")
    expect(page.locator(".tl-item.missing")).to_contain_text("nog niet geïmporteerd")


def test_export_the_filtered_questions_table_to_xlsx(logged_in, live_server, demo_seeds, web_office):
    page = logged_in
    page.get_by_role("link", name="Vragen", exact=True).click()
    page.get_by_label("Vraagsteller").select_option(label="Maaike De Vreese")
    page.get_by_role("button", name="Filteren").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel").click()
    download = download_info.value
    assert download.suggested_filename == "vragen.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Nr.", "Zittingsjaar", "Datum", "Vraagsteller")
    expected = Question.objects.filter(office=web_office, author__name="Maaike De Vreese")
    assert sorted(row[0] for row in rows[1:]) == sorted(expected.values_list("number", flat=True))


def test_switch_the_interface_to_english(logged_in, live_server, demo_seeds):
    page = logged_in
    page.get_by_role("button", name="EN", exact=True).click()
    nav = page.get_by_role("navigation", name="Main menu")
    expect(nav.get_by_role("link", name="Today")).to_be_visible()
    expect(nav.get_by_role("link", name="Questions")).to_be_visible()
    expect(nav.get_by_role("link", name="Promises")).to_be_visible()
    page.get_by_role("link", name="Questions", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Written questions")
    expect(page.get_by_role("button", name="Filter")).to_be_visible()
    page.get_by_role("button", name="NL", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schriftelijke vragen")


def test_screenshots_of_the_main_pages(logged_in, live_server, demo_seeds, web_office, tmp_path):
    """The images in the README: dashboard, a question, a series and the promises table.

    Written to docs/screenshots/ only with SVTRACKER_UPDATE_SCREENSHOTS=1, else to a temporary directory.
    """
    page = logged_in
    update = os.environ.get("SVTRACKER_UPDATE_SCREENSHOTS") == "1"
    screenshots = README_SCREENSHOTS if update else tmp_path
    screenshots.mkdir(parents=True, exist_ok=True)
    question = Question.objects.get(office=web_office, number=125)
    pages = {
        "dashboard": "/",
        "question": f"/questions/{question.pk}/",
        "series": f"/series/{Question.objects.get(office=web_office, number=362).series_id}/",
        "promises": "/promises/",
    }
    for name, path in pages.items():
        page.goto(f"{live_server.url}{path}")
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=name != "question")
        assert (screenshots / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert (screenshots / f"{name}.png").stat().st_size > 10_000
