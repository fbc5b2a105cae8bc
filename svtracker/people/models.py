"""Members of parliament and ministers, with the function titles they held."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Member(models.Model):
    """A member of the Flemish Parliament who asks written questions (vraagsteller)."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    parliament_id = models.CharField(_("id bij het parlement"), max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("parlementslid")
        verbose_name_plural = _("parlementsleden")

    def __str__(self):
        return self.name


class PolicyArea(models.Model):
    """A policy area (bevoegdheid) such as Inburgering; it outlives the ministers who hold it."""

    name = models.CharField(_("naam"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("beleidsdomein")
        verbose_name_plural = _("beleidsdomeinen")

    def __str__(self):
        return self.name


class Minister(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    parliament_id = models.CharField(_("id bij het parlement"), max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("minister")
        verbose_name_plural = _("ministers")

    def __str__(self):
        return self.name


class MinisterTerm(models.Model):
    """A function title as printed, and the period a minister was seen holding it."""

    minister = models.ForeignKey(Minister, on_delete=models.CASCADE, related_name="terms")
    function_title = models.CharField(_("functietitel"), max_length=500)
    start = models.DateField(_("vanaf"))
    end = models.DateField(_("tot"), null=True, blank=True)
    policy_areas = models.ManyToManyField(PolicyArea, related_name="terms", blank=True,
                                          verbose_name=_("beleidsdomeinen"))

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.UniqueConstraint(fields=["minister", "function_title"], name="unique_minister_title"),
        ]
        verbose_name = _("ambtstermijn")
        verbose_name_plural = _("ambtstermijnen")

    def __str__(self):
        return f"{self.minister} – {self.function_title}"
