from django.contrib import admin

from .models import FollowedMember, QuestionSync, SyncRun


@admin.register(FollowedMember)
class FollowedMemberAdmin(admin.ModelAdmin):
    list_display = ["member", "office", "since"]
    list_filter = ["office"]
    search_fields = ["member__name", "member__parliament_id"]
    autocomplete_fields = ["member"]


@admin.register(SyncRun)
class SyncRunAdmin(admin.ModelAdmin):
    list_display = ["started", "office", "session", "found", "imported", "answered", "unchanged", "failed"]
    list_filter = ["office"]
    date_hierarchy = "started"
    readonly_fields = [field.name for field in SyncRun._meta.fields]


@admin.register(QuestionSync)
class QuestionSyncAdmin(admin.ModelAdmin):
    list_display = ["parliament_id", "session", "number", "member", "office", "status", "imported_status",
                    "answer_date", "answered_in_time", "attempts"]
    list_filter = ["office", "status", "imported_status", "session"]
    search_fields = ["parliament_id", "member__name", "error"]
    raw_id_fields = ["question"]
