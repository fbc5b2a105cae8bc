"""The draft pages staff use, through the real URL names (reminder emails link to the create pages)."""

import hashlib

import pytest
from django.urls import reverse

from svtracker.drafts.models import Draft
from svtracker.promises.models import Promise
from svtracker.questions.selectors import find_questions


@pytest.fixture
def question_125(seeded_office):
    return find_questions(office=seeded_office, session="2023-2024", number=125).get()


@pytest.fixture
def draft(staff_client, question_125):
    response = staff_client.post(reverse("drafts:create_from_question", args=[question_125.pk]))
    return Draft.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[1]))


def _form(draft, **changes):
    data = {"minister": draft.minister_id, "minister_title": draft.minister_title, "title": draft.title,
            "introduction": draft.introduction, "questions": draft.questions,
            "excel_closing": "on" if draft.excel_closing else ""}
    return {**data, **changes}


@pytest.mark.parametrize("name", ["create_from_question", "create_from_series", "create_from_promise"])
def test_create_links_show_a_confirmation_and_create_nothing_on_get(staff_client, question_125, name):
    pk = {"create_from_question": question_125.pk, "create_from_series": question_125.series_id,
          "create_from_promise": Promise.objects.filter(question=question_125).first().pk}[name]
    response = staff_client.get(reverse(f"drafts:{name}", args=[pk]))
    assert response.status_code == 200
    assert "Ontwerp opstellen" in response.text
    assert not Draft.objects.exists()
    response = staff_client.post(reverse(f"drafts:{name}", args=[pk]))
    draft = Draft.objects.get()
    assert response.url == reverse("drafts:detail", args=[draft.pk])
    assert draft.title == "Inburgeraars - Verplichte inschrijving bij VDAB (3)"


def test_another_office_cannot_see_or_draft_from_our_questions(client, other_office, question_125, draft):
    from tests.factories import MembershipFactory, UserFactory

    outsider = UserFactory(username="buiten")
    MembershipFactory(user=outsider, office=other_office)
    client.force_login(outsider)
    assert client.get(reverse("drafts:create_from_question", args=[question_125.pk])).status_code == 404
    assert client.get(reverse("drafts:detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("drafts:pdf", args=[draft.pk])).status_code == 404
    assert draft.title not in client.get(reverse("drafts:list")).text


def test_editing_saves_a_version_and_the_list_shows_the_draft(staff_client, draft):
    response = staff_client.post(reverse("drafts:detail", args=[draft.pk]),
                                 _form(draft, questions=["Hoeveel boetes werden in 2025 betaald?", ""]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.questions == ["Hoeveel boetes werden in 2025 betaald?"]
    assert draft.versions.count() == 2
    page = staff_client.get(reverse("drafts:detail", args=[draft.pk])).text
    assert "Hoeveel boetes werden in 2025 betaald?" in page
    assert draft.title in staff_client.get(reverse("drafts:list")).text


def test_preview_shows_unsaved_edits_escaped_without_saving(staff_client, draft):
    response = staff_client.post(reverse("drafts:preview", args=[draft.pk]),
                                 _form(draft, title="Nieuwe titel <b>vet</b>"), HTTP_X_PREVIEW="fragment")
    assert "Nieuwe titel &lt;b&gt;vet&lt;/b&gt;" in response.text
    assert "<html" not in response.text
    page = staff_client.post(reverse("drafts:preview", args=[draft.pk]), _form(draft, title="Nieuwe titel"))
    assert "<html" in page.text and "Nieuwe titel" in page.text
    draft.refresh_from_db()
    assert draft.title == "Inburgeraars - Verplichte inschrijving bij VDAB (3)"


def test_versions_can_be_compared_and_restored(staff_client, draft):
    staff_client.post(reverse("drafts:detail", args=[draft.pk]), _form(draft, title="Een andere titel"))
    diff = staff_client.get(reverse("drafts:version_diff", args=[draft.pk, 2])).text
    assert "Een andere titel" in diff and "diff-removed" in diff
    staff_client.post(reverse("drafts:restore", args=[draft.pk, 1]))
    draft.refresh_from_db()
    assert draft.title == "Inburgeraars - Verplichte inschrijving bij VDAB (3)"
    assert draft.versions.count() == 3


def test_marking_sent_freezes_the_pdf_and_refuses_edits_in_dutch(staff_client, draft):
    before = staff_client.get(reverse("drafts:pdf", args=[draft.pk]))
    assert before["Content-Type"] == "application/pdf"
    assert before.content.startswith(b"%PDF")
    staff_client.post(reverse("drafts:mark_sent", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_sent
    first = staff_client.get(reverse("drafts:pdf", args=[draft.pk])).content
    second = staff_client.get(reverse("drafts:pdf", args=[draft.pk])).content
    assert first == second
    assert hashlib.sha256(first).hexdigest() == draft.pdf_sha256
    response = staff_client.post(reverse("drafts:detail", args=[draft.pk]), _form(draft, title="Te laat"),
                                 follow=True)
    assert "Dit ontwerp is al verstuurd en kan niet meer gewijzigd worden." in response.text
    draft.refresh_from_db()
    assert draft.title != "Te laat"
    assert set(draft.promises.values_list("status", flat=True)) == {Promise.Status.FOLLOWED_UP}


def test_a_sent_draft_shows_no_save_button_and_the_minister_list_no_dashes(staff_client, draft):
    page = staff_client.get(reverse("drafts:detail", args=[draft.pk])).text
    assert ">Bewaren</button>" in page
    assert "---------" not in page
    staff_client.post(reverse("drafts:mark_sent", args=[draft.pk]))
    page = staff_client.get(reverse("drafts:detail", args=[draft.pk])).text
    assert ">Bewaren</button>" not in page and ">Voorvertoning</button>" not in page


def test_a_second_follow_up_warns_and_links_the_sent_one_and_the_question_page_names_it(
        staff_client, draft, question_125):
    staff_client.post(reverse("drafts:mark_sent", args=[draft.pk]))
    link = reverse("drafts:detail", args=[draft.pk])
    promise = Promise.objects.filter(question=question_125).first()
    for name, pk in (("create_from_question", question_125.pk),
                     ("create_from_series", question_125.series_id), ("create_from_promise", promise.pk)):
        page = staff_client.get(reverse(f"drafts:{name}", args=[pk])).text
        assert "Er is al een opvolgvraag voor deze vraag:" in page
        assert f'href="{link}"' in page and "nog zonder antwoord" in page
    page = staff_client.get(reverse("questions:detail", args=[question_125.pk])).text
    assert "Opvolgvraag verstuurd op" in page and f'href="{link}"' in page
    assert "nr. –" not in page  # the question it became has no number yet: none is shown
    assert "vraag nr. –" not in staff_client.get(link).text


def test_the_question_breadcrumb_names_the_question_not_the_series(staff_client, question_125):
    page = staff_client.get(reverse("questions:detail", args=[question_125.pk])).text
    crumbs = page[page.index('class="crumbs"'):page.index("</nav>", page.index('class="crumbs"'))]
    assert "nr. 125 (2023-2024)" in crumbs and question_125.series.title not in crumbs
