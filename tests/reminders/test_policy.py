"""Each office sets how early it is warned of promised data and how often again."""

from datetime import date

import pytest
from django.urls import reverse

from svtracker.accounts.models import Membership
from svtracker.reminders.services import run_reminders
from tests.factories import MembershipFactory, PromiseFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_office_admin_changes_how_early_the_office_is_warned(client, office):
    admin = UserFactory(username="beheerder")
    MembershipFactory(user=admin, office=office, role=Membership.Role.ADMIN)
    client.force_login(admin)
    response = client.post(reverse("reminders:policy"), {"warn_days_before": "10", "repeat_every_days": "0"})
    assert response.status_code == 302
    office.refresh_from_db()
    assert (office.warn_days_before, office.repeat_every_days) == (10, 0)
    # Promise due Friday 15 May 2026. Counting back 10 working days skips Ascension (Thursday 14 May),
    # the weekends and Labour Day (Friday 1 May): 13, 12, 11, 8, 7, 6, 5, 4 May, 30 and 29 April.
    promise = PromiseFactory(question=QuestionFactory(office=office, answered=True),
                             expected=date(2026, 5, 15), status="confirmed")

    def warned(on):
        reminders = run_reminders(on=on).reminders
        return [r for r in reminders if (r.item_kind, r.item_id) == ("promise", promise.pk)]

    assert not warned(date(2026, 4, 28))
    assert warned(date(2026, 4, 29))

def test_staff_see_the_policy_but_cannot_change_it(staff_client, office):
    page = staff_client.get(reverse("reminders:policy"))
    assert page.status_code == 200 and "Enkel een beheerder" in page.content.decode()
    refused = staff_client.post(reverse("reminders:policy"),
                                {"warn_days_before": "1", "repeat_every_days": "1"})
    assert refused.status_code == 403
    office.refresh_from_db()
    assert office.warn_days_before == 5


def test_policy_form_says_what_is_wrong_in_words(client, office):
    admin = UserFactory(username="beheerder2")
    MembershipFactory(user=admin, office=office, role=Membership.Role.ADMIN)
    client.force_login(admin)
    page = client.post(reverse("reminders:policy"), {"warn_days_before": "-3", "repeat_every_days": "x"})
    assert page.status_code == 200
    assert "Zorg ervoor dat deze waarde minstens 0 is." in page.content.decode()
    assert "Voer een geheel getal in." in page.content.decode()
