"""The scorecard pages: numbers that link to their lists, charts with their data, constant queries."""

import re
from datetime import date

import pytest
from django.utils import timezone

from .conftest import TODAY, build


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    return TODAY


@pytest.mark.parametrize("scale", [10, 30])
def test_minister_page_queries_do_not_grow_with_the_questions(
    office, staff_client, today, scale, django_assert_max_num_queries
):
    ds = build(office, scale=scale)
    assert ds.questions >= 370 * scale // 10
    with django_assert_max_num_queries(20):
        response = staff_client.get(f"/scorecard/minister/{ds.minister_a.pk}/?from=2024-01-01&to=2024-12-31")
    html = response.content.decode()
    n = scale // 10
    late = re.search(r'what=late">(\d+)</a>', html)
    assert int(late.group(1)) == 60 * n
    assert f'what=on_time">{200 * n}</a>' in html and f'what=overdue">{25 * n}</a>' in html


def test_page_has_two_charts_each_with_its_data_as_a_table_and_no_inline_script_or_style(
    dataset, staff_client, today
):
    html = staff_client.get(
        f"/scorecard/area/{dataset.area.pk}/?from=2022-01-01&to=2024-12-31"
    ).content.decode()
    assert html.count('role="img"') == 2
    assert "Antwoorden per maand" in html and "Toezeggingen aan het einde van elke maand" in html
    assert '<th scope="row">maart 2024</th><td>200</td><td>60</td>' in html
    body = html.split("<main", 1)[1]
    assert "<script" not in body and "style=" not in body


def test_each_number_links_to_the_list_behind_it(dataset, staff_client, today):
    response = staff_client.get(
        "/scorecard/list/",
        {"what": "late", "minister": dataset.minister_a.pk, "from": "2024-01-01", "to": "2024-12-31"},
    )
    html = response.content.decode()
    assert 'Te laat beantwoord <span class="muted">(60)</span>' in html
    assert html.count("/questions/") >= 50  # first page of 50
    promises = staff_client.get(
        "/scorecard/list/",
        {
            "what": "delivered_late",
            "minister": dataset.minister_a.pk,
            "from": "2024-01-01",
            "to": "2024-12-31",
        },
    ).content.decode()
    assert promises.count("/promises/") >= 20


def test_overview_defaults_to_the_twelve_months_up_to_the_latest_question(dataset, staff_client, today):
    html = staff_client.get("/scorecard/").content.decode()
    assert "Alle ministers" in html
    # The latest question is of 2 December 2024: from 1 December 2023 to today.
    assert 'value="2023-12-01"' in html and f'value="{today.isoformat()}"' in html
    assert 'what=asked">322</a>' in html  # own questions of every minister, never the other office's
    area = staff_client.get(f"/scorecard/area/{dataset.area.pk}/").content.decode()
    assert 'value="2023-12-01"' in area


def test_another_office_sees_nothing_of_this_office(dataset, other_office, client, today):
    from tests.factories import MembershipFactory, UserFactory

    outsider = UserFactory(username="buiten")
    MembershipFactory(user=outsider, office=other_office)
    client.force_login(outsider)
    assert client.get(f"/scorecard/minister/{dataset.minister_a.pk}/").status_code == 404
    html = client.get(f"/scorecard/area/{dataset.area.pk}/?from=2022-01-01").content.decode()
    assert 'what=asked">0</a>' in html


def test_unknown_list_is_not_found(staff_client):
    assert staff_client.get("/scorecard/list/?what=everything").status_code == 404
    assert date  # noqa: B018
