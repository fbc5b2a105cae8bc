from .models import MinisterTerm, PolicyArea


def current_term_for_areas(*, areas) -> MinisterTerm | None:
    """The most recent term that covers most of the given policy areas.

    A follow-up goes to whoever holds the policy area now (DOMAIN.md): Somers' Inburgering questions of
    2022 go to Rutten in 2024.
    """
    area_ids = {area.pk for area in areas}
    if not area_ids:
        return None
    terms = (MinisterTerm.objects.filter(policy_areas__in=area_ids).select_related("minister")
             .prefetch_related("policy_areas").distinct())
    def score(term):
        shared = len(area_ids & {a.pk for a in term.policy_areas.all()})
        return (term.end or term.start, shared)
    return max(terms, key=score, default=None)


def current_term_for(*, minister, function_title: str = "") -> MinisterTerm | None:
    """Today's holder of the policy areas of `minister` (as printed in `function_title` when known)."""
    terms = MinisterTerm.objects.filter(minister=minister)
    if function_title:
        terms = terms.filter(function_title=" ".join(function_title.split()))
    areas = PolicyArea.objects.filter(terms__in=terms).distinct()
    return current_term_for_areas(areas=areas) or terms.order_by("-end", "-start").first()
