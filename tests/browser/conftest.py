"""Headless Debian Chromium (no browser download) against Django's live server."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls there otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from svtracker.accounts.models import Membership  # noqa: E402
from svtracker.pipeline.services import import_document  # noqa: E402
from tests.factories import MembershipFactory, OfficeFactory, ProfileFactory, UserFactory  # noqa: E402

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium",
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync"]}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "nl-BE",
            "timezone_id": "Europe/Brussels", "accept_downloads": True}


@pytest.fixture
def web_office(transactional_db):
    return OfficeFactory(name="Kantoor De Vreese")


@pytest.fixture
def web_user(web_office):
    user = UserFactory(username="an")
    MembershipFactory(user=user, office=web_office, role=Membership.Role.ADMIN)
    ProfileFactory(user=user)
    return user


@pytest.fixture
def demo_seeds(web_office, web_user, seed_files):
    """The five real documents imported, as `load_demo` does."""
    return [result for path in seed_files for result in import_document(
        office=web_office, data=path.read_bytes(), filename=path.name, user=web_user)]


@pytest.fixture
def logged_in(page, live_server, web_user):
    """A page logged in through the login form, as staff do."""
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill("an")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(f"{live_server.url}/")
    return page
