from django import forms
from django.utils.translation import gettext_lazy as _


class PeriodForm(forms.Form):
    """The period and reach of a scorecard page (GET, so a page can be bookmarked and linked)."""

    start = forms.DateField(label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    everything = forms.BooleanField(
        label=_("Ook vragen van leden waarvoor het kantoor niet werkt"), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("Het begin van de periode ligt na het einde."))
        return data
