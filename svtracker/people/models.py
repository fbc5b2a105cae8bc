"""Members of parliament and ministers, with the function titles they held.

These are the parliament's records, shared by every office: only the parliament's own data (the sync) and
site administrators change them, and every change is kept (django-simple-history). What an office's own
documents say about a minister is a MinisterTerm of that office, seen by that office alone (README, "Whose
data is whose").
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Member(models.Model):
    """A member of the Flemish Parliament who asks written questions (vraagsteller)."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    parliament_id = models.CharField(_("id bij het parlement"), max_length=50, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("parlementslid")
        verbose_name_plural = _("parlementsleden")

    def __str__(self):
        return self.name


class PolicyArea(models.Model):
    """A policy area (bevoegdheid) such as Inburgering; it outlives the ministers who hold it."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("beleidsdomein")
        verbose_name_plural = _("beleidsdomeinen")

    def __str__(self):
        return self.name


class Minister(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    parliament_id = models.CharField(_("id bij het parlement"), max_length=50, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("minister")
        verbose_name_plural = _("ministers")

    def __str__(self):
        return self.name


class MinisterTerm(models.Model):
    """A function title as printed, and the period a minister was seen holding it.

    Without an office it is the parliament's record (from the sync or a site administrator), seen by every
    office; with one, it was read in that office's own documents and counts for that office only.
    """

    minister = models.ForeignKey(Minister, on_delete=models.CASCADE, related_name="terms")
    function_title = models.CharField(_("functietitel"), max_length=500)
    start = models.DateField(_("vanaf"))
    end = models.DateField(_("tot"), null=True, blank=True)
    policy_areas = models.ManyToManyField(PolicyArea, related_name="terms", blank=True,
                                          verbose_name=_("beleidsdomeinen"))
    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="minister_terms", verbose_name=_("kantoor"),
                               help_text=_("Leeg: het parlement, voor alle kantoren."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.UniqueConstraint(fields=["minister", "function_title"], condition=Q(office__isnull=True),
                                    name="unique_shared_minister_title"),
            models.UniqueConstraint(fields=["minister", "function_title", "office"],
                                    condition=Q(office__isnull=False), name="unique_office_minister_title"),
        ]
        verbose_name = _("ambtstermijn")
        verbose_name_plural = _("ambtstermijnen")

    def __str__(self):
        return f"{self.minister} – {self.function_title}"
