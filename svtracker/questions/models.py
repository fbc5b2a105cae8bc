"""Written questions, their answers, the references between them and the series they form."""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionYear(models.Model):
    """A parliamentary session year as published by the parliament (fallback: computed rule)."""

    name = models.CharField(_("zittingsjaar"), max_length=9, unique=True)  # "2023-2024"
    start = models.DateField(_("begin"))
    end = models.DateField(_("einde"))

    class Meta:
        ordering = ["-start"]
        verbose_name = _("zittingsjaar")
        verbose_name_plural = _("zittingsjaren")

    def __str__(self):
        return self.name


class Series(models.Model):
    """A chain of follow-up questions, derived from their references."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="series")
    title = models.CharField(_("titel"), max_length=500)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("reeks")
        verbose_name_plural = _("reeksen")

    def __str__(self):
        return self.title


class Question(models.Model):
    """A written question; identified per office by (session year, minister, number)."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="questions")
    session = models.CharField(_("zittingsjaar"), max_length=9, db_index=True)
    minister = models.ForeignKey("people.Minister", on_delete=models.PROTECT, related_name="questions",
                                 null=True, blank=True, verbose_name=_("minister"))
    minister_title = models.CharField(_("functietitel"), max_length=500, blank=True)
    number = models.PositiveIntegerField(_("nummer"), null=True, blank=True)
    date = models.DateField(_("datum"))
    author = models.ForeignKey("people.Member", on_delete=models.PROTECT, related_name="questions",
                               verbose_name=_("vraagsteller"))
    title = models.CharField(_("titel"), max_length=500, blank=True)
    theme = models.CharField(_("thema"), max_length=200, blank=True)
    explanation = models.TextField(_("toelichting"), blank=True)
    answered = models.BooleanField(_("beantwoord"), default=False)
    answer_date = models.DateField(_("datum antwoord"), null=True, blank=True)
    series = models.ForeignKey(Series, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="questions", verbose_name=_("reeks"))
    parliament_id = models.CharField(max_length=50, blank=True)
    parliament_url = models.URLField(blank=True)
    answered_in_time = models.BooleanField(null=True, blank=True)
    # On PostgreSQL the table also has a column search_document: title, explanation, sub-questions and
    # answer as one full-text vector, kept up to date by triggers (migration 0004) whatever writes the rows.
    # It is no model field on purpose: it would be loaded with every question (selectors.matching_text).
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-number"]
        constraints = [
            # Numbers run per minister and restart each session year (DOMAIN.md). Scoped per office:
            # two offices may follow the same public question, each with its own promises.
            models.UniqueConstraint(fields=["office", "session", "minister", "number"],
                                    name="unique_question_per_office"),
        ]
        indexes = [
            models.Index(fields=["office", "-date"]),
            # The questions table sorts by title; its filters list the office's session years, themes,
            # members and ministers by walking these instead of reading every question.
            models.Index(fields=["office", "title"], name="question_office_title"),
            models.Index(fields=["office", "session"], name="question_office_session"),
            models.Index(fields=["office", "theme"], name="question_office_theme"),
            models.Index(fields=["office", "author"], name="question_office_author"),
            models.Index(fields=["office", "minister"], name="question_office_minister"),
            # The latest change to the office's questions and their number (scorecard.data_stamp).
            models.Index(fields=["office", "updated"], name="question_office_updated"),
            # The few unanswered questions, oldest first (dashboard, reminders).
            models.Index(fields=["office", "date", "number"], name="question_awaiting_answer",
                         condition=models.Q(answered=False)),
        ]
        verbose_name = _("schriftelijke vraag")
        verbose_name_plural = _("schriftelijke vragen")

    def __str__(self):
        return f"nr. {self.number or '–'} ({self.session}) {self.title}"


class Document(models.Model):
    """The source file as uploaded, kept byte for byte; the content hash recognises a re-upload.

    Every version of a question's document stays: a changed document is a new row, the earlier one its
    history."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to="documents/%Y/%m/")
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    text = models.TextField(blank=True)  # as extracted, so it can be read again by a newer parser (reparse)
    parse_result = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    parser_version = models.CharField(max_length=20, blank=True)
    source = models.CharField(max_length=20, blank=True)  # upload, command, demo, parliament
    uploaded_by = models.ForeignKey("auth.User", on_delete=models.SET_NULL, null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        constraints = [models.UniqueConstraint(fields=["question", "sha256"], name="unique_document_hash")]

    def __str__(self):
        return self.filename


class SubQuestion(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="sub_questions")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=20)
    text = models.TextField()

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return f"{self.label}. {self.text[:60]}"


class AnswerPart(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answer_parts")
    position = models.PositiveSmallIntegerField()
    labels = models.JSONField(default=list)  # "1-2." -> ["1", "2"]
    text = models.TextField()

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return f"{self.label_display}. {self.text[:60]}"

    @property
    def label_display(self):
        return "-".join(self.labels)


class Reference(models.Model):
    """A mention of an earlier question, as written; resolved to it once it is known."""

    source = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="references")
    number = models.PositiveIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    session = models.CharField(max_length=9, blank=True)
    text = models.TextField()
    in_answer = models.BooleanField(default=False)
    target = models.ForeignKey(Question, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="referenced_by")
    # Made by svtracker when a draft was sent (the follow-up joins its series), not written in a document.
    via_draft = models.BooleanField(default=False)
    date_mismatch = models.BooleanField(
        _("datum wijkt af"), default=False,
        help_text=_("De geschreven datum verschilt van die van de vraag of van een andere verwijzing."))

    class Meta:
        ordering = ["source", "in_answer", "id"]
        indexes = [
            # The references still waiting for their question, found by what a new question is
            # (questions.services.link_references): without these every import walks the office's questions.
            models.Index(fields=["number", "session"], condition=models.Q(target__isnull=True),
                         name="reference_waiting_by_number"),
            models.Index(fields=["date"], condition=models.Q(target__isnull=True, number__isnull=True),
                         name="reference_waiting_by_date"),
        ]

    def __str__(self):
        return f"nr. {self.number or '–'} van {self.date or '?'}"
