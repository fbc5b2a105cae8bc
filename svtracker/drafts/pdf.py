"""The draft as the parliament's written-question document: HTML for the preview, PDF with WeasyPrint.

WeasyPrint only ever gets our own static files: the fetcher refuses any other URL (network, file://, data:),
so nothing a user typed can make the server fetch anything. User text is autoescaped in the template.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from svtracker.parsing.dates import format_dutch_date

from .models import EXCEL_CLOSING, Draft

# A base URL no request ever goes to: it only gives relative static URLs something to resolve against.
DOCUMENT_ORIGIN = "https://svtracker.invalid/"


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves the app's own static files by their path under STATIC_URL and refuses everything else."""

    def __init__(self):
        super().__init__()
        self.requested: list[str] = []

    def fetch(self, url, headers=None):
        self.requested.append(url)
        path = self.static_file(url)
        if path is None:
            raise ValueError(f"Refused to fetch {url!r}: only the app's own static files are served")
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": _content_type(path)})

    @staticmethod
    def static_file(url: str) -> Path | None:
        prefix = urljoin(DOCUMENT_ORIGIN, settings.STATIC_URL)
        parts = urlsplit(url)
        if parts.query or parts.fragment or not url.startswith(prefix):
            return None
        relative = PurePosixPath(unquote(parts.path[len(urlsplit(prefix).path):]))
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            return None
        # The source first: a STATIC_ROOT collected before the last change would print yesterday's styles.
        found = finders.find(str(relative))
        candidates = [Path(found)] if found else []
        if settings.STATIC_ROOT:
            candidates.append(Path(settings.STATIC_ROOT) / relative)
        return next((p for p in candidates if p.is_file()), None)


def _content_type(path: Path) -> str:
    return {".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml", ".woff2": "font/woff2",
            ".ttf": "font/ttf"}.get(path.suffix, "application/octet-stream")


def document_context(*, draft: Draft, on: date | None = None, **overrides) -> dict:
    """What the document shows; `overrides` carry unsaved edits for the preview."""
    content = {"author_name": draft.author.name, "minister_name": draft.minister_name,
               "minister_title": draft.minister_title, "title": draft.title,
               "introduction": draft.introduction, "questions": draft.questions,
               "excel_closing": draft.excel_closing, **overrides}
    content["paragraphs"] = paragraphs_of(content.pop("introduction"))
    content["closing"] = EXCEL_CLOSING if content.pop("excel_closing") else ""
    content["date_in_words"] = format_dutch_date(on or timezone.localdate())
    return content


def paragraphs_of(introduction: str) -> list[dict]:
    """The introduction's paragraphs (a blank line between them, whatever line endings the browser sent);
    a paragraph that opens with « is a quote of the minister, set indented and in italics."""
    text = introduction.replace("\r\n", "\n").replace("\r", "\n")
    texts = (p.strip() for p in re.split(r"\n[ \t]*\n", text))
    return [{"text": text, "quote": text.startswith("«")} for text in texts if text]


def render_draft_html(*, draft: Draft, on: date | None = None, **overrides) -> str:
    return render_to_string("drafts/draft_pdf.html", document_context(draft=draft, on=on, **overrides))


def render_draft_pdf(*, draft: Draft, on: date | None = None, fetcher: StaticFilesOnlyFetcher | None = None,
                     **overrides) -> bytes:
    html = render_draft_html(draft=draft, on=on, **overrides)
    fetcher = fetcher or StaticFilesOnlyFetcher()
    # PDF/UA-1: tagged (headings, paragraphs, the list of questions) so screen readers read it in order.
    return HTML(string=html, base_url=DOCUMENT_ORIGIN, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")
