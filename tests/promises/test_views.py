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
    response = staff_client.post(reverse("promises:bulk"), {"action": "drop", "select": [third.pk]},
                                 follow=True)
    assert "Geef een reden om de aangevinkte toezeggingen te schrappen." in response.content.decode()
    third.refresh_from_db()
    assert third.status == "proposed"
    staff_client.post(reverse("promises:bulk"), {"action": "drop", "select": [third.pk], "reason": "Dubbel"})
    third.refresh_from_db()
    assert third.status == "dropped" and third.changes.first().reason == "Dubbel"


def test_bulk_without_selection_says_so(staff_client):
    response = staff_client.post(reverse("promises:bulk"), {"action": "confirm"}, follow=True)
    assert "Vink eerst een of meer toezeggingen aan." in response.content.decode()


def test_bulk_cannot_touch_another_offices_promise(staff_client, other_office):
    foreign = PromiseFactory(question=QuestionFactory(office=other_office))
    staff_client.post(reverse("promises:bulk"), {"action": "drop", "select": [foreign.pk], "reason": "x"})
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
    assert change.before == {"expected": "2024-04-26", "basis": "standaardtermijn van 3 maanden"}
    assert change.after == {"expected": "2024-09-30", "basis": "Kabinet meldt vertraging"}
    page = staff_client.get(url).content.decode()
    assert "Kabinet meldt vertraging" in page
    assert "26 april 2024" in page and "30 september 2024" in page
    # The parser's rule for the old date is gone from the explanation: the reason for the new one is there.
    assert promise.basis == "Kabinet meldt vertraging"
    assert "standaardtermijn" not in page[:page.index('id="h-history"')]


def test_mark_delivered_searches_the_members_later_questions(staff_client, office):
    # A fixed number: the factory's own could be 12, which the page must not offer.
    promise = PromiseFactory(question=QuestionFactory(office=office, number=300, date=date(2024, 1, 26)))
    author = promise.question.author
    answer = QuestionFactory(office=office, number=401, session="2023-2024", author=author,
                             date=date(2024, 5, 2), answered=True, title="Inburgeraars (3)")
    QuestionFactory(office=office, number=12, author=author, date=date(2016, 3, 1))  # too early
    QuestionFactory(office=office, number=402, date=date(2024, 6, 1))  # another member's
    url = reverse("promises:detail", args=[promise.pk])
    page = staff_client.get(url).content.decode()
    assert "nr. 401 (2023-2024) – Inburgeraars (3)" in page  # a suggestion of the search field
    assert "nr. 12 " not in page and "nr. 402 " not in page
    assert "<select" not in page.split("h-deliver")[1][:2000]
    response = staff_client.post(url, {"action": "deliver", "deliver-delivered_in": ""})
    assert "Kies de vraag in wiens antwoord de gegevens stonden." in response.content.decode()
    response = staff_client.post(url, {"action": "deliver", "deliver-delivered_in": "402"})
    assert "Geen latere vraag van deze vraagsteller gevonden" in response.content.decode()
    staff_client.post(url, {"action": "deliver",
                            "deliver-delivered_in": "nr. 401 (2023-2024) – Inburgeraars (3)"})
    promise.refresh_from_db()
    assert promise.status == "delivered" and promise.delivered_in == answer
    page = staff_client.get(url).content.decode()
    assert reverse("questions:detail", args=[answer.pk]) in page
    history = page[page.index('id="h-history"'):]
    assert "nr. 401 (2023-2024)" in history and "vraag #" not in history


def test_a_title_word_finds_the_question_too(staff_client, office):
    promise = PromiseFactory(question=QuestionFactory(office=office, date=date(2024, 1, 26)))
    answer = QuestionFactory(office=office, author=promise.question.author, date=date(2024, 5, 2),
                             title="Registraties in het cliëntvolgsysteem")
    staff_client.post(reverse("promises:detail", args=[promise.pk]),
                      {"action": "deliver", "deliver-delivered_in": "cliëntvolgsysteem"})
    promise.refresh_from_db()
    assert promise.delivered_in == answer


