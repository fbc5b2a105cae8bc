from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership


class StaffAddForm(forms.Form):
    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Een nieuwe medewerker krijgt hierop een link om een wachtwoord te kiezen."))
    role = forms.ChoiceField(label=_("Rol"), choices=Membership.Role.choices, initial=Membership.Role.STAFF)


class StaffRoleForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Rol"), choices=Membership.Role.choices)


class StaffRemoveForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)
