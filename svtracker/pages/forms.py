"""The upload and register forms: the doors through which staff bring a question in."""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from svtracker.people.selectors import ministers_for
from svtracker.questions.forms import DateInput
from svtracker.questions.selectors import find_questions, members_of, session_on

ALLOWED_SUFFIXES = (".pdf", ".docx", ".txt")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe); each is checked on its own later."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}))
        kwargs.setdefault("allow_empty_file", True)  # an empty file gets its own result (upload_problem)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if not data and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=gettext_lazy("Bestanden"),
        help_text=gettext_lazy("PDF-, Word- of tekstbestanden van schriftelijke vragen en antwoorden; "
                               "je kunt er meerdere tegelijk kiezen."),
        error_messages={"required": gettext_lazy("Kies minstens één bestand.")})


def upload_problem(upload, data: bytes) -> str:
    """Why an uploaded file cannot be imported, in Dutch for the staff; empty when it may go on.

    The extension and the content must agree: a PDF starts with %PDF, a text file decodes as text.
    """
    name = upload.name
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        if suffix == ".doc":
            return _("Oude Word-bestanden (.doc) kunnen niet worden ingelezen: open het in Word "
                     "of LibreOffice "
                     "en bewaar het als .docx of PDF.")
        return _("Alleen PDF-, Word- en tekstbestanden (.pdf, .docx, .txt) kunnen worden ingelezen.")
    if upload.size > settings.UPLOAD_MAX_BYTES:
        return _("Het bestand is te groot (%(size)s); de grens is %(limit)s.") % {
            "size": filesizeformat(upload.size), "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
    if not data.strip():
        return _("Het bestand is leeg.")
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            return _("Dit bestand heet .pdf maar is geen PDF-document.")
        return ""
    if suffix == ".docx":
        if not data.startswith(b"PK"):
            return _("Dit bestand heet .docx maar is geen Word-document.")
        return ""
    if b"\x00" in data:
        return _("Dit bestand heet .txt maar bevat geen leesbare tekst.")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _("De tekst is niet in UTF-8 opgeslagen; bewaar het bestand opnieuw als UTF-8-tekst.")
    return ""


class RegisterQuestionForm(forms.Form):
    """A question just sent to a minister, not answered yet, so its deadline can be followed."""

    author = forms.ModelChoiceField(label=gettext_lazy("Vraagsteller"), queryset=None,
                                    empty_label=gettext_lazy("kies een parlementslid"))
    minister = forms.ModelChoiceField(label=gettext_lazy("Minister"), queryset=None,
                                      empty_label=gettext_lazy("kies een minister"))
    minister_title = forms.CharField(label=gettext_lazy("Functietitel"), required=False, max_length=500,
                                     help_text=gettext_lazy("Zoals in de aanhef, als je die wilt bewaren."))
    number = forms.IntegerField(label=gettext_lazy("Vraagnummer"), required=False, min_value=1,
                                help_text=gettext_lazy("Laat leeg als het parlement nog geen nummer gaf."))
    asked_on = forms.DateField(label=gettext_lazy("Verstuurd op"), widget=DateInput())
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=500)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.office = office
        self.fields["author"].queryset = members_of(office=office)
        self.fields["minister"].queryset = ministers_for(office=office)

    def clean(self):
        data = super().clean()
        if data.get("asked_on"):
            data["session"] = session_on(data["asked_on"])
        if data.get("number") and data.get("minister") and data.get("session"):
            known = find_questions(office=self.office, session=data["session"], number=data["number"])
            if known.filter(minister=data["minister"]).exists():
                raise forms.ValidationError(
                    _("Vraag nr. %(number)s (%(session)s) aan deze minister staat al in svtracker.")
                    % {"number": data["number"], "session": data["session"]})
        return data
