"""The private calendar feed (ICS): every due date of the user's offices."""

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar, Event

from svtracker.links import absolute_url

from . import selectors


def calendar_ics(*, user: User, request: HttpRequest | None = None) -> bytes:
    """The user's feed; its links on the site's address (svtracker.links: SITE_URL or the request's)."""
    with translation.override(settings.LANGUAGE_CODE):
        entries = selectors.calendar_entries(user=user)
    calendar = Calendar()
    calendar.add("prodid", "-//svtracker//reminders//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "svtracker")
    stamp = timezone.now()
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("url", absolute_url(reverse(entry.path_name, kwargs={"pk": entry.pk}), request=request))
        calendar.add_component(event)
    return calendar.to_ical()
