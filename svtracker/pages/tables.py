import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from svtracker.promises.selectors import with_open_promises
from svtracker.questions.models import Question, Series


class YesNoColumn(tables.BooleanColumn):
    """Yes/no in words: readable on screen, by screen readers and in the exported file."""

    def __init__(self, **kwargs):
        super().__init__(yesno=(_("ja"), _("nee")), **kwargs)

    def render(self, value, record, bound_column):
        return _("ja") if self._get_bool_value(record, value, bound_column) else _("nee")

    def value(self, value, record, bound_column):
        return str(self.render(value, record, bound_column))


class QuestionTable(tables.Table):
    number = tables.Column(verbose_name=_("Nr."), linkify=("questions:detail", [tables.A("pk")]),
                           attrs={"td": {"class": "num"}})
    session = tables.Column(verbose_name=_("Zittingsjaar"))
    date = tables.DateColumn(verbose_name=_("Datum"), format="j F Y", attrs={"td": {"class": "nowrap"}})
    author = tables.Column(verbose_name=_("Vraagsteller"), order_by=("author__name",))
    minister = tables.Column(verbose_name=_("Minister"), order_by=("minister__name",), default="–")
    title = tables.Column(verbose_name=_("Titel"), linkify=("questions:detail", [tables.A("pk")]),
                          attrs={"td": {"class": "title"}})
    theme = tables.Column(verbose_name=_("Thema"), default="")
    answered = YesNoColumn(verbose_name=_("Beantwoord"))
    has_open_promises = YesNoColumn(verbose_name=_("Open toezeggingen"))

    class Meta:
        model = Question
        fields = ("number", "session", "date", "author", "minister", "title", "theme", "answered",
                  "has_open_promises")
        order_by = ("-date",)
        empty_text = _("Geen vragen gevonden.")
        template_name = "questions/_table.html"

    def value_date(self, value):
        return value

    def order_has_open_promises(self, queryset, is_descending):
        # The page's rows get the flag afterwards (mark_open_promises); sorting by it needs it on every row.
        ordering = "-has_open_promises" if is_descending else "has_open_promises"
        return with_open_promises(queryset).order_by(ordering, "-date"), True


class SeriesTable(tables.Table):
    title = tables.Column(verbose_name=_("Reeks"), linkify=("questions:series_detail", [tables.A("pk")]))
    question_count = tables.Column(verbose_name=_("Vragen"), attrs={"td": {"class": "num"}})
    open_promises = tables.Column(verbose_name=_("Open toezeggingen"), attrs={"td": {"class": "num"}})
    last_date = tables.DateColumn(verbose_name=_("Laatste vraag"), format="j F Y", default="–")

    class Meta:
        model = Series
        fields = ("title", "question_count", "open_promises", "last_date")
        order_by = ("-last_date",)
        empty_text = _("Nog geen reeksen: importeer vragen die naar elkaar verwijzen.")
