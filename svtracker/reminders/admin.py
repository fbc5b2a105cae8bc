from django.contrib import admin

from .models import Digest, RecessPeriod, Reminder


@admin.register(RecessPeriod)
class RecessPeriodAdmin(admin.ModelAdmin):
    list_display = ["kind", "year", "start", "end", "note"]
    list_filter = ["kind", "year"]


class ReminderInline(admin.TabularInline):
    model = Reminder
    extra = 0
    fields = ["item_kind", "item_id", "reason", "due_date", "cancelled"]
    readonly_fields = fields


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["date", "recipient", "office", "status", "attempts", "sent_at"]
    list_filter = ["status", "office"]
    readonly_fields = ["sending_since", "sent_at", "created"]
    inlines = [ReminderInline]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["item_kind", "item_id", "reason", "due_date", "recipient", "digest", "cancelled"]
    list_filter = ["item_kind", "reason", "cancelled"]
