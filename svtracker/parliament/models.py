"""What an office follows at the parliament, and what the sync has seen and imported."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class FollowedMember(models.Model):
    """A member whose new questions and answers an office receives; matched on Member.parliament_id."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="followed_members")
    member = models.ForeignKey("people.Member", on_delete=models.CASCADE, related_name="followers",
                               verbose_name=_("parlementslid"))
    since = models.DateTimeField(_("gevolgd sinds"), auto_now_add=True)

    class Meta:
        ordering = ["member__name"]
        constraints = [models.UniqueConstraint(fields=["office", "member"], name="unique_followed_member")]
        verbose_name = _("gevolgd parlementslid")
        verbose_name_plural = _("gevolgde parlementsleden")

    def __str__(self):
        return f"{self.office} → {self.member}"


class SyncRun(models.Model):
    """One run of the sync for an office, with what it did and what went wrong."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="sync_runs")
    started = models.DateTimeField(_("gestart"), auto_now_add=True)
    finished = models.DateTimeField(_("klaar"), null=True, blank=True)
    session = models.CharField(_("zittingsjaar"), max_length=9, blank=True)
    member = models.ForeignKey("people.Member", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+")
    found = models.PositiveIntegerField(_("gevonden"), default=0)
    imported = models.PositiveIntegerField(_("geïmporteerd"), default=0)
    answered = models.PositiveIntegerField(_("nieuwe antwoorden"), default=0)
    unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    failed = models.PositiveIntegerField(_("mislukt"), default=0)
    errors = models.JSONField(_("fouten"), default=list, blank=True)

    class Meta:
        ordering = ["-started", "-id"]
        verbose_name = _("synchronisatie")
        verbose_name_plural = _("synchronisaties")

    def __str__(self):
        return f"{self.office} {self.started:%Y-%m-%d %H:%M}"


class QuestionSyncQuerySet(models.QuerySet):
    def to_retry(self):
        return self.filter(Q(imported_status__lt=F("status")) | ~Q(error=""))


class QuestionSync(models.Model):
    """What the parliament says about one written question, and which version of it is imported.

    The status the parliament shows and the status whose document is in svtracker are kept apart: when
    they differ (a PDF that failed, a search that broke off) the question is "to retry" and the next run
    picks it up.
    """

    class Status(models.TextChoices):
        # Ordered so that "imported < seen" means something is missing.
        NONE = "0", _("niet geïmporteerd")
        ASKED = "1", _("gesteld")
        ANSWERED = "2", _("beantwoord")

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="question_syncs")
    parliament_id = models.CharField(_("id bij het parlement"), max_length=50)
    session = models.CharField(_("zittingsjaar"), max_length=9)
    number = models.PositiveIntegerField(_("nummer"))
    member = models.ForeignKey("people.Member", on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey("questions.Question", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="parliament_syncs")
    document_id = models.CharField(_("pfile-id"), max_length=50, blank=True)
    status = models.CharField(_("status bij het parlement"), max_length=1, choices=Status.choices,
                              default=Status.ASKED)
    imported_status = models.CharField(_("geïmporteerde versie"), max_length=1, choices=Status.choices,
                                       default=Status.NONE)
    answer_date = models.DateField(_("datum antwoord"), null=True, blank=True)
    answered_in_time = models.BooleanField(_("tijdig"), null=True, blank=True)
    error = models.TextField(_("laatste fout"), blank=True)
    attempts = models.PositiveIntegerField(_("mislukte pogingen"), default=0)
    updated = models.DateTimeField(auto_now=True)

    objects = QuestionSyncQuerySet.as_manager()

    class Meta:
        ordering = ["-session", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["office", "parliament_id"], name="unique_question_sync"),
        ]
        verbose_name = _("vraag bij het parlement")
        verbose_name_plural = _("vragen bij het parlement")

    def __str__(self):
        return f"{self.parliament_id}: nr. {self.number} ({self.session})"

    @property
    def to_retry(self) -> bool:
        return self.imported_status < self.status or bool(self.error)
