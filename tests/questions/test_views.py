"""The staff pages for questions, series, documents, upload and registration, through the real views."""

import io
from datetime import date, timedelta

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from svtracker.pipeline.services import import_document
from svtracker.promises.models import Promise
from svtracker.questions.models import Question, Series
from svtracker.reminders.deadlines import answer_deadline
from svtracker.reminders.selectors import working_calendar
from tests.factories import MemberFactory, MinisterFactory, QuestionFactory
from tests.pdfmaker import seed_pdf_bytes


def question_numbered(office, number):
    return Question.objects.get(office=office, number=number)


def test_dashboard_shows_what_needs_attention_today(staff_client, imported_seeds):
    response = staff_client.get(reverse("dashboard"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vandaag" in content
    assert "Recent geïmporteerd" in content
    assert "Inburgeraars" in content


def test_dashboard_lists_late_and_due_answers_each_with_its_badge(staff_client, office):
    today = timezone.localdate()
    week_end = today + timedelta(days=6 - today.weekday())
    calendar = working_calendar()
    late = QuestionFactory(office=office, number=71, date=today - timedelta(days=120), answered=False,
                           title="Wachtlijsten kinderopvang")
    # A question whose 20 working days end this week, if a working day is left in it (not on a weekend).
    asked = next((today - timedelta(days=back) for back in range(20, 45)
                  if today <= answer_deadline(today - timedelta(days=back), calendar).due <= week_end), None)
    due = asked and QuestionFactory(office=office, number=72, date=asked, answered=False,
                                    title="Leerlingenvervoer buitengewoon onderwijs")
    page = staff_client.get(reverse("dashboard")).content.decode()
    answers = page[page.index('id="h-answers"'):page.index('id="h-drafts"')]
    def item(title):
        start = answers.index(title)
        return answers[start:answers.index("</li>", start)]

    assert 'badge late">te laat<' in item(late.title) and "nr. 71, gesteld op" in item(late.title)
    if due:
        deadline = date_format(answer_deadline(asked, calendar).due, "j F Y")
        assert 'badge soon">deze week<' in item(due.title)
        asked_on = date_format(asked, "j F Y")
        assert f"nr. 72, gesteld op {asked_on}, antwoord uiterlijk {deadline}" in item(due.title)
    else:  # a weekend: no working day is left this week, so nothing is due this week
        assert 'badge soon"' not in answers


def test_user_without_office_sees_a_friendly_page(client, django_user_model):
    user = django_user_model.objects.create_user("nieuw", password="x-geheim-123")
    client.force_login(user)
    for name in ("dashboard", "questions:list", "promises:list", "questions:upload"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert "Je werkt nog voor geen enkel kantoor" in response.content.decode()


def test_questions_list_filters_by_member_and_searches_answer_text(staff_client, office, imported_seeds):
    response = staff_client.get(reverse("questions:list"))
    assert response.status_code == 200
    assert response.context["table"].paginator.count == 5
    partyka = Question.objects.filter(office=office, author__name="Katrien Partyka")
    response = staff_client.get(reverse("questions:list"), {"author": partyka.first().author_id})
    assert {row.record.pk for row in response.context["table"].page.object_list} == set(
        partyka.values_list("pk", flat=True))
    # "zesmaandelijkse koppeling" appears only in the answer of question 125.
    response = staff_client.get(reverse("questions:list"), {"q": "zesmaandelijkse koppeling"})
    numbers = [row.record.number for row in response.context["table"].page.object_list]
    assert numbers == [125]


def test_questions_list_filters_open_promises_and_unanswered(staff_client, office, imported_seeds):
    response = staff_client.get(reverse("questions:list"), {"has_open_promises": "true"})
    with_promises = {row.record.pk for row in response.context["table"].page.object_list}
    assert with_promises == set(Promise.objects.filter(office=office).values_list("question", flat=True))
    QuestionFactory(office=office, answered=False, title="Nog onbeantwoord")
    response = staff_client.get(reverse("questions:list"), {"answered": "false"})
    assert [row.record.title for row in response.context["table"].page.object_list] == ["Nog onbeantwoord"]


def test_questions_export_to_xlsx_keeps_the_current_filters(staff_client, office, imported_seeds):
    author = Question.objects.filter(office=office, author__name="Maaike De Vreese").first().author
    response = staff_client.get(reverse("questions:list"), {"author": author.pk, "_export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)
                                              if response.streaming else response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Nr."
    expected = Question.objects.filter(office=office, author=author).count()
    assert len(rows) - 1 == expected
    assert {row[3] for row in rows[1:]} == {"Maaike De Vreese"}


def test_questions_export_to_csv(staff_client, imported_seeds):
    response = staff_client.get(reverse("questions:list"), {"_export": "csv"})
    text = response.content.decode("utf-8")
    assert text.splitlines()[0].startswith("Nr.,Zittingsjaar,Datum")
    assert len(text.strip().splitlines()) == 6


def test_question_detail_puts_an_answer_covering_two_subquestions_beside_both(staff_client, office,
                                                                              imported_seeds):
    question = next(q for q in Question.objects.filter(office=office)
                    if any(len(p.labels) > 1 for p in q.answer_parts.all()))
    response = staff_client.get(reverse("questions:detail", args=[question.pk]))
    assert response.status_code == 200
    rows = response.context["rows"]
    joint = next(part for part in question.answer_parts.all() if len(part.labels) > 1)
    row = next(row for row in rows if joint in row["answer_parts"])
    assert {sub.label.strip(".)") for sub in row["sub_questions"]} >= set(joint.labels)
    assert response.content.decode().count(joint.text[:40].replace("'", "&#x27;")) >= 1


def test_question_detail_shows_the_reference_date_disagreement(staff_client, office, imported_seeds):
    """Question 125 cites no. 8 as of 22 October in the question and 2 October in the answer."""
    question = question_numbered(office, 125)
    content = staff_client.get(reverse("questions:detail", args=[question.pk])).content.decode()
    assert "22 oktober 2023" in content
    assert "2 oktober 2023" in content
    assert "de datum verschilt van een andere verwijzing naar dezelfde vraag" in content


def test_question_detail_links_a_resolved_reference(staff_client, office, seed_files):
    """Once the earlier question is imported, the reference links to it."""
    earlier = QuestionFactory(office=office, number=155, session="2021-2022", date=date(2022, 1, 31),
                              author=MemberFactory(name="Maaike De Vreese"), minister=None, series=None)
    seed = seed_files[0]
    import_document(office=office, data=seed.read_bytes(), filename=seed.name)
    question = question_numbered(office, 362)
    content = staff_client.get(reverse("questions:detail", args=[question.pk])).content.decode()
    assert reverse("questions:detail", args=[earlier.pk]) in content


def test_dates_are_written_in_dutch(staff_client, office, imported_seeds):
    question = question_numbered(office, 362)
    content = staff_client.get(reverse("questions:detail", args=[question.pk])).content.decode()
    assert "15 juni 2022" in content


def test_question_page_writes_the_ministers_function_title_in_the_governments_case(staff_client, office,
                                                                                     imported_seeds):
    question = question_numbered(office, 362)
    content = staff_client.get(reverse("questions:detail", args=[question.pk])).content.decode()
    assert ("Viceminister-president van de Vlaamse Regering, Vlaams minister van Binnenlands Bestuur, "
            "Bestuurszaken, Inburgering en Gelijke Kansen") in content


def test_original_document_downloads_for_the_office(staff_client, office, imported_seeds, seed_files):
    question = question_numbered(office, 362)
    document = question.documents.get()
    response = staff_client.get(reverse("questions:document", args=[document.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert any(body == path.read_bytes() for path in seed_files)


def test_series_timeline_lists_questions_and_referenced_questions_not_imported(staff_client, office,
                                                                               imported_seeds):
    series = question_numbered(office, 362).series
    response = staff_client.get(reverse("questions:series_detail", args=[series.pk]))
    assert response.status_code == 200
    timeline = response.context["timeline"]
    assert any(entry.get("question") and entry["question"].number == 362 for entry in timeline)
    missing = [entry for entry in timeline if "reference" in entry]
    assert any(entry["number"] == 155 for entry in missing)
    assert "nog niet geïmporteerd" in response.content.decode()


def test_series_list_links_each_series(staff_client, office, imported_seeds):
    response = staff_client.get(reverse("questions:series_list"))
    content = response.content.decode()
    for series in Series.objects.filter(office=office):
        assert reverse("questions:series_detail", args=[series.pk]) in content


def test_upload_imports_text_and_pdf_and_reports_each_file(staff_client, office, seed_files):
    text = seed_files[0]
    pdf = seed_pdf_bytes(seed_files[1].read_text())
    response = staff_client.post(reverse("questions:upload"), {"files": [
        _upload(text.name, text.read_bytes()), _upload("seed.pdf", pdf)]})
    results = response.context["results"]
    assert [r.status for r in results] == ["imported", "imported"]
    response = staff_client.post(reverse("questions:upload"),
                                 {"files": [_upload(text.name, text.read_bytes())]})
    assert [r.status for r in response.context["results"]] == ["unchanged"]
    assert "ongewijzigd" in response.content.decode()


def test_upload_refuses_files_by_type_content_and_size_with_a_dutch_reason(staff_client, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    response = staff_client.post(reverse("questions:upload"), {"files": [
        _upload("vraag.odt", b"PK\x03\x04"),
        _upload("nep.pdf", b"dit is geen pdf"),
        _upload("binair.txt", b"\x00\x01\x02 abc"),
        _upload("latin1.txt", "café".encode("latin-1")),
        _upload("groot.txt", b"a" * 1001),
        _upload("onleesbaar.txt", b"Dit is geen schriftelijke vraag."),
        _upload("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        _upload("kapot.docx", b"PK\x03\x04 niet meer"),
    ]})
    results = response.context["results"]
    assert [r.status for r in results] == ["failed"] * 8
    reasons = [r.message for r in results]
    assert "Alleen PDF-, Word- en tekstbestanden" in reasons[0]
    assert "geen PDF-document" in reasons[1]
    assert "geen leesbare tekst" in reasons[2]
    assert "UTF-8" in reasons[3]
    assert "te groot" in reasons[4]
    assert reasons[5]
    assert "bewaar het als .docx of PDF" in reasons[6]
    assert "Word-bestand" in reasons[7]
    assert Question.objects.count() == 0


def test_upload_without_files_says_what_is_missing(staff_client):
    response = staff_client.post(reverse("questions:upload"), {})
    assert "Kies minstens één bestand." in response.content.decode()


def test_register_a_sent_question_then_its_detail_page_opens(staff_client, office):
    member = MemberFactory(name="Maaike De Vreese")
    office.members.add(member)
    minister = MinisterFactory(name="Gwendolyn Rutten")
    response = staff_client.post(reverse("questions:register"), {
        "author": member.pk, "minister": minister.pk, "number": "", "asked_on": "2024-10-07",
        "title": "Inburgeraars - Verplichte inschrijving bij VDAB (4)", "minister_title": ""})
    question = Question.objects.get(office=office)
    assert response.status_code == 302
    assert response["Location"] == reverse("questions:detail", args=[question.pk])
    assert question.session == "2024-2025"
    assert question.date == date(2024, 10, 7)
    assert not question.answered


def test_register_form_explains_each_mistake(staff_client, office):
    response = staff_client.post(reverse("questions:register"), {"asked_on": "gisteren"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in content
    assert "Voer een geldige datum in." in content


def test_register_refuses_a_number_already_known(staff_client, office):
    existing = QuestionFactory(office=office, number=12, session="2024-2025", date=date(2024, 10, 1))
    office.members.add(existing.author)
    response = staff_client.post(reverse("questions:register"), {
        "author": existing.author_id, "minister": existing.minister_id, "number": 12,
        "asked_on": "2024-10-07", "title": "Dubbel"})
    assert "staat al in svtracker" in response.content.decode()


@pytest.mark.parametrize("name", ["dashboard", "questions:list", "questions:series_list", "questions:upload",
                                  "questions:register"])
def test_pages_switch_to_english(staff_client, name):
    response = staff_client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def _upload(name, data):
    return SimpleUploadedFile(name, data)
