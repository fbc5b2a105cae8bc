from django.contrib.auth.models import User
from django.db import transaction

from svtracker.people.models import Member

from .models import Membership, Office, Profile, new_token


@transaction.atomic
def create_office(*, name: str, member_names: list[str] = ()) -> Office:
    office, _ = Office.objects.get_or_create(name=name)
    for member_name in member_names:
        member, _ = Member.objects.get_or_create(name=member_name)
        office.members.add(member)
    return office


@transaction.atomic
def add_staff(*, office: Office, username: str, email: str = "", password: str | None = None,
              role: str = Membership.Role.STAFF) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"email": email})
    if created or password:
        user.set_password(password) if password else user.set_unusable_password()
        user.save()
    Membership.objects.update_or_create(user=user, office=office, defaults={"role": role})
    Profile.objects.get_or_create(user=user)
    return user


def profile_of(*, user: User) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def renew_calendar_token(*, user: User) -> Profile:
    """A new secret for the calendar feed; the old URL stops working at once."""
    profile = profile_of(user=user)
    profile.calendar_token = new_token()
    profile.save(update_fields=["calendar_token"])
    return profile
