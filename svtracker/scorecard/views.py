"""Scorecard pages: the office's questions to a minister or a policy area, answered on time or not, and
the promises made in the answers, kept or not; each number links to the list behind it.

The figures, and where the page starts, are kept in the cache under everything they are computed from
(selectors.data_stamp and the page's parameters, language and day): a page seen again costs one small
query instead of grouping every question and promise, and any change gives a new entry."""

import hashlib
from datetime import timedelta
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from svtracker.access import office_required
from svtracker.people.models import Minister
from svtracker.people.selectors import policy_areas_for

from . import charts, selectors
from .forms import PeriodForm

CACHE_SECONDS = 24 * 60 * 60  # today's date is part of every key: an entry serves one day at most


def _cached(parts: tuple, compute):
    key = "scorecard:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    return cache.get_or_set(key, compute, CACHE_SECONDS)


def _scope(request, *, stamp, minister=None, area=None) -> tuple[selectors.Scope, PeriodForm]:
    params = QueryDict(mutable=True)
    params.update(
        {
            "start": request.GET.get("from", ""),
            "end": request.GET.get("to", ""),
            "everything": request.GET.get("all", ""),
        }
    )
    form = PeriodForm(params)
    data = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    everything = bool(data.get("everything"))
    end = data.get("end") or today
    start = (
        data.get("start")
        or _cached(
            ("start", request.office.pk, minister and minister.pk, area and area.pk, everything, stamp),
            lambda: selectors.default_start(
                office=request.office, minister=minister, area=area, everything=everything
            ),
        )
        or end - timedelta(days=365)
    )
    form = PeriodForm(initial={"start": start, "end": end, "everything": everything})
    return selectors.Scope(
        office=request.office,
        start=min(start, end),
        end=end,
        minister=minister,
        area=area,
        everything=everything,
    ), form


def _figures(scope: selectors.Scope, today) -> str:
    """The page's two sections of numbers and charts, as HTML (nothing in it depends on the request)."""
    card = selectors.scorecard(scope=scope, today=today)
    return render_to_string(
        "scorecard/_figures.html",
        {
            "card": card,
            "query": urlencode(scope.query()),
            "answers_chart": charts.answers_chart(card),
            "promises_chart": charts.promises_chart(card),
        },
    )


def _page(request, *, minister=None, area=None):
    stamp = selectors.data_stamp(office=request.office)
    scope, form = _scope(request, stamp=stamp, minister=minister, area=area)
    today = timezone.localdate()
    params = (scope.office.pk, scope.start, scope.end, minister and minister.pk, area and area.pk)
    figures = _cached(
        ("figures", *params, scope.everything, get_language(), today, stamp), lambda: _figures(scope, today)
    )
    ministers, areas = selectors.ministers_and_areas(office=request.office)
    return render(
        request,
        "scorecard/page.html",
        {
            "scope": scope,
            "figures": mark_safe(figures),  # rendered by _figures, escaped there
            "form": form,
            "ministers": ministers,
            "areas": areas,
            "minister": minister,
            "area": area,
        },
    )


@office_required
@require_GET
def overview(request):
    return _page(request)


@office_required
@require_GET
def minister(request, pk):
    return _page(request, minister=_minister(request, pk))


def _minister(request, pk) -> Minister:
    """A minister the office asked questions (another office's ministers are not listed)."""
    found = Minister.objects.filter(pk=pk, questions__office=request.office).first()
    if found is None:
        raise Http404
    return found


@office_required
@require_GET
def area(request, pk):
    return _page(request, area=get_object_or_404(policy_areas_for(office=request.office), pk=pk))


@office_required
@require_GET
def item_list(request):
    what = request.GET.get("what", "")
    if what not in selectors.QUESTION_LISTS + selectors.PROMISE_LISTS:
        raise Http404
    minister = (
        _minister(request, request.GET["minister"]) if request.GET.get("minister", "").isdigit() else None
    )
    area = (
        get_object_or_404(policy_areas_for(office=request.office), pk=request.GET["area"])
        if request.GET.get("area", "").isdigit()
        else None
    )
    stamp = selectors.data_stamp(office=request.office)
    scope, _form = _scope(request, stamp=stamp, minister=minister, area=area)
    today = timezone.localdate()
    is_question = what in selectors.QUESTION_LISTS
    ids = (selectors.question_ids if is_question else selectors.promise_ids)(
        scope=scope, what=what, today=today
    )
    page = Paginator(ids, 50).get_page(request.GET.get("page"))
    items = (selectors.questions_by_id if is_question else selectors.promises_by_id)(list(page.object_list))
    return render(
        request,
        "scorecard/list.html",
        {
            "what": what,
            "label": charts.LABELS[what],
            "scope": scope,
            "items": items,
            "page": page,
            "is_question": is_question,
            "query": urlencode({**scope.query(), "what": what}),
            "back_query": urlencode(scope.query()),
            "minister": minister,
            "area": area,
            "today": today,
        },
    )
