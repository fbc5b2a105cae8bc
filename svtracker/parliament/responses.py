"""The parliament's open-data answers, read into typed values in this one place.

Formats (DOMAIN.md, "The parliament's open data"): the search API answers
``{count, lastindex, result: [{url, metatags: {metatag: [{name, value}, ...]}}]}``; the detail of a written
question (``/e/opendata/schv/{id}``) and the session years (``/e/opendata/zj/alle``) are JSON objects.
Anything the code does not understand raises :class:`UnexpectedResponse` naming the field, so a change on
the parliament's side shows up as one clear line in the sync report instead of a wrong import.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import parse_qs, urlsplit


class UnexpectedResponse(ValueError):
    """The interface answered something this code does not understand; the message names the field."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"Onverwacht antwoord van het parlement: veld '{field}' {problem}")
        self.field = field


@dataclass(frozen=True)
class SearchHit:
    """One written question in the search results."""

    parliament_id: str  # the id in /e/opendata/schv/{id}
    session: str  # "2023-2024"
    number: int
    title: str  # onderwerp
    theme: str
    minister: str  # natural order: "Gwendolyn Rutten"
    author: str  # natural order: "Maaike De Vreese"
    asked_on: date | None  # themadatum
    answered_on: date | None  # statusdatumSchvBeantwoord; None while unanswered
    document_id: str  # the pfile id of the PDF; "" when none is published yet

    @property
    def answered(self) -> bool:
        return self.answered_on is not None


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[SearchHit, ...]
    count: int
    last_index: int

    @property
    def has_more(self) -> bool:
        return bool(self.hits) and self.last_index < self.count


@dataclass(frozen=True)
class Person:
    parliament_id: str
    first_name: str
    last_name: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class ProcedureStep:
    on: date
    status: str  # "Vraag gesteld aan de minister", "Tijdig beantwoord", ...


@dataclass(frozen=True)
class QuestionDetail:
    parliament_id: str
    title: str
    subject: str
    themes: tuple[str, ...]
    session: str
    author: Person
    minister: Person | None
    steps: tuple[ProcedureStep, ...]
    answer_kind: str  # soort-antwoord
    in_time: bool | None  # tijdig; None while unanswered

    @property
    def answered_on(self) -> date | None:
        """The date of the last step that says the question was answered ("Tijdig beantwoord", ...)."""
        answered = [step.on for step in self.steps if "beantwoord" in step.status.lower()]
        return max(answered, default=None)


@dataclass(frozen=True)
class SessionYearSpan:
    name: str
    start: date
    end: date


# "2023-2024"
_SESSION = re.compile(r"^(\d{4})-(\d{4})$")
# ".../e/opendata/schv/1798949" or ".../schriftelijke-vragen/1798949"
_TRAILING_ID = re.compile(r"/(\d+)/?$")


def load_json(payload: bytes | str, what: str) -> object:
    try:
        return json.loads(payload)
    except (ValueError, UnicodeDecodeError) as error:
        raise UnexpectedResponse(what, f"is geen geldige JSON ({error})") from None


def parse_search(payload: bytes | str) -> SearchPage:
    data = _object(load_json(payload, "zoekresultaten"), "zoekresultaten")
    results = data.get("result", [])
    if not isinstance(results, list):
        raise UnexpectedResponse("result", "is geen lijst")
    hits = tuple(_search_hit(_object(item, "result[]")) for item in results)
    count = _integer(data.get("count", len(hits)), "count")
    last_index = _integer(data.get("lastindex", len(hits)), "lastindex")
    return SearchPage(hits=hits, count=count, last_index=last_index)


def _search_hit(item: dict) -> SearchHit:
    tags = _metatags(item)
    opendata = tags.get("opendata") or item.get("url") or ""
    parliament_id = _trailing_id(opendata, "opendata")
    number = _integer(_required(tags, "nummer"), "nummer")
    return SearchHit(
        parliament_id=parliament_id,
        session=_session(_required(tags, "zittingsjaar"), "zittingsjaar"),
        number=number,
        title=tags.get("onderwerp", ""),
        theme=tags.get("thema", ""),
        minister=natural_name(tags.get("minister", ""), "minister"),
        author=natural_name(_required(tags, "vraagsteller"), "vraagsteller"),
        asked_on=_date(tags.get("themadatum"), "themadatum"),
        answered_on=_date(tags.get("statusdatumSchvBeantwoord"), "statusdatumSchvBeantwoord"),
        document_id=_document_id(tags.get("document", "")),
    )


def _metatags(item: dict) -> dict[str, str]:
    """metatags.metatag as a dict; of a repeated tag (several themes) the first value counts."""
    container = item.get("metatags")
    if not isinstance(container, dict) or not isinstance(container.get("metatag"), list):
        raise UnexpectedResponse("metatags", "ontbreekt of heeft geen lijst 'metatag'")
    tags: dict[str, str] = {}
    for tag in container["metatag"]:
        if not isinstance(tag, dict) or not isinstance(tag.get("name"), str):
            raise UnexpectedResponse("metatag", f"heeft geen naam: {tag!r:.80}")
        value = tag.get("value")
        tags.setdefault(tag["name"], "" if value is None else str(value).strip())
    return tags


