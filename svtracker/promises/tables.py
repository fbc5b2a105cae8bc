import django_tables2 as tables
from django.template.defaultfilters import truncatechars
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Promise


class PromiseTable(tables.Table):
    select = tables.CheckBoxColumn(accessor="pk", attrs={
        "th__input": {"data-select-all": "select", "aria-label": _("Alles selecteren")},
        "td__input": {"aria-label": _("Selecteren")}})
    status = tables.Column(verbose_name=_("Status"))
    kind = tables.Column(verbose_name=_("Soort"))
    quote = tables.Column(verbose_name=_("Toezegging"), linkify=("promises:detail", [tables.A("pk")]),
                          attrs={"td": {"class": "quote"}})
    question = tables.Column(verbose_name=_("Vraag"), order_by=("question__date", "question__number"),
                             linkify=("questions:detail", [tables.A("question_id")]),
                             attrs={"td": {"class": "nowrap"}})
    member = tables.Column(verbose_name=_("Vraagsteller"), accessor="question__author__name")
    minister = tables.Column(verbose_name=_("Minister"), accessor="question__minister__name", default="–")
    expected = tables.DateColumn(verbose_name=_("Verwacht"), format="j F Y", default="–",
                                 attrs={"td": {"class": "nowrap"}})
    overdue = tables.Column(verbose_name=_("Over tijd"))

    class Meta:
        model = Promise
        fields = ("select", "status", "kind", "quote", "question", "member", "minister", "expected",
                  "overdue")
        order_by = ("expected",)
        empty_text = _("Geen toezeggingen gevonden.")

    def render_status(self, record, value):
        return format_html('<span class="badge status-{}">{}</span>', record.status, value)

    def render_quote(self, value):
        return truncatechars(value, 140)

    def render_question(self, record):
        return format_html('{}<span class="sub">{}</span>',
                           _("nr. %(number)s") % {"number": record.question.number or "–"},
                           record.question.session)

    def value_question(self, record):
        return _("nr. %(number)s (%(session)s)") % {"number": record.question.number or "–",
                                                     "session": record.question.session}

    def render_overdue(self, value):
        return format_html('<span class="badge late">{}</span>', _("over tijd")) if value else ""
