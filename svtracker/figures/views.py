"""Staff pages of figures: correct a cell, join two rows, export, attach and download annexes."""

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from svtracker.access import found_or_404, office_required
from svtracker.questions import selectors as question_selectors

from . import export, selectors, services
from .forms import AnnexForm, CorrectionForm, JoinForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _back(cell):
    if cell.question.series_id:
        return reverse("questions:series_detail", args=[cell.question.series_id])
    return reverse("questions:detail", args=[cell.question_id])


@office_required
@require_http_methods(["GET", "POST"])
def cell(request, pk):
    """One value of an answer table, its history of corrections, and a form to correct it."""
    value = found_or_404(selectors.cell_for, office=request.office, pk=pk)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.correct_cell(cell=value, value=form.cleaned_data["value"], note=form.cleaned_data["note"],
                              user=request.user)
        messages.success(request, _("De waarde is gecorrigeerd."))
        return redirect(_back(value))
    return render(request, "figures/cell.html", {"cell": value, "form": form, "back": _back(value),
                                                 "current": selectors.effective_value(value)})


@office_required
@require_POST
def join(request, pk):
    series = found_or_404(question_selectors.series_detail, office=request.office, pk=pk)
    choices = selectors.indicator_choices(selectors.series_figures(series=series))
    form = JoinForm(request.POST, choices=choices)
    if form.is_valid():
        services.join_indicators(series=series, indicator=form.cleaned_data["indicator"],
                                 into=form.cleaned_data["into"], user=request.user)
        messages.success(request, _("De rijen zijn samengevoegd."))
    else:
        messages.error(request, _form_errors(form))
    return redirect(reverse("questions:series_detail", args=[series.pk]) + "#h-series-figures")


@office_required
@require_POST
def undo_join(request, pk):
    found = found_or_404(selectors.join_for, office=request.office, pk=pk)
    services.undo_join(join=found)
    messages.success(request, _("De rijen staan weer apart."))
    return redirect(reverse("questions:series_detail", args=[found.series_id]) + "#h-series-figures")


def _form_errors(form) -> str:
    """A refused form's errors as one message line, shown on the page the form was posted from."""
    return " ".join(error for errors in form.errors.values() for error in errors)


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@office_required
@require_GET
def series_export(request, pk):
    series = found_or_404(question_selectors.series_detail, office=request.office, pk=pk)
    return _xlsx(export.series_workbook(selectors.series_figures(series=series)), f"reeks-{series.pk}.xlsx")


@office_required
@require_GET
def question_export(request, pk):
    question = found_or_404(question_selectors.question_detail, office=request.office, pk=pk)
    return _xlsx(export.question_workbook(selectors.question_tables(question=question)),
                 f"vraag-{question.number or question.pk}-{question.session}.xlsx")


@office_required
@require_POST
def attach_annex(request, pk):
    question = found_or_404(question_selectors.question_detail, office=request.office, pk=pk)
    form = AnnexForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            annex = services.attach_annex(question=question, filename=upload.name, data=upload.read(),
                                          user=request.user)
        except services.AnnexRefused as refused:
            messages.error(request, str(refused))
        else:
            count = annex.tables.count()
            messages.success(request, _("Bijlage %(name)s toegevoegd (%(count)d tabellen gelezen).")
                             % {"name": annex.filename, "count": count})
    else:
        messages.error(request, _form_errors(form))
    return redirect(reverse("questions:detail", args=[question.pk]) + "#h-figures")


@office_required
@require_GET
def annex_download(request, pk):
    annex = found_or_404(selectors.annex_for, office=request.office, pk=pk)
    return FileResponse(annex.file.open("rb"), as_attachment=True, filename=annex.filename,
                        content_type="application/octet-stream")
