"""The whole loop as a staff member walks it, through the pages, on whichever database the suite runs on
(PostgreSQL in production, SQLite as the README's embedded default): the same test, unchanged."""

import io
import re
from datetime import timedelta

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from svtracker.promises.models import Promise
from svtracker.questions.models import Question
from svtracker.reminders.models import Reminder
from svtracker.reminders.selectors import answer_deadline_for, working_calendar
from svtracker.reminders.services import run_reminders
from tests.drafts.conftest import pdf_to_text

pytestmark = pytest.mark.django_db

# The member's follow-up of no. 125 (seed 001), as the parliament publishes it, not answered yet.
FOLLOW_UP_250 = """SCHRIFTELIJKE VRAAG
nr. 250
van MAAIKE DE VREESE
datum: 1 maart 2024
aan GWENDOLYN RUTTEN
VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR,
BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN

Inburgeraars  -  Verplichte inschrijving bij VDAB (3)

In opvolging van mijn schriftelijke vraag nr. 125 van 26 januari 2024 stel ik graag volgende vragen.

1. Hoeveel inburgeraars hebben zich sinds januari 2024 ingeschreven bij VDAB?
"""


def upload(client, name, data):
    response = client.post(reverse("questions:upload"), {"files": [SimpleUploadedFile(name, data)]})
    assert response.status_code == 200
    [result] = response.context["results"]
    assert result.status in ("imported", "updated"), result.message
    return result.question


def first_working_day_from(day):
    calendar = working_calendar().without_pauses()
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def test_the_whole_loop(staff_client, office, staff, seed_files, tmp_path, mailoutbox,
                        django_capture_on_commit_callbacks):
    # A question and its answer (seed 001, no. 125), then the follow-up citing it: the series grows.
    q125 = upload(staff_client, seed_files[1].name, seed_files[1].read_bytes())
    q250 = upload(staff_client, "sv-250.txt", FOLLOW_UP_250.encode())
    q125.refresh_from_db()
    q250.refresh_from_db()
    assert q250.series_id == q125.series_id
    response = staff_client.get(reverse("questions:series_detail", args=[q125.series_id]))
    assert response.status_code == 200 and "nr. 250" in response.content.decode()

    # Staff confirm what the minister still owes.
    promise = q125.promises.order_by("expected", "id").first()
    response = staff_client.post(reverse("promises:detail", args=[promise.pk]), {"action": "confirm"})
    assert response.status_code == 302
    promise.refresh_from_db()
    assert promise.status == Promise.Status.CONFIRMED

    # The morning scan, twice on the day the data is due: the reminders are produced once.
    on = first_working_day_from(promise.expected)
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=on)
    produced = set(Reminder.objects.values_list("item_kind", "item_id", "reason"))
    assert ("promise", promise.pk) in {(kind, pk) for kind, pk, _reason in produced}
    mails = len(mailoutbox)
    assert mails == 1
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=on)
    assert set(Reminder.objects.values_list("item_kind", "item_id", "reason")) == produced
    assert len(mailoutbox) == mails

    # Draft the follow-up of the series, download its PDF, mark it sent.
    response = staff_client.post(reverse("drafts:create_from_series", args=[q125.series_id]))
    draft_url = response.url
    pk = int(re.search(r"/(\d+)/$", draft_url).group(1))
    response = staff_client.get(reverse("drafts:pdf", args=[pk]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    response = staff_client.post(reverse("drafts:mark_sent", args=[pk]))
    assert response.status_code == 302
    tracked = Question.objects.get(office=office, number__isnull=True)
    assert tracked.series_id == q125.series_id and not tracked.answered
    assert answer_deadline_for(tracked).due > tracked.date
    assert tracked.sent_drafts.get().pk == pk
    promise.refresh_from_db()
    assert promise.status == Promise.Status.FOLLOWED_UP

    # The parliament publishes it with its number and the answer; staff upload it: the same question.
    response = staff_client.get(reverse("drafts:pdf", args=[pk]))
    text = pdf_to_text(response.content, tmp_path, layout=True)
    answered = (re.sub(r"^nr\.$", "nr. 301", text, count=1, flags=re.MULTILINE).split("1/1")[0]
                + "\nGWENDOLYN RUTTEN\nANTWOORD\nop vraag nr. 301\nvan MAAIKE DE VREESE\n"
                + "1. Sinds januari 2024 schreven 1.091 inburgeraars zich in bij VDAB.\n")
    with django_capture_on_commit_callbacks(execute=True):
        question = upload(staff_client, "sv-301.txt", answered.encode())
    assert question.pk == tracked.pk
    tracked.refresh_from_db()
    assert (tracked.number, tracked.answered, tracked.series_id) == (301, True, q125.series_id)
    assert Question.objects.filter(office=office).count() == 3
    promise.refresh_from_db()
    assert (promise.status, promise.delivered_in_id) == (Promise.Status.POSSIBLY_DELIVERED, tracked.pk)
    notice = Reminder.objects.get(reason=Reminder.Reason.ANSWERED)
    assert (notice.item_id, notice.recipient) == (tracked.pk, staff)
    with django_capture_on_commit_callbacks(execute=True):
        run_reminders(on=first_working_day_from(on + timedelta(days=1)))
    assert "antwoord ontvangen" in mailoutbox[-1].body

    # The exported questions table shows it.
    response = staff_client.get(reverse("questions:list"), {"_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)
                                              if response.streaming else response.content)).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert any(301 in row and any(str(c).startswith(tracked.title[:30]) for c in row if c)
               for row in rows), rows
