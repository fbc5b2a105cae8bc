"""Reading what an office follows at the parliament, how the sync went, and the parliament's own facts about
questions, always for one office (or one question of it)."""

import unicodedata

from svtracker.accounts.models import Office

from .models import FollowedMember, ParliamentMember, ParliamentRecord, QuestionSync, SyncRun


def followed_members_of(*, office: Office):
    return FollowedMember.objects.filter(office=office).select_related("member")


def followed_member(*, office: Office, pk: int) -> FollowedMember:
    return followed_members_of(office=office).get(pk=pk)


def recent_sync_runs(*, office: Office, limit: int = 10):
    return SyncRun.objects.filter(office=office).select_related("member")[:limit]


def questions_to_retry(*, office: Office):
    return QuestionSync.objects.filter(office=office).to_retry().select_related("member", "question")


def offices_following_members():
    """Offices with at least one followed member: the ones the periodic sync visits."""
    return Office.objects.filter(followed_members__isnull=False).distinct().order_by("name")


def members_named(*, name: str) -> list[ParliamentMember]:
    """Members in the parliament's list with this name (accents and case aside): the ids to offer."""
    wanted = comparable_name(name)
    return [member for member in ParliamentMember.objects.all() if comparable_name(member.name) == wanted]


def id_offers(*, office: Office) -> dict[int, list[ParliamentMember]]:
    """For each followed member without a person id: the members list's candidates (followed pk -> list)."""
    return {followed.pk: offers for followed in followed_members_of(office=office)
            if not followed.member.parliament_id and (offers := members_named(name=followed.member.name))}


def parliament_record_of(*, question) -> ParliamentRecord | None:
    """What the parliament's open data says about this question (None when it was not synced)."""
    return ParliamentRecord.objects.filter(question=question).first()


def parliament_records_for(*, office: Office):
    """The parliament's facts about the office's synced questions (tijdig, dates, steps, person ids)."""
    return ParliamentRecord.objects.filter(question__office=office).select_related("question")


def comparable_name(name: str) -> str:
    """ "Emine Gül Isci" and "emine gul  isci" compare equal."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().split())
