"""svtracker's benchmarks: `python bench/run.py [--size tiny|full]` writes bench/RESULTS.md.

It creates its own PostgreSQL database (svt_bench_data on the server DATABASE_URL names, dropped and
recreated each run), fills it, and measures the questions list against the Django admin, the draft PDF
against LibreOffice, the import rate, the daily reminder scan, and gunicorn under wrk. The tiny size runs
in CI (tests/bench) so the command keeps working; only the full size says anything about speed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZES = {
    "tiny": {"questions": 600, "promises_per_question": 2, "runs": 3, "text_documents": 20,
             "pdf_documents": 3, "wrk_seconds": 1},
    "full": {"questions": 100_000, "promises_per_question": 10, "runs": 7, "text_documents": 1000,
             "pdf_documents": 60, "wrk_seconds": 10},
}
SECTIONS = ["Machine", "Questions list", "Draft PDF", "Import", "Daily reminder scan", "Under load",
            "Before and after"]


def _environment(database_url: str, media_root: Path) -> dict:
    """Production settings (DEBUG off, manifest static files) on loopback without TLS; no broker, no mail."""
    return {**os.environ, "DATABASE_URL": database_url, "DEBUG": "False",
            "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "SECURE_SSL_REDIRECT": "False", "SESSION_COOKIE_SECURE": "False", "CSRF_COOKIE_SECURE": "False",
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost", "REDIS_URL": "", "EMAIL_URL": "dummymail://",
            "MEDIA_ROOT": str(media_root), "LOG_LEVEL": "ERROR", "SVTRACKER_LOG_LEVEL": "ERROR",
            "CONN_MAX_AGE": "60", "DJANGO_SETTINGS_MODULE": "svtracker.settings"}


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gib": round(memory_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "postgresql": postgres or "?",
            "kernel": platform.release()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"),
                        help="database to (re)create; default: svt_bench_data on DATABASE_URL's server")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--keep-database", action="store_true", help="do not drop the database afterwards")
    args = parser.parse_args(argv)
    size = SIZES[args.size]

    from bench import dataset

    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not base.startswith("postgres"):
        parser.error("DATABASE_URL must name a PostgreSQL server")
    url = args.database_url or dataset.database_url_for(base, "svt_bench_data")
    out = ROOT / "bench" / "out"
    env = _environment(url, out / f"media-{os.getpid()}")
    os.environ.update(env)

    started = time.monotonic()
    print(f"bench ({args.size}): database {url.rsplit('/', 1)[-1]}", flush=True)
    dataset.recreate_database(url)
    try:
        results = _measure(args.size, size, env)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep_database:
            dataset.drop_database(url)
    results["duration_s"] = round(time.monotonic() - started)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    previous = args.output.read_text() if args.output.exists() else ""
    args.output.write_text(report(results) + kept_sections(previous))
    (args.output.with_suffix(".json")).write_text(json.dumps(results, indent=2, default=str))
    print(f"wrote {args.output} in {results['duration_s']} s", flush=True)
    return 0


def _measure(size_name: str, size: dict, env: dict) -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    from bench import dataset, measure

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    start = time.monotonic()
    ds = dataset.populate(questions=size["questions"], promises_per_question=size["promises_per_question"])
    results = {"size": size_name, "date": datetime.now().astimezone().isoformat(timespec="seconds"),
               "machine": machine(), "runs": size["runs"],
               "dataset": {**ds.__dict__, "seconds_to_create": round(time.monotonic() - start, 1)}}
    steps = [
        ("questions_list", lambda: measure.questions_list(ds, size["runs"])),
        ("draft_pdf", lambda: measure.draft_pdf(ds, size["runs"])),
        ("imports", lambda: measure.imports(ds, max(1, size["runs"] // 2), size["text_documents"],
                                            size["pdf_documents"])),
        ("reminder_scan", lambda: measure.reminder_scan(ds, size["runs"])),
        ("under_load", lambda: measure.under_load(ds, size["wrk_seconds"], env)),
    ]
    for name, step in steps:
        print(f"  {name} ...", flush=True)
        start = time.monotonic()
        results[name] = step()
        print(f"  {name}: {time.monotonic() - start:.0f} s", flush=True)
    return results


def _verdict(met) -> str:
    return "target met" if met else "target missed"


def report(r: dict) -> str:
    m, ds = r["machine"], r["dataset"]
    lines = [
        "# svtracker benchmarks",
        "",
        f"Produced by `python bench/run.py --size {r['size']}` on {r['date']} in {r['duration_s']} s. "
        f"Figures are medians of {r['runs']} runs unless said otherwise.",
        "",
        "## Machine",
        "",
        f"- nproc: {m['nproc']}; CPU: {m['cpu']}; RAM: {m['ram_gib']} GiB",
        f"- Python {m['python']}, {m['postgresql']}, Linux {m['kernel']}",
        f"- data: {ds['questions']:,} questions ({ds['office_questions']:,} in the measured office), "
        f"{ds['promises']:,} promises, created in {ds['seconds_to_create']} s",
        "",
    ]
    q = r["questions_list"]
    lines += [
        "## Questions list",
        "",
        "svtracker's questions page (25 rows a page) against the Django admin changelist (100 rows a page) "
        "over the same office's questions, logged in as staff and as a superuser; in-process test client, "
        "production settings. Target: at most half the admin's time and at most 10 queries.",
        "",
        "| page | svtracker ms | queries | admin ms | queries | svtracker / admin |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, p in q["pages"].items():
        lines.append(f"| {name} | {p['svtracker_ms']} | {p['svtracker_queries']} | {p['admin_ms']} | "
                     f"{p['admin_queries']} | {p['ratio']} |")
    lines += ["", f"Result: {_verdict(q['target_met'])}.", ""]

    d = r["draft_pdf"]
    lines += [
        "## Draft PDF",
        "",
        "A two-page follow-up question rendered by svtracker (drafts.pdf.render_draft_pdf, WeasyPrint) "
        "against `libreoffice --headless --convert-to pdf` of the same text as an .odt (what staff do in a "
        "word processor today; each conversion is one LibreOffice start, as from a script). "
        "Target: 10x faster.",
        "",
        f"- svtracker: {d['svtracker_ms']} ms ({d['svtracker_pages']} pages)",
    ]
    if "libreoffice_ms" in d:
        lines += [f"- LibreOffice: {d['libreoffice_ms']} ms ({d['libreoffice_pages']} pages)",
                  f"- svtracker is {d['speedup']}x faster: {_verdict(d['target_met'])}."]
    else:
        lines.append(f"- LibreOffice: {d['libreoffice']}")
    lines.append("")

    i = r["imports"]
    lines += [
        "## Import",
        "",
        "import_document on distinct documents (the seeds with their question number changed), one process "
        "pinned to one core (PostgreSQL on the other). Each run imports into a fresh office. Target: 200 "
        "text documents per second.",
        "",
        f"- text: {i['text']['per_second']} documents/s over {i['text']['documents']} documents "
        f"({i['text']['statuses']})",
        f"- PDF: {i['pdf']['per_second']} documents/s over {i['pdf']['documents']} documents "
        f"({i['pdf']['statuses']})",
        f"- {_verdict(i['target_met'])}.",
        "",
    ]
    s = r["reminder_scan"]
    lines += [
        "## Daily reminder scan",
        "",
        "reminders.services.run_reminders over every office, digests queued (sending is the worker's job). "
        "The first scan finds everything outstanding; the daily figure is the scan of the following working "
        "days. Target: under 2 s, queries independent of the number of promises.",
        "",
        f"- promises: {s['promises']:,} ({s['open_promises']:,} open)",
        f"- first scan: {s['first_scan_s']} s, {s['first_scan_queries']} queries, "
        f"{s['first_scan_reminders']:,} reminders recorded",
        f"- daily scan: {s['daily_scan_s']} s, {s['daily_scan_queries']} queries, "
        f"{s['daily_reminders']:,} new reminders a day",
        f"- {_verdict(s['target_met'])}.",
        "",
    ]
    u = r["under_load"]
    lines += ["## Under load", ""]
    if "skipped" in u:
        lines += [f"- {u['skipped']}", ""]
    else:
        lines += [
            f"gunicorn with {u['workers']} sync workers on 127.0.0.1, `wrk -t2 -c8 -d{u['seconds']}s` with a "
            "logged-in session cookie (each page checked to answer 200, not a redirect to the login page). "
            "wrk's CPU: the share of all cores wrk itself used, not left to gunicorn and PostgreSQL. "
            "Target: 150 requests/s and no errors on the dashboard and the questions list.",
            "",
            "| page | requests/s | requests | latency p50 | p99 | non-2xx/3xx | socket errors | wrk's CPU |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, p in u["pages"].items():
            lines.append(f"| {name} | {p['requests_per_second']} | {p['requests']} | {p['latency_p50']} | "
                         f"{p['latency_p99']} | {p['non_2xx']} | {p['socket_errors']} | "
                         f"{p.get('wrk_cpu_percent', '?')}% |")
        lines += ["", f"Result: {_verdict(u['target_met'])}.", ""]
    history = (ROOT / "bench" / "history.md").read_text().strip()
    lines += ["## Before and after", "", history, ""]
    return "\n".join(lines)


# Written by other tools (bench/parse_accuracy.py --markdown): a new run keeps them as they were.
KEPT_SECTIONS = ("## Parse accuracy",)


def kept_sections(previous: str) -> str:
    """The sections of the previous RESULTS.md that this script does not measure, each to the next heading."""
    kept = []
    for heading in KEPT_SECTIONS:
        start = previous.find(f"\n{heading}\n")
        if start >= 0:
            end = previous.find("\n## ", start + 1)
            kept.append(previous[start:end if end >= 0 else None].rstrip() + "\n")
    return "".join(kept)


if __name__ == "__main__":
    sys.exit(main())
