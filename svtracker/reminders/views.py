"""Reminder preferences, the calendar feed, the outbox of failed emails and the recess dates."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from svtracker.access import found_or_404, office_required
from svtracker.accounts.selectors import is_office_admin
from svtracker.accounts.services import get_or_create_profile, renew_calendar_token
from svtracker.links import absolute_url

from . import selectors
from .feeds import calendar_ics
from .forms import PreferencesForm, RecessPeriodForm, ReminderPolicyForm
from .models import RecessPeriod
from .services import retry_digest, save_recess_period, set_reminder_policy, update_preferences


@require_http_methods(["GET", "POST"])
def preferences(request):
    profile = get_or_create_profile(user=request.user)
    form = PreferencesForm(request.POST or None,
                           initial={"digest": profile.digest, "digest_weekday": profile.digest_weekday})
    if request.method == "POST" and form.is_valid():
        update_preferences(user=request.user, **form.cleaned_data)
        messages.success(request, _("Je voorkeuren zijn bewaard."))
        return redirect("reminders:preferences")
    feed_url = absolute_url(reverse("reminders:calendar", kwargs={"token": profile.calendar_token}),
                            request=request)
    return render(request, "reminders/preferences.html", {"form": form, "feed_url": feed_url})


@require_POST
def renew_token(request):
    renew_calendar_token(user=request.user)
    messages.success(request, _("Je kalender heeft een nieuwe geheime link; de oude werkt niet meer."))
    return redirect("reminders:preferences")


@login_not_required
@require_GET
def calendar_feed(request, token: str):
    """The private ICS feed: the token in the URL is the only key, so an unknown token is a 404."""
    profile = selectors.calendar_profile(token=token)
    if profile is None:
        raise Http404
    response = HttpResponse(calendar_ics(user=profile.user, request=request),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="svtracker.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@office_required
@require_GET
def outbox(request):
    return render(request, "reminders/outbox.html", {
        "failed": selectors.failed_digests(office=request.office),
        "recent": selectors.recent_digests(office=request.office),
    })


@office_required
@require_POST
def retry(request, pk: int):
    digest = found_or_404(selectors.digest_for, office=request.office, pk=pk)
    retry_digest(digest=digest)
    messages.success(request, _("De mail aan %(name)s wordt opnieuw verstuurd.") % {"name": digest.recipient})
    return redirect("reminders:outbox")


@office_required
@require_GET
def recess_list(request):
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and int(asked) in selectors.RECESS_YEARS else date.today().year
    return render(request, "reminders/recess.html", {
        "year": year, "periods": selectors.recess_periods(year=year),
        "can_edit": selectors.can_edit_recess(user=request.user),
    })


@office_required
@require_http_methods(["GET", "POST"])
def recess_edit(request, year: int, kind: str):
    """Site administrators enter the parliament's recess dates; they apply to every office's deadlines."""
    if kind not in RecessPeriod.Kind.values or year not in selectors.RECESS_YEARS:
        raise Http404
    if not selectors.can_edit_recess(user=request.user):
        raise PermissionDenied
    start, end, period = selectors.recess_dates(kind=kind, year=year)
    form = RecessPeriodForm(request.POST or None, kind=kind, year=year,
                            initial={"start": start, "end": end, "note": period.note if period else ""})
    if request.method == "POST" and form.is_valid():
        save_recess_period(kind=kind, **form.cleaned_data)
        messages.success(request, _("Het reces is bewaard; de termijnen zijn herrekend."))
        return redirect(f"{reverse('reminders:recess')}?year={year}")
    return render(request, "reminders/recess_edit.html", {"form": form, "year": year, "period": period})


@office_required
@require_http_methods(["GET", "POST"])
def policy(request):
    """The office's reminder policy for promised data; office admins change it, staff see it."""
    office = request.office
    can_edit = is_office_admin(user=request.user, office=office)
    form = ReminderPolicyForm(request.POST if request.method == "POST" else None, initial={
        "warn_days_before": office.warn_days_before, "repeat_every_days": office.repeat_every_days})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            set_reminder_policy(office=office, **form.cleaned_data)
            messages.success(request, _("Het herinneringsbeleid van het kantoor is bewaard."))
            return redirect("reminders:policy")
    return render(request, "reminders/policy.html", {"form": form, "can_edit": can_edit})
