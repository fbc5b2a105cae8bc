import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext_lazy as _

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


class OwnAccessRefused(Exception):
    """Nobody changes their own role or access, so an office cannot lose its last admin by a slip."""

    message = _("Je kunt je eigen toegang of rol niet zelf wijzigen.")


def remove_staff(*, office: Office, user: User, by: User) -> None:
    """Take a user out of an office; the account stays (it may work for other offices)."""
    if user.pk == by.pk:
        raise OwnAccessRefused
    Membership.objects.filter(office=office, user=user).delete()


def set_role(*, membership: Membership, role: str, by: User) -> Membership:
    if membership.user_id == by.pk:
        raise OwnAccessRefused
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


def invite_staff(*, office: Office, username: str, email: str, role: str) -> tuple[User, bool]:
    """Add a user to an office; a new account gets an email with a link to choose its own password.

    Returns the user and whether the account is new. An existing account keeps its password.
    """
    created = not User.objects.filter(username=username).exists()
    # A random (usable) password: Django's reset link is only sent to accounts with a usable password.
    user = add_staff(office=office, username=username, email=email, role=role,
                     password=secrets.token_urlsafe(24) if created else None)
    if created:
        site = urlsplit(settings.SITE_URL)
        form = PasswordResetForm(data={"email": email})
        if form.is_valid():
            form.save(domain_override=site.netloc, use_https=site.scheme == "https",
                      subject_template_name="accounts/invitation_subject.txt",
                      email_template_name="accounts/invitation.txt",
                      extra_email_context={"office": office, "username": username})
    return user, created
