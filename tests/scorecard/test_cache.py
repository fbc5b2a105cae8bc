"""A scorecard page seen again comes from the cache, and never shows figures older than the data."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from svtracker.pipeline.services import import_document
from svtracker.promises.models import Promise
from svtracker.promises.services import confirm_promise
from svtracker.questions.models import Question
from tests.factories import MembershipFactory, QuestionFactory, UserFactory

from .conftest import ASKED, TODAY

PERIOD = "?from=2024-01-01&to=2024-12-31"


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    return TODAY


def number(html: str, what: str) -> int:
    return int(re.search(rf'what={what}">(\d+)</a>', html).group(1))


def test_a_page_seen_again_is_served_without_counting_the_questions_and_promises(
    dataset, staff_client, today
):
    url = f"/scorecard/minister/{dataset.minister_a.pk}/"
    with CaptureQueriesContext(connection) as first:
        first_html = staff_client.get(url).content.decode()
    with CaptureQueriesContext(connection) as again:
        html = staff_client.get(url).content.decode()
    figures = '<section aria-labelledby="h-answers">'
    assert html.split(figures)[1] == first_html.split(figures)[1]
    grouped = [q["sql"] for q in again.captured_queries if "GROUP BY" in q["sql"] or "MIN(" in q["sql"]]
    assert grouped == []
    # session, user, office, the data stamp, the minister, the menu's ministers and areas
    assert len(again.captured_queries) <= 7 < len(first.captured_queries)


def test_a_confirmed_promise_shows_on_the_page_seen_again(dataset, staff, staff_client, today):
    url = f"/scorecard/minister/{dataset.minister_a.pk}/{PERIOD}"
    html = staff_client.get(url).content.decode()
    assert (number(html, "proposed"), number(html, "confirmed")) == (5, 25)
    confirm_promise(promise=Promise.objects.filter(status=Promise.Status.PROPOSED).first(), user=staff)
    html = staff_client.get(url).content.decode()
    assert (number(html, "proposed"), number(html, "confirmed")) == (4, 26)


def test_a_deleted_question_leaves_the_page_seen_again(dataset, staff_client, today):
    url = f"/scorecard/minister/{dataset.minister_a.pk}/{PERIOD}"
    assert number(staff_client.get(url).content.decode(), "late") == 60
    late = Question.objects.filter(office=dataset.office, minister=dataset.minister_a, date=ASKED)
    Question.objects.filter(pk=late.filter(answer_date="2024-03-11").order_by("pk").first().pk).delete()
    assert number(staff_client.get(url).content.decode(), "late") == 59


def test_an_imported_answer_shows_on_the_page_seen_again(office, staff_client, seed_files):
    url = "/scorecard/?from=2000-01-01&to=2030-12-31&all=1"
    html = staff_client.get(url).content.decode()
    assert (number(html, "asked"), number(html, "answered")) == (0, 0)
    import_document(office=office, filename=seed_files[0].name, data=seed_files[0].read_bytes())
    html = staff_client.get(url).content.decode()
    assert (number(html, "asked"), number(html, "answered")) == (1, 1)


def test_two_offices_never_share_kept_figures(dataset, other_office, staff_client, today):
    outsider = UserFactory(username="buiten")
    MembershipFactory(user=outsider, office=other_office)
    client = Client()
    client.force_login(outsider)
    QuestionFactory.create_batch(3, office=other_office, date=ASKED, series=None)
    url = f"/scorecard/{PERIOD}"
    assert number(staff_client.get(url).content.decode(), "asked") == 322
    assert number(client.get(url).content.decode(), "asked") == 3
    assert number(staff_client.get(url).content.decode(), "asked") == 322


def test_the_page_seen_in_another_language_is_in_that_language(dataset, staff_client, today):
    url = f"/scorecard/minister/{dataset.minister_a.pk}/{PERIOD}"
    assert "te laat beantwoord" in staff_client.get(url).content.decode()
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = staff_client.get(url).content.decode()
    assert "te laat beantwoord" not in english
