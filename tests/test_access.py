"""Every URL of the project, walked generically: another office's objects are a 404, never a 403 or a
page, a visitor who is not logged in is sent to the login page, and nothing an office does through any URL
changes the parliament's shared records (README, "Whose data is whose").

New URLs and models of any app are covered without changing this file: the URL patterns come from the
resolver, and the ids tried are those of every object that belongs to the other office (found through
the models' `office` foreign keys, directly or through a parent).
"""

from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from svtracker.accounts.models import Membership, Office
from svtracker.drafts.services import draft_follow_up
from svtracker.parliament.services import follow_member
from svtracker.pipeline.services import import_document
from svtracker.promises.services import confirm_promise
from tests.factories import MembershipFactory, UserFactory

# Views that must work without logging in, each on purpose.
PUBLIC = {
    "set_language",  # switching language on the login page
    "accounts:login",
    "accounts:password_reset", "accounts:password_reset_done", "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "accounts:invitation",  # accepting an invitation: the one-time secret in the URL is the credential
    "reminders:calendar",  # the ICS feed: its secret token in the URL is the credential
}
SKIPPED_NAMESPACES = {"admin"}  # Django's admin has its own login and permission checks
# Integer URL parts that are not object ids.
NON_ID_INTS = {"number": 1, "year": 2024}


# The parliament's records, shared by every office (rows with an office are that office's own).
SHARED_MODELS = ["people.Member", "people.Minister", "people.PolicyArea", "people.MinisterTerm",
                 "reminders.RecessPeriod", "questions.SessionYear"]
# A document dated in the future that names a minister nobody knows for a policy area someone holds.
FORGED_DOCUMENT = """SCHRIFTELIJKE VRAAG

nr. 7
van MAAIKE DE VREESE
datum: 15 januari 2030

aan JAN VERVALSER
VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR,
BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN

Inburgeraars  -  Een vraag uit de toekomst

1. Wie is bevoegd?
"""


def shared_records() -> dict[str, dict]:
    """Every shared row as its field values (and a term's policy areas), by model and primary key."""
    snapshot = {}
    for label in SHARED_MODELS:
        model = apps.get_model(label)
        rows = model.objects.all()
        if any(f.name == "office" for f in model._meta.concrete_fields):
            rows = rows.filter(office__isnull=True)
        if label == "people.MinisterTerm":
            rows = rows.prefetch_related("policy_areas")
        snapshot[label] = {row.pk: (*(getattr(row, f.attname) for f in model._meta.concrete_fields),
                                    *([sorted(a.pk for a in row.policy_areas.all())]
                                      if label == "people.MinisterTerm" else []))
                           for row in rows}
    return snapshot


def assert_no_shared_record_changed(before: dict, after: dict) -> None:
    """Nothing changed or removed; a document may add a person or an area, never a shared term."""
    for label, rows in before.items():
        assert {pk: after[label].get(pk) for pk in rows} == rows, label
    assert set(after["people.MinisterTerm"]) == set(before["people.MinisterTerm"])


