from pathlib import Path

import pytest

from svtracker.celery import app as celery_app
from svtracker.pipeline.services import import_document
from tests.celeryworker import SQLITE_SHARED_OPTIONS
from tests.factories import MembershipFactory, OfficeFactory, ProfileFactory, UserFactory

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite the test database is a file next to the configured one (not in memory), so that a worker
    subprocess (tests/celeryworker.py) opens the same database; WAL and immediate transactions let both
    write without "database is locked"."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        name = Path(db["NAME"])
        db.setdefault("TEST", {})["NAME"] = str(name.with_name(f"test_{name.name}"))
        db["OPTIONS"] = {**db.get("OPTIONS", {}), **SQLITE_SHARED_OPTIONS}


@pytest.fixture
def seed_files():
    """The five real documents, in file order."""
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _eager_celery():
    """Tasks run in-process unless a test starts a real worker (tests/reminders/test_worker.py)."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = True


@pytest.fixture
def office(db):
    return OfficeFactory(name="Kantoor De Vreese")


@pytest.fixture
def other_office(db):
    return OfficeFactory(name="Ander kantoor")


@pytest.fixture
def staff(office):
    user = UserFactory(username="an")
    MembershipFactory(user=user, office=office)
    ProfileFactory(user=user)
    return user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests find static files through the finders; production uses the manifest from collectstatic."""
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture
def imported_seeds(office, staff, seed_files):
    """The five real documents imported into the office, as staff would upload them."""
    return [result for path in seed_files for result in import_document(
        office=office, data=path.read_bytes(), filename=path.name, user=staff)]
