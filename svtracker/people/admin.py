from django.contrib import admin

from .models import Member, Minister, MinisterTerm, PolicyArea


class TermInline(admin.TabularInline):
    model = MinisterTerm
    extra = 0


@admin.register(Minister)
class MinisterAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    inlines = [TermInline]


admin.site.register(Member, search_fields=["name"])
admin.site.register(PolicyArea, search_fields=["name"])
admin.site.register(MinisterTerm, list_display=["minister", "function_title", "start", "end"],
                    filter_horizontal=["policy_areas"])
