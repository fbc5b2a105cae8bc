from django import forms
from django.utils.translation import gettext_lazy as _

from svtracker.questions.forms import DateInput
from svtracker.questions.selectors import questions_for

from .models import Promise
from .selectors import promises_for


class PromiseForm(forms.ModelForm):
    """Edit what the parser proposed; a new expected date needs a reason, kept in the history."""

    reason = forms.CharField(label=_("Reden van de wijziging"), required=False, max_length=300,
                             help_text=_("Verplicht als de verwachte datum verandert."))

    class Meta:
        model = Promise
        fields = ["quote", "kind", "expected"]
        widgets = {"expected": DateInput(), "quote": forms.Textarea(attrs={"rows": 4})}

    def clean(self):
        data = super().clean()
        if "expected" in self.changed_data and not data.get("reason", "").strip():
            self.add_error("reason", _("Geef een reden waarom de verwachte datum verandert."))
        return data


class DeliverForm(forms.Form):
    delivered_in = forms.ModelChoiceField(
        label=_("Geleverd in het antwoord op"), queryset=None, empty_label=_("kies de vraag"),
        error_messages={"required": _("Kies de vraag in wiens antwoord de gegevens stonden.")})
    reason = forms.CharField(label=_("Opmerking"), required=False, max_length=300)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delivered_in"].queryset = questions_for(office=office).order_by("-date", "-number")


class DropForm(forms.Form):
    reason = forms.CharField(label=_("Waarom schrappen?"), required=False, max_length=300)


class BulkForm(forms.Form):
    ACTIONS = [("confirm", _("Bevestigen")), ("drop", _("Schrappen"))]

    action = forms.ChoiceField(choices=ACTIONS, error_messages={"required": _("Kies wat er moet gebeuren.")})
    select = forms.ModelMultipleChoiceField(
        queryset=None, error_messages={"required": _("Vink eerst een of meer toezeggingen aan.")})

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["select"].queryset = promises_for(office=office)
