"""Every field of to_json on the five real documents, with values read from the documents by hand."""

from __future__ import annotations

import pytest

from svtracker.parsing import parse_text, to_json

from .conftest import seed_text

MINISTER_TITLE_2019 = (
    "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, "
    "BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN"
)

EXPECTED = {
    "000": {
        "number": 362,
        "session": "2021-2022",
        "date": "2022-06-15",
        "author": "Maaike De Vreese",
        "minister": "Bart Somers",
        "title": "Cursussen maatschappelijke oriëntatie (MO) - Registraties in het cliëntvolgsysteem en "
        "sanctionering",
        "theme": None,
        "sub_questions": [
            ("1", "Kan de minister een overzicht geven van de registraties?"),
            ("2", "Kan de minister aantonen welke verdere opvolging"),
        ],
        "answer_parts": [
            (["1"], "Hieronder een overzicht van de annulaties"),
            (["2"], "Indien een klant niet"),
        ],
        "references": [
            {
                "number": 155,
                "date": "2022-01-31",
                "session": "2021-2022",
                "text": "In zijn antwoord op mijn schriftelijke vraag nr. 155 van 31 januari 2022 over het "
                "cliëntvolgsysteem gaf de minister een overzicht van de verschillende annulaties "
                "van cursisten "
                "die werden geregistreerd in het cliëntvolgsysteem.",
            }
        ],
        "promises": [
            (
                "available_from",
                "De minister deelde mee dat cijfers kunnen worden getrokken vanaf het najaar 2021.",
                "2021-09-30",
            )
        ],
    },
    "001": {
        "number": 125,
        "session": "2023-2024",
        "date": "2024-01-26",
        "author": "Maaike De Vreese",
        "minister": "Gwendolyn Rutten",
        "title": "Inburgeraars - Verplichte inschrijving bij VDAB (2)",
        "theme": None,
        "sub_questions": [
            (
                "1",
                "Kan de minister een overzicht geven van het aantal inburgeraars dat zich heeft ingeschreven "
                "bij VDAB?",
            ),
            (
                "1.a",
                "Kan de minister een overzicht geven van het aantal inburgeraars dat zich heeft ingeschreven "
                "sinds de start",
            ),
            ("1.b", "Hoeveel van hen hebben al werk gevonden?"),
            ("2", "Hoe evalueert de minister de geïntegreerde intake"),
            ("3", "Hoe verloopt de samenwerking"),
            ("4", "Hoeveel inburgeraars hebben een sanctie gekregen"),
        ],
        "answer_parts": [
            (["1.a"], "Van de personen die tussen 1 maart 2022"),
            (["1.b"], "In de Kruispuntbank Inburgering is niet opgenomen"),
            (["2"], "De Agentschappen Integratie en Inburgering en VDAB evalueerden"),
            (["3"], "De VDAB en de Agentschappen"),
            (["4"], "Sinds 1 maart 2022 tot 1 februari 2024"),
        ],
        "references": [
            {
                "number": 8,
                "date": "2023-10-22",
                "session": "2023-2024",
                "text": "In opvolging van mijn schriftelijke vraag nr. 8 van 22 oktober 2023 stel ik "
                "graag volgende "
                "vragen.",
            },
            {
                "number": 8,
                "date": "2023-10-02",
                "session": "2023-2024",
                "text": "Sinds het antwoord op uw SV 8 van 2 oktober 2023 is er geen nieuwe koppeling "
                "meer gebeurd.",
            },
        ],
        "promises": [
            (
                "partial",
                "De personen met een contract in december 2023 hebben nog de tijd om zich in te "
                "schrijven bij "
                "VDAB en zijn daarom niet in de berekening opgenomen.",
                "2024-04-26",
            ),
            (
                "link_not_refreshed",
                "Deze gegevens halen we uit de zesmaandelijkse koppeling met data van VDAB. "
                "Sinds het antwoord op "
                "uw SV 8 van 2 oktober 2023 is er geen nieuwe koppeling meer gebeurd.",
                "2024-04-02",
            ),
        ],
    },
    "002": {
        "number": 6,
        "session": "2020-2021",
        "date": "2020-09-30",
        "author": "Katrien Partyka",
        "minister": "Bart Somers",
        "title": "Inburgeringstraject - Digitaal verloop tijdens corona",
        "theme": None,
        "sub_questions": [
            ("1", "Kan de minister een overzicht per leeftijdsgroep geven"),
            ("2", "Kan de minister een overzicht geven van de gemiddelde vooruitgang"),
            ("3", "Hoeveel inburgeraars ondertekenden een inburgeringscontract tussen april en juni 2020?"),
            ("4", "Hoeveel inburgeraars namen tussen januari 2019 en heden"),
            ("5", "In de cijfers van het aantal unieke bezoekers met een NT2-vraag"),
        ],
        "answer_parts": [
            (["1"], "De registratie van gegevens inzake cursussen op afstand"),
            (["2"], "Zoals aangegeven in 1. is de uitval"),
            (["3"], "Hierbij een overzicht van het aantal personen dat voor het eerst"),
            (["4"], "Hierbij een overzicht van het aantal personen dat een inburgeringscontract"),
            (["5"], "De cijfers voor het tweede kwartaal staan sinds 2 oktober op de website"),
        ],
        "references": [],
        "promises": [
            (
                "not_registered",
                "De registratie van gegevens inzake cursussen op afstand is momenteel nog niet "
                "voorzien in de KBI.",
                "2020-12-30",
            ),
            ("not_registered", "De aanpassing van de KBI is lopende.", "2020-12-30"),
            (
                "evaluation",
                "De agentschappen zullen evalueren wat de sterke en minder sterke punten zijn "
                "van het digitaal "
                "lesgeven.",
                "2020-12-30",
            ),
        ],
    },
    "003": {
        "number": 714,
        "session": "2015-2016",
        "date": "2016-09-13",
        "author": "Ward Kennes",
        "minister": "Liesbeth Homans",
        "title": "Inburgeringsattest - Resultaatsverbintenis",
        "theme": None,
        "sub_questions": [
            ("1", "Hoeveel procent van de inburgeraars die werden geëvalueerd"),
            ("2", "Kan daarbij een verschil worden vastgesteld"),
            ("3", "Hoeveel inburgeringsattesten werden na de invoering"),
            ("4", "Hoeveel procent van de inburgeraars die de onderdelen MO en NT2"),
            ("5", "Hoeveel procent van de inburgeraars die de onderdelen MO en NT2"),
        ],
        "answer_parts": [
            (["1", "2"], "Van de personen die sinds 29/02/2016"),
            (["3"], "Van alle personen die sinds 29/2/2016"),
            (["4", "5"], "Het rapportagesysteem waarmee de Kruispuntbank Inburgering"),
        ],
        "references": [],
        "promises": [
            (
                "not_registered",
                "Het registratiesysteem laat momenteel nog niet toe om op geaggregeerd niveau "
                "deze cijfers te "
                "verfijnen.",
                "2016-12-13",
            ),
            (
                "not_registered",
                "Het rapportagesysteem waarmee de Kruispuntbank Inburgering kan bevraagd worden, "
                "wordt momenteel "
                "verbeterd zodat deze vragen kunnen beantwoord worden.",
                "2016-12-13",
            ),
        ],
    },
    "004": {
        "number": 123,
        "session": "2023-2024",
        "date": "2024-01-26",
        "author": "Maaike De Vreese",
        "minister": "Gwendolyn Rutten",
        "title": "Inburgeringstrajecten - Stand van zaken",
        "theme": "Integratie en Inburgering",
        "sub_questions": [
            ("1", "Kan de minister een overzicht geven van het aantal uitgestuurde uitnodigingen"),
            ("1.a", "graag een indeling in enerzijds"),
            ("1.b", "een indeling per agentschap;"),
            ("1.c", "een indeling per provincie."),
            (
                "2",
                "Kan de minister een overzicht geven van het aantal inburgeraars dat een "
                "inburgeringscontract",
            ),
            ("2.a", "een indeling per agentschap;"),
            ("2.b", "een indeling per provincie;"),
            ("2.c", "een indeling per nationaliteitsgroep (EU, niet-EU, onbepaald);"),
            ("2.d", "een indeling per nationaliteit;"),
            ("2.e", "een indeling per geslacht;"),
            ("2.f", "een indeling van inburgeraars per doelgroep: verplicht, rechthebbend en onbepaald;"),
            ("2.g", "een indeling op basis van verblijfsreden/statuut (arbeidsmigrant EU+,"),
        ],
        "answer_parts": [
            ([], "De cijfers geven de situatie weer op 31/1/2024."),
            (["1"], "Zie bijlage tabblad 1."),
            (["2"], "Zie bijlage tabbladen 2ab, 2c, 2d, 2e, 2f en 2g."),
        ],
        "references": [
            {
                "number": 113,
                "date": "2023-01-06",
                "session": "2022-2023",
                "text": "Daarom vraag ik graag, in opvolging van mijn schriftelijke vraag nr. 113 van 6 "
                "januari 2023, "
                "de laatste stand van zaken op van het aantal trajecten, contracten en attesten.",
            }
        ],
        "promises": [
            (
                "provisional",
                "De finale validering van de cijfers van 2023 moet nog gebeuren. Deze cijfers "
                "zijn daarom onder "
                "voorbehoud.",
                "2024-04-26",
            ),
            (
                "still_growing",
                "Het bereik voor 2023 zal nog stijgen aangezien personen drie maanden de tijd "
                "hebben om zich aan "
                "te melden.",
                "2024-04-26",
            ),
        ],
    },
}

