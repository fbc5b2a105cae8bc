"""The parliament's open-data answers, read into typed values in this one place.

What the interface really answers is summed up field by field in shared/OPENDATA.md: the search API gives
``{count, firstindex, lastindex, result: [{id, url, metatags: {metatag: [{name, value}, ...]}}]}`` where a hit
is one *file* (a question, its answer or an annex); the detail of a written question
(``/e/opendata/schv/{id}``) comes as JSON, or as XML to a client that does not ask for JSON; members and
session years are lists of items.

Nothing here fails a whole page for one odd hit: a hit that cannot be read is returned as :class:`Skipped`
(which and why), a field that cannot be read is left empty and named in ``problems``. Only an answer that is
not a page of results at all raises :class:`UnexpectedResponse`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import parse_qs, urlsplit
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException

from svtracker.parsing import squash


class UnexpectedResponse(ValueError):
    """The interface answered something this code does not understand; the message names the field."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"Onverwacht antwoord van het parlement: veld '{field}' {problem}")
        self.field = field


@dataclass(frozen=True)
class Skipped:
    """A hit (or list item) that could not be read: which one, and why."""

    which: str
    why: str

    def __str__(self) -> str:
        return f"{self.which}: {self.why}"


class Kind:
    """What file a hit is (``documenttype``): the question, the answer as a file of its own, or an annex."""

    QUESTION = "question"
    ANSWER = "answer"
    ANNEX = "annex"


@dataclass(frozen=True)
class SearchHit:
    """One file in the search results; several hits can belong to one question."""

    parliament_id: str  # the question's id, as in /e/opendata/schv/{id}
    file_id: str  # the file's id in the hit's own id "http://be.vlp.feed/{question}/pfls/{file}"
    kind: str  # Kind.QUESTION | Kind.ANSWER | Kind.ANNEX
    session: str  # "2023-2024"
    number: int | None  # nummer; absent on some hits (the detail has it)
    title: str  # onderwerp (or titel)
    themes: tuple[str, ...]  # thema, repeated
    minister: str  # natural order: "Gwendolyn Rutten"
    author: str  # natural order: "Maaike De Vreese", "Emine Gül Isci"
    asked_on: date | None  # themadatum
    answered_on: date | None  # statusdatumSchvBeantwoord; None while unanswered
    document_id: str  # the pfile id of this hit's file; "" when none is published yet
    file_title: str = ""  # titel of the file (an annex's own name)
    problems: tuple[str, ...] = ()  # fields that could not be read and were left empty

    @property
    def answered(self) -> bool:
        return self.answered_on is not None

    @property
    def theme(self) -> str:
        return next(iter(self.themes), "")


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[SearchHit, ...]
    skipped: tuple[Skipped, ...]
    count: int  # how many hits the server says the query has
    received: int  # how many results this page carried (read or skipped)


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
    on: date | None  # some steps come without a datum
    status: str  # "Vraag gesteld aan de minister", "Tijdig beantwoord", ...


@dataclass(frozen=True)
class DetailFile:
    """A file the detail lists: ``bestand-ordered/URL`` (all files, in order) or the older ``bijlage[]``."""

    document_id: str
    url: str
    title: str = ""
    annex: bool = False  # listed as a BIJLAGE


