import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .services import ANNEX_SUFFIXES


def read_number(text: str) -> Decimal | None:
    """A number as staff type it: "1.091", "1091", "12,5", "-3"; "" is no value."""
    text = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation as error:
        raise forms.ValidationError(_("Geef een getal, bijvoorbeeld 1.091 of 12,5.")) from error


class CorrectionForm(forms.Form):
    value = forms.CharField(label=_("Juiste waarde"), required=False, max_length=40,
                            help_text=_("Leeg laten als de cel geen getal is."))
    note = forms.CharField(label=_("Waarom (bron van de correctie)"), required=False, max_length=300)

    def clean_value(self):
        return read_number(self.cleaned_data["value"])


class JoinForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Rij"))
    into = forms.ChoiceField(label=_("is dezelfde als"))

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = choices
        self.fields["into"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("indicator") and data.get("indicator") == data.get("into"):
            raise forms.ValidationError(_("Kies twee verschillende rijen om samen te voegen."))
        return data


class AnnexForm(forms.Form):
    file = forms.FileField(
        label=_("Bijlage (Excel, PDF, Word, CSV of tekst)"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(ANNEX_SUFFIXES))}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("Het bestand is te groot (meer dan %(mb)d MB).")
                                        % {"mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)})
        return upload
