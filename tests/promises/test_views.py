"""The promises table with bulk confirm/drop, and one promise edited, delivered, dropped, with history."""

from datetime import date

from django.urls import reverse

from svtracker.promises.models import Promise, PromiseChange
from tests.factories import PromiseFactory, QuestionFactory


def test_promises_table_shows_proposals_from_the_import(staff_client, office, imported_seeds):
    response = staff_client.get(reverse("promises:list"), {"status": "proposed"})
    assert response.status_code == 200
    shown = {row.record.pk for row in response.context["table"].page.object_list}
    assert shown == set(Promise.objects.filter(office=office, status="proposed").values_list("pk", flat=True))
    assert "voorgesteld" in response.content.decode()


def test_overdue_filter_shows_open_promises_past_their_date(staff_client, office):
    late = PromiseFactory(question=QuestionFactory(office=office), expected=date(2020, 1, 1))
    PromiseFactory(question=QuestionFactory(office=office), expected=date(2099, 1, 1))
    PromiseFactory(question=QuestionFactory(office=office), expected=date(2020, 1, 1),
                   status=Promise.Status.DELIVERED)
    response = staff_client.get(reverse("promises:list"), {"overdue": "true"})
    assert [row.record.pk for row in response.context["table"].page.object_list] == [late.pk]
    assert "over tijd" in response.content.decode()


def test_bulk_confirm_and_drop_record_who_did_it(staff_client, staff, office):
    first, second, third = (PromiseFactory(question=QuestionFactory(office=office)) for _ in range(3))
    response = staff_client.post(reverse("promises:bulk"), {
        "action": "confirm", "select": [first.pk, second.pk],
        "next": reverse("promises:list") + "?status=open"})
    assert response["Location"] == reverse("promises:list") + "?status=open"
    first.refresh_from_db(), second.refresh_from_db(), third.refresh_from_db()
    assert (first.status, second.status, third.status) == ("confirmed", "confirmed", "proposed")
    assert PromiseChange.objects.filter(promise=first, user=staff).count() == 1
    staff_client.post(reverse("promises:bulk"), {"action": "drop", "select": [third.pk]})
    third.refresh_from_db()
    assert third.status == "dropped"


def test_bulk_without_selection_says_so(staff_client):
    response = staff_client.post(reverse("promises:bulk"), {"action": "confirm"}, follow=True)
    assert "Vink eerst een of meer toezeggingen aan." in response.content.decode()


def test_bulk_cannot_touch_another_offices_promise(staff_client, other_office):
    foreign = PromiseFactory(question=QuestionFactory(office=other_office))
    staff_client.post(reverse("promises:bulk"), {"action": "drop", "select": [foreign.pk]})
    foreign.refresh_from_db()
    assert foreign.status == "proposed"


def test_changing_the_expected_date_needs_a_reason(staff_client, office):
    promise = PromiseFactory(question=QuestionFactory(office=office))
    url = reverse("promises:detail", args=[promise.pk])
    data = {"action": "edit", "edit-quote": promise.quote, "edit-kind": promise.kind,
            "edit-expected": "2024-09-30", "edit-reason": ""}
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Geef een reden waarom de verwachte datum verandert." in response.content.decode()
    promise.refresh_from_db()
    assert promise.expected == date(2024, 4, 26)

    response = staff_client.post(url, {**data, "edit-reason": "Kabinet meldt vertraging"})
    assert response.status_code == 302
    promise.refresh_from_db()
    assert promise.expected == date(2024, 9, 30)
    change = promise.changes.get()
    assert change.before == {"expected": "2024-04-26"} and change.after == {"expected": "2024-09-30"}
    page = staff_client.get(url).content.decode()
    assert "Kabinet meldt vertraging" in page
    assert "26 april 2024" in page and "30 september 2024" in page


def test_mark_delivered_links_the_answer_that_delivered_it(staff_client, office):
    promise = PromiseFactory(question=QuestionFactory(office=office))
    answer = QuestionFactory(office=office, number=401, answered=True)
    url = reverse("promises:detail", args=[promise.pk])
    response = staff_client.post(url, {"action": "deliver", "deliver-delivered_in": ""})
    assert "Kies de vraag in wiens antwoord de gegevens stonden." in response.content.decode()
    staff_client.post(url, {"action": "deliver", "deliver-delivered_in": answer.pk})
    promise.refresh_from_db()
    assert promise.status == "delivered" and promise.delivered_in == answer
    page = staff_client.get(url).content.decode()
    assert reverse("questions:detail", args=[answer.pk]) in page
    assert "geleverd" in page


def test_cannot_deliver_with_another_offices_question(staff_client, office, other_office):
    promise = PromiseFactory(question=QuestionFactory(office=office))
    foreign = QuestionFactory(office=other_office)
    staff_client.post(reverse("promises:detail", args=[promise.pk]),
                      {"action": "deliver", "deliver-delivered_in": foreign.pk})
    promise.refresh_from_db()
    assert promise.status == "proposed"


def test_confirm_and_drop_one_promise(staff_client, office):
    promise = PromiseFactory(question=QuestionFactory(office=office))
    url = reverse("promises:detail", args=[promise.pk])
    staff_client.post(url, {"action": "confirm"})
    promise.refresh_from_db()
    assert promise.status == "confirmed"
    staff_client.post(url, {"action": "drop", "drop-reason": "Staat al op de website"})
    promise.refresh_from_db()
    assert promise.status == "dropped"
    assert promise.changes.first().reason == "Staat al op de website"