def natural_name(last_first: str, field: str) -> str:
    """ "De Vreese, Maaike" -> "Maaike De Vreese"; an empty value stays empty."""
    if not last_first:
        return ""
    last, comma, first = last_first.partition(",")
    if not comma:
        raise UnexpectedResponse(field, f"is niet in de vorm 'Naam, Voornaam': {last_first!r}")
    return f"{first.strip()} {last.strip()}".strip()


def _document_id(link: str) -> str:
    """ "https://docs.vlaamsparlement.be/files/pfile?id=2038554" -> "2038554"."""
    if not link:
        return ""
    ids = parse_qs(urlsplit(link).query).get("id", [])
    if not ids or not ids[0].isdigit():
        raise UnexpectedResponse("document", f"bevat geen pfile-id: {link!r}")
    return ids[0]


def parse_detail(payload: bytes | str) -> QuestionDetail:
    data = _object(load_json(payload, "vraag"), "vraag")
    themes = data.get("thema", [])
    if isinstance(themes, str):
        themes = [themes]
    if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
        raise UnexpectedResponse("thema", "is geen lijst van teksten")
    steps = data.get("procedureverloop", [])
    if not isinstance(steps, list):
        raise UnexpectedResponse("procedureverloop", "is geen lijst")
    minister = data.get("minister")
    return QuestionDetail(
        parliament_id=str(_required(data, "id")),
        title=str(data.get("titel") or ""),
        subject=str(data.get("onderwerp") or ""),
        themes=tuple(t.strip() for t in themes if t.strip()),
        session=_session(_required(data, "zittingsjaar"), "zittingsjaar"),
        author=_person(_required(data, "vraagsteller"), "vraagsteller"),
        minister=_person(minister, "minister") if minister else None,
        steps=tuple(_step(_object(step, "procedureverloop[]")) for step in steps),
        answer_kind=str(data.get("soort-antwoord") or ""),
        in_time=_in_time(data.get("tijdig")),
    )


def _person(value: object, field: str) -> Person:
    person = _object(value, field)
    return Person(parliament_id=str(_required(person, "id", f"{field}.id")),
                  first_name=str(person.get("voornaam") or "").strip(),
                  last_name=str(_required(person, "naam", f"{field}.naam")).strip())


def _step(step: dict) -> ProcedureStep:
    on = _date(_required(step, "datum", "procedureverloop.datum"), "procedureverloop.datum")
    return ProcedureStep(on=on, status=str(_required(step, "status", "procedureverloop.status")))


_YES = {"true", "ja", "j", "1", "yes"}
_NO = {"false", "nee", "n", "0", "no"}


def _in_time(value: object) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise UnexpectedResponse("tijdig", f"is geen ja/nee: {value!r}")


def parse_session_years(payload: bytes | str) -> list[SessionYearSpan]:
    data = _object(load_json(payload, "zittingsjaren"), "zittingsjaren")
    items = data.get("items")
    if not isinstance(items, list):
        raise UnexpectedResponse("items", "ontbreekt of is geen lijst")
    spans = []
    for item in items:
        year = _object(_object(item, "items[]").get("zittingsjaar", item), "zittingsjaar")
        spans.append(SessionYearSpan(
            name=_session(_required(year, "naam", "zittingsjaar.naam"), "zittingsjaar.naam"),
            start=_date(_required(year, "start-zittingsjaar"), "start-zittingsjaar"),
            end=_date(_required(year, "eind-zittingsjaar"), "eind-zittingsjaar"),
        ))
    return spans


def _object(value: object, field: str) -> dict:
    if not isinstance(value, dict):
        raise UnexpectedResponse(field, f"is geen object: {value!r:.80}")
    return value


def _required(data: dict, key: str, field: str | None = None):
    value = data.get(key)
    if value is None or value == "":
        raise UnexpectedResponse(field or key, "ontbreekt")
    return value


def _integer(value: object, field: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise UnexpectedResponse(field, f"is geen getal: {value!r}") from None


def _session(value: object, field: str) -> str:
    text = str(value).strip()
    match = _SESSION.match(text)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise UnexpectedResponse(field, f"is geen zittingsjaar zoals 2023-2024: {value!r}")
    return text


def _date(value: object, field: str) -> date | None:
    """ISO date, with or without a time part ("2024-02-22", "2024-02-22T00:00:00+01:00")."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text).date() if "T" in text else date.fromisoformat(text[:10])
    except ValueError:
        raise UnexpectedResponse(field, f"is geen datum: {value!r}") from None


def _trailing_id(link: str, field: str) -> str:
    match = _TRAILING_ID.search(urlsplit(link).path) if link else None
    if not match:
        raise UnexpectedResponse(field, f"bevat geen vraag-id: {link!r}")
    return match.group(1)
