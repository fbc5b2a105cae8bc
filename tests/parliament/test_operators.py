"""The operators' command, the beat task and the page where an office chooses whom to follow."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from svtracker.accounts.models import Membership
from svtracker.parliament import tasks
from svtracker.parliament.models import FollowedMember, QuestionSync, SyncRun
from svtracker.people.models import Member
from svtracker.questions.models import Question
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def run_command(*args):
    out, err = StringIO(), StringIO()
    call_command("sync_parliament", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_without_base_url_says_sync_is_off(settings, following):
    settings.PARLIAMENT_API_URL = ""

    with pytest.raises(CommandError, match="Geen PARLIAMENT_API_URL ingesteld"):
        run_command()


def test_command_dry_run_shows_what_would_come_in_and_writes_nothing(following, parliament):
    out, _err = run_command("--member", "Maaike De Vreese", "--session", "2023-2024", "--dry-run")

    assert "zou importeren" in out and "nr. 125 (2023-2024)" in out
    assert not (Question.objects.exists() or QuestionSync.objects.exists() or SyncRun.objects.exists())
    assert not any(path.startswith("/files/pfile") for path in parliament.requests)


def test_command_imports_and_reports_failures_on_stderr(office, following, parliament):
    parliament.fail(r"^/files/pfile\?id=2027001", "not_pdf")

    out, err = run_command("--session", "2023-2024")

    assert "Kantoor De Vreese: 2 gevonden" in out and "geen PDF" in out
    assert "opnieuw" in err
    assert Question.objects.filter(office=office).count() == 1


def test_command_for_a_member_nobody_follows_is_refused(following, parliament):
    with pytest.raises(CommandError, match="Geen kantoor volgt 'Jan Peeters'"):
        run_command("--member", "Jan Peeters")


def test_beat_task_does_nothing_without_base_url(settings, following):
    settings.PARLIAMENT_API_URL = ""

    assert tasks.sync_all_offices.delay().get() == 0
    assert not SyncRun.objects.exists()


def test_beat_task_follows_this_session_and_earlier_questions_still_waiting_for_an_answer(office, following,
                                                                                        parliament):
    from svtracker.parliament.services import current_session, sync_office

    sync_office(office=office, session="2023-2024")  # 125 asked, not answered yet
    parliament.answer_question_125()

    assert tasks.sync_all_offices.delay().get() == 1

    assert Question.objects.get(office=office, number=125).answered
    searched = [path for path in parliament.requests if path.startswith("/api/search/query/")]
    assert any(f"zittingsjaar={current_session(on=date.today())}" in path for path in searched)
    assert SyncRun.objects.filter(office=office).first().answered == 1


@pytest.fixture
def admin_client(client, office):
    user = UserFactory(username="beheerder")
    MembershipFactory(user=user, office=office, role=Membership.Role.ADMIN)
    client.force_login(user)
    return client


def test_office_admin_follows_a_member_with_the_parliaments_person_id(admin_client, office):
    response = admin_client.post(reverse("parliament:followed"),
                                 {"name": "Maaike De Vreese", "parliament_id": "4394"})

    assert response.status_code == 302
    followed = FollowedMember.objects.get(office=office)
    assert (followed.member.name, followed.member.parliament_id) == ("Maaike De Vreese", "4394")
    page = admin_client.get(reverse("parliament:followed"))
    assert "Maaike De Vreese" in page.content.decode()

    admin_client.post(reverse("parliament:unfollow", args=[followed.pk]))
    assert not FollowedMember.objects.exists() and Member.objects.filter(name="Maaike De Vreese").exists()


def test_staff_see_followed_members_and_failures_but_cannot_change_them(staff_client, office, following,
                                                                        parliament):
    parliament.fail(r"^/files/pfile\?id=2027001", "not_pdf")
    call_command("sync_parliament", "--session", "2023-2024", stdout=StringIO(), stderr=StringIO())

    page = staff_client.get(reverse("parliament:followed")).content.decode()

    assert "Maaike De Vreese" in page and "geen PDF" in page
    assert staff_client.post(reverse("parliament:followed"),
                             {"name": "Jan Peeters", "parliament_id": "1"}).status_code == 403
    assert staff_client.post(reverse("parliament:unfollow", args=[following.pk])).status_code == 403


def test_another_offices_followed_member_cannot_be_removed(admin_client, other_office):
    from svtracker.parliament.services import follow_member

    theirs = follow_member(office=other_office, name="Kurt De Loor", parliament_id="4200")

    assert admin_client.post(reverse("parliament:unfollow", args=[theirs.pk])).status_code == 404
    assert FollowedMember.objects.filter(pk=theirs.pk).exists()


def test_command_while_a_run_of_the_office_is_going_on_says_so(office, following, parliament):
    SyncRun.objects.create(office=office)  # not finished: running

    with pytest.raises(CommandError, match="Er loopt al een synchronisatie voor Kantoor De Vreese"):
        run_command("--session", "2023-2024")
    assert not any(path.startswith("/api/search/") for path in parliament.requests)
