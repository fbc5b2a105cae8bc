"""The drafts staff get for the real series in the seeds, and what their PDFs say."""

import pytest

from svtracker.drafts.pdf import render_draft_pdf
from svtracker.drafts.services import draft_follow_up
from svtracker.promises.models import Promise
from svtracker.questions.selectors import find_questions

from .conftest import TODAY

RUTTEN_TITLE = ("VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, "
                "BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN")


def _question(office, session, number):
    return find_questions(office=office, session=session, number=number).get()


@pytest.fixture
def draft_125(seeded_office, staff):
    question = _question(seeded_office, "2023-2024", 125)
    return draft_follow_up(office=seeded_office, user=staff, question=question, today=TODAY)


@pytest.fixture
def draft_362(seeded_office, staff):
    question = _question(seeded_office, "2021-2022", 362)
    return draft_follow_up(office=seeded_office, user=staff, question=question, today=TODAY)


def test_follow_up_of_125_cites_8_with_the_ministers_date_and_125(draft_125):
    # Seed 001: the member wrote "nr. 8 van 22 oktober 2023", the minister's answer "2 oktober 2023".
    assert draft_125.introduction.startswith(
        "In opvolging van mijn schriftelijke vraag nr. 8 van 2 oktober 2023 en nr. 125 van 26 januari 2024 ")


def test_follow_up_of_125_quotes_what_was_missing_verbatim_with_its_source(draft_125):
    introduction = draft_125.introduction
    assert ("«Deze gegevens halen we uit de zesmaandelijkse koppeling met data van VDAB. Sinds het antwoord "
            "op uw SV 8 van 2 oktober 2023 is er geen nieuwe koppeling meer gebeurd.» "
            "(antwoord op vraag nr. 125)") in introduction
    assert ("«De personen met een contract in december 2023 hebben nog de tijd om zich in te schrijven bij "
            "VDAB en zijn daarom niet in de berekening opgenomen.» "
            "(antwoord op vraag nr. 125)") in introduction


def test_follow_up_of_125_is_the_third_of_the_series_to_the_current_minister_for_the_member(draft_125):
    assert draft_125.title == "Inburgeraars - Verplichte inschrijving bij VDAB (3)"
    assert draft_125.minister.name == "Gwendolyn Rutten"
    assert draft_125.minister_title == RUTTEN_TITLE
    assert draft_125.author.name == "Maaike De Vreese"


def test_follow_up_of_125_asks_again_for_what_is_owed_and_asks_for_excel(draft_125):
    # Sub-question 1 has no answer part of its own ("Hoeveel ... doorverwezen via de agentschappen?" was not
    # answered); 1.a and 1.b hold the promises; they are asked again under 1.
    assert len(draft_125.questions) == 1
    asked = draft_125.questions[0]
    assert ("\nb) Hoeveel van hen hebben al werk gevonden? Hoeveel van hen zijn momenteel nog aan het "
            "werk?") in asked
    assert "Excel" not in asked  # said once, in the closing line
    assert draft_125.excel_closing is True
    assert {p.kind for p in draft_125.promises.all()} == {"partial", "link_not_refreshed"}


def test_follow_up_of_125_asks_for_the_figures_since_the_answer_not_the_same_question_again(draft_125):
    # The answer counted contracts "tussen 1 maart 2022 en 30 november 2023": the follow-up asks, in the
    # member's own words, for the figures since then up to the last full month before today.
    asked = draft_125.questions[0]
    assert asked.startswith("Kan de minister een bijgewerkt overzicht geven van het aantal inburgeraars dat "
                            "zich heeft ingeschreven bij VDAB, van 1 december 2023 tot en met 31 oktober "
                            "2026? Hoeveel van hen werden doorverwezen via de agentschappen?")
    assert "\na) Kan de minister een bijgewerkt overzicht geven van het aantal inburgeraars" in asked
    original = ("Kan de minister een overzicht geven van het aantal inburgeraars dat zich heeft ingeschreven "
                "bij VDAB?")
    assert original not in asked


