"""Reading the interface's answers as it really gives them (shared/OPENDATA.md): every recorded shape reads;
a hit or field that cannot be read is named and skipped, never the whole page."""

import json
from datetime import date
from pathlib import Path

import pytest

from svtracker.parliament.responses import UnexpectedResponse, parse_detail, parse_search, parse_session_years

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "parliament"


def recorded(name):
    return json.loads((FIXTURES / name).read_text())


def by_file(page):
    return {hit.file_id: hit for hit in page.hits}


def test_recorded_search_reads_question_answer_and_annex_hits_and_skips_the_malformed_one():
    from svtracker.parliament.responses import Kind

    page = parse_search(json.dumps(recorded("search_2023-2024_after_answer.json")))

    hits = by_file(page)
    question = hits["2027001"]
    assert (question.parliament_id, question.kind, question.session, question.number) == (
        "1798953", Kind.QUESTION, "2023-2024", 125)
    assert (question.author, question.minister) == ("Maaike De Vreese", "Gwendolyn Rutten")
    assert (question.asked_on, question.answered_on) == (date(2024, 1, 26), date(2024, 2, 23))
    assert question.document_id == "2027001"  # ".../pfile?id=" without /files
    answer = hits["2041122"]
    assert (answer.parliament_id, answer.kind, answer.number, answer.problems) == ("1798953", Kind.ANSWER,
                                                                                   None, ())
    annex = hits["2038560"]
    assert (annex.parliament_id, annex.kind, annex.file_title) == ("1798949", Kind.ANNEX,
                                                                   "Bijlage 1 - Inburgeraars per provincie")
    assert hits["2038554"].themes == ("Integratie en Inburgering", "Werk en Sociale Economie")  # repeated tag
    assert isci_hit(page).author == "Emine Gül Isci"
    [skipped] = page.skipped
    assert skipped.which == "http://be.vlp.feed/1799100/pfls/2029999" and "'metatags'" in skipped.why
    assert (page.count, page.received, len(page.hits)) == (7, 7, 6)


def isci_hit(page):
    return next(hit for hit in page.hits if hit.parliament_id == "1799200")


def _changed(change):
    payload = recorded("search_2023-2024.json")
    tags = payload["result"][3]["metatags"]["metatag"]  # question 123
    payload["result"][3]["metatags"]["metatag"] = change(tags)
    return parse_search(json.dumps(payload))


def _without(name):
    return lambda tags: [t for t in tags if t["name"] != name]


def _with(name, value):
    return lambda tags: [{**t, "value": value} if t["name"] == name else t for t in tags]


@pytest.mark.parametrize(("change", "field"), [
    (_without("vraagsteller"), "vraagsteller"),
    (_without("zittingsjaar"), "zittingsjaar"),
    (_with("vraagsteller", "Maaike De Vreese"), "vraagsteller"),
])
def test_a_hit_it_cannot_read_is_skipped_by_id_and_the_rest_of_the_page_is_read(change, field):
    page = _changed(change)

    [skipped] = [s for s in page.skipped if "1798949" in s.which]
    assert skipped.which == "http://be.vlp.feed/1798949/pfls/2038554" and f"'{field}'" in skipped.why
    assert "2027001" in by_file(page)


@pytest.mark.parametrize(("change", "field", "empty"), [
    (_without("nummer"), None, ("number", None)),
    (_with("nummer", "honderd"), "nummer", ("number", None)),
    (_with("themadatum", "26/01/2024"), "themadatum", ("asked_on", None)),
    (_with("document", "https://docs.vlaamsparlement.be/files/pfile"), "document", ("document_id", "")),
])
def test_a_field_it_cannot_read_is_left_empty_and_named_and_the_hit_kept(change, field, empty):
    hit = by_file(_changed(change))["2038554"]

    assert getattr(hit, empty[0]) == empty[1]
    assert hit.author == "Maaike De Vreese"
    assert [f"'{field}'" in problem for problem in hit.problems] == ([True] if field else [])


