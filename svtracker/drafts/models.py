"""Draft follow-up questions, every saved version of them, and the exact PDF that was sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The closing line a draft ends with when a question it follows up asked for Excel; the document's own words,
# Dutch whatever the interface language.
EXCEL_CLOSING = "Graag deze gegevens in een Excel-bestand."

# The fields of a draft that staff edit; a version keeps exactly these (and the minister's id and name).
CONTENT_FIELDS = ("minister_title", "title", "introduction", "questions", "excel_closing")


class Draft(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("in opmaak")
        SENT = "sent", _("verstuurd")

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="drafts")
    series = models.ForeignKey("questions.Series", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="drafts", verbose_name=_("reeks"))
    source_question = models.ForeignKey("questions.Question", on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="follow_up_drafts",
                                        verbose_name=_("opvolging van"))
    author = models.ForeignKey("people.Member", on_delete=models.PROTECT, related_name="drafts",
                               verbose_name=_("vraagsteller"))
    minister = models.ForeignKey("people.Minister", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="drafts", verbose_name=_("minister"))
    minister_title = models.CharField(_("functietitel"), max_length=500, blank=True)
    title = models.CharField(_("titel"), max_length=500)
    introduction = models.TextField(_("inleiding"), blank=True)
    questions = models.JSONField(_("vragen"), default=list)  # one string per numbered question
    excel_closing = models.BooleanField(_("slotzin over Excel"), default=False)
    promises = models.ManyToManyField("promises.Promise", related_name="drafts", blank=True,
                                      verbose_name=_("toezeggingen"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    pdf = models.FileField(_("verstuurde PDF"), upload_to="drafts/%Y/%m/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    # The question the parliament registered for this draft, once it is imported (see services).
    asked_question = models.ForeignKey("questions.Question", on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="sent_drafts", verbose_name=_("ingediende vraag"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated", "-id"]
        verbose_name = _("ontwerpvraag")
        verbose_name_plural = _("ontwerpvragen")

    def __str__(self):
        return self.title

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT

    @property
    def minister_name(self) -> str:
        return self.minister.name if self.minister else ""

    def content(self) -> dict:
        return {"minister_id": self.minister_id, "minister_name": self.minister_name,
                **{name: getattr(self, name) for name in CONTENT_FIELDS}}


class DraftVersion(models.Model):
    """One saved state of a draft; never changed, so any earlier text can be compared and restored."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    content = models.JSONField()
    note = models.CharField(_("opmerking"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="unique_draft_version")]
        verbose_name = _("versie")
        verbose_name_plural = _("versies")

    def __str__(self):
        return f"{self.draft} v{self.number}"
