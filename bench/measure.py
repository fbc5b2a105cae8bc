"""The five measurements; each returns a dict of figures that run.py writes to RESULTS.md.

Every measurement compares with what staff would use instead, in the same run: the Django admin for the
questions list, LibreOffice for the PDF. Figures are medians over `runs` repetitions.
"""

from __future__ import annotations

import io
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from bench.dataset import BENCH_DAY, Dataset

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


@contextmanager
def one_core():
    """Run on CPU 0 only (PostgreSQL keeps the other core): "documents per second on one core"."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


# --- questions list vs the Django admin -----------------------------------------------------------

@contextmanager
def counted_queries():
    """Counts every query on the default connection (Django's own query log stops at 9000)."""
    from django.db import connection

    counter = {"queries": 0}

    def count(execute, sql, params, many, context):
        counter["queries"] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield counter


def _timed_get(client, url: str, runs: int) -> tuple[float, int, int]:
    response = client.get(url)  # warm caches, templates, the connection
    assert response.status_code == 200, (url, response.status_code)
    samples, queries = [], []
    for _ in range(runs):
        with counted_queries() as counter:
            start = time.perf_counter()
            response = client.get(url)
            samples.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(counter["queries"])
    return _median_ms(samples), max(queries), len(response.content)


def questions_list(ds: Dataset, runs: int) -> dict:
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    staff, admin = Client(), Client()
    staff.force_login(User.objects.get(username=ds.staff_username))
    admin.force_login(User.objects.get(username=ds.superuser))
    ours = reverse("questions:list")
    changelist = reverse("admin:questions_question_changelist") + f"?office__id__exact={ds.office_id}"
    result = {"rows_total": ds.questions, "rows_office": ds.office_questions, "pages": {}}
    page = max(1, min(40, ds.office_questions // 25))  # our pages hold 25 rows, the admin's 100
    admin_page = (page * 25 + 99) // 100
    pages = {
        "first page": (ours, changelist),
        f"sorted by title, page {page}": (ours + f"?sort=title&page={page}",
                                          changelist + f"&o=6&p={admin_page}"),
        "search 'provincie'": (ours + "?q=provincie", changelist + "&q=provincie"),
        "promise-keeping, all ministers": (reverse("scorecard:overview"), changelist),  # issue 12
    }
    for name, (svt_url, admin_url) in pages.items():
        svt_ms, svt_queries, _size = _timed_get(staff, svt_url, runs)
        admin_ms, admin_queries, _size = _timed_get(admin, admin_url, runs)
        result["pages"][name] = {"svtracker_ms": svt_ms, "svtracker_queries": svt_queries,
                                 "admin_ms": admin_ms, "admin_queries": admin_queries,
                                 "ratio": round(svt_ms / admin_ms, 2) if admin_ms else None}
    first = result["pages"]["first page"]
    result["target_met"] = all(p["ratio"] is not None and p["ratio"] <= 0.5 and p["svtracker_queries"] <= 10
                               for p in result["pages"].values())
    result["first"] = first
    return result


# --- the draft PDF vs LibreOffice -----------------------------------------------------------------

FOLLOW_UP_QUESTIONS = [
    "Hoeveel inburgeraars schreven zich in 2023 in bij VDAB, per provincie en per maand?",
    "Hoeveel van hen hadden op het moment van inschrijving een contract als werknemer?",
    "Hoeveel inburgeraars volgden een traject Nederlands als tweede taal, per niveau?",
    "Hoeveel trajecten werden voortijdig stopgezet, en om welke redenen?",
    "Wat is de stand van zaken van de zesmaandelijkse koppeling met de gegevens van VDAB?",
    "Wanneer wordt de finale validering van de cijfers van 2023 verwacht?",
    "Hoeveel personen meldden zich aan binnen de termijn van drie maanden?",
    "Welke aanpassingen aan de KBI zijn intussen uitgevoerd, en welke zijn nog lopende?",
    "Hoeveel cursussen op afstand werden in 2023 georganiseerd, per agentschap?",
    "Wat zijn de resultaten van de evaluatie van het digitaal lesgeven?",
    "Hoeveel inburgeraars behaalden een attest, per centrum?",
    "Hoeveel inburgeraars stonden eind 2023 op een wachtlijst, en hoe lang wachtten zij gemiddeld?",
]
INTRODUCTION = (
    "In opvolging van mijn schriftelijke vraag nr. 8 van 2 oktober 2023 en mijn schriftelijke vraag "
    "nr. 125 van 26 januari 2024 over de verplichte inschrijving bij VDAB wil ik graag de cijfers die toen "
    "nog niet beschikbaar waren. De minister antwoordde: \"Deze gegevens halen we uit de zesmaandelijkse "
    "koppeling met data van VDAB. Sinds het antwoord op uw SV 8 van 2 oktober 2023 is er geen nieuwe "
    "koppeling meer gebeurd.\" Ook werd gezegd: \"De finale validering van de cijfers van 2023 moet nog "
    "gebeuren. Deze cijfers zijn daarom onder voorbehoud.\""
)


def _follow_up_text() -> tuple[str, list[str], list[str]]:
    title = "Inburgeraars - Verplichte inschrijving bij VDAB (3)"
    paragraphs = [INTRODUCTION] * 4
    return title, paragraphs, FOLLOW_UP_QUESTIONS


def _odt_bytes(title: str, paragraphs: list[str], questions: list[str]) -> bytes:
    """A minimal OpenDocument text with the same content: what staff type in their word processor."""
    body = [f'<text:h text:outline-level="1">{escape(title)}</text:h>']
    body += [f"<text:p>{escape(p)}</text:p>" for p in paragraphs]
    body += [f"<text:p>{i}. {escape(q)}</text:p>" for i, q in enumerate(questions, 1)]
    body.append("<text:p>Graag deze gegevens in een Excel-bestand.</text:p>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        odt.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        odt.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def draft_pdf(ds: Dataset, runs: int) -> dict:
    from svtracker.accounts.models import Office
    from svtracker.drafts.models import Draft
    from svtracker.drafts.pdf import render_draft_pdf
    from svtracker.people.models import Member, Minister

    title, paragraphs, questions = _follow_up_text()
    office = Office.objects.get(pk=ds.office_id)
    draft = Draft(office=office, author=Member.objects.first(), minister=Minister.objects.first(),
                  minister_title="VLAAMS MINISTER VAN BINNENLANDS BESTUUR, BESTUURSZAKEN, INBURGERING EN "
                                 "GELIJKE KANSEN",
                  title=title, introduction="\n\n".join(paragraphs), questions=questions, excel_closing=True)
    pdf = render_draft_pdf(draft=draft, on=BENCH_DAY)  # warm: fonts, templates
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        pdf = render_draft_pdf(draft=draft, on=BENCH_DAY)
        samples.append(time.perf_counter() - start)
    result = {"svtracker_ms": _median_ms(samples), "svtracker_pages": _pages(pdf)}

    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    if soffice is None:
        result.update(libreoffice="not measured: LibreOffice is not installed "
                                  "(apt-get install -y libreoffice-writer-nogui)")
        return result
    with tempfile.TemporaryDirectory(prefix="svt-bench-lo-") as tmp:
        source = Path(tmp) / "vervolgvraag.odt"
        source.write_bytes(_odt_bytes(title, paragraphs, questions))
        command = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                   "--convert-to", "pdf", "--outdir", tmp, str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=180)  # first start makes the profile
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, timeout=180)
            samples.append(time.perf_counter() - start)
        lo_pdf = (Path(tmp) / "vervolgvraag.pdf").read_bytes()
    lo_ms = _median_ms(samples)
    result.update(libreoffice_ms=lo_ms, libreoffice_pages=_pages(lo_pdf),
                  speedup=round(lo_ms / result["svtracker_ms"], 1),
                  target_met=lo_ms / result["svtracker_ms"] >= 10)
    return result


# --- import ---------------------------------------------------------------------------------------

def _numbered_copies(count: int) -> list[tuple[str, str]]:
    """`count` different documents: the seeds with their own question number changed."""
    from svtracker.parsing import parse_text

    seeds = [(path.name, path.read_text()) for path in sorted(SEEDS.glob("*.txt"))]
    numbers = [parse_text(text).number for _name, text in seeds]
    copies = []
    for i in range(count):
        name, text = seeds[i % len(seeds)]
        new = 10_000 + i
        changed = re.sub(rf"(nr\.\s*){numbers[i % len(seeds)]}\b", lambda m, n=new: f"{m.group(1)}{n}", text)
        copies.append((f"{new}_{name}", changed))
    return copies


def imports(ds: Dataset, runs: int, text_documents: int, pdf_documents: int) -> dict:
    from svtracker.accounts.models import Office
    from svtracker.pipeline.services import import_documents
    from tests.pdfmaker import seed_pdf_bytes

    texts = [(name, text.encode()) for name, text in _numbered_copies(text_documents)]
    pdfs = [(name.replace(".txt", ".pdf"), seed_pdf_bytes(text))
            for name, text in _numbered_copies(pdf_documents)]
    result = {}
    for label, documents in (("text", texts), ("pdf", pdfs)):
        rates, statuses = [], {}
        for run in range(runs):
            office = Office.objects.create(name=f"Import {label} {run} {time.time_ns()}")
            with one_core():
                start = time.perf_counter()
                for outcomes in import_documents(office=office, files=documents):  # as import_questions does
                    for outcome in outcomes:  # one per question in the file
                        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
                elapsed = time.perf_counter() - start
            rates.append(len(documents) / elapsed)
        result[label] = {"documents": len(documents), "per_second": round(statistics.median(rates), 1),
                         "statuses": statuses}
    result["target_met"] = result["text"]["per_second"] >= 200
    return result


# --- the daily reminder scan ----------------------------------------------------------------------

def reminder_scan(ds: Dataset, runs: int) -> dict:
    from svtracker.celery import app as celery_app
    from svtracker.promises.models import Promise
    from svtracker.reminders.models import Digest, Reminder
    from svtracker.reminders.services import run_reminders

    # Enqueueing a digest is what the scan does; sending it is the worker's job, not measured here.
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = "memory://"
    open_promises = Promise.objects.filter(status__in=Promise.OPEN_STATUSES).count()

    def scan(on):
        with counted_queries() as counter:
            start = time.perf_counter()
            result = run_reminders(on=on)
            elapsed = time.perf_counter() - start
        Digest.objects.filter(date=on).update(status=Digest.Status.SENT)  # the worker sent them
        return elapsed, counter["queries"], len(result.new_reminders), len(result.digests)

    first_seconds, first_queries, first_new, _digests = scan(BENCH_DAY)
    samples, queries, new = [], [], []
    day = BENCH_DAY
    for _ in range(runs):
        day += timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        seconds, count, created, _digests = scan(day)
        samples.append(seconds)
        queries.append(count)
        new.append(created)
    daily = statistics.median(samples)
    return {"promises": Promise.objects.count(), "open_promises": open_promises,
            "first_scan_s": round(first_seconds, 2), "first_scan_queries": first_queries,
            "first_scan_reminders": first_new, "daily_scan_s": round(daily, 2),
            "daily_scan_queries": max(queries), "daily_reminders": int(statistics.median(new)),
            "reminder_rows": Reminder.objects.count(), "target_met": daily < 2}


# --- gunicorn under wrk ---------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _session_cookie(username: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    user = User.objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _parse_wrk(output: str) -> dict:
    def number(pattern, default=0.0):
        found = re.search(pattern, output)
        return float(found.group(1)) if found else default

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {"requests_per_second": number(r"Requests/sec:\s+([\d.]+)"),
            "requests": int(number(r"(\d+) requests in")),
            "non_2xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
            "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
            "latency_p50": (re.search(r"^[ \t]+50%[ \t]+(\S+)", output, re.M) or [None, "?"])[1],
            "latency_p99": (re.search(r"^[ \t]+99%[ \t]+(\S+)", output, re.M) or [None, "?"])[1]}


def under_load(ds: Dataset, seconds: int, env: dict) -> dict:
    from django.urls import reverse

    wrk = shutil.which("wrk")
    if wrk is None:
        return {"skipped": "not measured: wrk is not installed (apt-get install -y wrk)"}
    port = _free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log = tempfile.NamedTemporaryFile(prefix="svt-bench-gunicorn-", suffix=".log", delete=False)
    server = subprocess.Popen(
        [str(gunicorn), "svtracker.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    staff_cookie, admin_cookie = _session_cookie(ds.staff_username), _session_cookie(ds.superuser)
    base = f"http://127.0.0.1:{port}"
    targets = {
        "dashboard": (reverse("dashboard"), staff_cookie),
        "questions list": (reverse("questions:list"), staff_cookie),
        "admin changelist (comparison)": (reverse("admin:questions_question_changelist")
                                          + f"?office__id__exact={ds.office_id}", admin_cookie),
    }
    result = {"workers": 2, "seconds": seconds, "pages": {}}
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/accounts/login/", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(Path(log.name).read_text()) from None
                time.sleep(0.3)
        for name, (path, cookie) in targets.items():
            request = urllib.request.Request(base + path, headers={"Cookie": cookie})
            with _no_redirects().open(request, timeout=30) as response:  # logged in: 200, not a redirect
                assert response.status == 200, (name, response.status)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)  # finished children: wrk, not gunicorn
            output = subprocess.run(
                [wrk, "-t2", "-c8", f"-d{seconds}s", "--latency", "-H", f"Cookie: {cookie}", base + path],
                check=True, capture_output=True, text=True, timeout=seconds + 60).stdout
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            wrk_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            # The share of the machine's cores wrk itself used: it competes with gunicorn and PostgreSQL.
            result["pages"][name] = {**_parse_wrk(output),
                                     "wrk_cpu_percent": round(100 * wrk_cpu / seconds / os.cpu_count())}
    finally:
        server.terminate()
        server.wait(timeout=30)
        Path(log.name).unlink(missing_ok=True)
    measured = [result["pages"][name] for name in ("dashboard", "questions list")]
    result["target_met"] = all(p["requests_per_second"] >= 150 and p["non_2xx"] == 0
                               and p["socket_errors"] == 0 for p in measured)
    return result


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise urllib.error.HTTPError(req.full_url, code, f"redirected to {newurl}", headers, fp)


def _no_redirects():
    return urllib.request.build_opener(_RefuseRedirects)
