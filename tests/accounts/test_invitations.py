"""Adding a person to an office is an invitation the person accepts: nobody is pulled in, no other office's
address is shown or used, known and unknown names get the same answer, and mails are throttled."""

import re

from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from svtracker.accounts.models import Invitation, Membership
from tests.factories import MembershipFactory, UserFactory


def invite(client, **fields):
    return client.post(reverse("accounts:staff"), {"action": "add", "role": "admin", **fields}, follow=True)


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def make_admin(staff):
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)


def test_inviting_an_existing_username_does_not_pull_them_in_nor_show_their_address(
        staff_client, staff, office, other_office):
    make_admin(staff)
    dirk = UserFactory(username="dirk", email="dirk@ander-kantoor.example")
    MembershipFactory(user=dirk, office=other_office)
    page = invite(staff_client, username="dirk", email="mijn-adres@example.org").content.decode()
    assert not Membership.objects.filter(user=dirk, office=office).exists()
    assert "dirk@ander-kantoor.example" not in page
    assert "dirk@ander-kantoor.example" not in staff_client.get(reverse("accounts:staff")).content.decode()
    # The invitation goes to dirk's own address, never to the one the admin typed.
    assert [m.to for m in mail.outbox] == [["dirk@ander-kantoor.example"]]


def test_known_and_unknown_names_get_the_same_answer(staff_client, staff, other_office):
    make_admin(staff)
    MembershipFactory(user=UserFactory(username="dirk"), office=other_office)

    def answer(name):
        page = invite(staff_client, username=name, email="x@example.org").content.decode()
        return re.search(r'<ul class="messages".*?</ul>', page, re.S).group(0).replace(name, "NAAM")

    assert answer("dirk") == answer("nieuwe-naam")


def test_the_invited_person_joins_only_by_accepting_with_a_one_time_link(client, staff_client, staff, office):
    make_admin(staff)
    invite(staff_client, username="bert", email="bert@example.org")
    bert = User.objects.get(username="bert")
    assert not bert.has_usable_password()
    assert not Membership.objects.filter(user=bert, office=office).exists()
    link = link_in(mail.outbox[0])
    assert "/accounts/password-reset/" not in mail.outbox[0].body
    response = client.post(link, {"new_password1": "een-nieuw-wachtwoord-77",
                                  "new_password2": "een-nieuw-wachtwoord-77"})
    assert response["Location"] == reverse("dashboard")
    assert Membership.objects.get(user=bert, office=office).role == Membership.Role.ADMIN
    client.logout()
    assert client.get(link).status_code == 404, "the link works once"
    assert client.post(reverse("accounts:login"), {"username": "bert", "password": "een-nieuw-wachtwoord-77"}
                       )["Location"] == reverse("dashboard")


def test_an_existing_person_accepts_while_logged_in_as_themselves(client, staff_client, staff, office,
                                                                  other_office):
    make_admin(staff)
    dirk = UserFactory(username="dirk", email="dirk@example.org")
    MembershipFactory(user=dirk, office=other_office)
    invite(staff_client, username="dirk", email="dirk@example.org")
    link = link_in(mail.outbox[0])
    assert client.post(link).status_code == 200  # not logged in: asked to log in first
    assert not Membership.objects.filter(user=dirk, office=office).exists()
    client.force_login(dirk)
    assert client.post(link)["Location"] == reverse("dashboard")
    assert Membership.objects.filter(user=dirk, office=office).exists()


def test_a_new_username_with_an_existing_persons_address_sends_no_reset_link_for_their_account(
        staff_client, staff, other_office):
    make_admin(staff)
    dirk = UserFactory(username="dirk", email="dirk@example.org")
    MembershipFactory(user=dirk, office=other_office)
    password = dirk.password
    invite(staff_client, username="nieuwe-dirk", email="dirk@example.org")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "/accounts/password-reset/" not in body and "nieuwe-dirk" in body
    assert "Je gebruikersnaam is dirk." not in body
    dirk.refresh_from_db()
    assert dirk.password == password and dirk.has_usable_password()


def test_thirty_invitations_to_one_address_send_a_bounded_number_of_mails(staff_client, staff):
    make_admin(staff)
    for i in range(30):
        invite(staff_client, username=f"persoon{i}", email="zelfde@example.org")
    assert 1 <= len(mail.outbox) <= 3


def test_site_administrators_see_invitations_without_their_secret(admin_client, staff_client, staff):
    make_admin(staff)
    invite(staff_client, username="bert", email="bert@example.org")
    invitation = Invitation.objects.get(user__username="bert")
    url = reverse("admin:accounts_invitation_change", args=[invitation.pk])
    page = admin_client.get(url).content.decode()
    assert "bert" in page and invitation.token_hash not in page
