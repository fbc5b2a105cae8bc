from django.contrib.auth.models import User

from .models import Membership, Office


def offices_for(*, user: User):
    return Office.objects.filter(memberships__user=user).order_by("name")


def office_named(*, name: str) -> Office:
    """The office with this name, for operators' commands (raises Office.DoesNotExist)."""
    return Office.objects.get(name=name)


def current_office(*, user: User, chosen_id: int | None) -> Office | None:
    """The office chosen in the session if the user belongs to it, else the user's first office."""
    offices = offices_for(user=user)
    if chosen_id is not None:
        office = offices.filter(pk=chosen_id).first()
        if office is not None:
            return office
    return offices.first()


def is_office_admin(*, user: User, office: Office) -> bool:
    return Membership.objects.filter(user=user, office=office, role=Membership.Role.ADMIN).exists()


def memberships_of(*, office: Office):
    return Membership.objects.filter(office=office).select_related("user").order_by("user__username")


def can_preview_mail(*, user: User, office: Office | None) -> bool:
    """Office admins (they send the invitations) and site administrators see every mail svtracker sends."""
    return user.is_superuser or office is not None and is_office_admin(user=user, office=office)