def test_a_page_that_is_no_page_of_results_names_what_it_is():
    with pytest.raises(UnexpectedResponse, match="'result'"):
        parse_search('{"result": 7}')
    with pytest.raises(UnexpectedResponse, match="'zoekresultaten'"):
        parse_search("<html>onderhoud")


def test_detail_in_xml_reads_the_same_as_in_json():
    from_xml = parse_detail((FIXTURES / "schv_1798949.xml").read_bytes())
    from_json = parse_detail((FIXTURES / "schv_1798949.json").read_bytes())

    assert from_xml == from_json
    assert (from_xml.number, from_xml.author.parliament_id, from_xml.minister.name) == (123, "4394",
                                                                                       "Gwendolyn Rutten")
    assert from_xml.themes == ("Integratie en Inburgering", "Werk en Sociale Economie")
    assert (from_xml.asked_on, from_xml.answered_on, from_xml.in_time) == (date(2024, 1, 26),
                                                                           date(2024, 2, 22), True)
    assert [f.document_id for f in from_xml.files] == ["2038554", "2038560", "2038561"]


def test_detail_with_vraagnummer_one_procedure_step_as_an_object_and_themes_as_objects():
    detail = parse_detail((FIXTURES / "schv_1798953.json").read_bytes())

    assert detail.number == 125
    assert [(s.on, s.status) for s in detail.steps] == [(date(2024, 1, 26), "Vraag gesteld aan de minister")]
    assert detail.themes == ("Integratie en Inburgering",)
    assert detail.in_time is None and detail.answered_on is None and detail.problems == ()


def test_detail_with_tijdig_as_a_word_a_step_without_datum_and_annexes_in_the_older_form():
    detail = parse_detail((FIXTURES / "schv_1798953_after_answer.json").read_bytes())

    assert (detail.in_time, detail.in_time_text) == (True, "Tijdig")
    assert detail.steps[-1].on is None and detail.steps[-1].status == "Antwoord gepubliceerd"
    assert detail.answered_on == date(2024, 2, 23)
    [annex] = detail.files
    assert (annex.document_id, annex.annex, annex.title) == ("2041130", True,
                                                            "Bijlage - Inschrijvingen bij VDAB per maand")


@pytest.mark.parametrize(("change", "field", "left"), [
    ({"tijdig": "misschien"}, "tijdig", ("in_time", None)),
    ({"procedureverloop": [{"datum": "gisteren", "status": "Tijdig beantwoord"}]}, "procedureverloop.datum",
     ("answered_on", None)),
    ({"thema": [7]}, "thema", ("themes", ())),
])
def test_a_detail_field_it_cannot_read_is_named_and_the_rest_kept(change, field, left):
    detail = parse_detail(json.dumps({**recorded("schv_1798949.json"), **change}))

    assert getattr(detail, left[0]) == left[1]
    assert [f"'{field}'" in problem for problem in detail.problems] == [True]
    assert detail.author.parliament_id == "4394"


def test_a_detail_without_the_askers_person_id_cannot_be_used():
    with pytest.raises(UnexpectedResponse, match="'vraagsteller.id'"):
        parse_detail(json.dumps({**recorded("schv_1798949.json"), "vraagsteller": {"voornaam": "Maaike"}}))


def test_recorded_session_years_read_with_offsets_without_a_colon():
    years = parse_session_years((FIXTURES / "zj_alle.json").read_bytes())

    assert [(y.name, y.start, y.end) for y in years][1] == ("2023-2024", date(2023, 9, 25), date(2024, 9, 22))


def test_members_list_keeps_the_parliaments_own_split_of_first_and_last_name():
    from svtracker.parliament.responses import parse_members

    members, skipped = parse_members((FIXTURES / "vv_huidige.json").read_bytes())

    isci = next(m for m in members if m.parliament_id == "4598")
    assert (isci.first_name, isci.last_name, isci.party) == ("Emine Gül", "Isci", "Groen")
    assert skipped == []
