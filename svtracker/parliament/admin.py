from django.contrib import admin

from .models import FollowedMember, ParliamentMember, ParliamentRecord, QuestionSync, SyncRun


@admin.register(FollowedMember)
class FollowedMemberAdmin(admin.ModelAdmin):
    list_display = ["member", "office", "since"]
    list_filter = ["office"]
    search_fields = ["member__name", "member__parliament_id"]
    autocomplete_fields = ["member"]


@admin.register(SyncRun)
class SyncRunAdmin(admin.ModelAdmin):
    list_display = ["started", "finished", "office", "session", "found", "imported", "answered", "unchanged",
                    "failed", "hits_received", "hits_reported"]
    list_filter = ["office"]
    date_hierarchy = "started"
    readonly_fields = [field.name for field in SyncRun._meta.fields]


@admin.register(QuestionSync)
class QuestionSyncAdmin(admin.ModelAdmin):
    list_display = ["parliament_id", "session", "number", "member", "office", "status", "imported_status",
                    "attempts"]
    list_filter = ["office", "status", "imported_status", "session"]
    search_fields = ["parliament_id", "member__name", "error"]
    raw_id_fields = ["question"]


@admin.register(ParliamentMember)
class ParliamentMemberAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "parliament_id", "party", "updated"]
    search_fields = ["last_name", "first_name", "parliament_id"]


@admin.register(ParliamentRecord)
class ParliamentRecordAdmin(admin.ModelAdmin):
    list_display = ["parliament_id", "session", "number", "asked_on", "answered_on", "in_time",
                    "member_person_id", "minister_person_id"]
    list_filter = ["session", "in_time"]
    search_fields = ["parliament_id"]
    raw_id_fields = ["question"]
    readonly_fields = [field.name for field in ParliamentRecord._meta.fields if field.name != "question"]
