import logging

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from svtracker.mail import mail_message

from .models import Membership

log = logging.getLogger(__name__)


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


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's password reset (its uid and token link, no mail for an unusable password), mailed as the
    "password_reset" intent; like Django, a failing send is logged and the visitor sees the usual answer."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        try:
            mail_message("password_reset", context=context, to=[to_email]).send()
        except Exception:
            log.exception("Failed to send password reset email to %s", context["user"].pk)
