"""Members and ministers as documents name them; function titles give the policy areas."""

import re
from datetime import date

from django.db import transaction

from .models import Member, Minister, MinisterTerm, PolicyArea

# "..., VLAAMS MINISTER VAN BINNENLANDS BESTUUR, BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN"
_AREAS_AFTER = re.compile(r"MINISTER\s+VAN\s+(?!DE\s+VLAAMSE\s+REGERING)(.+)$", re.IGNORECASE)
_AREA_SPLIT = re.compile(r",\s*|\s+EN\s+", re.IGNORECASE)


def policy_areas_from_title(function_title: str) -> list[str]:
    """The policy areas in a printed function title, in natural case."""
    match = _AREAS_AFTER.search(" ".join(function_title.split()))
    if not match:
        return []
    areas = [part.strip(" .") for part in _AREA_SPLIT.split(match.group(1))]
    return [area.capitalize() for area in areas if len(area) > 2]


def member_named(name: str) -> Member:
    member, _ = Member.objects.get_or_create(name=name)
    return member


@transaction.atomic
def minister_seen(*, name: str, function_title: str, on: date) -> Minister:
    """Record that a document shows `name` holding `function_title` on a date (extends the term)."""
    minister, _ = Minister.objects.get_or_create(name=name)
    title = " ".join(function_title.split())
    if not title:
        return minister
    term, created = MinisterTerm.objects.get_or_create(
        minister=minister, function_title=title, defaults={"start": on, "end": on})
    if created:
        for area in policy_areas_from_title(title):
            term.policy_areas.add(PolicyArea.objects.get_or_create(name=area)[0])
    elif on < term.start or (term.end and on > term.end):
        term.start, term.end = min(term.start, on), max(term.end or on, on)
        term.save(update_fields=["start", "end"])
    return minister
