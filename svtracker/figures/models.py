"""Figures of answers: their tables cell by cell, annexes, and what staff corrected or joined."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Annex(models.Model):
    """A file the parliament publishes with an answer (bijlage), often a workbook; kept byte for byte."""

    question = models.ForeignKey("questions.Question", on_delete=models.CASCADE, related_name="annexes")
    file = models.FileField(upload_to="annexes/%Y/%m/")
    filename = models.CharField(_("bestandsnaam"), max_length=255)
    sha256 = models.CharField(max_length=64)
    source_url = models.URLField(_("bron"), blank=True, max_length=500)
    read_error = models.CharField(_("leesfout"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]
        constraints = [models.UniqueConstraint(fields=["question", "sha256"], name="unique_annex_hash")]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self):
        return self.filename


class AnswerTable(models.Model):
    """A table of an answer (or of one sheet of an annex) as the minister gave it."""

    question = models.ForeignKey("questions.Question", on_delete=models.CASCADE, related_name="answer_tables")
    annex = models.ForeignKey(Annex, on_delete=models.CASCADE, null=True, blank=True, related_name="tables")
    position = models.PositiveSmallIntegerField()
    caption = models.CharField(_("bijschrift"), max_length=500, blank=True)
    sheet = models.CharField(_("tabblad"), max_length=100, blank=True)
    header = models.JSONField(default=list)  # column headings, the row-label column first
    answer_labels = models.JSONField(default=list)  # labels of the answer part it stands in

    class Meta:
        ordering = ["annex_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["question", "position"], condition=models.Q(annex__isnull=True),
                                    name="unique_answer_table_position"),
            models.UniqueConstraint(fields=["annex", "position"], condition=models.Q(annex__isnull=False),
                                    name="unique_annex_table_position"),
        ]
        verbose_name = _("tabel")
        verbose_name_plural = _("tabellen")

    def __str__(self):
        return self.caption or self.sheet or f"tabel {self.position + 1}"

    @property
    def columns(self) -> list[str]:
        return list(self.header[1:])


class TableValue(models.Model):
    """One cell of an answer table: its row label, its column (and the period it stands for), its number."""

    # A table holds about a hundred cells, so each index and each foreign-key check is paid a hundred times
    # per import. Cells are derived data: written with their table by figures.services (and read again from
    # the stored document by reparse), deleted with it by Django's cascade. So neither key is checked by the
    # database (a check per cell at commit, and a plan cached while the table was empty made each one scan
    # it), and the table key has no index of its own: unique_table_cell covers it.
    table = models.ForeignKey(AnswerTable, on_delete=models.CASCADE, related_name="values", db_index=False,
                              db_constraint=False)
    question = models.ForeignKey("questions.Question", on_delete=models.CASCADE, related_name="table_values",
                                 db_constraint=False)
    row = models.PositiveSmallIntegerField()
    column = models.PositiveSmallIntegerField()
    row_label = models.CharField(_("rij"), max_length=300)
    indicator = models.CharField(max_length=300)  # the row label normalised; series line up on it in Python
    column_label = models.CharField(_("kolom"), max_length=200, blank=True)
    period_start = models.DateField(_("periode"), null=True, blank=True)
    period_kind = models.CharField(max_length=10, blank=True)  # periods.MONTH, QUARTER, ...
    text = models.CharField(_("zoals gedrukt"), max_length=200, blank=True)
    value = models.DecimalField(_("waarde"), max_digits=20, decimal_places=6, null=True, blank=True)
    unit = models.CharField(_("eenheid"), max_length=20, blank=True)

    class Meta:
        ordering = ["table", "row", "column"]
        constraints = [models.UniqueConstraint(fields=["table", "row", "column"], name="unique_table_cell")]

    def __str__(self):
        return f"{self.row_label} / {self.column_label}: {self.text}"


class CellCorrection(models.Model):
    """A value staff corrected by hand; the newest one counts, the older ones stay as history."""

    cell = models.ForeignKey(TableValue, on_delete=models.CASCADE, related_name="corrections")
    value = models.DecimalField(_("gecorrigeerde waarde"), max_digits=20, decimal_places=6, null=True,
                                blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.cell_id}: {self.value}"


class IndicatorJoin(models.Model):
    """Two row labels of a series that mean the same (a row renamed between two answers)."""

    series = models.ForeignKey("questions.Series", on_delete=models.CASCADE, related_name="indicator_joins")
    indicator = models.CharField(max_length=300)  # the label joined ...
    into = models.CharField(max_length=300)  # ... into this one
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [models.UniqueConstraint(fields=["series", "indicator"], name="unique_indicator_join")]

    def __str__(self):
        return f"{self.indicator} -> {self.into}"
