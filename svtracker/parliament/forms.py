from django import forms
from django.utils.translation import gettext_lazy as _


class FollowMemberForm(forms.Form):
    name = forms.CharField(label=_("Naam van het parlementslid"), max_length=200,
                           help_text=_("Zoals in svtracker, bv. Maaike De Vreese."))
    parliament_id = forms.RegexField(
        label=_("Persoons-id bij het parlement"), regex=r"^\d{1,12}$", max_length=12, required=False,
        help_text=_("Het nummer in het adres van de fiche van het lid op vlaamsparlement.be; het houdt "
                    "naamgenoten uit elkaar. Leeg: svtracker zoekt het op in de ledenlijst van het "
                    "parlement."),
        error_messages={"invalid": _("Geef het nummer, alleen cijfers.")})
