"""A longer fuzz run of the hostile-input tests: `python bench/fuzz.py --examples N`.

Runs tests/hardening/test_fuzz.py with every property at N cases (CI runs a few hundred to 2000) against
the database DATABASE_URL names (pytest makes its own test database), and prints the cases tried per test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="cases per property (default 10000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="svt-fuzz-") as tmp:
        counts_file = Path(tmp) / "counts.json"
        env = {**os.environ, "FUZZ_EXAMPLES": str(args.examples), "FUZZ_COUNTS_FILE": str(counts_file)}
        env.setdefault("SECRET_KEY", "fuzz-only-secret")
        for name, value in (("DEBUG", "False"), ("SECURE_SSL_REDIRECT", "False"),
                            ("SESSION_COOKIE_SECURE", "False"), ("CSRF_COOKIE_SECURE", "False")):
            env.setdefault(name, value)
        run = subprocess.run([sys.executable, "-m", "pytest", "tests/hardening/test_fuzz.py", "-q"],
                             cwd=ROOT, env=env)
        counts = json.loads(counts_file.read_text()) if counts_file.exists() else {}
    print(json.dumps({"cases": counts, "total": sum(counts.values())}, indent=2))
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
