from django.contrib import admin

from .models import Draft, DraftVersion


class DraftVersionInline(admin.TabularInline):
    model = DraftVersion
    extra = 0
    can_delete = False
    readonly_fields = ("number", "content", "note", "created_by", "created")


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = ("title", "office", "author", "minister", "status", "updated")
    list_filter = ("status", "office")
    search_fields = ("title", "author__name", "minister__name")
    raw_id_fields = ("series", "source_question", "asked_question", "promises")
    readonly_fields = ("pdf", "pdf_sha256", "sent_at", "sent_by", "created_by", "created", "updated")
    inlines = [DraftVersionInline]
