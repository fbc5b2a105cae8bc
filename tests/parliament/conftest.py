"""A local stand-in for the parliament's open-data interface, serving recorded responses.

The responses under tests/fixtures/parliament/ have the shapes shared/OPENDATA.md describes: search hits that
are files (question, answer, "bijlage"), one malformed hit, the detail of 123 in the XML form, `vraagnummer`,
offsets without a colon, the members list. The documents are made from the seeds: question 123 (seed 004,
answered), question 125 asked (the question part of seed 001 under the parliament's usual header) and 125
answered (seed 001 as published); the annexes are a small Excel workbook and a PDF.
"""

from __future__ import annotations

import io
import json
import re
import threading
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


def workbook_bytes(rows: list[tuple]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def parliament_pdfs() -> dict[str, bytes]:
    """pfile id -> file bytes, made once per test session (WeasyPrint takes a moment)."""
    answered_125 = _seed("001")
    lines = answered_125.splitlines()
    signature = next(i for i, line in enumerate(lines) if line.strip() == "GWENDOLYN RUTTEN")
    return {
        "2038554": seed_pdf_bytes(_seed("004")),
        "2027001": seed_pdf_bytes(Q125_HEADER + "\n".join(lines[:signature]) + "\n"),
        "2041122": seed_pdf_bytes(answered_125),
        # Annexes: the figures asked for, as Excel, and a PDF note.
        "2038560": workbook_bytes([("Provincie", "Inburgeraars 2023"), ("Antwerpen", 4120),
                                   ("Oost-Vlaanderen", 2310)]),
        "2038561": seed_pdf_bytes("Bijlage 2 bij vraag nr. 123\n\nToelichting bij de cijfers per provincie."),
        "2041130": workbook_bytes([("Maand", "Inschrijvingen"), ("januari", 310), ("februari", 295)]),
    }


CONTENT_TYPES = {b"%PDF": "application/pdf", b"PK": "application/octet-stream"}
# What the server calls a file in Content-Disposition, where it does.
FILENAMES = {"2038560": "Inburgeraars per provincie.xlsx"}


class FakeParliament:
    """Routes requests like ws.vlpar.be and docs.vlaamsparlement.be; faults can be switched on per path."""

    def __init__(self, server, pdfs: dict[str, bytes]):
        self.server = server
        self.pdfs = dict(pdfs)
        self.search_file = "search_2023-2024.json"
        # 123's detail comes as XML, as the server answers clients that do not ask for JSON.
        self.details = {"1798949": "schv_1798949.xml", "1798953": "schv_1798953.json",
                        "1799000": "schv_1799000.json"}
        self.faults: dict[str, str] = {}  # path pattern -> "timeout" | "500" | "malformed" | "not_pdf" | ...
        self.fault_times: dict[str, int] = {}  # path pattern -> how many more times it fails (absent: always)
        self.honours_member_filter = True
        self.cut_after: int | None = None  # a server that stops handing out hits after this many
        self.requests: list[str] = []
        self.release = threading.Event()  # ends a "block" fault
        server.expect_request(re.compile(".*")).respond_with_handler(self.handle)

    @property
    def url(self) -> str:
        return self.server.url_for("").rstrip("/")

    def answer_question_125(self) -> None:
        """The minister answers: the search shows the answer date and a new PDF, the detail a new step."""
        self.search_file = "search_2023-2024_after_answer.json"
        self.details["1798953"] = "schv_1798953_after_answer.json"

    def fail(self, pattern: str, fault: str, times: int | None = None) -> None:
        self.faults[pattern] = fault
        if times is not None:
            self.fault_times[pattern] = times

    def heal(self) -> None:
        self.faults.clear()
        self.fault_times.clear()

    def _fault_for(self, target: str) -> str | None:
        for pattern, fault in list(self.faults.items()):
            if re.search(pattern, target):
                if pattern in self.fault_times:
                    self.fault_times[pattern] -= 1
                    if self.fault_times[pattern] < 0:
                        continue
                return fault
        return None

    def handle(self, request):
        target = request.full_path if request.query_string else request.path
        self.requests.append(target)
        fault = self._fault_for(target)
        if fault == "timeout":
            time.sleep(CLIENT_TIMEOUT * 2)
            return Response("te laat", status=200)
        if fault == "block":
            self.release.wait(10)
        if fault in ("500", "503"):
            return Response("Internal Server Error", status=int(fault))
        if fault == "429":
            return Response("Too Many Requests", status=429, headers={"Retry-After": "3"})
        if fault == "429_no_header":
            return Response("Too Many Requests", status=429)
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
            payload = json.loads((FIXTURES / self.search_file).read_text())
            author = re.search(r"vraagsteller:([^.&]+)", request.path)
            if author and self.honours_member_filter:
                # An unreadable hit comes through anyway.
                payload["result"] = [hit for hit in payload["result"]
                                     if _tag(hit, "vraagsteller") in (author[1], None)]
                payload["count"] = len(payload["result"])
            return self._page(payload, request)
        if match := re.fullmatch(r"/e/opendata/schv/(\d+)", request.path):
            name = self.details.get(match.group(1))
            return self._file(name) if name else Response("niet gevonden", status=404)
        if request.path == "/e/opendata/zj/alle":
            return self._file("zj_alle.json")
        if request.path == "/e/opendata/vv/huidige":
            return self._file("vv_huidige.json")
        if request.path == "/files/pfile":
            file_id = request.args.get("id", "")
            data = self.pdfs.get(file_id)
            if not data:
                return Response("weg", status=404)
            headers = {"Content-Disposition": f'attachment; filename="{FILENAMES[file_id]}"'} \
                if file_id in FILENAMES else {}
            return Response(data, content_type=CONTENT_TYPES.get(data[:4], CONTENT_TYPES.get(data[:2])),
                            headers=headers)
        return Response("onbekend pad", status=404)

    def _page(self, payload: dict, request):
        """Slice the recorded result list like the real search does with max= and page=; the count stays."""
        size, page = int(request.args.get("max", 100)), int(request.args.get("page", 1))
        if self.cut_after is not None:
            payload["result"] = payload["result"][:self.cut_after]
        results = payload["result"][(page - 1) * size: page * size]
        first = (page - 1) * size + 1 if results else 0
        return self._json({**payload, "result": results, "firstindex": first,
                           "lastindex": first + len(results) - 1 if results else 0})

    def _file(self, name: str):
        kind = "application/xml;charset=UTF-8" if name.endswith(".xml") else "application/json;charset=UTF-8"
        return Response((FIXTURES / name).read_bytes(), content_type=kind)

    @staticmethod
    def _json(payload: dict):
        return Response(json.dumps(payload), content_type="application/json")


def _tag(hit: dict, name: str) -> str | None:
    tags = hit.get("metatags", {}).get("metatag")
    return next((t["value"] for t in tags if t["name"] == name), "") if isinstance(tags, list) else None


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
    """The office follows Maaike De Vreese (person id 4394 at the parliament)."""
    from svtracker.parliament.services import follow_member

    return follow_member(office=office, name="Maaike De Vreese", parliament_id="4394")
