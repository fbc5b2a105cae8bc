"""The staff pages: "Vandaag", the questions table, a question, series, upload and register."""

from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_filters.views import FilterView
from django_tables2 import RequestConfig, SingleTableMixin

from svtracker.access import OfficeRequiredMixin, found_or_404, office_required
from svtracker.drafts.selectors import drafts_in_progress
from svtracker.exports import SpreadsheetExportMixin
from svtracker.pipeline.services import ImportResult, import_documents, register_sent_question
from svtracker.promises import selectors as promise_selectors
from svtracker.promises.selectors import promises_due, promises_for_question
from svtracker.questions import selectors as question_selectors
from svtracker.reminders.selectors import answers_late_or_due

from . import selectors
from .filters import QuestionFilter
from .forms import RegisterQuestionForm, UploadForm, upload_problem
from .tables import QuestionTable, SeriesTable


@office_required
@require_GET
def dashboard(request):
    """"Vandaag": what needs attention now, each item one click from where it is handled."""
    office = request.office
    today = timezone.localdate()
    late, due = answers_late_or_due(office=office, today=today, limit=15)
    return render(request, "questions/dashboard.html", {
        "today": today,
        "promises": promises_due(office=office, until=today + timedelta(days=14))[:15],
        "late_questions": late,
        "due_questions": due,
        "drafts": drafts_in_progress(office=office)[:10],
        "documents": question_selectors.recent_documents(office=office),
    })


class QuestionListView(OfficeRequiredMixin, SpreadsheetExportMixin, SingleTableMixin, FilterView):
    """The office's questions: filter, sort, page, and export what the filters show."""

    table_class = QuestionTable
    filterset_class = QuestionFilter
    template_name = "questions/list.html"
    table_pagination = {"per_page": 25}  # only the table paginates: one COUNT per page
    export_name = "vragen"

    def get_queryset(self):
        questions = question_selectors.questions_table(office=self.request.office)
        if self.request.GET.get(self.export_trigger_param):
            return promise_selectors.with_open_promises(questions)
        return questions

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        if hasattr(table, "page"):
            rows = table.page.object_list.data  # the page's queryset, evaluated here and kept for rendering
            if not rows.query.annotations:
                promise_selectors.mark_open_promises(list(rows))
        return table

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "office": self.request.office}


@office_required
@require_GET
def question_detail(request, pk):
    question = found_or_404(question_selectors.question_detail, office=request.office, pk=pk)
    return render(request, "questions/detail.html", {
        "question": question,
        "rows": question_selectors.answer_rows(question=question),
        "promises": promises_for_question(office=request.office, question=question),
    })


@office_required
@require_GET
def document_download(request, pk):
    """The original file, only for staff of the office the question belongs to."""
    document = found_or_404(question_selectors.document_for, office=request.office, pk=pk)
    suffix = PurePath(document.filename).suffix.lower()
    content_type = "application/pdf" if suffix == ".pdf" else "text/plain; charset=utf-8"
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename,
                        content_type=content_type)


@office_required
@require_GET
def series_list(request):
    table = SeriesTable(selectors.series_overview(office=request.office))
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return render(request, "questions/series_list.html", {"table": table})


@office_required
@require_GET
def series_detail(request, pk):
    series = found_or_404(selectors.series_page, office=request.office, pk=pk)
    return render(request, "questions/series_detail.html", {
        "series": series, "timeline": selectors.series_timeline(series=series)})


@office_required
@require_http_methods(["GET", "POST"])
def upload(request):
    """Import one or more documents; every question of a file gets its own result (a file without any, one
    failed result), and a bad file never stops the others."""
    results = []
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        files = []
        for upload in form.cleaned_data["files"]:
            # An oversized file is refused before it is read into memory.
            data = upload.read() if upload.size <= settings.UPLOAD_MAX_BYTES else b""
            files.append((upload.name, data, upload_problem(upload, data)))
        imported = import_documents(office=request.office, files=[(n, d) for n, d, problem in files
                                                                  if not problem],
                                    user=request.user, source="upload")
        results = [result for name, _data, problem in files for result in (
            [ImportResult(name, "failed", message=problem)] if problem else next(imported))]
        form = UploadForm()
    return render(request, "questions/upload.html", {"form": form, "results": results,
                                                     "max_size": settings.UPLOAD_MAX_BYTES})


@office_required
@require_http_methods(["GET", "POST"])
def register(request):
    form = RegisterQuestionForm(request.POST if request.method == "POST" else None, office=request.office)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        question = register_sent_question(
            office=request.office, author=data["author"], minister=data["minister"], number=data["number"],
            asked_on=data["asked_on"], title=data["title"], session=data["session"],
            minister_title=data["minister_title"])
        messages.success(request, _("De vraag is geregistreerd; we volgen de termijn voor het antwoord op."))
        return redirect("questions:detail", pk=question.pk)
    return render(request, "questions/register.html", {"form": form})
