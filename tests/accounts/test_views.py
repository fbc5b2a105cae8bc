"""Logging in and out, password reset by email, switching office, office admins managing staff."""

import re

from django.core import mail
from django.urls import reverse

from svtracker.accounts.models import Membership
from tests.factories import MembershipFactory, OfficeFactory, UserFactory


def test_login_with_the_form_opens_the_dashboard(client, staff):
    response = client.post(reverse("accounts:login"), {"username": "an", "password": "geheim-wachtwoord-123"})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_wrong_password_says_what_is_wrong(client, staff):
    response = client.post(reverse("accounts:login"), {"username": "an", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_logged_out_visitor_is_sent_to_login(client, db):
    response = client.get(reverse("questions:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")


def test_logout_ends_the_session(staff_client):
    response = staff_client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")
    assert staff_client.get(reverse("dashboard")).status_code == 302


def test_password_reset_by_email_lets_the_user_choose_a_new_password(client, staff):
    response = client.post(reverse("accounts:password_reset"), {"email": staff.email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "een-nieuw-wachtwoord-77",
                                      "new_password2": "een-nieuw-wachtwoord-77"})
    assert response["Location"] == reverse("accounts:password_reset_complete")
    response = client.post(reverse("accounts:login"),
                           {"username": "an", "password": "een-nieuw-wachtwoord-77"})
    assert response["Location"] == reverse("dashboard")


def test_office_switcher_lists_own_offices_and_switches(staff_client, staff, office):
    second = OfficeFactory(name="Fractie")
    MembershipFactory(user=staff, office=second)
    OfficeFactory(name="Geheim kantoor")
    page = staff_client.get(reverse("accounts:office")).content.decode()
    assert "Fractie" in page and "Kantoor De Vreese" in page and "Geheim kantoor" not in page
    staff_client.post(reverse("accounts:office"), {"office": second.pk})
    assert staff_client.get(reverse("dashboard")).context["office"] == second


def test_cannot_switch_to_an_office_one_does_not_belong_to(staff_client, other_office):
    response = staff_client.post(reverse("accounts:office"), {"office": other_office.pk})
    assert response.status_code == 404


def test_office_admin_invites_staff_who_get_an_email_to_choose_a_password(staff_client, staff, office):
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    response = staff_client.post(reverse("accounts:staff"), {
        "action": "add", "username": "bert", "email": "bert@example.org", "role": "staff"})
    assert response.status_code == 302
    assert mail.outbox[0].to == ["bert@example.org"]
    assert "/accounts/invitation/" in mail.outbox[0].body


def test_office_admin_changes_role_and_removes_staff(staff_client, staff, office):
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    colleague = MembershipFactory(user=UserFactory(username="carla"), office=office)
    staff_client.post(reverse("accounts:staff"),
                      {"action": "role", "membership": colleague.pk, "role": "admin"})
    colleague.refresh_from_db()
    assert colleague.role == "admin"
    staff_client.post(reverse("accounts:staff"), {"action": "remove", "membership": colleague.pk})
    assert not Membership.objects.filter(pk=colleague.pk).exists()


def test_staff_form_says_what_is_wrong(staff_client, staff):
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    response = staff_client.post(reverse("accounts:staff"),
                                 {"action": "add", "username": "", "email": "geen"})
    content = response.content.decode()
    assert "Dit veld is verplicht." in content
    assert "Voer een geldig e-mailadres in." in content


def test_plain_staff_see_the_team_but_cannot_change_it(staff_client, office):
    colleague = MembershipFactory(user=UserFactory(username="carla"), office=office)
    assert "carla" in staff_client.get(reverse("accounts:staff")).content.decode()
    response = staff_client.post(reverse("accounts:staff"), {"action": "remove", "membership": colleague.pk})
    assert response.status_code == 403
    assert Membership.objects.filter(pk=colleague.pk).exists()


def test_admin_cannot_remove_another_offices_staff(staff_client, staff, other_office):
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    foreign = MembershipFactory(user=UserFactory(username="dirk"), office=other_office)
    response = staff_client.post(reverse("accounts:staff"), {"action": "remove", "membership": foreign.pk})
    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_an_admin_cannot_remove_themselves_or_change_their_own_role(staff_client, staff, office):
    own = Membership.objects.get(user=staff, office=office)
    Membership.objects.filter(pk=own.pk).update(role=Membership.Role.ADMIN)
    response = staff_client.post(reverse("accounts:staff"), {"action": "remove", "membership": own.pk},
                                 follow=True)
    assert "Je kunt je eigen toegang of rol niet zelf wijzigen." in response.content.decode()
    staff_client.post(reverse("accounts:staff"), {"action": "role", "membership": own.pk,
                                                  "role": Membership.Role.STAFF})
    assert Membership.objects.get(pk=own.pk).role == Membership.Role.ADMIN
