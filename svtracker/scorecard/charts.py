"""The scorecard's two pictures and the Dutch words for each number (also the titles of the lists)."""

from django.utils.translation import gettext_lazy as _

from svtracker.figures import charts
from svtracker.figures.periods import MONTH, Period

from .selectors import Scorecard

LABELS = {
    "asked": _("vragen gesteld"),
    "answered": _("beantwoord"),
    "on_time": _("op tijd beantwoord (20 werkdagen)"),
    "late": _("te laat beantwoord"),
    "undated": _("beantwoord, datum onbekend"),
    "open_late": _("nog niet beantwoord, termijn verstreken"),
    "open": _("nog niet beantwoord, binnen de termijn"),
    "tijdig": _("tijdig volgens het parlement"),
    "niet_tijdig": _("niet tijdig volgens het parlement"),
    "promises": _("toezeggingen"),
    "proposed": _("voorgesteld, nog niet bevestigd"),
    "confirmed": _("bevestigd, nog open"),
    "delivered": _("geleverd"),
    "delivered_on_time": _("geleverd op tijd"),
    "delivered_late": _("geleverd, te laat"),
    "overdue": _("open na de beloofde datum"),
    "dropped": _("geschrapt"),
}


def _month_label(month) -> str:
    return Period(month, MONTH).short_label


def answers_chart(card: Scorecard) -> charts.Chart:
    months = card.months
    return charts.stacked_bar_chart(
        title=_("Antwoorden per maand, op tijd en te laat"),
        description=_(
            "Staafdiagram per maand van het antwoord: groen op tijd, rood te laat. De tabel eronder "
            "geeft dezelfde cijfers."
        ),
        x_labels=[_month_label(m.month) for m in months],
        stacks=[
            (str(_("op tijd")), "bar-ok", [m.on_time for m in months]),
            (str(_("te laat")), "bar-late", [m.late for m in months]),
        ],
    )


def promises_chart(card: Scorecard) -> charts.Chart:
    months = card.months
    return charts.line_chart(
        title=_("Toezeggingen geleverd en open, per maand"),
        description=_(
            "Lijndiagram: het aantal geleverde toezeggingen (opgeteld) en het aantal open "
            "toezeggingen aan het einde van elke maand. De tabel eronder geeft dezelfde cijfers."
        ),
        x_labels=[_month_label(m.month) for m in months],
        lines=[
            (str(_("geleverd")), "line-a", [m.kept for m in months]),
            (str(_("open")), "line-b", [m.open for m in months]),
        ],
    )
