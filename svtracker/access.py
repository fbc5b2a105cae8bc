"""What every page of an office's data needs, for every app: an office, 404 for another office's object,
and a safe way back. (Login itself is required for every view by LoginRequiredMiddleware.)"""

from functools import wraps

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme


def office_required(view):
    """Views that show office data: a user who belongs to no office gets a friendly page instead."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if getattr(request, "office", None) is None:
            return render(request, "accounts/no_office.html")
        return view(request, *args, **kwargs)

    return wrapped


class OfficeRequiredMixin:
    """The class-based form of office_required."""

    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "office", None) is None:
            return render(request, "accounts/no_office.html")
        return super().dispatch(request, *args, **kwargs)


def found_or_404(finder, **kwargs):
    """`finder(**kwargs)`, a selector scoped to the office; another office's object is simply not found."""
    try:
        return finder(**kwargs)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing


def redirect_to_next(request, default: str):
    """Back to the page the form came from (its `next` field) if that is on this site, else `default`."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = default
    return redirect(target)
