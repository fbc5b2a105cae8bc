"""HTTP client for the parliament's open-data interface: search, question detail, session years, PDFs.

Polite by design: one request at a time with a minimum interval between them, a timeout on every request,
and retries with exponential backoff when the interface times out or answers 5xx. Every failure ends as a
:class:`ParliamentError` with one readable line, which the sync records and retries on its next run.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import quote

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from .responses import (
    QuestionDetail,
    SearchHit,
    SearchPage,
    SessionYearSpan,
    UnexpectedResponse,
    parse_detail,
    parse_search,
    parse_session_years,
)

log = logging.getLogger(__name__)

# At most 100 results a page (DOMAIN.md); a safety stop so a looping "lastindex" cannot run forever.
PAGE_SIZE = 100
MAX_PAGES = 60
# The filter that limits the search to written questions, as the parliament's own examples write it.
WRITTEN_QUESTIONS = ("paginatype:Parlementair document.aggregaat:Vraag of interpellatie"
                     ".initiatief:Schriftelijke vraag")


class ParliamentError(Exception):
    """The interface could not give what was asked (after retries); the message is one line for staff."""


class SyncNotConfigured(ParliamentError):
    pass


class ParliamentClient:
    def __init__(self, *, api_url: str, docs_url: str, timeout: float = 20.0, retries: int = 3,
                 backoff: float = 2.0, min_interval: float = 1.0,
                 transport: httpx.BaseTransport | None = None):
        if not api_url:
            raise SyncNotConfigured(_("Geen PARLIAMENT_API_URL ingesteld: de synchronisatie met het "
                                      "parlement staat uit."))
        self.api_url = api_url.rstrip("/")
        self.docs_url = (docs_url or api_url).rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.min_interval = min_interval
        self._last_request = 0.0
        self._http = httpx.Client(timeout=timeout, transport=transport, follow_redirects=True,
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

    def search_questions(self, *, session: str, author_last_first: str = "") -> list[SearchHit]:
        """All written questions of a session year, optionally of one asking member ("Naam, Voornaam")."""
        fields = WRITTEN_QUESTIONS + (f".vraagsteller:{author_last_first}" if author_last_first else "")
        query = f"+inmeta:zittingsjaar={session}&requiredfields={fields}"
        hits: list[SearchHit] = []
        for page_number in range(1, MAX_PAGES + 1):
            page = self._search_page(query=query, page=page_number)
            hits.extend(page.hits)
            if not page.has_more:
                break
        return hits

    def _search_page(self, *, query: str, page: int) -> SearchPage:
        # The query lives in the path, "&requiredfields=" included (a search-appliance convention).
        url = (f"{self.api_url}/api/search/query/{quote(query, safe='+:=&.,-')}"
               f"?collection=vp_collection&sort=date&max={PAGE_SIZE}&page={page}")
        return self._parsed(url, parse_search)

    def question_detail(self, parliament_id: str) -> QuestionDetail:
        return self._parsed(f"{self.api_url}/e/opendata/schv/{quote(parliament_id)}", parse_detail)

    def session_years(self) -> list[SessionYearSpan]:
        return self._parsed(f"{self.api_url}/e/opendata/zj/alle", parse_session_years)

    def document(self, document_id: str) -> bytes:
        """The PDF with this pfile id; anything that is not a PDF (an error page, ...) is refused."""
        response = self._get(f"{self.docs_url}/files/pfile?id={quote(document_id)}")
        if not response.content.startswith(b"%PDF"):
            raise ParliamentError(_("Document %(id)s van het parlement is geen PDF.") % {"id": document_id})
        return response.content

    def _parsed(self, url: str, parse):
        response = self._get(url)
        try:
            return parse(response.content)
        except UnexpectedResponse as error:
            raise ParliamentError(f"{error} ({url})") from error

    def _get(self, url: str) -> httpx.Response:
        for attempt in range(self.retries + 1):
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
                if response.status_code < 500:
                    break  # 4xx: asking again will not help
            if attempt < self.retries:
                delay = self.backoff * 2 ** attempt
                log.info("parliament: %s for %s, retry in %.1fs", problem, url, delay)
                time.sleep(delay)
        raise ParliamentError(_("Het parlement antwoordde niet goed: %(problem)s (%(url)s)")
                              % {"problem": problem, "url": url})

    def _wait_politely(self) -> None:
        wait = self._last_request + self.min_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request = time.monotonic()
