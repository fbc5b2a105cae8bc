"""Promises: data the minister said was not available yet, and when it should be."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from svtracker.parsing.types import PROMISE_KINDS

KIND_LABELS = {
    "link_not_refreshed": _("koppeling niet vernieuwd"),
    "provisional": _("cijfers onder voorbehoud"),
    "still_growing": _("cijfers stijgen nog"),
    "not_registered": _("nog niet geregistreerd"),
    "evaluation": _("evaluatie aangekondigd"),
    "available_from": _("beschikbaar vanaf"),
    "partial": _("gedeeltelijke gegevens"),
    "pending": _("andere toezegging"),
}


class PromiseStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    CONFIRMED = "confirmed", _("bevestigd")
    POSSIBLY_DELIVERED = "possibly_delivered", _("mogelijk geleverd")
    DELIVERED = "delivered", _("geleverd")
    FOLLOWED_UP = "followed_up", _("opgevolgd")
    DROPPED = "dropped", _("geschrapt")


# Outside the model so that its Meta (the partial index) reads the same statuses as every query.
OPEN_STATUSES = (PromiseStatus.PROPOSED, PromiseStatus.CONFIRMED, PromiseStatus.POSSIBLY_DELIVERED)


class Promise(models.Model):
    # The kinds are the parser's (parsing.types.PROMISE_KINDS); only their Dutch names are said here.
    Kind = models.TextChoices("Kind", [(kind.upper(), (kind, KIND_LABELS[kind])) for kind in PROMISE_KINDS])
    Status = PromiseStatus
    OPEN_STATUSES = OPEN_STATUSES

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="promises")
    question = models.ForeignKey("questions.Question", on_delete=models.CASCADE, related_name="promises",
                                 verbose_name=_("vraag"))
    answer_part = models.ForeignKey("questions.AnswerPart", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="promises")
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, default=Kind.PENDING)
    quote = models.TextField(_("citaat"))
    expected = models.DateField(_("verwacht op"), null=True, blank=True)
    basis = models.CharField(_("grond voor de datum"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED,
                              db_index=True)
    delivered_in = models.ForeignKey("questions.Question", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="delivered_promises", verbose_name=_("geleverd in"))
    snoozed_until = models.DateField(_("gesluimerd tot"), null=True, blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    changed = models.DateTimeField(auto_now=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["expected", "id"]
        indexes = [
            models.Index(fields=["office", "status", "expected"]),
            # The open promises soonest first, as the dashboard lists them: read in order instead of
            # sorting every open promise of the office.
            models.Index(fields=["office", "expected", "id"], name="promise_open_by_expected",
                         condition=models.Q(status__in=list(OPEN_STATUSES))),
            # The latest change to the office's promises and their number (scorecard.data_stamp).
            models.Index(fields=["office", "changed"], name="promise_office_changed"),
        ]
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")

    def __str__(self):
        return self.quote[:80]

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES


class PromiseChange(models.Model):
    """One recorded change of a promise: who, when, what before and after, and why."""

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    reason = models.CharField(_("reden"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.promise_id} @ {self.at:%Y-%m-%d %H:%M}"
