from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from svtracker.people.selectors import ministers_for
from svtracker.questions.selectors import all_ministers

from .models import EXCEL_CLOSING


class QuestionsWidget(forms.Widget):
    """One textarea per numbered question, all with the same name; the template draws them."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])


class QuestionsField(forms.Field):
    widget = QuestionsWidget

    def to_python(self, value):
        return [text.replace("\r\n", "\n").strip() for text in (value or []) if text and text.strip()]


class DraftForm(forms.Form):
    minister = forms.ModelChoiceField(label=_("Minister"), queryset=all_ministers(), required=False,
                                      empty_label=_("(nog geen minister gekozen)"))
    minister_title = forms.CharField(label=_("Functietitel"), max_length=500, required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))
    title = forms.CharField(label=_("Titel"), max_length=500)
    introduction = forms.CharField(label=_("Inleiding"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 10}),
                                   help_text=_("Een witregel begint een nieuwe alinea; een alinea die met « "
                                               "begint, is een citaat (ingesprongen, cursief)."))
    questions = QuestionsField(label=_("Vragen"), required=False,
                               help_text=_("Maak een vraag leeg om ze te schrappen."))
    excel_closing = forms.BooleanField(label=format_lazy(_("Slotzin „{closing}”"), closing=EXCEL_CLOSING),
                                       required=False)

    def clean_introduction(self):
        return self.cleaned_data["introduction"].replace("\r\n", "\n")

    @classmethod
    def for_draft(cls, draft, data=None):
        form = cls(data=data, initial={
            "minister": draft.minister_id, "minister_title": draft.minister_title, "title": draft.title,
            "introduction": draft.introduction, "questions": draft.questions,
            "excel_closing": draft.excel_closing})
        form.fields["minister"].queryset = ministers_for(office=draft.office_id)  # not another office's
        return form

    def question_values(self) -> list[str]:
        """The questions to show in the editor: as submitted, or as saved, and one empty one to add."""
        values = self["questions"].value() or []
        return [*values, ""]
