"""Absolute links for what leaves the site: reminder mails, calendar feeds, a feed address to copy.

One rule everywhere: SITE_URL when it is configured (production; scripts/serve sets it to the address it
serves on), else the scheme and host the request came in on; a mail the worker sends without either
falls back on http://localhost:8000 (the README's default address).
"""

from django.conf import settings
from django.http import HttpRequest

FALLBACK_SITE_URL = "http://localhost:8000"


def site_url(request: HttpRequest | None = None) -> str:
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return FALLBACK_SITE_URL


def absolute_url(path: str, *, request: HttpRequest | None = None) -> str:
    """`path` (from reverse) on the site's address."""
    return site_url(request) + path
