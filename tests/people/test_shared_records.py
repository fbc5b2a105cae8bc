"""Whose data is whose (README): the parliament's records (members, ministers, their terms, policy areas)
are shared and changed only by the parliament's own data or a site administrator, with history; what an
office's documents say about ministers counts for that office's view only."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from svtracker.accounts.models import Membership
from svtracker.drafts.services import draft_follow_up
from svtracker.parliament.services import follow_member, sync_office
from svtracker.people.models import Member, Minister, MinisterTerm
from svtracker.questions.models import Question
from tests.factories import MembershipFactory, UserFactory
from tests.parliament.conftest import parliament, parliament_pdfs  # noqa: F401 (the fake parliament)

FORGED = """SCHRIFTELIJKE VRAAG

nr. 7
van KURT DE LOOR
datum: 15 januari 2030

aan JAN VERVALSER
VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR,
BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN

Inburgeraars  -  Een vraag uit de toekomst

Wie is vandaag bevoegd voor inburgering?

1. Hoeveel inburgeraars waren er in 2029?
"""


def admin_of(office, username):
    user = UserFactory(username=username)
    MembershipFactory(user=user, office=office, role=Membership.Role.ADMIN)
    return user


def test_another_offices_future_dated_document_changes_nothing_this_office_sees(
        client, office, staff, other_office, imported_seeds):
    somers_question = Question.objects.filter(office=office, minister__name__iexact="Bart Somers").first()
    before = draft_follow_up(office=office, user=staff, question=somers_question)
    assert before.minister.name.lower() == "gwendolyn rutten"

    client.force_login(admin_of(other_office, "bea"))
    client.post(reverse("accounts:office"), {"office": other_office.pk})
    client.post(reverse("questions:upload"), {"files": [SimpleUploadedFile("toekomst.txt", FORGED.encode())]})
    forged = Minister.objects.get(name__iexact="Jan Vervalser")
    assert Question.objects.filter(office=other_office, minister=forged).exists(), "office B's own view"

    after = draft_follow_up(office=office, user=staff, question=somers_question)
    assert after.minister.name.lower() == "gwendolyn rutten"
    client.force_login(staff)
    client.post(reverse("accounts:office"), {"office": office.pk})
    for page in (reverse("questions:register"), reverse("drafts:detail", args=[after.pk]),
                 reverse("questions:list"), reverse("promises:list")):
        assert "vervalser" not in client.get(page).content.decode().lower(), page
    assert not MinisterTerm.objects.filter(minister=forged, office__isnull=True).exists()


def test_another_offices_admin_cannot_change_a_members_parliament_id(
        client, office, other_office, parliament):  # noqa: F811
    follow_member(office=office, name="Maaike De Vreese", parliament_id="4394")
    client.force_login(admin_of(other_office, "bea"))
    client.post(reverse("accounts:office"), {"office": other_office.pk})
    client.post(reverse("parliament:followed"), {"name": "Maaike De Vreese", "parliament_id": "999"})
    assert Member.objects.get(name="Maaike De Vreese").parliament_id == "4394"
    report = sync_office(office=office, session="2023-2024")
    assert Question.objects.filter(office=office, author__name="Maaike De Vreese").exists(), report


def test_a_site_administrator_changes_a_parliament_id_and_the_change_is_kept(admin_client, db):
    member = Member.objects.create(name="Maaike De Vreese", parliament_id="4394")
    admin_client.post(reverse("admin:people_member_change", args=[member.pk]),
                      {"name": "Maaike De Vreese", "parliament_id": "4395"})
    member.refresh_from_db()
    assert member.parliament_id == "4395"
    assert [h.parliament_id for h in member.history.order_by("history_date")] == ["4394", "4395"]
