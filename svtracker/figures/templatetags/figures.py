"""`{% load figures %}`: a question's tables, a series' figures and timeline, Dutch numbers."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .. import charts, selectors, timeline
from ..forms import AnnexForm, JoinForm

register = template.Library()


@register.filter
def figure(value, unit=""):
    """1091 -> "1.091", 12.5 -> "12,5", with its unit ("44 %" written "44%")."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal):
        value = value.normalize()
        if value == value.to_integral():
            value = value.quantize(Decimal(1))
    text = number_format(value, force_grouping=True)
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}".strip()


@register.filter
def signed_figure(value, unit=""):
    text = figure(value, unit)
    return f"+{text}" if value is not None and value > 0 else text


@register.inclusion_tag("figures/_question_figures.html", takes_context=True)
def question_figures(context, question):
    """The question page's tables, annexes and annex upload: `{% question_figures question %}`."""
    return {"question": question, "tables": selectors.question_tables(question=question),
            "annexes": list(selectors.question_annexes(question=question)),
            "announced": selectors.annex_announced(question),
            "form": AnnexForm(), "csrf_token": context.get("csrf_token"), "request": context.get("request")}


def indicator_chart(indicator: selectors.Indicator) -> charts.Chart | None:
    if len(indicator.periods) < 2:
        return None
    labels = [p.period.short_label for p in indicator.periods]
    values = [p.current.value for p in indicator.periods]
    unit = indicator.unit
    earlier = [(i, o.value, _("%(period)s: %(value)s in het antwoord op vraag nr. %(number)s") % {
        "period": p.period.label, "value": figure(o.value, unit), "number": o.question.number or "–"})
        for i, p in enumerate(indicator.periods) for o in p.earlier]
    first, last = indicator.periods[0], indicator.periods[-1]
    description = _("Van %(first)s (%(a)s) tot %(last)s (%(b)s), %(count)d perioden; de tabel ernaast geeft "
                    "alle waarden.") % {
        "first": first.period.label, "a": figure(first.current.value, unit), "last": last.period.label,
        "b": figure(last.current.value, unit), "count": len(indicator.periods)}
    return charts.line_chart(title=indicator.label, description=description, x_labels=labels,
                             lines=[(indicator.label, "line-a", values)], earlier=earlier)


@register.inclusion_tag("figures/_series_figures.html", takes_context=True)
def series_figures(context, series):
    """The series page's figures, one table and chart per indicator: `{% series_figures series %}`."""
    indicators = selectors.series_figures(series=series)
    choices = selectors.indicator_choices(indicators)
    return {"series": series, "csrf_token": context.get("csrf_token"),
            "indicators": [(indicator, indicator_chart(indicator)) for indicator in indicators],
            "joins": list(selectors.joins_for(series=series)),
            "join_form": JoinForm(choices=choices) if len(choices) > 1 else None}


@register.inclusion_tag("figures/_series_timeline.html")
def series_timeline_picture(series, entries):
    """The series at a glance (asked, answered, promised, delivered or open) as one SVG."""
    return {"series": series, "picture": timeline.series_picture(entries)}
