"""axe-core on every page staff reach: what the menu links to, each kind of detail page, the error pages."""

import pytest
from django.urls import reverse

from svtracker.drafts.services import draft_follow_up, save_draft
from svtracker.promises.models import Promise
from svtracker.questions.selectors import find_questions
from tests.browser.axe import assert_no_axe_violations, axe_violations, describe

pytestmark = pytest.mark.browser

MENU_PAGES = ["dashboard", "questions:list", "questions:series_list", "promises:list", "scorecard:overview",
              "drafts:list",
              "accounts:mail_preview",
              "questions:upload", "questions:register", "accounts:office", "accounts:staff",
              "reminders:preferences", "reminders:outbox", "reminders:policy", "reminders:recess",
              "parliament:followed"]


@pytest.fixture
def pages(demo_seeds, web_office, web_user):
    """One of every detail page, on the seeds; a draft with two versions."""
    question = find_questions(office=web_office, session="2023-2024", number=125).get()
    draft = draft_follow_up(office=web_office, user=web_user, question=question)
    save_draft(draft=draft, user=web_user, minister=draft.minister, minister_title=draft.minister_title,
               title=draft.title, introduction=draft.introduction + "\n\nNog een alinea.",
               questions=draft.questions, excel_closing=draft.excel_closing)
    promise = Promise.objects.filter(office=web_office).order_by("id").first()
    return [reverse(name) for name in MENU_PAGES] + [
        reverse("questions:detail", args=[question.pk]),
        reverse("questions:series_detail", args=[question.series_id]),
        reverse("promises:detail", args=[promise.pk]),
        reverse("drafts:create_from_question", args=[question.pk]),
        reverse("drafts:create_from_promise", args=[promise.pk]),
        reverse("drafts:detail", args=[draft.pk]),
        reverse("drafts:version_diff", args=[draft.pk, 2]),
        "/questions/999999/",  # the 404 page
    ]


def test_every_page_staff_reach_has_no_axe_violations(logged_in, live_server, pages, web_user):
    web_user.is_superuser = True  # may edit the recess dates: their form is checked too
    web_user.save(update_fields=["is_superuser"])
    found = {}
    logged_in.goto(live_server.url + reverse("reminders:recess"))
    edit = logged_in.locator('a[href*="/reminders/recess/2"]').first.get_attribute("href")  # a recess form
    for path in [*pages, edit]:
        logged_in.goto(live_server.url + path)
        violations = axe_violations(logged_in)
        if violations:
            found[path] = describe(violations)
    assert not found, "\n\n".join(f"{path}\n{text}" for path, text in found.items())


def test_login_and_password_reset_pages_have_no_axe_violations(page, live_server):
    for name in ("accounts:login", "accounts:password_reset"):
        page.goto(live_server.url + reverse(name))
        assert_no_axe_violations(page)


def test_every_error_page_has_no_axe_violations(page, live_server, rf):
    """400, 403, 404, the CSRF refusal, 413 and 500 as their handlers render them, shown under the live
    server's address so the stylesheet loads."""
    from django.contrib.auth.models import AnonymousUser

    from svtracker import errors

    request = rf.get("/")
    request.user = AnonymousUser()
    responses = [errors.bad_request(request), errors.permission_denied(request),
                 errors.page_not_found(request), errors.csrf_failure(request),
                 errors.too_large(request, size=300 * 2**20), errors.server_error(request)]
    page.goto(live_server.url + reverse("accounts:login"))
    for response in responses:
        page.set_content(response.content.decode())
        assert_no_axe_violations(page)
