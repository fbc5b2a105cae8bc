from django import forms
from django.utils.translation import gettext_lazy as _

from svtracker.accounts.models import Profile

from .models import RecessPeriod


class PreferencesForm(forms.Form):
    digest = forms.ChoiceField(label=_("Herinneringsmails"), choices=Profile.Digest.choices,
                               widget=forms.RadioSelect)
    digest_weekday = forms.TypedChoiceField(label=_("Dag van de wekelijkse mail"), coerce=int,
                                            choices=Profile._meta.get_field("digest_weekday").choices)


class ReminderPolicyForm(forms.Form):
    warn_days_before = forms.IntegerField(
        label=_("Waarschuw zoveel werkdagen vooraf"), min_value=0, max_value=60,
        help_text=_("Naast de herinnering op de dag zelf; 0 = enkel op de dag zelf."))
    repeat_every_days = forms.IntegerField(
        label=_("Herhaal zolang de gegevens uitblijven, om de zoveel dagen"), min_value=0, max_value=365,
        help_text=_("0 = niet herhalen."))


class IsoDateInput(forms.DateInput):
    """The browser's date input: it shows and sends ISO dates (2026-04-06) whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class RecessPeriodForm(forms.Form):
    start = forms.DateField(label=_("Begin"), widget=IsoDateInput)
    end = forms.DateField(label=_("Einde"), widget=IsoDateInput)
    note = forms.CharField(label=_("Opmerking"), max_length=300, required=False)

    def __init__(self, *args, kind: str, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind, self.year = kind, year

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and start.year != self.year:
            self.add_error("start", _("Het begin moet in %(year)s liggen.") % {"year": self.year})
        if start and end and end < start:
            self.add_error("end", _("Het einde ligt voor het begin."))
        return cleaned

    @property
    def kind_label(self) -> str:
        return RecessPeriod.Kind(self.kind).label
