from django.contrib import admin

from .models import Invitation, Membership, Office, Profile


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    filter_horizontal = ["members"]
    inlines = [MembershipInline]


admin.site.register(Profile, list_display=["user", "digest"], exclude=["calendar_token"])


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Site administrators see who was invited where, by whom, and whether it was accepted (not the link)."""

    list_display = ["user", "office", "role", "invited_by", "created", "accepted"]
    list_filter = ["office"]
    exclude = ["token_hash"]
    readonly_fields = ["user", "office", "invited_by", "created", "accepted"]
