"""Site administrators keep the parliament's records here; every change is kept (django-simple-history)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Member, Minister, MinisterTerm, PolicyArea


class TermInline(admin.TabularInline):
    model = MinisterTerm
    extra = 0


@admin.register(Minister)
class MinisterAdmin(SimpleHistoryAdmin):
    search_fields = ["name", "parliament_id"]
    inlines = [TermInline]


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    list_display = ["name", "parliament_id"]
    search_fields = ["name", "parliament_id"]


@admin.register(PolicyArea)
class PolicyAreaAdmin(SimpleHistoryAdmin):
    search_fields = ["name"]


@admin.register(MinisterTerm)
class MinisterTermAdmin(SimpleHistoryAdmin):
    list_display = ["minister", "function_title", "start", "end", "office"]
    list_filter = [("office", admin.EmptyFieldListFilter)]
    filter_horizontal = ["policy_areas"]
