import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from svtracker.links import absolute_url
from svtracker.mail import mail_message
from svtracker.people.models import Member

from .models import Invitation, Membership, Office, Profile, new_token
from .throttle import mail_allowed


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


def get_or_create_profile(*, user: User) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def renew_calendar_token(*, user: User) -> Profile:
    """A new secret for the calendar feed; the old URL stops working at once."""
    profile = get_or_create_profile(user=user)
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


def invite_staff(*, office: Office, username: str, email: str, role: str, by: User | None = None,
                 ip: str | None = None) -> Invitation | None:
    """Invite a person to an office; they join only by accepting (accept_invitation) with the mailed link.

    The admin gets the same answer whether the username exists or not. A new username becomes an account
    with an unusable password, and the link (to the address given) lets its owner choose one. An existing
    account is asked at its own address, never the one typed, so another office's address is neither shown
    nor used, and nobody gets a reset link for an account of their own. Throttled per address and per IP.
    """
    with transaction.atomic():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=email)
            user.set_unusable_password()
            user.save()
            Profile.objects.get_or_create(user=user)
        if Membership.objects.filter(user=user, office=office).exists() or not user.email:
            return
        if not mail_allowed(kind="invitation", address=user.email, ip=ip):
            return
        token = secrets.token_urlsafe(32)
        invitation = Invitation.objects.create(office=office, user=user, role=role, invited_by=by,
                                               token_hash=token_hash(token))
    mail_message("invitation", to=[user.email], context={
        "office": office, "username": user.get_username(), "new_account": not user.has_usable_password(),
        "link": absolute_url(reverse("accounts:invitation", args=[token])), "days": settings.INVITATION_DAYS,
    }).send()
    return invitation


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_invitation(*, token: str) -> Invitation | None:
    """The invitation of a link that was not used yet and has not expired."""
    return (Invitation.objects.select_related("office", "user")
            .filter(token_hash=token_hash(token), accepted__isnull=True,
                    created__gte=timezone.now() - timedelta(days=settings.INVITATION_DAYS)).first())


class InvitationRefused(Exception):
    message = _("Deze uitnodiging is voor een ander account: meld je aan als de uitgenodigde gebruiker.")


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User, password: str | None = None) -> Membership:
    """The invited person joins the office; `password` for a new account, which had an unusable one."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk, accepted__isnull=True)
    if user.pk != invitation.user_id:
        raise InvitationRefused
    if password is not None:
        user.set_password(password)
        user.save(update_fields=["password"])
    invitation.accepted = timezone.now()
    invitation.save(update_fields=["accepted"])
    membership, _created = Membership.objects.get_or_create(user=user, office=invitation.office,
                                                            defaults={"role": invitation.role})
    return membership
