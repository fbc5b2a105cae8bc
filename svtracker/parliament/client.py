"""HTTP client for the parliament's open-data interface: search, question detail, members, session years,
files.

Polite by design: one request at a time with a minimum interval between them and a timeout on every request.
Retries come from httpx-retries' transport: timeouts, connection errors, 429 and 5xx are asked again with
exponential backoff and jitter, and a ``Retry-After`` the server sends is honoured (capped). Every failure
ends as a :class:`ParliamentError` with one readable line, which the sync records and retries on its next run.
"""

from __future__ import annotations

import io
import logging
import math
import re
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import quote

import httpx
from django.conf import settings
from django.utils.translation import gettext as _
from httpx_retries import Retry, RetryTransport

from .responses import (
    MemberRecord,
    QuestionDetail,
    SearchHit,
    SearchPage,
    SessionYearSpan,
    Skipped,
    UnexpectedResponse,
    parse_detail,
    parse_members,
    parse_search,
    parse_session_years,
)

log = logging.getLogger(__name__)

# At most 100 results a page; the server refuses to hand out more than 10,000 hits of one query
# (shared/OPENDATA.md), so paging never needs more than 100 pages.
PAGE_SIZE = 100
SERVER_LIMIT = 10_000
# The filter that limits the search to written questions, as the parliament's own examples write it.
WRITTEN_QUESTIONS = ("paginatype:Parlementair document.aggregaat:Vraag of interpellatie"
                     ".initiatief:Schriftelijke vraag")
# Asked again: too many requests, and the server or a proxy in front of it failing for a moment.
RETRY_STATUSES = (429, 500, 502, 503, 504)
# The longest wait between two tries, whatever Retry-After asks: a sync waits, it does not hang.
MAX_RETRY_WAIT = 120.0


class ParliamentError(Exception):
    """The interface could not give what was asked (after retries); the message is one line for staff."""


class SyncNotConfigured(ParliamentError):
    pass


@dataclass
class SearchResult:
    """Every page of one search: the hits read, the ones skipped, and how many the server said there are."""

    query: str
    hits: list[SearchHit] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    reported: int = 0  # "count" on the first page
    received: int = 0  # results on all pages read (read or skipped)
    failed_pages: list[str] = field(default_factory=list)  # "pagina 2: ..." for a page that failed

    def add(self, page: SearchPage) -> None:
        self.hits.extend(page.hits)
        self.skipped.extend(page.skipped)
        self.received += page.received

    @property
    def complete(self) -> bool:
        return self.received >= self.reported


@dataclass(frozen=True)
class DownloadedFile:
    document_id: str
    data: bytes
    suffix: str  # ".pdf", ".docx", ".doc", ".xlsx", ".xls", ...
    filename: str  # the server's name for it (Content-Disposition), or "" when it gives none


