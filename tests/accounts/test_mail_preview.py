"""Office admins and site administrators see every mail svtracker sends, rendered with its sample; plain
staff and visitors do not. The HTML is shown in a sandboxed frame that only our own pages may embed."""

from django.urls import reverse

from svtracker.accounts.models import Membership
from svtracker.mail import INTENTS
from tests.factories import UserFactory

PAGES = [reverse("accounts:mail_preview"), reverse("accounts:mail_preview_html", args=["digest"])]


def test_an_office_admin_sees_every_mail_with_its_subject_text_and_framed_html(staff_client, staff):
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    page = staff_client.get(reverse("accounts:mail_preview")).content.decode()
    for intent in INTENTS.values():
        assert str(intent.title) in page and str(intent.description) in page
        html_url = reverse("accounts:mail_preview_html", args=[intent.name])
        assert f'<iframe class="mail-frame" sandbox="" src="{html_url}"' in page
    assert "Uitnodiging voor Kantoor De Vreese in svtracker" in page  # a subject
    assert "Kies je wachtwoord en aanvaard de uitnodiging via deze link:" in page  # a text body
    assert "antwoord ontvangen" in page  # the answer-received news, an item of the digest
    assert reverse("accounts:mail_preview") in staff_client.get(reverse("accounts:staff")).content.decode()


def test_the_framed_html_is_the_mail_under_a_policy_that_runs_nothing_and_frames_only_here(
        staff_client, staff):
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    response = staff_client.get(reverse("accounts:mail_preview_html", args=["password_reset"]))
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith("<!doctype html>")
    assert "/accounts/password-reset/MQ/" in response.content.decode()
    policy = dict(part.strip().partition(" ")[::2] for part in response["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'self'"
    assert "sandbox" in policy and "script-src" not in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert staff_client.get(reverse("accounts:mail_preview_html", args=["onbekend"])).status_code == 404


def test_plain_staff_may_not_see_the_mails(staff_client):
    for url in PAGES:
        assert staff_client.get(url).status_code == 403, url
    team_page = staff_client.get(reverse("accounts:staff")).content.decode()
    assert reverse("accounts:mail_preview") not in team_page


def test_a_site_administrator_sees_the_mails_without_an_office(client, db):
    client.force_login(UserFactory(username="beheer", is_superuser=True, is_staff=True))
    for url in PAGES:
        assert client.get(url).status_code == 200, url


def test_a_visitor_is_sent_to_the_login_page(client, db):
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
