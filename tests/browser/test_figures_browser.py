"""The figures of a series, a question's tables and the promise-keeping page in Chromium, checked by axe-core.

With SCREENSHOTS=docs/screenshots the pages are also saved there (question-tables.png, series-figures.png,
scorecard.png).
"""

import os
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from svtracker.figures.services import store_answer_tables
from svtracker.questions.selectors import find_questions
from tests.browser.axe import TAGS, assert_no_axe_violations, axe_source, describe
from tests.factories import QuestionFactory
from tests.figures.tables import SEED_155

pytestmark = pytest.mark.browser


def assert_section_has_no_axe_violations(page, selector: str) -> None:
    """axe-core on one part of a page (the question page's header and crumbs are H8's, tested there)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source() + "\n;undefined")
    violations = page.evaluate(
        "async ([selector, tags]) => (await axe.run({include: [selector]},"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})).violations", [selector, TAGS])
    assert not violations, describe(violations)


def shoot(page, name: str, selector: str = "") -> None:
    """The page (or 1400 pixels of it from `selector` down) into $SCREENSHOTS/name."""
    folder = os.environ.get("SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    clip = None
    if selector:
        top = page.locator(selector).first.bounding_box()["y"] + page.evaluate("window.scrollY")
        clip = {"x": 0, "y": max(0, top - 16), "width": 1280, "height": 1400}
    page.screenshot(path=str(Path(folder) / name), full_page=True, clip=clip)


@pytest.fixture
def series_362(demo_seeds, web_office):
    """Seed 000 (no. 362) with no. 155 in its series, carrying the figures up to March 2022."""
    q362 = find_questions(office=web_office, session="2021-2022", number=362).get()
    q155 = QuestionFactory(office=web_office, series=q362.series, session="2021-2022", number=155,
                           author=q362.author, minister=q362.minister, date=date(2022, 1, 31), answered=True,
                           answer_date=date(2022, 4, 4), title=q362.title)
    store_answer_tables(question=q155, tables=[SEED_155])
    return q362


def test_question_page_shows_seed_001_tables_as_tables(logged_in, live_server, demo_seeds, web_office):
    question = find_questions(office=web_office, session="2023-2024", number=125).get()
    logged_in.goto(f"{live_server.url}/questions/{question.pk}/")
    tables = logged_in.locator("table.figures-table")
    assert tables.count() == 2
    assert tables.first.locator("tbody tr").first.inner_text().split() == ["rechthebbend", "3.091", "5.025",
                                                                            "8.116"]
    original = logged_in.get_by_text("Zoals in het document").first
    original.click()
    expect(logged_in.get_by_text("verplicht 6.657 8.806 15.463").first).to_be_visible()
    assert_section_has_no_axe_violations(logged_in, "section[aria-labelledby=h-figures]")
    shoot(logged_in, "question-tables.png", "#h-figures")


def test_series_page_lines_up_the_figures_with_charts(logged_in, live_server, series_362):
    logged_in.goto(f"{live_server.url}/series/{series_362.series_id}/")
    heading = logged_in.get_by_role("heading", name="Cijfers door de antwoorden heen")
    expect(heading).to_be_visible()
    assert logged_in.locator("article.indicator").count() >= 2
    assert logged_in.locator("svg.chart[role=img]").count() >= 1
    assert_no_axe_violations(logged_in)
    shoot(logged_in, "series-figures.png", "#h-series-figures")
    with logged_in.expect_download() as download:
        logged_in.get_by_role("link", name="Naar Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")


def test_scorecard_page_has_no_axe_violations(logged_in, live_server, web_office):
    """On the factory dataset of tests/scorecard (late answers, kept and broken promises)."""
    from tests.scorecard.conftest import build

    ds = build(web_office)
    logged_in.get_by_role("link", name="Ministers").click()
    expect(logged_in.get_by_role("heading", name="Alle ministers")).to_be_visible()
    logged_in.get_by_role("link", name=ds.minister_a.name).first.click()
    logged_in.get_by_label("Van", exact=True).fill("2024-01-01")
    logged_in.get_by_label("Tot en met", exact=True).fill("2024-12-31")
    logged_in.get_by_role("button", name="Toon").click()
    expect(logged_in.get_by_role("heading", name=ds.minister_a.name)).to_be_visible()
    expect(logged_in.locator("svg.chart[role=img]")).to_have_count(2)
    assert_no_axe_violations(logged_in)
    shoot(logged_in, "scorecard.png")
    logged_in.get_by_text("De cijfers van de grafiek").first.click()
    assert_no_axe_violations(logged_in)
    logged_in.locator(".scorecard-grid .stat a").nth(3).click()
    expect(logged_in.get_by_role("heading", name="Te laat beantwoord")).to_be_visible()
    assert_no_axe_violations(logged_in)
