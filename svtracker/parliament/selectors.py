"""Reading what an office follows at the parliament and how the sync went, always for one office."""

from svtracker.accounts.models import Office

from .models import FollowedMember, QuestionSync, SyncRun


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
