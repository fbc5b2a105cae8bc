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


# Words that stay lower-case inside a policy area ("Welzijn, Volksgezondheid en Gezin").
_SMALL_WORDS = {"en", "van", "de", "het", "voor", "in", "met", "op", "of"}


def function_title_in_case(function_title: str) -> str:
    """A function title printed in capitals, in the government's own case: "Viceminister-president van
    de Vlaamse Regering, Vlaams minister van Binnenlands Bestuur, Bestuurszaken, Inburgering en Gelijke
    Kansen"."""
    text = " ".join(function_title.split()).lower()
    text = re.sub(r"\bvlaams(e?)\b", r"Vlaams\1", text).replace("Vlaamse regering", "Vlaamse Regering")
    match = _AREAS_AFTER.search(text)
    if match:
        areas = re.sub(r"[\w-]+", lambda word: word[0] if word[0] in _SMALL_WORDS else word[0].capitalize(),
                       match.group(1))
        text = text[:match.start(1)] + areas
    return text[:1].upper() + text[1:]


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