def test_cannot_deliver_with_another_offices_question(staff_client, office, other_office):
    promise = PromiseFactory(question=QuestionFactory(office=office))
    foreign = QuestionFactory(office=other_office, author=promise.question.author, number=777,
                              date=date(2099, 1, 1))
    staff_client.post(reverse("promises:detail", args=[promise.pk]),
                      {"action": "deliver", "deliver-delivered_in": str(foreign.number)})
    promise.refresh_from_db()
    assert promise.status == "proposed"


def test_confirm_and_drop_one_promise(staff_client, office):
    promise = PromiseFactory(question=QuestionFactory(office=office))
    url = reverse("promises:detail", args=[promise.pk])
    staff_client.post(url, {"action": "confirm"})
    promise.refresh_from_db()
    assert promise.status == "confirmed"
    response = staff_client.post(url, {"action": "drop", "drop-reason": "  "})
    assert "Geef een reden om deze toezegging te schrappen." in response.content.decode()
    promise.refresh_from_db()
    assert promise.status == "confirmed"
    staff_client.post(url, {"action": "drop", "drop-reason": "Staat al op de website"})
    promise.refresh_from_db()
    assert promise.status == "dropped"
    assert promise.changes.first().reason == "Staat al op de website"


def test_dropped_and_delivered_promises_leave_the_default_list_and_a_filter_shows_them(staff_client, office):
    kept = {status: PromiseFactory(question=QuestionFactory(office=office), status=status)
            for status in ("proposed", "confirmed", "followed_up", "dropped", "delivered")}

    def shown(**params):
        response = staff_client.get(reverse("promises:list"), params)
        return {row.record.status for row in response.context["table"].page.object_list}

    assert shown() == {"proposed", "confirmed", "followed_up"}
    assert shown(status="dropped") == {"dropped"}
    assert shown(status="all") == set(kept)


def test_staff_snooze_a_promise_until_a_date_with_a_reason_in_the_history(staff_client, office):
    from svtracker.promises.selectors import promises_due

    promise = PromiseFactory(question=QuestionFactory(office=office), expected=date(2020, 1, 1))
    url = reverse("promises:detail", args=[promise.pk])
    response = staff_client.post(url, {"action": "snooze", "snooze-until": "2099-01-01", "snooze-reason": ""})
    assert "Geef een reden om de herinneringen te pauzeren." in response.content.decode()
    staff_client.post(url, {"action": "snooze", "snooze-until": "2099-01-01",
                            "snooze-reason": "Kabinet belt terug na het reces"})
    promise.refresh_from_db()
    assert promise.snoozed_until == date(2099, 1, 1)
    assert promise not in promises_due(office=office, until=date(2099, 12, 31))
    page = staff_client.get(url).content.decode()
    assert "geen herinneringen tot 1 januari 2099" in page and "Kabinet belt terug na het reces" in page
    staff_client.post(url, {"action": "wake"})
    promise.refresh_from_db()
    assert promise.snoozed_until is None and promise in promises_due(office=office, until=date(2099, 12, 31))


def test_an_admin_change_is_recorded_in_the_history_like_the_apps(client, office):
    from tests.factories import UserFactory

    admin = UserFactory(username="beheer", is_staff=True, is_superuser=True)
    client.force_login(admin)
    promise = PromiseFactory(question=QuestionFactory(office=office))
    url = reverse("admin:promises_promise_change", args=[promise.pk])
    response = client.post(url, {
        "kind": promise.kind, "quote": promise.quote, "expected": "2024-12-31", "basis": promise.basis,
        "status": "confirmed", "delivered_in": "", "snoozed_until": "", "answer_part": "",
        "reason": "Rechtgezet in de beheersite",
        "changes-TOTAL_FORMS": "0", "changes-INITIAL_FORMS": "0"})
    assert response.status_code == 302, response.content.decode()[:3000]
    change = promise.changes.get()
    assert change.user == admin and change.reason == "Rechtgezet in de beheersite"
    assert change.after == {"expected": "2024-12-31", "status": "confirmed"}
