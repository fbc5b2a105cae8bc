import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from svtracker.people.models import Member, Minister
from svtracker.questions.selectors import filter_choices

from .models import Promise

OPEN = "open"
ALL = "all"
# Left out of the table unless the status filter asks for them: nothing more to do for these.
CLOSED_STATUSES = (Promise.Status.DROPPED, Promise.Status.DELIVERED)


class PromiseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), method="by_status", empty_label=_("lopende"),
        choices=[(OPEN, _("nog open")), *Promise.Status.choices,
                 (ALL, _("alle, ook geschrapte en geleverde"))])
    kind = django_filters.ChoiceFilter(label=_("Soort"), choices=Promise.Kind.choices, empty_label=_("alle"))
    member = django_filters.ModelChoiceFilter(label=_("Vraagsteller"), field_name="question__author",
                                              queryset=Member.objects.none(), empty_label=_("alle"))
    minister = django_filters.ModelChoiceFilter(label=_("Minister"), field_name="question__minister",
                                                queryset=Minister.objects.none(), empty_label=_("alle"))
    overdue = django_filters.BooleanFilter(
        label=_("Over tijd"),
        widget=forms.Select(choices=[("", _("alle")), ("true", _("ja")), ("false", _("nee"))]))

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        choices = filter_choices(office=office)
        self.filters["member"].queryset = choices["members"]
        self.filters["minister"].queryset = choices["ministers"]

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.exclude(status__in=CLOSED_STATUSES)
        return queryset

    def by_status(self, queryset, name, value):
        if value == ALL:
            return queryset
        if value == OPEN:
            return queryset.filter(status__in=Promise.OPEN_STATUSES)
        return queryset.filter(status=value)
