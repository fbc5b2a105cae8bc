import re

from django import forms
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from svtracker.parsing import squash
from svtracker.questions.forms import DateInput

from .models import Promise
from .selectors import later_questions_of, promises_for


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


class QuestionSearchInput(forms.TextInput):
    """A text field with the member's later questions as suggestions (a datalist the browser filters)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options: list[str] = []

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id', name)}-options"
        attrs = {**(attrs or {}), "list": list_id, "autocomplete": "off"}
        field = super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{}"></option>', ((o,) for o in self.options))
        return format_html('{}<datalist id="{}">{}</datalist>', field, list_id, options)


def question_label(question) -> str:
    """"nr. 362 (2021-2022) – title", as staff type or pick it."""
    return f"nr. {question.number or '–'} ({question.session}) – {squash(question.title)[:90]}"


_NUMBER = re.compile(r"(?:nr\.?\s*)?(?P<number>\d+)(?:\s*\((?P<session>\d{4}-\d{4})\))?", re.IGNORECASE)


class DeliverForm(forms.Form):
    delivered_in = forms.CharField(
        label=_("Geleverd in het antwoord op"), widget=QuestionSearchInput(attrs={"type": "search"}),
        help_text=_("Typ het nummer of een woord uit de titel: svtracker zoekt in de latere vragen van "
                    "dezelfde vraagsteller."),
        error_messages={"required": _("Kies de vraag in wiens antwoord de gegevens stonden.")})
    reason = forms.CharField(label=_("Opmerking"), required=False, max_length=300)

    def __init__(self, *args, promise, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = later_questions_of(promise=promise)
        self.fields["delivered_in"].widget.options = [question_label(q) for q in self.candidates[:200]]

    def clean_delivered_in(self):
        typed = squash(self.cleaned_data["delivered_in"])
        found = _NUMBER.match(typed)
        if found is None:
            matches = self.candidates.filter(title__icontains=typed)
        else:
            matches = self.candidates.filter(number=int(found["number"]))
            if found["session"]:
                matches = matches.filter(session=found["session"])
        matches = list(matches[:2])
        if not matches:
            raise forms.ValidationError(
                _("Geen latere vraag van deze vraagsteller gevonden voor „%(typed)s”."),
                params={"typed": typed})
        if len(matches) > 1:
            raise forms.ValidationError(
                _("Meer dan één vraag past bij „%(typed)s”: kies er een uit de lijst."),
                params={"typed": typed})
        return matches[0]


class DropForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom schrappen?"), max_length=300,
        error_messages={"required": _("Geef een reden om deze toezegging te schrappen.")})


class SnoozeForm(forms.Form):
    """No reminders until a date: the promise stays open and in the lists."""

    until = forms.DateField(label=_("Geen herinneringen tot"), widget=DateInput())
    reason = forms.CharField(
        label=_("Waarom?"), max_length=300,
        error_messages={"required": _("Geef een reden om de herinneringen te pauzeren.")})

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until <= timezone.localdate():
            raise forms.ValidationError(_("Kies een datum na vandaag."))
        return until


class BulkForm(forms.Form):
    ACTIONS = [("confirm", _("Bevestigen")), ("drop", _("Schrappen"))]

    action = forms.ChoiceField(choices=ACTIONS, error_messages={"required": _("Kies wat er moet gebeuren.")})
    select = forms.ModelMultipleChoiceField(
        queryset=None, error_messages={"required": _("Vink eerst een of meer toezeggingen aan.")})
    reason = forms.CharField(label=_("Reden"), required=False, max_length=300)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["select"].queryset = promises_for(office=office)

    def clean(self):
        data = super().clean()
        if data.get("action") == "drop" and not data.get("reason", "").strip():
            self.add_error("reason", _("Geef een reden om de aangevinkte toezeggingen te schrappen."))
        return data
