"""The benchmark command keeps working: a tiny run writes a RESULTS file with every section.

Timings are not asserted (CI machines differ); only that each measurement ran and was reported. The
benchmark measures the production database and fills it with PostgreSQL's own SQL: on the SQLite pass the
test asserts that it says so instead of running.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

from bench.dataset import database_url_for
from bench.run import SECTIONS

ROOT = Path(__file__).resolve().parents[2]


def test_tiny_benchmark_run_writes_results_with_every_section(tmp_path):
    if connection.vendor == "sqlite":
        sqlite_url = f"sqlite:///{tmp_path / 'b.sqlite3'}"
        command = [sys.executable, "bench/run.py", "--size", "tiny", "--output", str(tmp_path / "R.md")]
        run = subprocess.run(command, cwd=ROOT, env={**os.environ, "DATABASE_URL": sqlite_url},
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 2 and "DATABASE_URL must name a PostgreSQL server" in run.stderr, run.stderr
        assert not (tmp_path / "R.md").exists()
        return
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    server = f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/postgres"
    output = tmp_path / "RESULTS.md"
    # What bench/parse_accuracy.py wrote into the last results stays; the measured sections are new.
    output.write_text("# old\n\n## Import\n\nold figures\n\n## Parse accuracy\n\n| field | 100 % |\n")
    run = subprocess.run(
        [sys.executable, "bench/run.py", "--size", "tiny", "--output", str(output),
         "--database-url", database_url_for(server, f"svt_bench_ci_{uuid.uuid4().hex[:8]}")],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": server}, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr

    text = output.read_text()
    assert "old figures" not in text and text.endswith("## Parse accuracy\n\n| field | 100 % |\n")
    for section in SECTIONS:
        assert f"## {section}" in text, section
    assert "nproc: " in text and "RAM: " in text and "Produced by `python bench/run.py --size tiny`" in text
    figures = json.loads(output.with_suffix(".json").read_text())
    assert figures["questions_list"]["pages"]["first page"]["svtracker_queries"] > 0
    assert figures["questions_list"]["pages"]["first page"]["admin_ms"] > 0
    assert figures["draft_pdf"]["svtracker_pages"] >= 1
    assert "libreoffice_ms" in figures["draft_pdf"] or "not measured" in figures["draft_pdf"]["libreoffice"]
    assert figures["imports"]["text"]["statuses"].get("imported") == figures["imports"]["text"]["documents"]
    assert figures["imports"]["pdf"]["statuses"].get("imported") == figures["imports"]["pdf"]["documents"]
    assert figures["reminder_scan"]["first_scan_reminders"] > 0
    load = figures["under_load"]
    assert "skipped" in load or all(p["requests"] > 0 and p["non_2xx"] == 0 for p in load["pages"].values())