class ParliamentClient:
    def __init__(self, *, api_url: str, docs_url: str, timeout: float = 20.0, retries: int = 3,
                 backoff: float = 2.0, min_interval: float = 1.0, max_retry_wait: float = MAX_RETRY_WAIT,
                 transport: httpx.BaseTransport | None = None):
        if not api_url:
            raise SyncNotConfigured(_("Geen PARLIAMENT_API_URL ingesteld: de synchronisatie met het "
                                      "parlement staat uit."))
        self.api_url = api_url.rstrip("/")
        self.docs_url = (docs_url or api_url).rstrip("/")
        self.min_interval = min_interval
        self._last_request = 0.0
        # Jitter 0.5: each wait is 50-100 % of backoff * 2**attempt, so offices retrying together spread out.
        retry = Retry(total=retries, backoff_factor=backoff, backoff_jitter=0.5,
                      status_forcelist=RETRY_STATUSES, respect_retry_after_header=True,
                      max_backoff_wait=max_retry_wait)
        self._http = httpx.Client(timeout=timeout, follow_redirects=True,
                                  transport=RetryTransport(transport=transport or httpx.HTTPTransport(),
                                                           retry=retry),
                                  headers={"Accept": "application/json",
                                           "User-Agent": "svtracker (written-question tracker)"})

    @classmethod
    def from_settings(cls) -> ParliamentClient:
        return cls(api_url=settings.PARLIAMENT_API_URL, docs_url=settings.PARLIAMENT_DOCS_URL,
                   timeout=settings.PARLIAMENT_TIMEOUT, retries=settings.PARLIAMENT_RETRIES,
                   backoff=settings.PARLIAMENT_BACKOFF, min_interval=settings.PARLIAMENT_MIN_INTERVAL)

    def __enter__(self) -> ParliamentClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def search_questions(self, *, session: str, author_last_first: str = "") -> SearchResult:
        """Every hit of a session year's written questions, optionally of one member ("Naam, Voornaam").

        One query per session year keeps each under the server's limit (the largest session recorded had
        7,869 hits). Whether the server honours the member filter is unknown, so callers check each hit.
        The pages are read until as many results came as the server reported, an empty page, or the limit;
        a page that fails is said and skipped, the others are still read (only a failing first page, which
        carries the count, fails the search). ``SearchResult.complete`` says whether all arrived.
        """
        fields = WRITTEN_QUESTIONS + (f".vraagsteller:{author_last_first}" if author_last_first else "")
        result = SearchResult(query=f"+inmeta:zittingsjaar={session}&requiredfields={fields}")
        first = self._parsed(self._search_url(query=result.query, page=1), parse_search)
        result.reported = first.count
        result.add(first)
        for page_number in range(2, math.ceil(min(first.count, SERVER_LIMIT) / PAGE_SIZE) + 1):
            if result.complete:
                break
            try:
                page = self._parsed(self._search_url(query=result.query, page=page_number), parse_search)
            except ParliamentError as error:
                result.failed_pages.append(_("pagina %(page)d: %(error)s") % {"page": page_number,
                                                                               "error": error})
                continue
            result.add(page)
            if not page.received:
                break
        return result

    def _search_url(self, *, query: str, page: int) -> str:
        # The query lives in the path, "&requiredfields=" included (a search-appliance convention).
        return (f"{self.api_url}/api/search/query/{quote(query, safe='+:=&.,-')}"
                f"?collection=vp_collection&sort=date&max={PAGE_SIZE}&page={page}")

    def question_detail(self, parliament_id: str) -> QuestionDetail:
        """The detail, as JSON or (when the server answers so) XML."""
        return self._parsed(f"{self.api_url}/e/opendata/schv/{quote(parliament_id)}", parse_detail)

    def session_years(self) -> list[SessionYearSpan]:
        return self._parsed(f"{self.api_url}/e/opendata/zj/alle", parse_session_years)

    def current_members(self) -> tuple[list[MemberRecord], list[Skipped]]:
        return self._parsed(f"{self.api_url}/e/opendata/vv/huidige", parse_members)

    def download(self, document_id: str) -> DownloadedFile:
        """The file with this pfile id: a PDF, Word or Excel file (older questions are .doc/.docx); an error
        page or anything else is refused."""
        response = self._get(f"{self.docs_url}/files/pfile?id={quote(document_id)}")
        filename = _disposition_filename(response.headers.get("content-disposition", ""))
        suffix = _suffix_of(response.content, filename)
        if not suffix:
            raise ParliamentError(_("Document %(id)s van het parlement is geen PDF-, Word- of Excel-bestand "
                                    "(%(type)s).") % {"id": document_id,
                                                      "type": response.headers.get("content-type", "?")})
        return DownloadedFile(document_id=document_id, data=response.content, suffix=suffix,
                              filename=filename)

    def document_url(self, document_id: str) -> str:
        return f"{self.docs_url}/files/pfile?id={quote(document_id)}"

    def _parsed(self, url: str, parse):
        response = self._get(url)
        try:
            return parse(response.content)
        except UnexpectedResponse as error:
            raise ParliamentError(f"{error} ({url})") from error

    def _get(self, url: str) -> httpx.Response:
        self._wait_politely()
        try:
            response = self._http.get(url)
        except httpx.TimeoutException:
            problem = _("geen antwoord binnen de tijdslimiet")
        except httpx.TransportError as error:
            problem = _("verbinding mislukt (%(error)s)") % {"error": error}
        else:
            if response.status_code < 400:
                return response
            problem = _("HTTP-fout %(status)s") % {"status": response.status_code}
        finally:
            self._last_request = time.monotonic()
        log.warning("parliament: %s for %s", problem, url)
        raise ParliamentError(_("Het parlement antwoordde niet goed: %(problem)s (%(url)s)")
                              % {"problem": problem, "url": url})

    def _wait_politely(self) -> None:
        wait = self._last_request + self.min_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)


# Content-Disposition: attachment; filename="Bijlage 1.xlsx"
_FILENAME = re.compile(r"""filename\*?=(?:UTF-8'')?"?([^";]+)"?""", re.IGNORECASE)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc) and Excel 97-2003 (.xls)


def _disposition_filename(header: str) -> str:
    match = _FILENAME.search(header)
    return PurePath(match.group(1).strip()).name if match else ""


def _suffix_of(data: bytes, filename: str) -> str:
    """The file's type from its first bytes (the server's name decides between look-alikes)."""
    named = PurePath(filename).suffix.lower()
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"PK") and zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
        if any(name.startswith("word/") for name in names):
            return ".docx"
        if any(name.startswith("xl/") for name in names):
            return ".xlsx"
        return named or ".zip"
    if data.startswith(_OLE):
        return named if named in {".doc", ".xls"} else ".doc"
    return ""
