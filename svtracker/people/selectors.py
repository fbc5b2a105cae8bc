"""Who holds which policy area, as one office sees it: the parliament's terms plus its own documents'."""

from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from svtracker.parsing import squash

from .models import Minister, MinisterTerm, PolicyArea


def visible_terms(*, office):
    """The parliament's terms (no office) and those read in this office's own documents."""
    return MinisterTerm.objects.filter(Q(office__isnull=True) | Q(office=office))


def ministers_for(*, office):
    """The ministers an office may pick: known to the parliament or to its own documents (or to nobody's
    documents yet, as a site administrator entered them), never one only another office's document named."""
    terms = MinisterTerm.objects.filter(minister=OuterRef("pk"))
    return Minister.objects.filter(
        Exists(terms.filter(Q(office__isnull=True) | Q(office=office))) | ~Exists(terms)).order_by("name")


def policy_areas_for(*, office):
    """The policy areas an office knows: in the parliament's terms or its own documents'."""
    return PolicyArea.objects.filter(Exists(visible_terms(office=office).filter(policy_areas=OuterRef("pk"))))


def policy_areas_by_minister(*, minister_ids, office) -> dict[int, set[int]]:
    """Policy area ids per minister, as this office sees the terms."""
    areas: dict[int, set[int]] = {}
    for minister_id, area in visible_terms(office=office).filter(minister_id__in=minister_ids).values_list(
            "minister_id", "policy_areas"):
        if area:
            areas.setdefault(minister_id, set()).add(area)
    return areas


def current_term_for_areas(*, areas, office, today: date | None = None) -> MinisterTerm | None:
    """The most recent term that covers most of the given policy areas, as this office sees them.

    A follow-up goes to whoever holds the policy area now (DOMAIN.md: Somers' Inburgering questions of
    2022 go to Rutten in 2024). A term is as recent as its last day, never later than today (a document
    dated in the future does not make its minister more current than today's), and on the same day the
    parliament's term wins over a document's.
    """
    area_ids = {area.pk for area in areas}
    if not area_ids:
        return None
    today = today or timezone.localdate()
    terms = (visible_terms(office=office).filter(policy_areas__in=area_ids).select_related("minister")
             .prefetch_related("policy_areas").distinct())

    def score(term):
        shared = len(area_ids & {a.pk for a in term.policy_areas.all()})
        return (min(term.end or today, today), term.office_id is None, shared)
    return max(terms, key=score, default=None)


def current_term_for(*, minister, office, function_title: str = "") -> MinisterTerm | None:
    """Today's holder of the policy areas of `minister` (as printed in `function_title` when known)."""
    terms = visible_terms(office=office).filter(minister=minister)
    if function_title:
        terms = terms.filter(function_title=squash(function_title))
    areas = PolicyArea.objects.filter(terms__in=terms).distinct()
    return current_term_for_areas(areas=areas, office=office) or terms.order_by("-end", "-start").first()
