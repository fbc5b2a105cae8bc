"""Offices (a member's staff or a party group) and the staff who work in them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Office(models.Model):
    """A team of staff working for one or more members; all tracked data belongs to an office."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    members = models.ManyToManyField("people.Member", related_name="offices", blank=True,
                                     verbose_name=_("parlementsleden"))
    # Reminder policy (issue: reminders): warn N working days before, on the day, and repeat while open.
    warn_days_before = models.PositiveSmallIntegerField(_("waarschuw zoveel werkdagen vooraf"), default=5)
    repeat_every_days = models.PositiveSmallIntegerField(
        _("herhaal zolang open, om de zoveel dagen (0 = niet)"), default=7)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kantoor")
        verbose_name_plural = _("kantoren")

    def __str__(self):
        return self.name


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Membership(models.Model):
    class Role(models.TextChoices):
        STAFF = "staff", _("medewerker")
        ADMIN = "admin", _("beheerder")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.STAFF)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "office"], name="unique_membership")]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self):
        return f"{self.user} @ {self.office}"


class Profile(models.Model):
    """Per-user preferences: reminder emails and the private calendar feed token."""

    class Digest(models.TextChoices):
        DAILY = "daily", _("elke werkdag")
        WEEKLY = "weekly", _("één keer per week")
        OFF = "off", _("geen e-mails")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    digest = models.CharField(_("herinneringsmails"), max_length=10, choices=Digest.choices,
                              default=Digest.DAILY)
    digest_weekday = models.PositiveSmallIntegerField(
        _("dag van de wekelijkse mail"), default=0,
        choices=[(0, _("maandag")), (1, _("dinsdag")), (2, _("woensdag")), (3, _("donderdag")),
                 (4, _("vrijdag"))])
    calendar_token = models.CharField(max_length=64, unique=True, default=new_token)

    class Meta:
        verbose_name = _("profiel")
        verbose_name_plural = _("profielen")

    def __str__(self):
        return str(self.user)


class Invitation(models.Model):
    """An office admin's invitation: the person joins the office only by accepting it with a one-time link.

    For a new username the account is made at once with an unusable password (the link sets one); an
    existing account is asked at its own address and joins when its owner, logged in, accepts.
    """

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("rol"), max_length=10, choices=Membership.Role.choices,
                            default=Membership.Role.STAFF)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)  # SHA-256 of the link's secret
    created = models.DateTimeField(auto_now_add=True)
    accepted = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self):
        return f"{self.user} → {self.office}"


class AccountMail(models.Model):
    """A password-reset or invitation mail asked for, kept for a while to throttle them per address and IP."""

    kind = models.CharField(max_length=20)
    address_hash = models.CharField(max_length=64)  # SHA-256 of the lower-cased address, not the address
    ip = models.GenericIPAddressField(null=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "address_hash", "at"]),
                   models.Index(fields=["kind", "ip", "at"])]

    def __str__(self):
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"
