import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from svtracker.promises.selectors import filter_open_promises
from svtracker.questions.selectors import matching_text, table_filter_choices

YES_NO = [("", _("alle")), ("true", _("ja")), ("false", _("nee"))]


class PlainSelect(forms.Select):
    """A select written out in Python: the same HTML as Django's, without a template render per option
    (the table's filters show some sixty options on every page view)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = format_html_join(
            "\n", '<option value="{}"{}>{}</option>',
            ((option, " selected" if str(option) in selected else "", label)
             for option, label in self.choices))
        return format_html('<select name="{}"{}>\n{}\n</select>', name,
                           flatatt(self.build_attrs(self.attrs, attrs)), options)


class QuestionFilter(django_filters.FilterSet):
    """Filters of the questions table; the choices are what occurs in the office's own questions."""

    q = django_filters.CharFilter(
        label=_("Zoeken"), method="search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("titel, vraag of antwoord")}))
    author = django_filters.ChoiceFilter(label=_("Vraagsteller"), empty_label=_("alle"), widget=PlainSelect)
    minister = django_filters.ChoiceFilter(label=_("Minister"), empty_label=_("alle"), widget=PlainSelect)
    session = django_filters.ChoiceFilter(label=_("Zittingsjaar"), empty_label=_("alle"), widget=PlainSelect)
    theme = django_filters.ChoiceFilter(label=_("Thema"), empty_label=_("alle"), widget=PlainSelect)
    answered = django_filters.BooleanFilter(label=_("Beantwoord"), widget=PlainSelect(choices=YES_NO))
    has_open_promises = django_filters.BooleanFilter(label=_("Open toezeggingen"), method="open_promises",
                                                     widget=PlainSelect(choices=YES_NO))

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        choices = table_filter_choices(office=office)
        for name, kind in (("author", "members"), ("minister", "ministers"), ("session", "sessions"),
                           ("theme", "themes")):
            self.filters[name].extra["choices"] = choices[kind]

    def search(self, queryset, name, value):
        return matching_text(questions=queryset, text=value)

    def open_promises(self, queryset, name, value):
        return filter_open_promises(queryset, value=value)
