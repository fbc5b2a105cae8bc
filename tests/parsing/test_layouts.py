"""Layouts and phrasings no seed shows in full: flattened text, other references, other promises."""

from __future__ import annotations

import re
from datetime import date

import pytest

from svtracker.parsing import UnreadableDocument, parse_document, parse_text, to_json

from .conftest import SEED_PREFIXES, seed_text

METADATA = ("number", "session", "date", "author", "minister", "title", "theme")


def flattened(text: str) -> str:
    """All lines joined into one, with the "aan" before the minister's name gone (as PDF extraction does)."""
    return re.sub(r"\baan (?=[A-Z]{2,})", "", " ".join(text.split()), count=1)


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_flattened_one_line_text_gives_the_same_metadata(prefix):
    text = seed_text(prefix)
    original, flat = to_json(parse_text(text)), to_json(parse_text(flattened(text)))
    assert {key: flat[key] for key in METADATA} == {key: original[key] for key in METADATA}
    assert [sub["label"] for sub in flat["sub_questions"]] == [
        sub["label"] for sub in original["sub_questions"]
    ]


def test_flattened_header_from_domain_description():
    text = (
        "SCHRIFTELIJKE VRAAG nr. 147 van KURT DE LOOR datum: 26 februari 2024 GWENDOLYN RUTTEN "
        "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, "
        "BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN Inburgeraars - Verplichte inschrijving bij VDAB "
        "In opvolging van mijn vorige vraag van 28 april 2023 vraag ik het volgende. 1. Hoeveel? 2. Waarom?"
    )
    parsed = parse_text(text)
    assert (parsed.number, parsed.date, parsed.session) == (147, date(2024, 2, 26), "2023-2024")
    assert (parsed.author, parsed.minister) == ("Kurt De Loor", "Gwendolyn Rutten")
    assert parsed.title == "Inburgeraars - Verplichte inschrijving bij VDAB"
    assert [sub.label for sub in parsed.sub_questions] == ["1", "2"]
    assert [(r.number, r.date) for r in parsed.references] == [(None, date(2023, 4, 28))]


def test_reference_with_explicit_session():
    parsed = parse_text(
        "Titel - Onderwerp\n\nIk verwijs naar SV nr. 1 (2024-2025) en naar mijn schriftelijke vraag nr. 12 "
        "van 3/3/2023.\n\n1. Hoeveel?\n"
    )
    assert [(r.number, r.session, r.date) for r in parsed.references] == [
        (1, "2024-2025", None),
        (12, "2022-2023", date(2023, 3, 3)),
    ]


def test_own_answer_line_is_not_a_reference():
    assert parse_text(seed_text("002")).references == []


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("De cijfers worden binnenkort bezorgd.", "pending", date(2024, 5, 26)),
        ("De analyse is nog niet afgerond.", "pending", date(2024, 5, 26)),
        ("Het aantal is nog niet bekend.", "pending", date(2024, 5, 26)),
        ("De gegevens zijn nog niet vrijgegeven.", "pending", date(2024, 5, 26)),
        ("Zodra het nieuwe systeem operationeel is, bezorg ik de cijfers.", "pending", date(2024, 5, 26)),
        ("De cijfers zullen in de loop van juni beschikbaar zijn.", "pending", date(2024, 6, 30)),
        ("Het rapport zal dit najaar gepubliceerd worden.", "pending", date(2024, 9, 30)),
        ("De resultaten volgen eind mei.", "pending", date(2024, 5, 31)),
        ("De cijfers worden voor het zomerreces bezorgd.", "pending", date(2024, 7, 15)),
    ],
)
def test_other_promise_phrasings_staff_meet(sentence, kind, expected):
    text = (
        "SCHRIFTELIJKE VRAAG\nnr. 9\nvan AN PEETERS\ndatum: 26 februari 2024\naan BART "
        "SOMERS\nVLAAMS MINISTER "
        f"VAN WONEN\n\nWonen - Cijfers\n\n1. Hoeveel?\n\nANTWOORD\n\n1. {sentence}\n"
    )
    promises = parse_text(text).promises
    assert [(p.kind, p.quote, p.expected) for p in promises] == [(kind, sentence, expected)]


def test_past_period_is_not_a_promise():
    text = "Wonen - Cijfers\n\n1. Hoeveel?\n\nANTWOORD\n\n1. Eind mei 2020 waren er 300 dossiers.\n"
    assert parse_text(text).promises == []


def test_default_interval_is_a_keyword_argument():
    promises = parse_text(seed_text("002"), default_interval_months=6).promises
    assert {p.expected for p in promises} == {date(2021, 3, 30)}
    assert all("6 maanden" in p.basis for p in promises)


def test_missing_parts_become_dutch_warnings():
    parsed = parse_text("Zomaar wat tekst zonder vraag.")
    assert "Geen vraagnummer gevonden" in parsed.warnings
    assert "Geen vraagdatum gevonden" in parsed.warnings
    assert "Enkel een antwoord gevonden, zonder de vraag" in parsed.warnings  # no header, no title: an answer
    assert [warning.code for warning in parsed.warnings][:2] == ["answer_only", "no_number"]
    assert "Geen antwoord gevonden" in parse_text("Wonen - Cijfers\n\n1. Hoeveel?\n").warnings
    assert parse_text("").warnings == ["Lege tekst: geen vraag gevonden"]


def test_parse_document_reads_txt_in_utf8_and_cp1252():
    text = seed_text("000")
    assert parse_document(text.encode("utf-8"), "vraag.txt").title.startswith(
        "Cursussen maatschappelijke oriëntatie"
    )
    cp1252 = text.encode("cp1252", errors="replace")
    assert parse_document(cp1252, "VRAAG.TXT").title.startswith("Cursussen maatschappelijke oriëntatie")


def test_parse_document_refuses_unknown_types():
    with pytest.raises(UnreadableDocument, match="Onbekend bestandstype"):
        parse_document(b"PK\x03\x04", "vraag.odt")
