"""The reader of documents it was not tuned to: one test per layout and per failure kind of issue 11.

Real text is used where it was found (the Bulletin van Vragen en Antwoorden of April 2006, a Tweede Kamer
answer of 2013, the seeds); the rest is written the way today's PDFs extract, as described in the issue.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest

from svtracker.parsing import (
    UnreadableDocument,
    parse_document,
    parse_questions,
    parse_text,
)
from svtracker.parsing.dates import forward_date, tk_session_for
from svtracker.parsing.labels import covers, parse_label
from svtracker.parsing.layouts import LAYOUTS
from svtracker.parsing.tables import read_number
from svtracker.parsing.types import PROMISE_KINDS

from .conftest import seed_text

HEADER = (
    "SCHRIFTELIJKE VRAAG\nnr. 251\nvan AN PEETERS\ndatum: 3 februari 2026\naan MATTHIAS DIEPENDAELE\n"
    "MINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN ECONOMIE\n\n"
)


def document(body: str, answer: str = "", *, title: str = "Kinderopvang  -  Wachtlijsten") -> str:
    text = HEADER + f"{title}\n" + body
    if answer:
        text += "\n\nANTWOORD\nop vraag nr. 251 van 3 februari 2026\nvan AN PEETERS\n\n" + answer
    return text


# ----------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("answer", "labels"),
    [
        ("1.\nDe wachtlijst telt 300 kinderen.\n2.\nEr zijn 40 plaatsen bij.\n", [("1",), ("2",)]),
        ("1-2. Samen beantwoord.\n3. Apart.\n", [("1", "2"), ("3",)]),
        ("1, 2. Samen beantwoord.\n3. Apart.\n", [("1", "2"), ("3",)]),
        ("1 en 2. Samen beantwoord.\n3. Apart.\n", [("1", "2"), ("3",)]),
        ("1. a)\nVan de kinderen ...\nb)\nDe rest ...\n2. Apart.\n", [("1.a",), ("1.b",), ("2",)]),
        ("Zie hieronder: 1. Eerst dit. 2. Dan dat. 3. Tot slot.", [(), ("1",), ("2",), ("3",)]),
    ],
    ids=["alone-on-line", "range", "comma", "en", "number-letter", "flattened-after-colon"],
)
def test_answer_part_labels_in_every_printed_form(answer, labels):
    parsed = parse_text(document("\n1. Hoeveel?\n2. Waar?\n3. Wanneer?\n", answer))
    assert [part.labels for part in parsed.answer_parts] == labels


def test_sub_question_labels_alone_on_their_line_and_after_a_parenthesis():
    parsed = parse_text(
        document("\nIk stel de volgende vragen (zie bijlage) 1. Hoeveel?\n2.\nWaar?\n3)\nWanneer?\n")
    )
    assert [(sub.label, sub.text) for sub in parsed.sub_questions] == [
        ("1", "Hoeveel?"),
        ("2", "Waar?"),
        ("3", "Wanneer?"),
    ]


def test_labels_are_typed_and_1_2_never_matches_12():
    assert parse_label("1-2").numbers == (1, 2)
    assert parse_label("12").numbers == (12,)
    assert parse_label("1.a").letter == "a"
    assert covers(("1", "2"), "1-2") and covers(("1",), "1.a") and not covers(("1.a",), "1.b")
    assert not covers(("12",), "1-2") and not covers(("1", "2"), "12")


# ----------------------------------------------------------------- titles


@pytest.mark.parametrize(
    "introduction",
    [
        "Volgens Kind en Gezin wachten 3.000 kinderen op een plaats.",
        "3.000 kinderen wachten volgens Kind en Gezin op een plaats.",
        "Jan Peeters van Kind en Gezin meldde dat 3.000 kinderen wachten.",
        "Gisteren bleek dat 3.000 kinderen wachten.",
    ],
    ids=["word", "number", "name", "any-word"],
)
def test_title_line_does_not_swallow_the_introduction(introduction):
    parsed = parse_text(document(f"{introduction}\nDat is veel.\n\n1. Hoeveel?\n"))
    assert parsed.title == "Kinderopvang - Wachtlijsten"
    assert parsed.explanation.startswith(introduction.split()[0])


def test_title_flattened_into_one_line_with_its_introduction():
    text = (
        HEADER.replace("\n", " ") + "Kinderopvang - Wachtlijsten in Gent Op 1 maart waren er 300. 1. Hoeveel?"
    )
    assert parse_text(text).title == "Kinderopvang - Wachtlijsten in Gent"


def test_text_without_a_title_gets_none():
    assert parse_text("De cijfers voor 2024 zijn nog niet beschikbaar. Ze volgen in juni.").title is None


# ----------------------------------------------------------------- answers without header


def test_a_text_that_is_only_an_answer_is_read_as_answer_and_for_promises():
    parsed = parse_text(
        "1. In 2024 waren er 1.091 aanvragen.\n2. De cijfers voor 2025 zijn nog niet beschikbaar. Deze "
        "cijfers worden verwacht in de loop van juni.\n"
    )
    assert parsed.has_answer and [part.labels for part in parsed.answer_parts] == [("1",), ("2",)]
    assert parsed.sub_questions == []
    assert "answer_only" in [warning.code for warning in parsed.warnings]
    assert [p.quote for p in parsed.promises] == [
        "De cijfers voor 2025 zijn nog niet beschikbaar. Deze cijfers worden verwacht in de loop van juni."
    ]


def test_document_without_antwoord_line_after_the_minister_block_is_searched_for_promises():
    text = document(
        "\n1. Hoeveel?\n\nMATTHIAS DIEPENDAELE\nVLAAMS MINISTER VAN ECONOMIE\n\n1. Het onderzoek loopt nog.\n"
    )
    parsed = parse_text(text)
    assert parsed.has_answer
    assert [p.cue for p in parsed.promises] == ["loopt nog"]


# ----------------------------------------------------------------- page furniture


def test_running_headers_and_footers_are_removed():
    answer = (
        "1. De cijfers van de\nSchriftelijke vraag 251 (2025-2026)\npagina 2 van 3\nkinderopvang volgen.\n"
        "2. Er zijn 40 plaatsen bij.\n"
    )
    parsed = parse_text(document("\n1. Hoeveel?\n2. Waar?\n", answer))
    assert parsed.answer_parts[0].text == "De cijfers van de kinderopvang volgen."


def test_a_date_line_repeated_on_every_page_is_a_footer_but_the_question_date_stays():
    footer = "\n3 februari 2026\n"
    parsed = parse_text(document(f"\n1. Hoeveel?{footer}", f"1. Er zijn er{footer}300.{footer}"))
    assert parsed.date == date(2026, 2, 3)
    assert parsed.answer_parts[0].text == "Er zijn er 300."


def test_hyphenation_across_lines_is_undone_in_names_and_months():
    text = (
        "SCHRIFTELIJKE VRAAG\nnr. 251\nvan AN PEETERS\ndatum: 3 febru-\nari 2026\naan MATTHIAS DIEPEN-\n"
        "DAELE\nMINISTER-PRESIDENT VAN DE VLAAMSE REGERING\n\nKinderopvang  -  Wachtlijsten\n\n1. Hoeveel?\n"
    )
    parsed = parse_text(text)
    assert parsed.date == date(2026, 2, 3)
    assert parsed.minister == "Matthias Diependaele"


# ----------------------------------------------------------------- several questions in one file (Bulletin)

# Bulletin van Vragen en Antwoorden, Vlaams Parlement, nr. 7, April 2006 (as a document site extracts it),
# followed by a second question of the same minister written in its layout.
BULLETIN = (
    "Vlaams Parlement - Vragen en Antwoorden - Nr.7 - April 2006 -1-\n"
    "\n"
    "A. Vragen waarop werd geantwoord binnen de reglementaire termijn Vlaams Parlement - Vragen en"
    " Antwoorden - Nr.7 - April 2006 -3-\n"
    "\n"
    "YVES LETERME, MINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN INSTITUTIONELE"
    " HERVORMINGEN, LANDBOUW, ZEEVISSERIJ EN PLATTELANDSBELEID\n"
    "\n"
    "Vlaams Parlement - Vragen en Antwoorden - Nr.7 - April 2006 -5-\n"
    "\n"
    "YVES LETERME MINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN INSTITUTIONELE"
    " HERVOR- MINGEN, LANDBOUW, ZEEVISSERIJ EN PLATTELANDSBELEID\n"
    "\n"
    "Vraag nr. 42 van 8 maart 2006 van JAN LOONES\n"
    "\n"
    "Berekening mestquota - Oppervlakte kleine landschapselementen\n"
    "\n"
    "Veel landbouwers in de Westhoek hebben, ter verfraaiing van het landschap, in de voorbije"
    " jaren hagen en houtkanten aangeplant.\n"
    "\n"
    "1. Kan de minister meedelen hoeveel landbouwers getroffen zijn?\n"
    "\n"
    "Antwoord\n"
    "\n"
    "1. De Mestbank telt 312 bedrijven. De gegevens voor 2006 zijn nog niet volledig.\n"
    "\n"
    "Vraag nr. 43 van 9 maart 2006 van JOS DE MEYER\n"
    "\n"
    "Plattelandsbeleid - Leader+\n"
    "\n"
    "Hoeveel projecten liepen er in 2005?\n"
    "\n"
    "Antwoord\n"
    "\n"
    "Er liepen 14 projecten.\n"
    "\n"
)


def test_bulletin_gives_every_question_with_its_minister_and_title():
    found = parse_questions(BULLETIN)
    assert [(q.number, q.date, q.author, q.minister, q.title) for q in found] == [
        (
            42,
            date(2006, 3, 8),
            "Jan Loones",
            "Yves Leterme",
            "Berekening mestquota - Oppervlakte kleine landschapselementen",
        ),
        (43, date(2006, 3, 9), "Jos De Meyer", "Yves Leterme", "Plattelandsbeleid - Leader+"),
    ]
    assert [part.labels for part in found[0].answer_parts] == [("1",)]
    assert [p.kind for p in found[0].promises] == ["pending"]
    assert parse_text(BULLETIN).number == 42  # parse_text keeps returning the first


# ----------------------------------------------------------------- Tweede Kamer

# Aanhangsel van de Handelingen 2012-2013, nr. 2068 (real; footnote kept).
TWEEDE_KAMER = (
    "Vragen van het lid Van Raak (SP) aan de minister-president over het beleid bij mogelijke"
    " belangenverstrengeling bij de beantwoording van vragen uit de Tweede Kamer (ingezonden 23"
    " april 2013).\n"
    "\n"
    "Antwoord van minister-president Rutte (Algemene Zaken) (ontvangen 25 april 2013).\n"
    "\n"
    "Vraag 1\n"
    "\n"
    "Deelt u de opvatting dat het grondwettelijk recht van Kamerleden om vragen te stellen ook"
    " gepaard gaat met de politieke plicht van de regering om die vragen naar behoren te"
    " beantwoorden?1\n"
    "\n"
    "Antwoord 1\n"
    "\n"
    "Ja\n"
    "\n"
    "Vraag 2 en 3\n"
    "\n"
    "Bent u op de hoogte van het feit dat de echtgenoot van de minister in dienst is van de Raad"
    " van Bestuur?2\n"
    "\n"
    "Welke afspraken hebt u met de minister gemaakt?\n"
    "\n"
    "Antwoord 2 en 3\n"
    "\n"
    "De echtgenoot van de minister is niet in dienst van de Raad van Bestuur.\n"
    "\n"
    "X Noot\n"
    "1\n"
    "\n"
    "Aanhangsel Handelingen, vergaderjaar 2012–2013, nr. 1969\n"
    "\n"
)


def test_tweede_kamer_answer_with_vraag_and_antwoord_lines():
    parsed = parse_text(TWEEDE_KAMER)
    assert (parsed.author, parsed.minister, parsed.date, parsed.session) == (
        "Van Raak",
        "Rutte",
        date(2013, 4, 23),
        "2012-2013",
    )
    assert parsed.title.startswith("het beleid bij mogelijke belangenverstrengeling")
    assert [sub.label for sub in parsed.sub_questions] == ["1", "2", "3"]
    assert [part.labels for part in parsed.answer_parts] == [("1",), ("2", "3")]
    assert [(ref.number, ref.session) for ref in parsed.references] == [(1969, "2012-2013")]


def test_tweede_kamer_session_starts_on_the_third_tuesday_of_september():
    assert tk_session_for(date(2021, 9, 24)) == "2021-2022"  # Prinsjesdag 2021 was 21 September
    assert tk_session_for(date(2021, 9, 20)) == "2020-2021"


def test_every_layout_documents_a_real_example():
    for layout in LAYOUTS:
        assert layout.read.__doc__ and len(layout.read.__doc__.splitlines()) > 2, layout.name


# ----------------------------------------------------------------- promises by evidence


@pytest.mark.parametrize(
    ("sentence", "cue", "expected"),
    [
        (
            "De resultaten worden tegen het najaar verwacht.",
            "worden tegen het najaar verwacht",
            date(2026, 9, 30),
        ),
        (
            "Het rapport wordt ten laatste eind 2026 opgeleverd en zal dan bezorgd worden.",
            None,
            date(2026, 12, 31),
        ),
        ("Het onderzoek loopt nog.", "loopt nog", date(2026, 5, 3)),
        (
            "Er wordt gewerkt aan een nieuwe meting van de wachtlijsten.",
            "er wordt gewerkt aan",
            date(2026, 5, 3),
        ),
        ("De nieuwe registratie van de cijfers is in voorbereiding.", "in voorbereiding", date(2026, 5, 3)),
        (
            "Over de verdeling van de middelen is nog geen beslissing genomen.",
            "nog geen beslissing",
            date(2026, 5, 3),
        ),
        ("Zodra het rapport afgerond is, bezorg ik de cijfers.", "zodra", date(2026, 5, 3)),
        (
            "Het is nog te vroeg om de effecten van de maatregel te beoordelen.",
            "nog te vroeg om",
            date(2026, 5, 3),
        ),
        ("Dit zijn voorlopige cijfers.", "voorlopige cijfers", date(2026, 5, 3)),
        ("De metingen zijn nog niet gestart.", "nog niet gestart", date(2026, 5, 3)),
        ("De cijfers volgen in het tweede kwartaal van 2026.", None, date(2026, 6, 30)),
        ("De evaluatie zal binnen drie maanden beschikbaar zijn.", None, date(2026, 5, 3)),
        ("De gegevens zullen begin 2027 gepubliceerd worden.", None, date(2027, 3, 31)),
    ],
)
def test_held_back_data_is_proposed_with_cue_and_date(sentence, cue, expected):
    parsed = parse_text(document("\n1. Hoeveel?\n", f"1. {sentence}\n"))
    assert len(parsed.promises) == 1, sentence
    promise = parsed.promises[0]
    assert promise.kind in PROMISE_KINDS
    assert promise.quote == sentence and promise.expected == expected and promise.basis
    assert 0.5 <= promise.confidence <= 1
    if cue is not None:
        assert promise.cue.lower() == cue


@pytest.mark.parametrize(
    "sentence",
    [
        "De cijfers voor 2025 staan sinds 2 oktober op de website.",
        "De gegevens werden op 5 maart bezorgd aan de commissie.",
        "In 2023 waren er 1.091 aanvragen.",
        "Kan de minister meedelen wanneer de cijfers beschikbaar zijn?",
    ],
)
def test_published_or_delivered_data_is_no_promise(sentence):
    assert parse_text(document("\n1. Hoeveel?\n", f"1. {sentence}\n")).promises == []


def test_one_held_back_item_over_two_sentences_is_one_promise_dated_by_the_second():
    answer = (
        "1. De cijfers voor 2025 zijn nog niet beschikbaar.\n"
        "Deze cijfers worden verwacht in de loop van juni.\n"
    )
    (promise,) = parse_text(document("\n1. Hoeveel?\n", answer)).promises
    assert promise.quote.startswith("De cijfers voor 2025") and promise.quote.endswith("loop van juni.")
    assert promise.expected == date(2026, 6, 30)


def test_promise_quoted_from_an_earlier_answer_names_that_question():
    body = (
        "In zijn antwoord op mijn schriftelijke vraag nr. 155 van 31 januari 2025 deelde de minister mee "
        "dat de cijfers nog niet beschikbaar waren.\n\n1. Hoeveel?\n"
    )
    (promise,) = parse_text(document(body)).promises
    assert promise.quoted_from is not None and promise.quoted_from.number == 155


def test_forward_dates_read_from_the_sentence():
    reference = date(2026, 2, 3)
    assert forward_date("uiterlijk in het najaar van 2026", reference)[0] == date(2026, 9, 30)
    assert forward_date("tegen eind maart", reference)[0] == date(2026, 3, 31)
    assert forward_date("in 2023 waren er", reference)[0] is None  # points back
    assert forward_date("de februaribrief", reference)[0] is None


def test_promise_kinds_are_one_list():
    from svtracker.parsing import promises

    assert {pattern.kind for pattern in promises.PATTERNS} | {cue.kind for cue in promises.CUES} <= set(
        PROMISE_KINDS
    )


# ----------------------------------------------------------------- readable answers and tables


def test_answer_is_reflowed_into_paragraphs_with_lists_kept():
    answer = (
        "1. De samenwerking tussen beide agentschappen wordt bestendigd in een overeenkomst,\n"
        "met daarin:\n• een betere samenwerkingsflow;\n• een gezamenlijke werkgevers-\naanpak.\n\n"
        "Dat is het kader.\n"
    )
    part = parse_text(document("\n1. Hoe?\n", answer)).answer_parts[0]
    assert part.text == (
        "De samenwerking tussen beide agentschappen wordt bestendigd in een overeenkomst, met daarin:\n"
        "• een betere samenwerkingsflow;\n• een gezamenlijke werkgeversaanpak.\n\nDat is het kader."
    )
    assert "overeenkomst,\nmet daarin" in part.original


def test_seed_001_has_its_two_answer_tables_as_tables():
    tables = parse_text(seed_text("001")).tables
    assert len(tables) == 2
    first, second = tables
    assert first.header == ("", "2022", "2023", "totaal")
    assert [row.label for row in first.rows] == ["rechthebbend", "verplicht", "Totaal"]
    assert [cell.value for cell in first.rows[0].cells] == [Decimal(3091), Decimal(5025), Decimal(8116)]
    assert first.answer_labels == ("1.a",)
    assert second.header[:4] == ("", "<2m", ">2m", "niet ingeschreven")
    assert [(cell.value, cell.unit) for cell in second.rows[0].cells][:2] == [
        (Decimal(74), "%"),
        (Decimal(13), "%"),
    ]


def values(row) -> list:
    return [cell.value for cell in row.cells]


def test_seed_000_keeps_incomplete_rows_with_their_blanks_where_the_column_sums_put_them():
    """No. 362's cancellations: two groups ("annulering agentschap", "annulering cursist") whose reasons add
    up to them month by month, and "Totaal"; reasons with no cancellation in a month print fewer numbers."""
    (table,) = parse_text(seed_text("000")).tables
    assert table.header == ("", "maart", "april", "mei", "juni")
    rows = {row.label: row for row in table.rows}
    assert len(table.rows) == 26 and table.rows[-1].label == "Totaal"
    assert values(rows["annulering agentschap"]) == [190, 39, 162, 20]
    assert values(rows["probleem technische infrastructuur"]) == [26, 4, 20, None]
    assert values(rows["Totaal"]) == [1281, 214, 1150, 90]
    assert values(rows["onvoldoende digivaardig"]) == [19, None, 43, None]
    assert values(rows["hoogzwanger"]) == [7, None, 8, 1]
    assert values(rows["verwante overleden"]) == [1, 1, None, None]
    assert values(rows["verblijf gevangenis"]) == [1, None, None, None]
    blank = rows["hoogzwanger"].cells[1]
    assert (blank.text, blank.unit) == ("", "")


def test_a_total_row_below_places_the_numbers_of_a_shorter_row():
    answer = "1. Zo veel:\n\n2022 2023 2024\nGent 10 20 30\nBrugge 5 6\nTotaal 15 20 36\n"
    (table,) = parse_text(document("\n1. Hoeveel?\n", answer)).tables
    assert [(row.label, values(row)) for row in table.rows] == [
        ("Gent", [10, 20, 30]),
        ("Brugge", [5, None, 6]),
        ("Totaal", [15, 20, 36]),
    ]


def test_a_shorter_row_is_not_guessed_into_columns_when_no_total_places_it():
    """Without a total, "Brugge 5 6" could be any two of the three years: the row is left out."""
    answer = "1. Zo veel:\n\n2022 2023 2024\nGent 10 20 30\nBrugge 5 6\nAntwerpen 1 2 3\n"
    tables = parse_text(document("\n1. Hoeveel?\n", answer)).tables
    assert "Brugge" not in [row.label for table in tables for row in table.rows]


def test_table_with_caption_and_a_total_printed_apart_is_one_table():
    tables = parse_text(seed_text("002")).tables
    by_caption = {table.caption: table for table in tables if table.caption}
    first = by_caption["Tabel 1: Aantal personen met een eerste ondertekende inburgeringscontract"]
    assert first.header == ("", "2018", "2019", "2020") and first.answer_labels == ("3",)
    assert [row.label for row in first.rows] == ["april", "mei", "juni", "totaal"]
    assert [cell.value for cell in first.rows[-1].cells] == [Decimal(4749), Decimal(4908), Decimal(2600)]


@pytest.mark.parametrize(
    ("printed", "value", "unit"),
    [
        ("1.091", Decimal(1091), ""),
        ("44%", Decimal(44), "%"),
        ("12,5", Decimal("12.5"), ""),
        ("23.579", Decimal(23579), ""),
    ],
)
def test_dutch_numbers_in_table_cells(printed, value, unit):
    cell = read_number(printed)
    assert (cell.value, cell.unit, cell.text) == (value, unit, printed)


# ----------------------------------------------------------------- formats


def docx_bytes() -> bytes:
    from docx import Document

    word = Document()
    for line in document("\n1. Hoeveel aanvragen waren er?\n").split("\n"):
        word.add_paragraph(line)
    word.add_paragraph("ANTWOORD")
    word.add_paragraph("1. Er waren er zoveel:")
    table = word.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, (("", "2024", "2025"), ("Gent", "1.091", "1.200")), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_docx_is_read_with_its_table():
    parsed = parse_document(docx_bytes(), "antwoord.docx")
    assert (parsed.number, parsed.author, parsed.title) == (251, "An Peeters", "Kinderopvang - Wachtlijsten")
    assert [part.labels for part in parsed.answer_parts] == [("1",)]
    assert "Gent 1.091 1.200" in parsed.answer_parts[0].original
    (table,) = parsed.tables
    assert table.header == ("", "2024", "2025") and table.rows[0].label == "Gent"
    assert [cell.value for cell in table.rows[0].cells] == [Decimal(1091), Decimal(1200)]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "antwoord.doc", "als .docx of als PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "antwoord.docx", "Oude Word-bestanden"),
        (b"PK\x03\x04 kapot", "antwoord.docx", "beschadigd"),
        (b"", "antwoord.docx", "leeg"),
    ],
    ids=["doc", "doc-renamed", "broken-docx", "empty-docx"],
)
def test_word_files_that_cannot_be_read_get_a_dutch_message(data, name, message):
    with pytest.raises(UnreadableDocument, match=message):
        parse_document(data, name)


PIPE_PAGE = (
    "Eventuele voornemens het demonstratierecht te beperken |\n|\nRonald van Raak |\n|\n"
    "Kajsa Ollongren (viceminister-president , minister binnenlandse zaken en koninkrijksrelaties)"
    " (D66) |\n|\n"
    "Is het waar dat er voornemens zijn extra voorwaarden te stellen aan demonstraties?\n"
    "Kunt u deze vragen voor 26 februari 2021 beantwoorden? Zo nee, waarom niet?\n"
    "De vragen zijn zo spoedig als mogelijk beantwoord.\n"
    "Bent u bekend met de uitspraak van het Internationaal Strafhof?\nJa.\n"
)


def test_page_of_cells_with_a_second_question_set_after_the_closing_question():
    first, second = parse_questions(PIPE_PAGE)
    assert (first.title, first.author, first.minister) == (
        "Eventuele voornemens het demonstratierecht te beperken",
        "Ronald van Raak",
        "Kajsa Ollongren",
    )
    assert "Kunt u deze vragen" in first.sub_questions[-1].text
    assert (second.title, second.author) == (None, None)
    assert [
        (sub.text, part.text) for sub, part in zip(second.sub_questions, second.answer_parts, strict=True)
    ] == [("Bent u bekend met de uitspraak van het Internationaal Strafhof?", "Ja.")]
