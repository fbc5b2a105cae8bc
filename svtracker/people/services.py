"""Members and ministers as documents name them; function titles give the policy areas."""

import re
from datetime import date

from django.db import transaction

from svtracker.parsing import squash

from .models import Member, Minister, MinisterTerm, PolicyArea

# "..., VLAAMS MINISTER VAN BINNENLANDS BESTUUR, BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN"
_AREAS_AFTER = re.compile(r"MINISTER\s+VAN\s+(?!DE\s+VLAAMSE\s+REGERING)(.+)$", re.IGNORECASE)
_AREA_SPLIT = re.compile(r",\s*|\s+EN\s+", re.IGNORECASE)


def policy_areas_from_title(function_title: str) -> list[str]:
    """The policy areas in a printed function title, in natural case."""
    match = _AREAS_AFTER.search(squash(function_title))
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
    text = squash(function_title).lower()
    text = re.sub(r"\bvlaams(e?)\b", r"Vlaams\1", text).replace("Vlaamse regering", "Vlaamse Regering")
    match = _AREAS_AFTER.search(text)
    if match:
        areas = re.sub(r"[\w-]+", lambda word: word[0] if word[0] in _SMALL_WORDS else word[0].capitalize(),
                       match.group(1))
        text = text[:match.start(1)] + areas
    return text[:1].upper() + text[1:]


def get_or_create_member(name: str) -> Member:
    member, _ = Member.objects.get_or_create(name=name)
    return member


def set_parliament_id(*, person: Member | Minister, parliament_id: str, confirmed: bool = False) -> bool:
    """Give a member or minister their person id at the parliament; True when it is (now) theirs.

    An office's word (following a member) only fills in a missing id: it never changes one another office
    relies on. The parliament's own data (`confirmed`: the sync's person ids, its members list) and site
    administrators (the admin) change it; each change is kept in the record's history.
    """
    parliament_id = parliament_id.strip()
    if not parliament_id or person.parliament_id == parliament_id:
        return bool(parliament_id)
    if person.parliament_id and not confirmed:
        return False
    person.parliament_id = parliament_id
    person.save(update_fields=["parliament_id"])
    return True


@transaction.atomic
def minister_seen(*, name: str, function_title: str, on: date, office, parliament_id: str = "") -> Minister:
    """Record that a document shows `name` holding `function_title` on a date (extends the term).

    In an office's document (`office`) the term is that office's own: it changes what that office sees and
    nothing another office sees. With the parliament's person id of the minister (the sync), or with no
    office (a site administrator's tools), it is the parliament's term, shared by every office.
    """
    minister, _ = Minister.objects.get_or_create(name=name)
    if parliament_id:
        set_parliament_id(person=minister, parliament_id=parliament_id, confirmed=True)
    title = squash(function_title)
    if not title:
        return minister
    owner = None if parliament_id else office
    term, created = MinisterTerm.objects.get_or_create(
        minister=minister, function_title=title, office=owner, defaults={"start": on, "end": on})
    if created:
        for area in policy_areas_from_title(title):
            term.policy_areas.add(PolicyArea.objects.get_or_create(name=area)[0])
    elif on < term.start or (term.end and on > term.end):
        term.start, term.end = min(term.start, on), max(term.end or on, on)
        term.save(update_fields=["start", "end"])
    return minister
