import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"number", "session", "date", "author", "minister", "title", "theme", "sub_questions", "answer_parts",
        "references", "promises", "warnings"}


def _run(*args):
    return subprocess.run([sys.executable, "manage.py", "parse_question", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_parse_question_prints_exactly_the_documented_keys(seed_files):
    done = _run(str(seed_files[0]), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == KEYS
    assert (result["number"], result["session"], result["date"], result["author"], result["minister"]) == \
           (362, "2021-2022", "2022-06-15", "Maaike De Vreese", "Bart Somers")


def test_unreadable_input_exits_1_with_one_line_and_no_traceback(tmp_path):
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing else")
    done = _run(str(broken), "--json")
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    missing = _run(str(tmp_path / "bestaat-niet.txt"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
