"""Staff pages for draft follow-up questions: create, edit with a preview, versions, PDF, mark sent."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from svtracker.access import found_or_404, office_required
from svtracker.promises.selectors import promise_detail
from svtracker.questions import selectors as question_selectors

from . import selectors, services
from .forms import DraftForm
from .pdf import document_context, render_draft_pdf


def _create_from(request, *, source, kind: str, series=None, question=None, **start):
    """GET: a confirmation page (reminder emails link here) that names the follow-ups already made;
    POST: create the draft and open it."""
    if request.method == "POST":
        draft = services.draft_follow_up(office=request.office, user=request.user, series=series,
                                         question=question, **start)
        messages.success(request, _("Ontwerp opgesteld. Kijk alles na voor je het verstuurt."))
        return redirect("drafts:detail", pk=draft.pk)
    series = series or getattr(question, "series", None)
    existing = selectors.follow_ups_of(office=request.office, series=series, question=question)
    return render(request, "drafts/create.html", {"source": source, "kind": kind, "existing": existing})


@office_required
@require_http_methods(["GET", "POST"])
def create_from_question(request, pk):
    question = found_or_404(question_selectors.questions_for(office=request.office).get, pk=pk)
    return _create_from(request, source=question, kind="question", question=question)


@office_required
@require_http_methods(["GET", "POST"])
def create_from_series(request, pk):
    series = found_or_404(question_selectors.series_for(office=request.office).get, pk=pk)
    return _create_from(request, source=series, kind="series", series=series)


@office_required
@require_http_methods(["GET", "POST"])
def create_from_promise(request, pk):
    promise = found_or_404(promise_detail, office=request.office, pk=pk)
    return _create_from(request, source=promise, kind="promise", promise=promise,
                        series=promise.question.series, question=promise.question)


@office_required
@require_GET
def draft_list(request):
    return render(request, "drafts/list.html", {"drafts": selectors.drafts_for(office=request.office)})


@office_required
@require_http_methods(["GET", "POST"])
def draft_detail(request, pk):
    draft = found_or_404(selectors.draft_detail, office=request.office, pk=pk)
    form = DraftForm.for_draft(draft, data=request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if draft.is_sent:
            messages.error(request, services.DraftSent().message)
            return redirect("drafts:detail", pk=draft.pk)
        if form.is_valid():
            services.save_draft(draft=draft, user=request.user, **form.cleaned_data)
            messages.success(request, _("Ontwerp bewaard."))
            return redirect("drafts:detail", pk=draft.pk)
    return render(request, "drafts/detail.html", {
        "draft": draft, "form": form, "versions": draft.versions.all(),
        "document": document_context(draft=draft),
        "disagreeing_dates": [] if draft.is_sent else selectors.disagreeing_dates(office=request.office,
                                                                                  draft=draft),
    })


@office_required
@require_POST
def preview(request, pk):
    """The document as the form now stands, unsaved: a fragment for the editor's script, or a page."""
    draft = found_or_404(selectors.draft_detail, office=request.office, pk=pk)
    form = DraftForm.for_draft(draft, data=request.POST)
    form.is_valid()
    edited = {name: form.cleaned_data[name] for name in ("minister_title", "title", "introduction",
                                                         "questions", "excel_closing")
              if name in form.cleaned_data}
    if "minister" in form.cleaned_data:
        edited["minister_name"] = form.cleaned_data["minister"].name if form.cleaned_data["minister"] else ""
    context = {"draft": draft, "document": document_context(draft=draft, **edited)}
    if request.headers.get("X-Preview") == "fragment":
        return render(request, "drafts/_preview.html", context)
    return render(request, "drafts/preview.html", context)


@office_required
@require_GET
def version_diff(request, pk, number):
    draft = found_or_404(selectors.draft_detail, office=request.office, pk=pk)
    newer = found_or_404(selectors.version_of, draft=draft, number=number)
    against = request.GET.get("against", "")
    older_number = int(against) if against.isdigit() else number - 1
    older = found_or_404(selectors.version_of, draft=draft, number=older_number)
    return render(request, "drafts/version_diff.html", {
        "draft": draft, "older": older, "newer": newer,
        "lines": selectors.version_diff(older=older, newer=newer), "versions": draft.versions.all()})


@office_required
@require_POST
def restore(request, pk, number):
    draft = found_or_404(selectors.draft_detail, office=request.office, pk=pk)
    version = found_or_404(selectors.version_of, draft=draft, number=number)
    try:
        services.restore_version(draft=draft, version=version, user=request.user)
    except services.DraftSent as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Versie %(number)s teruggezet.") % {"number": number})
    return redirect("drafts:detail", pk=draft.pk)


@office_required
@require_GET
def pdf(request, pk):
    """The PDF: rendered now while in progress; once sent, exactly the bytes that were sent."""
    draft = found_or_404(selectors.draft_detail, office=request.office, pk=pk)
    if draft.is_sent:
        with draft.pdf.open("rb") as stored:
            data = stored.read()
    else:
        data = render_draft_pdf(draft=draft)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{services.pdf_filename(draft)}"'
    return response


@office_required
@require_POST
def mark_sent(request, pk):
    draft = found_or_404(selectors.draft_detail, office=request.office, pk=pk)
    try:
        services.mark_sent(draft=draft, user=request.user)
    except services.DraftSent as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Gemarkeerd als verstuurd. De PDF is bewaard zoals hij verstuurd werd; "
                                    "de toezeggingen in deze vraag zijn opgevolgd."))
    return redirect("drafts:detail", pk=draft.pk)
