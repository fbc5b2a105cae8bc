from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Promise, PromiseChange
from .services import change_promise


class ChangeInline(admin.TabularInline):
    """The history, as the app records it: read only."""

    model = PromiseChange
    extra = 0
    can_delete = False
    readonly_fields = ["user", "at", "before", "after", "reason"]

    def has_add_permission(self, request, obj=None):
        return False


class PromiseAdminForm(forms.ModelForm):
    reason = forms.CharField(label=_("Reden van de wijziging"), required=False, max_length=300,
                             help_text=_("Komt in de geschiedenis van de toezegging, zoals in de app."))

    class Meta:
        model = Promise
        fields = ["kind", "quote", "expected", "basis", "status", "delivered_in", "snoozed_until",
                  "answer_part"]


@admin.register(Promise)
class PromiseAdmin(admin.ModelAdmin):
    """Changes go through `change_promise`, so the history shows them as it shows the app's."""

    form = PromiseAdminForm
    list_display = ["quote", "kind", "status", "expected", "question", "office"]
    list_filter = ["status", "kind", "office"]
    search_fields = ["quote"]
    raw_id_fields = ["question", "answer_part", "delivered_in"]
    fields = ["office", "question", *PromiseAdminForm.Meta.fields, "reason", "changed_by"]
    readonly_fields = ["office", "question", "changed_by"]
    inlines = [ChangeInline]

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        edits = {name: form.cleaned_data[name] for name in form.changed_data if name != "reason"}
        change_promise(promise=obj, user=request.user, reason=form.cleaned_data["reason"].strip(), **edits)
