from django.contrib import admin

from .models import AnswerPart, Document, Question, Reference, Series, SessionYear, SubQuestion


class SubQuestionInline(admin.TabularInline):
    model = SubQuestion
    extra = 0


class AnswerPartInline(admin.TabularInline):
    model = AnswerPart
    extra = 0


class ReferenceInline(admin.TabularInline):
    model = Reference
    fk_name = "source"
    extra = 0
    raw_id_fields = ["target"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["number", "session", "date", "author", "minister", "title", "answered", "office"]
    list_filter = ["session", "answered", "office"]
    search_fields = ["title", "author__name", "minister__name"]
    list_select_related = ["author", "minister", "office"]
    raw_id_fields = ["series"]
    inlines = [SubQuestionInline, AnswerPartInline, ReferenceInline]


admin.site.register(Series, list_display=["title", "office", "created"], search_fields=["title"])
admin.site.register(SessionYear, list_display=["name", "start", "end"])
admin.site.register(Document, list_display=["filename", "question", "sha256", "created"],
                    raw_id_fields=["question"])