def test_follow_up_of_362_goes_to_today_s_holder_of_inburgering(draft_362):
    # Asked to Bart Somers in 2022; seed 004 shows Gwendolyn Rutten with Inburgering in 2024.
    assert draft_362.minister.name == "Gwendolyn Rutten"
    assert draft_362.introduction.startswith(
        "In opvolging van mijn schriftelijke vraag nr. 155 van 31 januari 2022 en nr. 362 van 15 juni 2022 ")
    assert ("«De minister deelde mee dat cijfers kunnen worden getrokken vanaf het najaar 2021.» "
            "(vraag nr. 362, over het antwoord op vraag nr. 155)") in draft_362.introduction
    assert draft_362.title == ("Cursussen maatschappelijke oriëntatie (MO) - Registraties in het "
                               "cliëntvolgsysteem en sanctionering (3)")
    assert draft_362.excel_closing is False


def test_follow_up_of_362_asks_for_the_months_since_the_ones_asked_before(draft_362):
    # Asked to Bart Somers ("Kan hij"), now to Gwendolyn Rutten: "de minister" throughout.
    assert draft_362.questions[0] == (
        "Kan de minister een overzicht geven van de registraties? Kan de minister een opdeling maken van "
        "de verschillende redenen? Kan de minister een overzicht geven van de maanden juli 2022 tot en met "
        "oktober 2026?")
    assert draft_362.questions[1] == ("Kan de minister de gegevens bezorgen die in het antwoord op vraag "
                                      "nr. 155 nog niet beschikbaar waren?")


def test_pdf_of_the_125_follow_up_says_who_asks_whom_what_and_quotes(draft_125, pdf_text):
    text = pdf_text(render_draft_pdf(draft=draft_125, on=TODAY))
    assert text.startswith("SCHRIFTELIJKE VRAAG nr. van MAAIKE DE VREESE datum: 24 november 2026 "
                           "aan GWENDOLYN RUTTEN VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING")
    assert "Inburgeraars - Verplichte inschrijving bij VDAB (3)" in text
    assert ("In opvolging van mijn schriftelijke vraag nr. 8 van 2 oktober 2023 en nr. 125 van 26 januari "
            "2024") in text
    assert "«Deze gegevens halen we uit de zesmaandelijkse koppeling met data van VDAB." in text
    assert "(antwoord op vraag nr. 125)" in text
    assert "1. Kan de minister een bijgewerkt overzicht geven van het aantal inburgeraars" in text
    assert text.endswith("Graag deze gegevens in een Excel-bestand. 1/1")


def test_pdf_of_the_362_follow_up_is_addressed_to_rutten_not_somers(draft_362, pdf_text):
    text = pdf_text(render_draft_pdf(draft=draft_362, on=TODAY))
    assert "aan GWENDOLYN RUTTEN" in text and "SOMERS" not in text
    assert "nr. 155 van 31 januari 2022 en nr. 362 van 15 juni 2022" in text
    assert "«De minister deelde mee dat cijfers kunnen worden getrokken vanaf het najaar 2021.»" in text
    assert "juli 2022 tot en met oktober 2026" in text


def test_a_draft_from_a_promise_or_the_series_is_the_same_follow_up(seeded_office, staff, draft_125):
    question = _question(seeded_office, "2023-2024", 125)
    promise = Promise.objects.get(question=question, kind="link_not_refreshed")
    from_promise = draft_follow_up(office=seeded_office, user=staff, promise=promise, today=TODAY)
    from_series = draft_follow_up(office=seeded_office, user=staff, series=question.series, today=TODAY)
    for draft in (from_promise, from_series):
        assert draft.content() == draft_125.content()
        assert draft.series == question.series


def test_follow_up_of_714_asks_cumulative_figures_as_they_stand_and_leaves_other_questions_be(
        seeded_office, staff):
    question = _question(seeded_office, "2015-2016", 714)
    draft = draft_follow_up(office=seeded_office, user=staff, question=question, today=TODAY)
    assert draft.questions[0].endswith("sinds de invoering van de resultaatsverbintenis, is geslaagd voor "
                                       "respectievelijk de onderdelen MO en NT2 (stand op 31 oktober 2026)?")
    assert draft.questions[1] == ("Kan daarbij een verschil worden vastgesteld tussen de cursisten die "
                                  "vrijwillig dan wel verplicht aan een inburgeringstraject deelnemen?")
