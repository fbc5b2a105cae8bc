"""Security headers on every page, forwarded headers trusted only behind a configured proxy, and
`check --deploy` clean with the production settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.core import mail
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DEBUG": "False", "SECURE_SSL_REDIRECT": "True", "SESSION_COOKIE_SECURE": "True",
              "CSRF_COOKIE_SECURE": "True", "ALLOWED_HOSTS": "svtracker.example.org"}


def directives(header: str) -> dict[str, str]:
    return {part.split()[0]: " ".join(part.split()[1:]) for part in header.split(";") if part.strip()}


def test_the_content_security_policy_allows_no_plugins_base_or_foreign_form_targets(client, db):
    policy = directives(client.get(reverse("accounts:login"))["Content-Security-Policy"])
    assert policy["base-uri"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert policy["default-src"] == "'self'"


def test_a_permissions_policy_turns_off_camera_microphone_and_location(staff_client):
    header = staff_client.get(reverse("dashboard"))["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header


def settings_value(name: str, **environment) -> str:
    env = {**{k: v for k, v in os.environ.items() if k != "BEHIND_PROXY"}, **PRODUCTION, **environment}
    return subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; print(repr(settings.{name}))"],
        cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "svtracker.settings"}, capture_output=True,
        text=True, check=True).stdout.strip()


def test_forwarded_proto_is_trusted_only_when_a_proxy_is_configured():
    assert settings_value("SECURE_PROXY_SSL_HEADER") == "None"
    trusted = settings_value("SECURE_PROXY_SSL_HEADER", BEHIND_PROXY="true")
    assert trusted == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_a_client_saying_https_does_not_make_the_reset_link_https(client, staff):
    """Without a proxy, X-Forwarded-Proto comes from whoever sends it: it must not change what we believe."""
    client.post(reverse("accounts:password_reset"), {"email": staff.email},
                headers={"X-Forwarded-Proto": "https"})
    assert re.search(r"\bhttp://", mail.outbox[0].body)


def test_check_deploy_is_clean_with_production_settings():
    # DJANGO_ALLOW_ASYNC_UNSAFE is the browser tests' (tests/browser/conftest.py), never production's
    env = {**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **PRODUCTION}
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
