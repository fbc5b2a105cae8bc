"""Members are found at the parliament by its person id, with first and last name as the parliament splits
them (its members list), never by flipping a display name."""

import pytest
from django.urls import reverse

from svtracker.accounts.models import Membership
from svtracker.parliament.models import FollowedMember
from svtracker.parliament.services import follow_member, sync_office
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def searches(parliament):
    return [path for path in parliament.requests if path.startswith("/api/search/query/")]


def test_a_member_with_two_first_names_is_searched_as_the_parliament_writes_her(office, parliament):
    follow_member(office=office, name="Emine Gül Isci", parliament_id="4598")

    report = sync_office(office=office, session="2023-2024", dry_run=False)

    # "Isci, Emine Gül" from the members list, not "Gül Isci, Emine" from flipping the name.
    assert all("vraagsteller:Isci, Emine Gül" in path for path in searches(parliament))
    assert report.found == 1
    from svtracker.parliament.models import ParliamentMember

    assert ParliamentMember.objects.get(parliament_id="4598").first_name == "Emine Gül"


def test_a_member_missing_from_the_members_list_is_searched_without_a_name_filter(office, parliament):
    follow_member(office=office, name="Emine Gül Isci", parliament_id="4598")
    parliament.details.clear()  # only the search matters here

    sync_office(office=office, session="2023-2024", dry_run=True)  # a dry run does not fetch the list

    assert searches(parliament) and not any("vraagsteller:" in path for path in searches(parliament))


@pytest.fixture
def admin_client(client, office):
    user = UserFactory(username="beheerder")
    MembershipFactory(user=user, office=office, role=Membership.Role.ADMIN)
    client.force_login(user)
    return client


def test_a_member_followed_by_name_alone_is_offered_the_id_from_the_members_list(admin_client, office,
                                                                                  parliament):
    page = admin_client.post(reverse("parliament:followed"), {"name": "emine gul isci", "parliament_id": ""})

    assert page.status_code == 200 and not FollowedMember.objects.exists()
    html = page.content.decode()
    assert 'value="4598"' in html and 'value="Emine Gül Isci"' in html and "Groen" in html

    admin_client.post(reverse("parliament:followed"), {"name": "Emine Gül Isci", "parliament_id": "4598"})

    followed = FollowedMember.objects.get(office=office)
    assert (followed.member.name, followed.member.parliament_id) == ("Emine Gül Isci", "4598")


def test_a_name_not_in_the_members_list_asks_for_the_person_id(admin_client, parliament):
    page = admin_client.post(reverse("parliament:followed"), {"name": "Jan Peeters", "parliament_id": ""})

    assert "Niet gevonden in de ledenlijst" in page.content.decode()
    assert not FollowedMember.objects.exists()


def test_a_member_followed_earlier_without_id_is_offered_the_id_on_the_page(admin_client, office, parliament):
    from svtracker.parliament.models import ParliamentMember

    follow_member(office=office, name="Kurt De Loor", parliament_id="")
    ParliamentMember.objects.create(parliament_id="2791", first_name="Kurt", last_name="De Loor",
                                    party="Vooruit")

    html = admin_client.get(reverse("parliament:followed")).content.decode()

    assert 'name="parliament_id" value="2791"' in html and "overnemen uit de ledenlijst" in html


def test_the_sync_page_reads_a_fixed_number_of_queries(admin_client, office, parliament,
                                                       django_assert_max_num_queries):
    from svtracker.parliament.models import ParliamentMember

    for number, name in enumerate(["Kurt De Loor", "Jan Peeters", "An Vos", "Els Ampe"]):
        follow_member(office=office, name=name, parliament_id="")
        ParliamentMember.objects.create(parliament_id=str(2790 + number), first_name=name.split()[0],
                                        last_name=name.partition(" ")[2])

    with django_assert_max_num_queries(12):
        page = admin_client.get(reverse("parliament:followed"))

    assert page.content.decode().count("overnemen uit de ledenlijst") == 4


def test_an_id_typed_by_an_office_never_changes_the_one_the_members_list_gave(office, other_office,
                                                                              parliament):
    from svtracker.parliament.models import ParliamentMember

    ParliamentMember.objects.create(parliament_id="4598", first_name="Emine Gül", last_name="Isci")
    follow_member(office=office, name="Emine Gül Isci", parliament_id="4598")

    theirs = follow_member(office=other_office, name="Emine Gül Isci", parliament_id="1234")

    assert theirs.member.parliament_id == "4598"


def test_the_members_list_corrects_an_id_an_office_typed_wrongly(office, other_office, parliament):
    from svtracker.parliament.models import ParliamentMember

    follow_member(office=office, name="Emine Gül Isci", parliament_id="1234")
    ParliamentMember.objects.create(parliament_id="4598", first_name="Emine Gül", last_name="Isci")

    confirmed = follow_member(office=other_office, name="Emine Gül Isci", parliament_id="4598")

    assert confirmed.member.parliament_id == "4598"
