from django.contrib import admin

from .models import Promise, PromiseChange


class ChangeInline(admin.TabularInline):
    model = PromiseChange
    extra = 0
    readonly_fields = ["user", "at", "before", "after", "reason"]


@admin.register(Promise)
class PromiseAdmin(admin.ModelAdmin):
    list_display = ["quote", "kind", "status", "expected", "question", "office"]
    list_filter = ["status", "kind", "office"]
    search_fields = ["quote"]
    raw_id_fields = ["question", "answer_part", "delivered_in"]
    inlines = [ChangeInline]
