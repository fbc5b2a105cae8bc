"""The digest as staff read it: each item with the date it is about (the promised date, not the day of a
repeated reminder), the question's number, member and minister, unnumbered questions named by their date,
and confirmed promises apart from those only proposed. Rendered from a real scan."""

from datetime import date

import pytest
from django.core import mail

from svtracker.promises.models import Promise
from svtracker.reminders.services import run_reminders
from tests.factories import MemberFactory, MinisterFactory, PromiseFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_digest_shows_promised_dates_numbers_and_members_with_confirmed_and_proposed_apart(
        office, staff, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://svtracker.example.org"
    member = MemberFactory(name="Maaike De Vreese")
    minister = MinisterFactory(name="Hilde Crevits")
    numbered = QuestionFactory(office=office, number=125, session="2023-2024", author=member,
                               minister=minister, answered=True, title="Inburgering - VDAB")
    confirmed = PromiseFactory(question=numbered, expected=date(2024, 4, 2), status=Promise.Status.CONFIRMED,
                               quote="De cijfers worden verwacht begin april.")
    proposed = PromiseFactory(question=numbered, expected=date(2024, 5, 31), status=Promise.Status.PROPOSED,
                              quote="Deze cijfers zijn onder voorbehoud.")
    unnumbered = QuestionFactory(office=office, number=None, session="2023-2024", author=member,
                                 minister=minister, date=date(2024, 3, 4), title="Wachtlijsten")
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=date(2024, 6, 10))  # weeks after both dates: repeats of "still open"
    [message] = mail.outbox
    text, html = message.body, message.alternatives[0][0]

    for body in (text, html):
        assert "Vraag nr. 125 (2023-2024) van Maaike De Vreese aan Hilde Crevits" in body
        assert "beloofd voor 2 april 2024" in body and "beloofd voor 31 mei 2024" in body
        assert "Vraag van 4 maart 2024 (nog zonder nummer) van Maaike De Vreese" in body
        assert "nr. –" not in body and "Vraag nr. None" not in body
        assert "antwoord uiterlijk" in body
        assert f"https://svtracker.example.org/promises/{confirmed.pk}/" in body
        assert f"https://svtracker.example.org/questions/{unnumbered.pk}/" in body
    # the repeat's own day (a Monday in June) is not shown as if it were the promised date
    assert "juni" not in text.split("TOEZEGGINGEN", 1)[1]
    # confirmed promises first, the proposals after them under their own heading
    confirmed_at, proposed_at = text.index(confirmed.quote), text.index(proposed.quote)
    heading = text.index("VOORGESTELDE TOEZEGGINGEN")
    assert text.index("TOEZEGGINGEN") < confirmed_at < heading < proposed_at
    assert html.index("<h2") < html.index(confirmed.quote) < html.index("Voorgestelde toezeggingen") \
        < html.index(proposed.quote)
