"""Recess periods (for the answer deadline), the reminder outbox and the digest emails that carry it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import deadlines


class RecessPeriod(models.Model):
    """The parliament's recess in one year, from the calendar the parliament publishes.

    One calendar for every office (the government counts the answer deadline the same for all), entered
    by a site administrator and kept with its history. Years without a row use deadlines.default_recess.
    Only the second week of the Easter recess pauses the answer count; the summer and Christmas recesses
    pause it entirely.
    """

    class Kind(models.TextChoices):
        EASTER = deadlines.EASTER, _("paasreces")
        SUMMER = deadlines.SUMMER, _("zomerreces (tot 31 augustus)")
        CHRISTMAS = deadlines.CHRISTMAS, _("kerstreces")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("jaar"), editable=False)
    start = models.DateField(_("begin"))
    end = models.DateField(_("einde"))
    note = models.CharField(_("opmerking"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "start"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="unique_recess_per_year"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")),
                                   name="recess_end_after_start"),
        ]
        verbose_name = _("reces")
        verbose_name_plural = _("recessen")

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"

    def save(self, *args, **kwargs):
        self.year = self.start.year
        super().save(*args, **kwargs)


class Digest(models.Model):
    """One email to one staff member of one office on one day; the status guards against sending twice."""

    class Status(models.TextChoices):
        READY = "ready", _("klaar")
        SENDING = "sending", _("wordt verstuurd")
        SENT = "sent", _("verstuurd")
        FAILED = "failed", _("mislukt")
        CANCELLED = "cancelled", _("niets meer te melden")

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="digests")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests",
                                  verbose_name=_("ontvanger"))
    date = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.READY,
                              db_index=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("laatste fout"), blank=True)
    sending_since = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "id"]
        constraints = [models.UniqueConstraint(fields=["office", "recipient", "date"],
                                               name="unique_digest_per_day")]
        verbose_name = _("overzichtsmail")
        verbose_name_plural = _("overzichtsmails")

    def __str__(self):
        return f"{self.recipient} {self.date} ({self.status})"


class Reminder(models.Model):
    """An outbox row: one reason to tell one person about one item for one date, at most once."""

    class ItemKind(models.TextChoices):
        QUESTION = "question", _("vraag")
        PROMISE = "promise", _("toezegging")

    class Reason(models.TextChoices):
        LATE = "late", _("antwoord te laat")
        WARN = "warn", _("binnenkort verwacht")
        DUE = "due", _("vandaag verwacht")
        REPEAT = "repeat", _("nog altijd open")
        ANSWERED = "answered", _("antwoord ontvangen")  # news from the parliament sync, not a deadline

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="reminders")
    item_kind = models.CharField(max_length=10, choices=ItemKind.choices)
    item_id = models.PositiveBigIntegerField()
    reason = models.CharField(_("reden"), max_length=10, choices=Reason.choices)
    due_date = models.DateField(_("datum"))
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="reminders")
    digest = models.ForeignKey(Digest, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="reminders")
    cancelled = models.BooleanField(default=False,
                                    help_text=_("Het item was afgehandeld voor de mail vertrok."))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item_kind", "item_id", "reason", "due_date", "recipient"],
                                    name="unique_reminder"),
        ]
        indexes = [models.Index(fields=["recipient", "digest"])]
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")

    def __str__(self):
        return f"{self.item_kind} {self.item_id} {self.reason} {self.due_date} -> {self.recipient}"
