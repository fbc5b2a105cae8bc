"""A local stand-in for the parliament's open-data interface, serving recorded responses.

The JSON under tests/fixtures/parliament/ follows the interface's format (DOMAIN.md); the PDFs are made from
the seeds: question 123 (seed 004, answered), question 125 asked (the question part of seed 001 under the
parliament's usual header) and question 125 answered (seed 001 as published).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from werkzeug import Response

from tests.pdfmaker import seed_pdf_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "parliament"
SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
CLIENT_TIMEOUT = 0.5

Q125_HEADER = """SCHRIFTELIJKE VRAAG

nr. 125
van MAAIKE DE VREESE
datum: 26 januari 2024

aan GWENDOLYN RUTTEN
VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR,
BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN

"""


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def parliament_pdfs() -> dict[str, bytes]:
    """pfile id -> PDF bytes, made once per test session (WeasyPrint takes a moment)."""
    answered_125 = _seed("001")
    lines = answered_125.splitlines()
    signature = next(i for i, line in enumerate(lines) if line.strip() == "GWENDOLYN RUTTEN")
    return {
        "2038554": seed_pdf_bytes(_seed("004")),
        "2027001": seed_pdf_bytes(Q125_HEADER + "\n".join(lines[:signature]) + "\n"),
        "2041122": seed_pdf_bytes(answered_125),
    }


class FakeParliament:
    """Routes requests like ws.vlpar.be and docs.vlaamsparlement.be; faults can be switched on per path."""

    def __init__(self, server, pdfs: dict[str, bytes]):
        self.server = server
        self.pdfs = dict(pdfs)
        self.search_file = "search_2023-2024.json"
        self.details = {"1798949": "schv_1798949.json", "1798953": "schv_1798953.json",
                        "1799000": "schv_1799000.json"}
        self.faults: dict[str, str] = {}  # path pattern -> "timeout" | "500" | "malformed" | "not_pdf"
        self.requests: list[str] = []
        server.expect_request(re.compile(".*")).respond_with_handler(self.handle)

    @property
    def url(self) -> str:
        return self.server.url_for("").rstrip("/")

    def answer_question_125(self) -> None:
        """The minister answers: the search shows the answer date and a new PDF, the detail a new step."""
        self.search_file = "search_2023-2024_after_answer.json"
        self.details["1798953"] = "schv_1798953_after_answer.json"

    def fail(self, pattern: str, fault: str) -> None:
        self.faults[pattern] = fault

    def heal(self) -> None:
        self.faults.clear()

    def handle(self, request):
        target = request.full_path if request.query_string else request.path
        self.requests.append(target)
        for pattern, fault in self.faults.items():
            if re.search(pattern, target):
                if fault == "timeout":
                    time.sleep(CLIENT_TIMEOUT * 2)
                    return Response("te laat", status=200)
                if fault == "500":
                    return Response("Internal Server Error", status=500)
                if fault == "malformed":
                    return Response('{"count": 3, "result": [{"metatags": ', status=200,
                                    content_type="application/json")
                if fault == "broken_pdf":
                    return Response(b"%PDF-1.7\n% afgebroken download", content_type="application/pdf")
                if fault == "not_pdf":
                    return Response("<html><body>Onderhoud</body></html>", content_type="text/html")
        if request.path.startswith("/api/search/query/"):
            if "zittingsjaar=2023-2024" not in request.path:
                return self._json({"count": 0, "firstindex": 0, "lastindex": 0, "result": []})
            return self._page(json.loads((FIXTURES / self.search_file).read_text()), request)
        if match := re.fullmatch(r"/e/opendata/schv/(\d+)", request.path):
            name = self.details.get(match.group(1))
            return self._file(name) if name else Response("niet gevonden", status=404)
        if request.path == "/e/opendata/zj/alle":
            return self._file("zj_alle.json")
        if request.path == "/files/pfile":
            data = self.pdfs.get(request.args.get("id", ""))
            return Response(data, content_type="application/pdf") if data else Response("weg", status=404)
        return Response("onbekend pad", status=404)

    def _page(self, payload: dict, request):
        """Slice the recorded result list like the real search does with max= and page=."""
        size, page = int(request.args.get("max", 100)), int(request.args.get("page", 1))
        results = payload["result"][(page - 1) * size: page * size]
        first = (page - 1) * size + 1 if results else 0
        return self._json({**payload, "result": results, "firstindex": first,
                           "lastindex": first + len(results) - 1 if results else 0})

    def _file(self, name: str):
        return Response((FIXTURES / name).read_bytes(), content_type="application/json")

    @staticmethod
    def _json(payload: dict):
        return Response(json.dumps(payload), content_type="application/json")


@pytest.fixture
def parliament(httpserver, parliament_pdfs, settings):
    """The fake interface, with the settings pointing at it and a short timeout and no waiting."""
    fake = FakeParliament(httpserver, parliament_pdfs)
    settings.PARLIAMENT_API_URL = fake.url
    settings.PARLIAMENT_DOCS_URL = fake.url
    settings.PARLIAMENT_TIMEOUT = CLIENT_TIMEOUT
    settings.PARLIAMENT_RETRIES = 1
    settings.PARLIAMENT_MIN_INTERVAL = 0
    settings.PARLIAMENT_BACKOFF = 0
    return fake


@pytest.fixture
def following(office):
    """The office follows Maaike De Vreese (person id 4311 at the parliament)."""
    from svtracker.parliament.services import follow_member

    return follow_member(office=office, name="Maaike De Vreese", parliament_id="4311")
