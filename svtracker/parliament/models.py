"""What an office follows at the parliament, what the sync has seen and imported, and the parliament's own
facts about each synced question."""

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


class ParliamentMember(models.Model):
    """A member as the parliament's members list has them (``/e/opendata/vv/huidige``).

    The parliament splits first and last name its own way ("Emine Gül" / "Isci"); the search filters on
    "Naam, Voornaam" in that split, so it is read from here and never made by flipping a display name.
    """

    parliament_id = models.CharField(_("persoons-id"), max_length=50, unique=True)
    first_name = models.CharField(_("voornaam"), max_length=200)
    last_name = models.CharField(_("naam"), max_length=200)
    party = models.CharField(_("fractie"), max_length=200, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("lid volgens het parlement")
        verbose_name_plural = _("leden volgens het parlement")

    def __str__(self):
        return f"{self.name} ({self.parliament_id})"

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def last_first(self) -> str:
        """ "Isci, Emine Gül": how the search writes vraagsteller."""
        return f"{self.last_name}, {self.first_name}"


class SyncRun(models.Model):
    """One run of the sync for an office, with what it did and what went wrong.

    A run without ``finished`` is running: at most one per office (the constraint below), so a second run
    started meanwhile (beat and an operator, a redelivered task) is refused instead of importing twice.
    """

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
    hits_reported = models.PositiveIntegerField(_("treffers volgens het parlement"), default=0)
    hits_received = models.PositiveIntegerField(_("treffers gelezen"), default=0)
    errors = models.JSONField(_("fouten"), default=list, blank=True)

    class Meta:
        ordering = ["-started", "-id"]
        constraints = [models.UniqueConstraint(fields=["office"], condition=Q(finished__isnull=True),
                                               name="one_running_sync_per_office")]
        verbose_name = _("synchronisatie")
        verbose_name_plural = _("synchronisaties")

    def __str__(self):
        return f"{self.office} {self.started:%Y-%m-%d %H:%M}"

    @property
    def complete(self) -> bool:
        """Every hit the parliament reported was read (paging did not stop short)."""
        return self.hits_received >= self.hits_reported


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
    number = models.PositiveIntegerField(_("nummer"), null=True, blank=True)
    member = models.ForeignKey("people.Member", on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey("questions.Question", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="parliament_syncs")
    document_id = models.CharField(_("pfile-id"), max_length=50, blank=True)
    status = models.CharField(_("status bij het parlement"), max_length=1, choices=Status.choices,
                              default=Status.ASKED)
    imported_status = models.CharField(_("geïmporteerde versie"), max_length=1, choices=Status.choices,
                                       default=Status.NONE)
    annex_ids = models.JSONField(_("bewaarde bijlagen (pfile-id's)"), default=list, blank=True)
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
        return f"{self.parliament_id}: nr. {self.number or '?'} ({self.session})"

    @property
    def to_retry(self) -> bool:
        return self.imported_status < self.status or bool(self.error)


class ParliamentRecord(models.Model):
    """The parliament's own facts about a synced question, from its open data.

    Read by other apps through ``selectors.parliament_record_of`` / ``parliament_records_for``: the scorecard
    reads ``in_time``, the shared-records rule the person ids (the parliament's records win over a
    document's).
    """

    question = models.OneToOneField("questions.Question", on_delete=models.CASCADE,
                                    related_name="parliament_record")
    parliament_id = models.CharField(_("id bij het parlement"), max_length=50)
    session = models.CharField(_("zittingsjaar"), max_length=9, blank=True)
    number = models.PositiveIntegerField(_("nummer"), null=True, blank=True)
    asked_on = models.DateField(_("gesteld op"), null=True, blank=True)
    answered_on = models.DateField(_("beantwoord op"), null=True, blank=True)
    in_time = models.BooleanField(_("tijdig"), null=True, blank=True)
    in_time_text = models.CharField(_("tijdig, zoals het parlement het schrijft"), max_length=50, blank=True)
    # [{"on": "2024-01-26" or None, "status": "Vraag gesteld aan de minister"}, ...]
    steps = models.JSONField(_("procedureverloop"), default=list, blank=True)
    member_person_id = models.CharField(_("persoons-id vraagsteller"), max_length=50, blank=True)
    minister_person_id = models.CharField(_("persoons-id minister"), max_length=50, blank=True)
    answer_kind = models.CharField(_("soort antwoord"), max_length=100, blank=True)
    themes = models.JSONField(_("thema's"), default=list, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("gegevens van het parlement")
        verbose_name_plural = _("gegevens van het parlement")

    def __str__(self):
        return f"{self.parliament_id} ({self.session})"
