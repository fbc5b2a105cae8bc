"""Staff pages for promises: the table with bulk confirm/drop, and one promise to edit or mark delivered."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from svtracker.access import OfficeRequiredMixin, found_or_404, office_required, redirect_to_next

from .filters import PromiseFilter
from .forms import BulkForm, DeliverForm, DropForm, PromiseForm, SnoozeForm
from .models import Promise
from .selectors import promise_detail, promise_history, promises_for
from .services import bulk_change_status, change_promise, confirm_promise, deliver_promise, drop_promise
from .tables import PromiseTable


class PromiseListView(OfficeRequiredMixin, SingleTableMixin, FilterView):
    table_class = PromiseTable
    filterset_class = PromiseFilter
    template_name = "promises/list.html"
    paginate_by = 50

    def get_queryset(self):
        return promises_for(office=self.request.office)

    def get_filterset_kwargs(self, filterset_class):
        # Always bound, also without a query string: the default list leaves out dropped and delivered ones.
        return {**super().get_filterset_kwargs(filterset_class), "office": self.request.office,
                "data": self.request.GET}


@office_required
@require_POST
def bulk(request):
    """Confirm or drop the ticked promises in one go."""
    form = BulkForm(request.POST, office=request.office)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect_to_next(request, "promises:list")
    status = Promise.Status.CONFIRMED if form.cleaned_data["action"] == "confirm" else Promise.Status.DROPPED
    changed = bulk_change_status(promises=form.cleaned_data["select"], user=request.user, status=status,
                                 reason=form.cleaned_data["reason"].strip())
    messages.success(request, ngettext("%(count)d toezegging gewijzigd.", "%(count)d toezeggingen gewijzigd.",
                                       changed) % {"count": changed})
    return redirect_to_next(request, "promises:list")


@office_required
@require_http_methods(["GET", "POST"])
def detail(request, pk):
    """One promise: edit it, confirm or drop it, mark it delivered; its whole history below."""
    promise = found_or_404(promise_detail, office=request.office, pk=pk)
    office = request.office
    form = PromiseForm(instance=promise, prefix="edit")
    deliver_form = DeliverForm(promise=promise, prefix="deliver")
    drop_form = DropForm(prefix="drop")
    snooze_form = SnoozeForm(prefix="snooze")
    action = request.POST.get("action")
    if action == "edit":
        form = PromiseForm(request.POST, instance=promise_detail(office=office, pk=pk), prefix="edit")
        if form.is_valid():
            data = form.cleaned_data
            changes = {"quote": data["quote"], "kind": data["kind"], "expected": data["expected"]}
            if "expected" in form.changed_data:  # the parser's rule for the old date no longer applies
                changes["basis"] = data["reason"].strip()
            change_promise(promise=promise, user=request.user, reason=data["reason"].strip(), **changes)
            messages.success(request, _("De toezegging is bijgewerkt."))
            return redirect("promises:detail", pk=pk)
    elif action == "confirm":
        confirm_promise(promise=promise, user=request.user)
        messages.success(request, _("De toezegging is bevestigd."))
        return redirect("promises:detail", pk=pk)
    elif action == "drop":
        drop_form = DropForm(request.POST, prefix="drop")
        if drop_form.is_valid():
            drop_promise(promise=promise, user=request.user, reason=drop_form.cleaned_data["reason"])
            messages.success(request, _("De toezegging is geschrapt."))
            return redirect("promises:detail", pk=pk)
    elif action == "deliver":
        deliver_form = DeliverForm(request.POST, promise=promise, prefix="deliver")
        if deliver_form.is_valid():
            deliver_promise(promise=promise, user=request.user,
                            delivered_in=deliver_form.cleaned_data["delivered_in"],
                            reason=deliver_form.cleaned_data["reason"])
            messages.success(request, _("De toezegging is als geleverd gemarkeerd."))
            return redirect("promises:detail", pk=pk)
    elif action == "snooze":
        snooze_form = SnoozeForm(request.POST, prefix="snooze")
        if snooze_form.is_valid():
            change_promise(promise=promise, user=request.user, reason=snooze_form.cleaned_data["reason"],
                           snoozed_until=snooze_form.cleaned_data["until"])
            messages.success(request, _("Geen herinneringen meer voor deze toezegging tot %(date)s.") % {
                "date": date_format(snooze_form.cleaned_data["until"], "j F Y")})
            return redirect("promises:detail", pk=pk)
    elif action == "wake":
        change_promise(promise=promise, user=request.user, reason=_("herinneringen hervat"),
                       snoozed_until=None)
        messages.success(request, _("De herinneringen voor deze toezegging lopen weer."))
        return redirect("promises:detail", pk=pk)
    return render(request, "promises/detail.html", {
        "promise": promise, "form": form, "deliver_form": deliver_form, "drop_form": drop_form,
        "snooze_form": snooze_form, "snoozed": promise.snoozed_until and promise.snoozed_until > localdate(),
        "history": promise_history(promise=promise), "list_url": reverse("promises:list"),
    })