@dataclass(frozen=True)
class QuestionDetail:
    parliament_id: str
    number: int | None  # vraagnummer (newer) or nummer
    title: str
    subject: str
    themes: tuple[str, ...]
    session: str
    author: Person
    minister: Person | None
    steps: tuple[ProcedureStep, ...]
    answer_kind: str  # soort-antwoord
    in_time: bool | None  # tijdig; None while unanswered or when it cannot be read
    in_time_text: str  # tijdig as the interface wrote it
    files: tuple[DetailFile, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def asked_on(self) -> date | None:
        asked = [step.on for step in self.steps if step.on and "gesteld" in step.status.lower()]
        return min(asked, default=None)

    @property
    def answered_on(self) -> date | None:
        """The date of the last step that says the question was answered ("Tijdig beantwoord", ...)."""
        answered = [step.on for step in self.steps if step.on and "beantwoord" in step.status.lower()]
        return max(answered, default=None)


@dataclass(frozen=True)
class SessionYearSpan:
    name: str
    start: date
    end: date


@dataclass(frozen=True)
class MemberRecord:
    """A member as the parliament's members list (``/e/opendata/vv/...``) has them, names split its way."""

    parliament_id: str
    first_name: str  # "Emine Gül"
    last_name: str  # "Isci"
    party: str = ""


# "2023-2024"
_SESSION = re.compile(r"^(\d{4})-(\d{4})$")
# ".../e/opendata/schv/1798949" or ".../schriftelijke-vragen/1798949"
_TRAILING_ID = re.compile(r"/(\d+)/?$")
# A hit's own id: "http://be.vlp.feed/1798949/pfls/2038554"
_FEED_ID = re.compile(r"/(\d+)/pfls(?:/(\d+))?/?$")


def load_payload(payload: bytes | str, what: str) -> object:
    """JSON, or XML read into the same shape (repeated elements become lists); anything else names `what`."""
    text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
    if text.lstrip().startswith("<"):
        try:
            root = SafeXML.fromstring(payload)
        except (ParseError, DefusedXmlException) as error:
            raise UnexpectedResponse(what, f"is geen geldige JSON of XML ({error})") from None
        return _xml_value(root)
    try:
        return json.loads(text)
    except ValueError as error:
        raise UnexpectedResponse(what, f"is geen geldige JSON ({error})") from None


def _xml_value(element: Element) -> object:
    """An element as JSON would have it: text for a leaf, a dict of children (a list where one repeats)."""
    children = list(element)
    if not children:
        return (element.text or "").strip()
    value: dict[str, object] = {}
    for child in children:
        tag = child.tag.rpartition("}")[2]
        item = _xml_value(child)
        if tag in value:
            existing = value[tag]
            value[tag] = [*existing, item] if isinstance(existing, list) else [existing, item]
        else:
            value[tag] = item
    return value


def parse_search(payload: bytes | str) -> SearchPage:
    data = _object(load_payload(payload, "zoekresultaten"), "zoekresultaten")
    results = data.get("result", [])
    if isinstance(results, dict):  # one result, as XML or a lone object
        results = [results]
    if not isinstance(results, list):
        raise UnexpectedResponse("result", "is geen lijst")
    hits, skipped = [], []
    for position, item in enumerate(results, 1):
        try:
            hits.append(_search_hit(_object(item, "result[]")))
        except UnexpectedResponse as error:
            skipped.append(Skipped(which=_hit_label(item, position), why=str(error)))
    count = _integer(data.get("count", len(results)), "count")
    return SearchPage(hits=tuple(hits), skipped=tuple(skipped), count=count, received=len(results))


def _hit_label(item: object, position: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "url"):
            if isinstance(item.get(key), str) and item[key]:
                return item[key]
    return f"resultaat {position}"


_KINDS = {"antwoord": Kind.ANSWER, "bijlage": Kind.ANNEX}


def _search_hit(item: dict) -> SearchHit:
    tags = _metatags(item)
    problems: list[str] = []
    question_id, file_id = _hit_ids(item, tags)
    kind = _KINDS.get(_first(tags, "documenttype").strip().lower(), Kind.QUESTION)
    author = _first(tags, "vraagsteller")
    if kind != Kind.ANNEX or author:  # whose question it is decides everything for a question or answer
        author = natural_name(_required_tag(tags, "vraagsteller"), "vraagsteller")
    return SearchHit(
        parliament_id=question_id,
        file_id=file_id,
        kind=kind,
        session=_session(_required_tag(tags, "zittingsjaar"), "zittingsjaar"),
        number=_lenient(problems, _optional_integer, _first(tags, "nummer"), "nummer"),
        title=_first(tags, "onderwerp") or _first(tags, "titel"),
        themes=tuple(dict.fromkeys(theme for theme in tags.get("thema", []) if theme)),
        minister=_lenient(problems, natural_name, _first(tags, "minister"), "minister") or "",
        author=author,
        asked_on=_lenient(problems, _date, _first(tags, "themadatum"), "themadatum"),
        answered_on=_lenient(problems, _date, _first(tags, "statusdatumSchvBeantwoord"),
                             "statusdatumSchvBeantwoord"),
        document_id=_lenient(problems, _document_id, _first(tags, "document"), "document") or "",
        file_title=_first(tags, "titel"),
        problems=tuple(problems),
    )


def _hit_ids(item: dict, tags: dict[str, list[str]]) -> tuple[str, str]:
    """The question's id and the file's: from the hit's feed id, else from opendata or url (question only)."""
    match = _FEED_ID.search(urlsplit(str(item.get("id") or "")).path)
    if match:
        return match.group(1), match.group(2) or ""
    link = _first(tags, "opendata") or str(item.get("url") or "")
    return _trailing_id(link, "opendata"), ""


def _metatags(item: dict) -> dict[str, list[str]]:
    """metatags.metatag as name -> values (a name can repeat: several thema, a repeated publicatiedatum)."""
    container = item.get("metatags")
    if not isinstance(container, dict) or not isinstance(container.get("metatag"), list):
        raise UnexpectedResponse("metatags", "ontbreekt of heeft geen lijst 'metatag'")
    tags: dict[str, list[str]] = {}
    for tag in container["metatag"]:
        if not isinstance(tag, dict) or not isinstance(tag.get("name"), str):
            raise UnexpectedResponse("metatag", f"heeft geen naam: {tag!r:.80}")
        value = tag.get("value")
        tags.setdefault(tag["name"], []).append("" if value is None else str(value).strip())
    return tags


def _first(tags: dict[str, list[str]], name: str) -> str:
    return next(iter(tags.get(name, [])), "")


def _required_tag(tags: dict[str, list[str]], name: str) -> str:
    value = _first(tags, name)
    if not value:
        raise UnexpectedResponse(name, "ontbreekt")
    return value


def _lenient(problems: list[str], read, value, field: str):
    """Read one field; one that cannot be read is left empty and named in `problems`."""
    try:
        return read(value, field)
    except UnexpectedResponse as error:
        problems.append(str(error))
        return None


def natural_name(last_first: str, field: str) -> str:
    """ "De Vreese, Maaike" -> "Maaike De Vreese"; an empty value stays empty."""
    if not last_first:
        return ""
    last, comma, first = last_first.partition(",")
    if not comma:
        raise UnexpectedResponse(field, f"is niet in de vorm 'Naam, Voornaam': {last_first!r}")
    return f"{first.strip()} {last.strip()}".strip()


def _document_id(link: str, field: str = "document") -> str:
    """ ".../files/pfile?id=2038554" or ".../pfile?id=2038554" -> "2038554"; an empty link is ""."""
    if not link:
        return ""
    ids = parse_qs(urlsplit(link).query).get("id", [])
    if not ids or not ids[0].isdigit():
        raise UnexpectedResponse(field, f"bevat geen pfile-id: {link!r}")
    return ids[0]


def parse_detail(payload: bytes | str) -> QuestionDetail:
    data = _object(load_payload(payload, "vraag"), "vraag")
    problems: list[str] = []
    minister = data.get("minister")
    tijdig = data.get("tijdig")
    # tijdig as written: "true", "J", "Tijdig"
    in_time_text = json.dumps(tijdig) if isinstance(tijdig, bool) else _text(tijdig)
    steps = tuple(_step(step, problems) for step in _as_list(data.get("procedureverloop")))
    return QuestionDetail(
        parliament_id=_text(_required(data, "id")),
        number=_lenient(problems, _optional_integer, data.get("vraagnummer") or data.get("nummer"),
                        "vraagnummer"),
        title=_text(data.get("titel")),
        subject=_text(data.get("onderwerp")),
        themes=_themes(data, problems),
        session=_lenient(problems, _session, data.get("zittingsjaar"), "zittingsjaar") or "",
        author=_person(_required(data, "vraagsteller"), "vraagsteller"),
        minister=_lenient(problems, _person, minister, "minister") if minister else None,
        steps=steps,
        answer_kind=_text(data.get("soort-antwoord")),
        in_time=_lenient(problems, in_time, tijdig, "tijdig"),
        in_time_text=in_time_text,
        files=_files(data, problems),
        problems=tuple(problems),
    )


def _as_list(value: object) -> list:
    """A list as it is; one object (a lone procedure step, one XML element) as a list of one; None as []."""
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _themes(data: dict, problems: list[str]) -> tuple[str, ...]:
    """thema: texts or objects ({id, naam}); in XML <themas><thema>."""
    raw = data.get("thema")
    if raw is None and isinstance(data.get("themas"), dict):
        raw = data["themas"].get("thema")
    themes = []
    for theme in _as_list(raw):
        if isinstance(theme, dict):
            theme = next((theme[key] for key in ("naam", "titel", "omschrijving", "thema") if theme.get(key)),
                         None)
        if isinstance(theme, str):
            if theme.strip():
                themes.append(theme.strip())
        else:
            problems.append(str(UnexpectedResponse("thema", f"is geen tekst: {theme!r:.60}")))
    return tuple(dict.fromkeys(themes))


def _person(value: object, field: str) -> Person:
    if isinstance(value, list) and value:
        value = value[0]
    person = _object(value, field)
    return Person(parliament_id=_text(_required(person, "id", f"{field}.id")),
                  first_name=_text(person.get("voornaam")),
                  last_name=_text(_required(person, "naam", f"{field}.naam")))


def _step(value: object, problems: list[str]) -> ProcedureStep:
    step = value if isinstance(value, dict) else {"status": value}
    on = _lenient(problems, _date, step.get("datum"), "procedureverloop.datum")
    return ProcedureStep(on=on, status=_text(step.get("status")))


def _files(data: dict, problems: list[str]) -> tuple[DetailFile, ...]:
    files = []
    for entry in _as_list(data.get("bestand-ordered")):
        url = _text(entry.get("URL") or entry.get("url")) if isinstance(entry, dict) else _text(entry)
        if document_id := _lenient(problems, _document_id, url, "bestand-ordered.URL"):
            files.append(DetailFile(document_id=document_id, url=url))
    for entry in _as_list(data.get("bijlage")):
        if not isinstance(entry, dict):
            continue
        url = _text(entry.get("url") or entry.get("URL"))
        if document_id := _lenient(problems, _document_id, url, "bijlage.url"):
            files.append(DetailFile(document_id=document_id, url=url, title=_text(entry.get("titel")),
                                    annex=_text(entry.get("doel")).upper() == "BIJLAGE"))
    return tuple(files)


# tijdig: a JSON boolean, "J"/"N" as elsewhere in the same interface, or a word.
_YES = {"true", "ja", "j", "1", "yes", "tijdig", "tijdig beantwoord"}
_NO = {"false", "nee", "n", "0", "no", "laattijdig", "niet tijdig", "te laat", "laattijdig beantwoord"}


def in_time(value: object, field: str = "tijdig") -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = squash(str(value).lower())
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise UnexpectedResponse(field, f"is geen ja/nee: {value!r}")


def parse_session_years(payload: bytes | str) -> list[SessionYearSpan]:
    spans = []
    for item in _items(payload, "zittingsjaren"):
        year = _object(item.get("zittingsjaar", item), "zittingsjaar")
        spans.append(SessionYearSpan(
            name=_session(_required(year, "naam", "zittingsjaar.naam"), "zittingsjaar.naam"),
            start=_date(_required(year, "start-zittingsjaar"), "start-zittingsjaar"),
            end=_date(_required(year, "eind-zittingsjaar"), "eind-zittingsjaar"),
        ))
    return spans


def parse_members(payload: bytes | str) -> tuple[list[MemberRecord], list[Skipped]]:
    """The members list; an item that cannot be read is skipped and said, the others are kept."""
    members, skipped = [], []
    for position, item in enumerate(_items(payload, "volksvertegenwoordigers"), 1):
        person = item.get("volksvertegenwoordiger", item)
        try:
            person = _object(person, "volksvertegenwoordiger")
            party = person.get("fractie")
            members.append(MemberRecord(
                parliament_id=_text(_required(person, "id", "volksvertegenwoordiger.id")),
                first_name=_text(_required(person, "voornaam", "volksvertegenwoordiger.voornaam")),
                last_name=_text(_required(person, "naam", "volksvertegenwoordiger.naam")),
                party=_text(party.get("naam")) if isinstance(party, dict) else _text(party)))
        except UnexpectedResponse as error:
            skipped.append(Skipped(which=f"lid {position}", why=str(error)))
    return members, skipped


def _items(payload: bytes | str, what: str) -> list[dict]:
    data = _object(load_payload(payload, what), what)
    items = data.get("items")
    if isinstance(items, dict):  # XML: <items><item>...</item></items>
        items = next(iter(items.values()), [])
    items = _as_list(items)
    if not items and "items" not in data:
        raise UnexpectedResponse("items", "ontbreekt of is geen lijst")
    return [_object(item, "items[]") for item in items]


def _object(value: object, field: str) -> dict:
    if not isinstance(value, dict):
        raise UnexpectedResponse(field, f"is geen object: {value!r:.80}")
    return value


def _required(data: dict, key: str, field: str | None = None) -> object:
    value = data.get(key)
    if value is None or value == "":
        raise UnexpectedResponse(field or key, "ontbreekt")
    return value


def _integer(value: object, field: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise UnexpectedResponse(field, f"is geen getal: {value!r}") from None


def _optional_integer(value: object, field: str) -> int | None:
    return None if value is None or value == "" else _integer(value, field)


def _session(value: object, field: str) -> str:
    text = _text(value)
    match = _SESSION.match(text)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise UnexpectedResponse(field, f"is geen zittingsjaar zoals 2023-2024: {value!r}")
    return text


def _date(value: object, field: str) -> date | None:
    """The local date of "2024-02-22", "2024-02-22T00:00:00+01:00" or "2019-06-18T00:00:00+0200".

    The interface writes local midnight with an offset without a colon; the date is the one in that offset.
    """
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