def url_patterns(patterns=None, namespace=""):
    """(name, pattern, view) of every named URL, namespaces included."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace])) if entry.namespace else namespace
            if inner.split(":")[0] in SKIPPED_NAMESPACES:
                continue
            yield from url_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join(filter(None, [namespace, entry.name])), entry, entry.callback


def kwarg_types(pattern: URLPattern) -> dict[str, str]:
    converters = getattr(pattern.pattern, "converters", {})
    return {name: type(conv).__name__ for name, conv in converters.items()}


def fill(pattern: URLPattern, object_id: int) -> dict:
    kwargs = {}
    for name, kind in kwarg_types(pattern).items():
        if kind == "IntConverter":
            kwargs[name] = NON_ID_INTS.get(name, object_id)
        else:
            kwargs[name] = "x"
    return kwargs


def is_object_url(pattern: URLPattern) -> bool:
    return any(kind == "IntConverter" and name not in NON_ID_INTS
               for name, kind in kwarg_types(pattern).items())


def project_models():
    return [m for m in apps.get_models() if m.__module__.startswith("svtracker.")]


def owned_by(model, office: Office, depth: int = 3):
    """The rows of `model` that belong to `office`: through an `office` key or a parent row that does."""
    fields = [f for f in model._meta.concrete_fields if isinstance(f, models.ForeignKey)]
    if any(f.name == "office" and f.related_model is Office for f in fields):
        return model.objects.filter(office=office)
    if depth == 0 or model in (Office, Membership):
        return model.objects.none()
    query = models.Q()
    for field in fields:
        parents = owned_by(field.related_model, office, depth - 1)
        if parents.exists():
            query |= models.Q(**{f"{field.name}__in": parents.values("pk")})
    return model.objects.filter(query) if query else model.objects.none()


def build_office_objects(office: Office, seed_files) -> None:
    """Real data of every kind for an office: imported documents, a handled promise, a draft, a followed
    member, and one row of any other office-scoped model that is still missing."""
    user = UserFactory(username="buur")
    MembershipFactory(user=user, office=office)
    for path in seed_files:
        import_document(office=office, data=path.read_bytes(), filename=path.name, user=user)
    promise = office.promises.first()
    confirm_promise(promise=promise, user=user)
    draft_follow_up(office=office, user=user, question=promise.question)
    follow_member(office=office, name="Maaike De Vreese", parliament_id="999")
    for model in project_models():
        scoped = any(f.name == "office" for f in model._meta.concrete_fields)
        if scoped and not owned_by(model, office).exists():
            create_minimal(model, office=office, user=user)


def create_minimal(model, *, office: Office, user):
    """One row with every required field filled plainly (for models no service above creates)."""
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.null or field.has_default() or getattr(field, "auto_now_add", False) \
                or getattr(field, "auto_now", False):
            continue
        if field.name == "office":
            values["office"] = office
        elif isinstance(field, models.ForeignKey):
            related = field.related_model
            values[field.name] = user if related._meta.label == "auth.User" else (
                owned_by(related, office).first() or related.objects.first())
        elif field.choices:
            values[field.name] = field.choices[0][0]
        elif isinstance(field, models.DateTimeField):
            values[field.name] = timezone.now()
        elif isinstance(field, models.DateField):
            values[field.name] = timezone.localdate()
        elif isinstance(field, models.IntegerField | models.DecimalField | models.FloatField):
            values[field.name] = 1
        else:
            values[field.name] = "1"
    return model.objects.create(**values)


@pytest.fixture
def foreign_ids(other_office, seed_files):
    build_office_objects(other_office, seed_files)
    ids = set()
    for model in project_models():
        ids |= set(owned_by(model, other_office).values_list("pk", flat=True))
    return sorted(ids)


def test_public_views_are_exactly_the_intended_ones(db):
    public = {name for name, _pattern, view in url_patterns()
              if getattr(view, "login_required", True) is False}
    assert public == PUBLIC


def test_every_office_scoped_model_has_rows_in_the_other_office(foreign_ids, other_office):
    for model in project_models():
        if any(f.name == "office" for f in model._meta.concrete_fields):
            assert owned_by(model, other_office).exists(), model


def test_another_offices_objects_are_not_found_at_any_url(client, staff, office, foreign_ids):
    """As an admin of an office without any data, every id of the other office's rows, at every URL."""
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    client.force_login(staff)
    object_urls = [(name, pattern) for name, pattern, _view in url_patterns()
                   if name not in PUBLIC and is_object_url(pattern)]
    assert {"questions:detail", "questions:document", "questions:series_detail", "promises:detail"} <= {
        name for name, _ in object_urls}
    failures = []
    before = shared_records()
    for name, pattern in object_urls:
        for object_id in foreign_ids:
            url = reverse(name, kwargs=fill(pattern, object_id))
            statuses = (client.get(url).status_code, client.post(url).status_code)
            # A view that only takes POST (or only GET) answers the other method with 405 before any lookup.
            if 404 not in statuses or not set(statuses) <= {404, 405}:
                failures.append((name, url, statuses))
    assert not failures
    assert_no_shared_record_changed(before, shared_records())


def test_no_form_of_an_office_changes_the_parliaments_shared_records(client, staff, office, foreign_ids):
    """As an office admin, every page without an id is sent plausible data for the shared records: a
    member's other parliament id, a minister, a function title, recess dates, a future-dated document."""
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    client.force_login(staff)
    before = shared_records()
    payload = {"name": "Maaike De Vreese", "parliament_id": "1", "minister": "1", "author": "1",
               "minister_title": "VLAAMS MINISTER VAN INBURGERING", "function_title": "VLAAMS MINISTER",
               "title": "Inburgeraars", "number": "1", "asked_on": "2030-01-15", "start": "2024-03-30",
               "end": "2024-04-14", "date": "2024-03-30", "year": "2024", "action": "add"}
    for name, pattern, _view in url_patterns():
        if name in PUBLIC or is_object_url(pattern) or name == "accounts:logout":
            continue
        files = {"files": [SimpleUploadedFile("toekomst.txt", FORGED_DOCUMENT.encode())]}
        response = client.post(reverse(name, kwargs=fill(pattern, 1)), {**payload, **files})
        assert response.status_code < 500, name
    assert_no_shared_record_changed(before, shared_records())


def test_pages_without_ids_open_for_staff(client, staff, office):
    Membership.objects.filter(user=staff).update(role=Membership.Role.ADMIN)
    client.force_login(staff)
    for name, pattern, _view in url_patterns():
        if name in PUBLIC or is_object_url(pattern):
            continue
        response = client.get(reverse(name, kwargs=fill(pattern, 1)))
        assert response.status_code < 500, name


def test_every_private_url_sends_a_visitor_to_the_login_page(client, foreign_ids):
    login = reverse("accounts:login")
    for name, pattern, _view in url_patterns():
        if name in PUBLIC:
            continue
        url = reverse(name, kwargs=fill(pattern, foreign_ids[0]))
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, name
            location = urlsplit(response["Location"])
            assert location.path == login and location.query.startswith("next="), name
