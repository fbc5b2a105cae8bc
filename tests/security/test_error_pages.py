"""Every error page is the app's own, in Dutch, with the way back: 400, 403, 404, 500 and a refused CSRF
check, never Django's bare English pages."""

from django.test import Client
from django.urls import reverse

from svtracker.accounts.models import Membership


def assert_our_page(response, status: int, words: str):
    page = response.content.decode()
    assert response.status_code == status
    assert 'lang="nl-be"' in page and "svtracker" in page
    assert words in page
    assert "Terug" in page or "Naar Vandaag" in page


def test_an_unknown_address_is_our_dutch_404_with_the_way_back(staff_client):
    response = staff_client.get("/bestaat-niet/")
    assert_our_page(response, 404, "Deze pagina bestaat niet (meer)")
    assert f'href="{reverse("dashboard")}"' in response.content.decode()


def test_a_refused_action_is_our_dutch_403(staff_client, staff):
    Membership.objects.filter(user=staff).update(role=Membership.Role.STAFF)
    response = staff_client.post(reverse("accounts:staff"), {"action": "add"})
    assert_our_page(response, 403, "Je hebt geen toegang tot deze pagina")


def test_a_form_without_its_csrf_token_is_our_dutch_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "an", "password": "x"})
    assert_our_page(response, 403, "Dit formulier is verlopen")
    assert f'href="{reverse("accounts:login")}"' in response.content.decode()


def test_a_bad_request_is_our_dutch_400(client, db):
    response = client.get(reverse("accounts:login"), headers={"Host": "kwaad.example",
                                                              "Referer": "http://kwaad.example/"})
    assert_our_page(response, 400, "Deze vraag kon de server niet begrijpen")


def test_a_server_error_is_our_dutch_500_without_the_database(rf):
    from django.urls import get_resolver

    handler = get_resolver().resolve_error_handler(500)
    response = handler(rf.get("/"))
    assert_our_page(response, 500, "Er ging bij ons iets mis")