SEEDS = sorted(EXPECTED)


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    return {prefix: to_json(parse_text(seed_text(prefix))) for prefix in SEEDS}


def test_to_json_has_exactly_the_agreed_keys(results):
    for result in results.values():
        assert list(result) == [
            "number",
            "session",
            "date",
            "author",
            "minister",
            "title",
            "theme",
            "sub_questions",
            "answer_parts",
            "references",
            "promises",
            "warnings",
        ]
        assert all(set(sub) == {"label", "text"} for sub in result["sub_questions"])
        assert all(set(part) == {"labels", "text"} for part in result["answer_parts"])
        assert all(set(ref) == {"number", "date", "session", "text"} for ref in result["references"])
        assert all(
            set(p) == {"kind", "quote", "expected", "basis", "cue", "confidence", "quoted_from"}
            for p in result["promises"]
        )


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_metadata_is_read(results, prefix):
    result, expected = results[prefix], EXPECTED[prefix]
    for field in ("number", "session", "date", "author", "minister", "title", "theme"):
        assert result[field] == expected[field], field


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_sub_questions_have_their_labels_and_text(results, prefix):
    found = results[prefix]["sub_questions"]
    assert [sub["label"] for sub in found] == [label for label, _ in EXPECTED[prefix]["sub_questions"]]
    for sub, (_, start) in zip(found, EXPECTED[prefix]["sub_questions"], strict=True):
        assert sub["text"].startswith(start)


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_answer_parts_cover_the_right_sub_questions(results, prefix):
    found = results[prefix]["answer_parts"]
    assert [part["labels"] for part in found] == [labels for labels, _ in EXPECTED[prefix]["answer_parts"]]
    for part, (_, start) in zip(found, EXPECTED[prefix]["answer_parts"], strict=True):
        assert part["text"].startswith(start)


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_references_to_earlier_questions(results, prefix):
    assert results[prefix]["references"] == EXPECTED[prefix]["references"]


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_promises_are_proposed_with_quote_and_date(results, prefix):
    found = [(p["kind"], p["quote"], p["expected"]) for p in results[prefix]["promises"]]
    assert found == EXPECTED[prefix]["promises"]
    assert all(p["basis"] for p in results[prefix]["promises"])


