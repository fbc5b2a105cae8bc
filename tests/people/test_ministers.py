from datetime import date

import pytest

from svtracker.people.models import Minister, MinisterTerm
from svtracker.people.selectors import current_term_for, ministers_for, policy_areas_for
from svtracker.people.services import function_title_in_case, minister_seen, policy_areas_from_title

SOMERS_TITLE = ("VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, "
                "BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN")
HOMANS_TITLE = ("VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, "
                "INBURGERING, WONEN, GELIJKE KANSEN EN ARMOEDEBESTRIJDING")


def test_policy_areas_are_read_from_the_printed_function_title():
    assert policy_areas_from_title(SOMERS_TITLE) == ["Binnenlands bestuur", "Bestuurszaken", "Inburgering",
                                                     "Gelijke kansen"]


@pytest.mark.django_db
def test_a_follow_up_goes_to_whoever_holds_the_policy_area_now():
    homans = minister_seen(name="Liesbeth Homans", function_title=HOMANS_TITLE, on=date(2016, 9, 13),
                           office=None)
    somers = minister_seen(name="Bart Somers", function_title=SOMERS_TITLE, on=date(2022, 6, 15), office=None)
    minister_seen(name="Gwendolyn Rutten", function_title=SOMERS_TITLE, on=date(2024, 1, 26), office=None)
    assert current_term_for(minister=somers, office=None).minister.name == "Gwendolyn Rutten"
    assert current_term_for(minister=homans, office=None).minister.name == "Gwendolyn Rutten"


def test_an_offices_document_changes_only_that_offices_view(office, other_office):
    somers = minister_seen(name="Bart Somers", function_title=SOMERS_TITLE, on=date(2022, 6, 15),
                           office=office)
    minister_seen(name="Gwendolyn Rutten", function_title=SOMERS_TITLE, on=date(2024, 1, 26), office=office)
    minister_seen(name="Jan Vervalser", function_title=SOMERS_TITLE, on=date(2030, 1, 15),
                  office=other_office)
    assert current_term_for(minister=somers, office=office).minister.name == "Gwendolyn Rutten"
    assert "Jan Vervalser" not in {m.name for m in ministers_for(office=office)}
    assert "Jan Vervalser" in {m.name for m in ministers_for(office=other_office)}


def test_the_parliaments_term_wins_over_a_future_dated_document(office):
    somers = minister_seen(name="Bart Somers", function_title=SOMERS_TITLE, on=date(2022, 6, 15),
                           office=office)
    minister_seen(name="Gwendolyn Rutten", function_title=SOMERS_TITLE, on=date(2024, 1, 26), office=None,
                  parliament_id="4200")
    MinisterTerm.objects.filter(minister__name="Gwendolyn Rutten").update(end=None)  # holds it today
    minister_seen(name="Jan Vervalser", function_title=SOMERS_TITLE, on=date(2099, 1, 1), office=office)
    assert current_term_for(minister=somers, office=office).minister.name == "Gwendolyn Rutten"
    assert Minister.objects.get(name="Gwendolyn Rutten").parliament_id == "4200"


def test_a_function_title_in_capitals_reads_in_the_governments_own_case():
    assert function_title_in_case(SOMERS_TITLE) == (
        "Viceminister-president van de Vlaamse Regering, Vlaams minister van Binnenlands Bestuur, "
        "Bestuurszaken, Inburgering en Gelijke Kansen")
    assert function_title_in_case("VLAAMS MINISTER VAN WELZIJN, VOLKSGEZONDHEID EN GEZIN") == (
        "Vlaams minister van Welzijn, Volksgezondheid en Gezin")


def test_an_offices_policy_areas_are_the_parliaments_and_its_own_documents(office, other_office):
    minister_seen(name="Jan Vervalser", function_title="VLAAMS MINISTER VAN VERZONNEN ZAKEN",
                  on=date(2030, 1, 15), office=other_office)
    minister_seen(name="Bart Somers", function_title=SOMERS_TITLE, on=date(2022, 6, 15), office=None)
    assert "Verzonnen zaken" in {a.name for a in policy_areas_for(office=other_office)}
    assert {a.name for a in policy_areas_for(office=office)} == set(policy_areas_from_title(SOMERS_TITLE))
