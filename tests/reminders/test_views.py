"""Pages staff use: the deadline on the question page, preferences, the calendar feed, recess dates."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from svtracker.accounts.models import Membership, Profile
from svtracker.promises.models import Promise
from svtracker.reminders.models import RecessPeriod
from tests.factories import MembershipFactory, PromiseFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


def feed_events(response) -> dict[str, date]:
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}


def test_question_page_shows_the_deadline_calculation(office, staff_client):
    # Sent Wed 1 April 2026: start Tue 7 April, second Easter recess week skipped, due Tue 12 May 2026.
    question = QuestionFactory(office=office, date=date(2026, 4, 1))
    page = staff_client.get(reverse("questions:detail", args=[question.pk])).content.decode()
    assert "Antwoordtermijn" in page
    assert "dinsdag 7 april 2026" in page and "dinsdag 12 mei 2026" in page
    assert "tweede week van het paasreces" in page and "Paasmaandag" in page
    assert "donderdag 4 juni 2026" in page  # public 15 working days later


def test_calendar_feed_lists_answer_and_promise_dates_of_my_office_only(client, office, other_office, staff):
    QuestionFactory(office=office, date=date(2026, 1, 12), number=77, title="Wachtlijsten")  # due 13 Feb
    promise = PromiseFactory(question=QuestionFactory(office=office, answered=True, number=12),
                             expected=date(2026, 3, 20), quote="De cijfers volgen in maart.")
    PromiseFactory(question=QuestionFactory(office=office, answered=True), expected=date(2026, 4, 1),
                   status=Promise.Status.DELIVERED)
    QuestionFactory(office=other_office, date=date(2026, 1, 12), number=99)
    token = Profile.objects.get(user=staff).calendar_token
    response = client.get(reverse("reminders:calendar", args=[token]))  # no login: calendar apps have none
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert feed_events(response) == {"Antwoord verwacht: vraag nr. 77 – Wachtlijsten": date(2026, 2, 13),
                                     "Gegevens verwacht (vraag nr. 12): De cijfers volgen in maart.":
                                         date(2026, 3, 20)}
    events = Calendar.from_ical(response.content).walk("VEVENT")
    descriptions = [str(event["description"]) for event in events]
    assert any(promise.question.author.name in text and promise.quote in text for text in descriptions)


def test_calendar_events_of_one_day_have_distinct_titles(client, office, staff):
    for _ in range(2):  # sent follow-ups not numbered yet, same day, same title
        QuestionFactory(office=office, number=None, date=date(2026, 1, 12), title="Zelfde titel")
    question = QuestionFactory(office=office, answered=True, number=12)
    for _ in range(2):
        PromiseFactory(question=question, expected=date(2026, 3, 20), quote="Cijfers onder voorbehoud.")
    token = Profile.objects.get(user=staff).calendar_token
    feed = client.get(reverse("reminders:calendar", args=[token]))
    titles = [(event.decoded("dtstart"), str(event["summary"]))
              for event in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert len(titles) == 4 and len(set(titles)) == 4
    assert "Antwoord verwacht: vraag van 12 januari 2026 – Zelfde titel" in {title for _day, title in titles}


@pytest.mark.parametrize("site_url, base", [("", "http://svtracker.local:8123"),
                                             ("https://svtracker.example.org", "https://svtracker.example.org")])
def test_feed_and_its_address_link_to_the_configured_site_or_else_the_host_asked(
        client, staff_client, office, staff, settings, site_url, base):
    settings.SITE_URL = site_url
    settings.ALLOWED_HOSTS = ["svtracker.local"]
    question = QuestionFactory(office=office, date=date(2026, 1, 12))
    token = Profile.objects.get(user=staff).calendar_token
    preferences = staff_client.get(reverse("reminders:preferences"), HTTP_HOST="svtracker.local:8123")
    assert f'value="{base}/reminders/calendar/{token}.ics"' in preferences.content.decode()
    feed = client.get(reverse("reminders:calendar", args=[token]), HTTP_HOST="svtracker.local:8123")
    [event] = Calendar.from_ical(feed.content).walk("VEVENT")
    assert str(event["url"]) == f"{base}/questions/{question.pk}/"


def test_renewed_calendar_token_kills_the_old_feed_url(client, staff_client, staff):
    old_url = reverse("reminders:calendar", args=[Profile.objects.get(user=staff).calendar_token])
    assert client.get(old_url).status_code == 200
    staff_client.post(reverse("reminders:renew_token"))
    new_token = Profile.objects.get(user=staff).calendar_token
    assert client.get(old_url).status_code == 404
    assert client.get(reverse("reminders:calendar", args=[new_token])).status_code == 200
    assert new_token in staff_client.get(reverse("reminders:preferences")).content.decode()
    assert client.get(reverse("reminders:calendar", args=["not-a-token"])).status_code == 404


def test_staff_choose_a_weekly_digest_or_none(staff_client, staff):
    page = staff_client.get(reverse("reminders:preferences"))
    assert page.status_code == 200 and "Herinneringsmails" in page.content.decode()
    staff_client.post(reverse("reminders:preferences"), {"digest": "weekly", "digest_weekday": "4"})
    profile = Profile.objects.get(user=staff)
    assert (profile.digest, profile.digest_weekday) == ("weekly", 4)
    staff_client.post(reverse("reminders:preferences"), {"digest": "off", "digest_weekday": "0"})
    assert Profile.objects.get(user=staff).digest == "off"


def test_site_admin_edits_the_summer_recess_and_every_offices_deadline_follows(
        office, other_office, staff, staff_client):
    """The recess dates are the parliament's published calendar: one for every office, changed by a site
    administrator (the recess-period change permission, as in the Django admin), never by an office admin."""
    question = QuestionFactory(office=office, date=date(2025, 7, 2))
    theirs = QuestionFactory(office=other_office, date=date(2025, 7, 2))
    edit_url = reverse("reminders:recess_edit", args=[2025, "summer"])
    assert staff_client.get(edit_url).status_code == 403  # plain staff may not
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    assert staff_client.get(edit_url).status_code == 403  # nor an office admin: it is every office's calendar
    response = staff_client.post(edit_url, {"start": "2025-07-14", "end": "2025-08-31", "note": "Plenum"})
    assert response.status_code == 403 and not RecessPeriod.objects.exists()
    listing = staff_client.get(reverse("reminders:recess") + "?year=2025").content.decode()
    assert "21 juli 2025" in listing and edit_url not in listing

    site_admin = UserFactory(username="beheer", is_superuser=True)
    MembershipFactory(user=site_admin, office=other_office)
    client = Client()
    client.force_login(site_admin)
    assert edit_url in client.get(reverse("reminders:recess") + "?year=2025").content.decode()
    response = client.post(edit_url, {"start": "2025-07-14", "end": "2025-08-31", "note": "Plenum"})
    assert response.status_code == 302
    period = RecessPeriod.objects.get(kind="summer", year=2025)
    assert period.start == date(2025, 7, 14)
    assert period.history.get().history_user == site_admin  # kept with who changed it
    for own, question_ in ((staff_client, question), (client, theirs)):
        page = own.get(reverse("questions:detail", args=[question_.pk])).content.decode()
        assert "maandag 22 september 2025" in page


def test_recess_form_shows_its_dates_and_saves_after_one_date_changed(office, staff, staff_client):
    staff.is_superuser = True
    staff.save()
    edit_url = reverse("reminders:recess_edit", args=[2026, "easter"])
    page = staff_client.get(edit_url).content.decode()
    # The browser's date input takes only ISO values: the default rule's 6-19 April 2026 must show.
    assert 'type="date" name="start" value="2026-04-06"' in page
    assert 'type="date" name="end" value="2026-04-19"' in page
    response = staff_client.post(edit_url, {"start": "2026-04-06", "end": "2026-04-20", "note": ""})
    assert response.status_code == 302
    period = RecessPeriod.objects.get(kind="easter", year=2026)
    assert (period.start, period.end) == (date(2026, 4, 6), date(2026, 4, 20))
    assert 'value="2026-04-20"' in staff_client.get(edit_url).content.decode()


@pytest.mark.parametrize("year, kind", [(99999, "easter"), (1800, "summer"), (2026, "carnival")])
def test_recess_of_a_year_or_kind_out_of_range_is_not_found(staff, staff_client, year, kind):
    staff.is_superuser = True
    staff.save()
    url = f"/reminders/recess/{year}/{kind}/"
    assert staff_client.get(url).status_code == 404
    assert staff_client.post(url, {"start": "2026-04-06", "end": "2026-04-20"}).status_code == 404


def test_recess_page_with_a_year_that_is_not_a_year_shows_this_year(staff_client):
    response = staff_client.get(reverse("reminders:recess") + "?year=abc")
    assert response.status_code == 200
    assert response.context["year"] == date.today().year


def test_recess_start_must_lie_in_the_year_being_edited(office, staff, staff_client):
    staff.is_superuser = True
    staff.save()
    response = staff_client.post(reverse("reminders:recess_edit", args=[2025, "easter"]),
                                 {"start": "2026-04-06", "end": "2026-04-19"})
    assert response.status_code == 200 and not RecessPeriod.objects.exists()


def test_outbox_page_is_only_about_my_office(staff_client):
    assert staff_client.get(reverse("reminders:outbox")).status_code == 200
    assert staff_client.post(reverse("reminders:retry", args=[999999])).status_code == 404