@pytest.mark.parametrize("prefix", SEEDS)
def test_seeds_parse_without_warnings(results, prefix):
    assert results[prefix]["warnings"] == []


def test_minister_function_title_kept_in_capitals():
    assert parse_text(seed_text("000")).minister_title == MINISTER_TITLE_2019
    assert parse_text(seed_text("001")).minister_title == MINISTER_TITLE_2019


def test_answer_has_no_minister_name_or_answer_header_in_question_text():
    parsed = parse_text(seed_text("001"))
    assert parsed.sub_questions[-1].text.endswith("Graag deze gegevens in Excel-bestand.")
    assert "GWENDOLYN" not in parsed.sub_questions[-1].text
    assert parsed.has_answer


def test_answer_without_antwoord_line_starts_at_first_range_label():
    parsed = parse_text(seed_text("003"))
    assert parsed.has_answer
    assert parsed.sub_questions[-1].text.endswith("ontving geen inburgeringsattest?")


def test_annex_announced_and_not_part_of_the_answer():
    parsed = parse_text(seed_text("004"))
    assert parsed.annex_announced
    assert "BIJLAGE" not in parsed.answer_parts[-1].text
    assert parsed.links == {
        "pdf link": "https://docs.vlaamsparlement.be/pfile?id=2038554",
        "thema link": "https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/1798949",
    }


def test_published_figures_are_not_a_promise():
    quotes = " ".join(p.quote for p in parse_text(seed_text("002")).promises)
    assert "staan sinds 2 oktober op de website" not in quotes


def test_both_mentions_of_question_8_are_kept_apart_question_and_answer():
    references = parse_text(seed_text("001")).references
    assert [(r.number, r.date.isoformat(), r.in_answer) for r in references] == [
        (8, "2023-10-22", False),
        (8, "2023-10-02", True),
    ]


def test_page_header_and_broken_words_are_cleaned():
    parsed = parse_text(seed_text("002"))
    assert "Leeftijdscategorie" in parsed.answer_parts[0].text
    assert "ICT-middelen" in parsed.answer_parts[0].text
    assert "SCHRIFTELIJKE VRAAG" not in parse_text(seed_text("000")).explanation


def test_same_text_gives_same_result():
    text = seed_text("001")
    assert to_json(parse_text(text)) == to_json(parse_text(text))
