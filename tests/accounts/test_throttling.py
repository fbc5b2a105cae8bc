"""Login throttling (django-axes): repeated wrong passwords lock the account for a while, in Dutch."""

from django.core import mail
from django.urls import reverse

from tests.factories import MembershipFactory, UserFactory

PASSWORD = "geheim-wachtwoord-123"


def test_five_wrong_passwords_through_the_form_lock_the_account_with_a_dutch_message(client, staff):
    login = reverse("accounts:login")
    for _attempt in range(4):
        response = client.post(login, {"username": "an", "password": "fout"})
        assert response.status_code == 200
        assert "Te veel mislukte pogingen" not in response.content.decode()
    response = client.post(login, {"username": "an", "password": "fout"})
    assert response.status_code == 429
    assert "Te veel mislukte pogingen" in response.content.decode()
    assert reverse("accounts:password_reset") in response.content.decode()

    response = client.post(login, {"username": "an", "password": PASSWORD})
    assert response.status_code == 429, "the right password does not open a locked account"
    assert "_auth_user_id" not in client.session


def test_a_lock_is_per_account_so_a_colleague_can_still_log_in(client, staff, office):
    colleague = UserFactory(username="bert")
    MembershipFactory(user=colleague, office=office)
    login = reverse("accounts:login")
    for _attempt in range(5):
        client.post(login, {"username": "an", "password": "fout"})
    response = client.post(login, {"username": "bert", "password": PASSWORD})
    assert response.status_code == 302


def test_thirty_password_reset_requests_send_a_bounded_number_of_mails(client, staff):
    for _request in range(30):
        response = client.post(reverse("accounts:password_reset"), {"email": staff.email})
        assert response["Location"] == reverse("accounts:password_reset_done")  # the same answer every time
    assert 1 <= len(mail.outbox) <= 3


def test_reset_requests_from_one_ip_for_many_addresses_are_bounded_too(client, db):
    for i in range(30):
        UserFactory(username=f"persoon{i}", email=f"persoon{i}@example.org")
        client.post(reverse("accounts:password_reset"), {"email": f"persoon{i}@example.org"})
    assert 1 <= len(mail.outbox) <= 20
