"""What staff tripped over in the walk of issue 16, walked again in headless Chromium."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from svtracker.promises.models import Promise
from svtracker.questions.models import Question

pytestmark = pytest.mark.browser


def test_questions_table_fits_1366_pixels_with_every_filter_on_one_row(logged_in, live_server, demo_seeds):
    page = logged_in
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(live_server.url + reverse("questions:list"))
    wrap = page.locator(".table-wrap")
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth")  # nothing cut off, no sideways scrolling
    expect(page.get_by_role("columnheader", name=re.compile("Open toezeggingen"))).to_be_in_viewport()
    bottoms = page.locator(".filters .filter").evaluate_all(
        "filters => filters.map(f => f.offsetTop + f.offsetHeight)")
    assert max(bottoms) - min(bottoms) < 10, bottoms  # "Open toezeggingen" and the buttons stay on the row


def test_a_skip_link_takes_the_keyboard_to_the_first_question(logged_in, live_server, demo_seeds):
    page = logged_in
    page.goto(live_server.url + reverse("questions:list"))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Naar de resultaten")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    first = Question.objects.order_by("-date", "-number").first()
    expect(page.locator(":focus")).to_have_attribute("href", reverse("questions:detail", args=[first.pk]))


def test_pages_ask_for_no_missing_file_not_even_a_favicon(logged_in, live_server, demo_seeds):
    page = logged_in
    missing = []
    page.on("response", lambda response: missing.append(response.url) if response.status == 404 else None)
    for name in ("dashboard", "questions:list", "promises:list", "drafts:list"):
        page.goto(live_server.url + reverse(name))
        page.wait_for_load_state("networkidle")
    assert not missing
    page.goto(live_server.url + "/questions/999999/")  # the error pages have the icon too
    page.wait_for_load_state("networkidle")
    assert missing == [live_server.url + "/questions/999999/"]


def test_a_browser_set_to_english_gets_dutch_until_the_person_chooses(browser, live_server, web_user):
    context = browser.new_context(locale="en-US", extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
    page = context.new_page()
    page.goto(live_server.url + reverse("accounts:login"))
    expect(page.locator("html")).to_have_attribute("lang", "nl-be")
    expect(page.get_by_role("button", name="Aanmelden")).to_be_visible()
    page.get_by_role("button", name="EN", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    context.close()


def test_upload_submits_once_and_names_promises_only_when_something_was_imported(
        logged_in, live_server, seed_files, tmp_path):
    page = logged_in
    posts = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    page.goto(live_server.url + reverse("questions:upload"))
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.4 niets")
    page.get_by_label("Bestanden").set_input_files([str(broken)])
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator(".results li")).to_contain_text("mislukt")
    expect(page.get_by_text("als toezegging herkende")).to_have_count(0)

    page.get_by_label("Bestanden").set_input_files([str(seed_files[0])])
    posts.clear()
    # A second click while the first upload runs sends nothing more; the page says the import runs.
    page.locator("form.upload-form").evaluate("form => { form.requestSubmit(); form.requestSubmit(); }")
    expect(page.locator(".results li")).to_contain_text("geïmporteerd")
    assert len(posts) == 1
    expect(page.get_by_text("Wat svtracker in de antwoorden als toezegging herkende")).to_be_visible()


def test_the_register_form_says_who_holds_each_policy_area_today(logged_in, live_server, demo_seeds):
    page = logged_in
    page.goto(live_server.url + reverse("questions:register"))
    page.get_by_text("Wie beheert welk beleidsdomein vandaag?").click()
    expect(page.locator(".holders tr", has_text="Inburgering")).to_contain_text("Gwendolyn Rutten")


def test_dropping_promises_needs_a_reason_and_the_bulk_drop_a_confirmation(
        logged_in, live_server, demo_seeds, web_office):
    page = logged_in
    first, second = Promise.objects.filter(office=web_office).order_by("id")[:2]
    page.goto(live_server.url + reverse("promises:detail", args=[first.pk]))
    page.get_by_role("button", name="Schrap deze toezegging").click()
    expect(page.locator(".errorlist")).to_contain_text("Geef een reden om deze toezegging te schrappen.")
    page.get_by_label("Waarom schrappen?").fill("Staat al op de website")
    page.get_by_role("button", name="Schrap deze toezegging").click()
    expect(page.locator(".messages")).to_contain_text("De toezegging is geschrapt.")

    page.goto(live_server.url + reverse("promises:list"))
    expect(page.locator(f'input[name="select"][value="{first.pk}"]')).to_have_count(0)  # dropped: not listed
    page.locator(f'input[name="select"][value="{second.pk}"]').check()
    page.get_by_label("Reden om te schrappen").fill("Dubbel met een andere toezegging")
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Schrappen", exact=True).click()
    assert dialogs and "schrappen?" in dialogs[0]
    second.refresh_from_db()
    assert second.status != "dropped"  # dismissed: nothing happened
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Schrappen", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("1 toezegging gewijzigd.")
    second.refresh_from_db()
    assert second.status == "dropped"
    assert second.changes.first().reason == "Dubbel met een andere toezegging"
    page.get_by_label("Status").select_option(label="geschrapt")
    page.get_by_role("button", name="Filteren").click()
    expect(page.locator('input[name="select"]')).to_have_count(2)


def test_deliver_a_promise_by_searching_the_members_later_questions(logged_in, live_server, demo_seeds,
                                                                    web_office):
    page = logged_in
    promise = Promise.objects.filter(office=web_office, question__number=155).first() or \
        Promise.objects.filter(office=web_office, question__number=125).first()
    later = (Question.objects.filter(office=web_office, author=promise.question.author,
                                     date__gte=promise.question.date).exclude(pk=promise.question_id).first())
    page.goto(live_server.url + reverse("promises:detail", args=[promise.pk]))
    field = page.get_by_label("Geleverd in het antwoord op")
    assert field.evaluate("f => f.list.options.length") == Question.objects.filter(
        office=web_office, author=promise.question.author, date__gte=promise.question.date).exclude(
        pk=promise.question_id).count()
    field.fill(str(later.number))
    page.get_by_role("button", name="Markeer als geleverd").click()
    expect(page.locator(".messages")).to_contain_text("De toezegging is als geleverd gemarkeerd.")
    expect(page.locator(".history")).to_contain_text(f"nr. {later.number} ({later.session})")


def test_snooze_a_promise_until_a_date_with_a_reason(logged_in, live_server, demo_seeds, web_office):
    page = logged_in
    promise = Promise.objects.filter(office=web_office).order_by("id").first()
    page.goto(live_server.url + reverse("promises:detail", args=[promise.pk]))
    page.get_by_label("Geen herinneringen tot").fill("2099-03-01")
    page.get_by_label("Waarom?").fill("Kabinet antwoordt na het reces")
    page.get_by_role("button", name="Pauzeren").click()
    expect(page.locator(".messages")).to_contain_text(
        "Geen herinneringen meer voor deze toezegging tot 1 maart 2099.")
    expect(page.locator(".history")).to_contain_text("Kabinet antwoordt na het reces")
    page.get_by_role("button", name="Herinneringen hervatten").click()
    expect(page.locator(".messages")).to_contain_text("De herinneringen voor deze toezegging lopen weer.")
