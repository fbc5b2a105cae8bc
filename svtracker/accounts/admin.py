from django.contrib import admin

from .models import Membership, Office, Profile


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    filter_horizontal = ["members"]
    inlines = [MembershipInline]


admin.site.register(Profile, list_display=["user", "digest"], exclude=["calendar_token"])
