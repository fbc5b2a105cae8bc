"""Reading the interface's JSON: recorded responses parse, anything else names the field it trips on."""

import json
from datetime import date
from pathlib import Path

import pytest

from svtracker.parliament.responses import (
    UnexpectedResponse,
    parse_detail,
    parse_search,
    parse_session_years,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "parliament"


def recorded(name):
    return json.loads((FIXTURES / name).read_text())


def test_recorded_search_results_read_into_hits():
    page = parse_search(json.dumps(recorded("search_2023-2024_after_answer.json")))

    hit = next(h for h in page.hits if h.number == 125)
    assert (hit.parliament_id, hit.session, hit.author, hit.minister) == (
        "1798953", "2023-2024", "Maaike De Vreese", "Gwendolyn Rutten")
    assert (hit.asked_on, hit.answered_on) == (date(2024, 1, 26), date(2024, 2, 23))
    assert hit.document_id == "2041122"
    assert hit.theme == "Integratie en Inburgering" and not page.has_more


def test_recorded_detail_reads_answer_date_and_in_time_flag():
    detail = parse_detail(json.dumps(recorded("schv_1798953_after_answer.json")))

    assert detail.author.parliament_id == "4311" and detail.minister.name == "Gwendolyn Rutten"
    assert detail.answered_on == date(2024, 2, 23) and detail.in_time is True
    assert parse_detail(json.dumps(recorded("schv_1798953.json"))).answered_on is None


def test_recorded_session_years_read_with_start_and_end():
    years = parse_session_years(json.dumps(recorded("zj_alle.json")))

    assert [(y.name, y.start) for y in years][1] == ("2023-2024", date(2023, 9, 25))


def _without_tag(name):
    payload = recorded("search_2023-2024.json")
    tags = payload["result"][0]["metatags"]["metatag"]
    payload["result"][0]["metatags"]["metatag"] = [t for t in tags if t["name"] != name]
    return json.dumps(payload)


def _with_tag(name, value):
    payload = recorded("search_2023-2024.json")
    for tag in payload["result"][0]["metatags"]["metatag"]:
        if tag["name"] == name:
            tag["value"] = value
    return json.dumps(payload)


@pytest.mark.parametrize(("payload", "field"), [
    (_without_tag("vraagsteller"), "vraagsteller"),
    (_without_tag("zittingsjaar"), "zittingsjaar"),
    (_with_tag("nummer", "honderd"), "nummer"),
    (_with_tag("themadatum", "26/01/2024"), "themadatum"),
    (_with_tag("vraagsteller", "Maaike De Vreese"), "vraagsteller"),
    (_with_tag("document", "https://docs.vlaamsparlement.be/files/pfile"), "document"),
    ('{"result": {"x": 1}}', "result"),
    ("<html>onderhoud</html>", "zoekresultaten"),
])
def test_search_result_it_does_not_understand_names_the_field(payload, field):
    with pytest.raises(UnexpectedResponse) as raised:
        parse_search(payload)

    assert raised.value.field == field and f"'{field}'" in str(raised.value)


@pytest.mark.parametrize(("change", "field"), [
    ({"tijdig": "misschien"}, "tijdig"),
    ({"vraagsteller": {"voornaam": "Maaike"}}, "vraagsteller.id"),
    ({"procedureverloop": [{"datum": "gisteren", "status": "Tijdig beantwoord"}]}, "procedureverloop.datum"),
    ({"thema": 7}, "thema"),
])
def test_detail_it_does_not_understand_names_the_field(change, field):
    with pytest.raises(UnexpectedResponse, match=f"'{field}'"):
        parse_detail(json.dumps({**recorded("schv_1798949.json"), **change}))
