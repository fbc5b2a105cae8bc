"""Reading what an office follows at the parliament, how the sync went, and the parliament's own facts about
questions, always for one office (or one question of it)."""

import unicodedata

from svtracker.accounts.models import Office
from svtracker.parsing import squash

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
    return _members_by_name().get(comparable_name(name), [])


def id_offers(*, office: Office) -> dict[int, list[ParliamentMember]]:
    """For each followed member without a person id: the members list's candidates (followed pk -> list)."""
    without_id = [f for f in followed_members_of(office=office) if not f.member.parliament_id]
    by_name = _members_by_name() if without_id else {}
    return {followed.pk: by_name[key] for followed in without_id
            if (key := comparable_name(followed.member.name)) in by_name}


def _members_by_name() -> dict[str, list[ParliamentMember]]:
    members: dict[str, list[ParliamentMember]] = {}
    for member in ParliamentMember.objects.all():
        members.setdefault(comparable_name(member.name), []).append(member)
    return members


def parliament_record_of(*, question) -> ParliamentRecord | None:
    """What the parliament's open data says about this question (None when it was not synced)."""
    return ParliamentRecord.objects.filter(question=question).first()


def parliament_records_for(*, office: Office):
    """The parliament's facts about the office's synced questions (tijdig, dates, steps, person ids)."""
    return ParliamentRecord.objects.filter(question__office=office).select_related("question")


def comparable_name(name: str) -> str:
    """ "Emine Gül Isci" and "emine gul  isci" compare equal."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return squash(plain.casefold())
