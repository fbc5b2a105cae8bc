"""The development corpus: every fixture is well formed, and the tiny scorer run (CI) works end to end.

The full figures come from `python bench/parse_accuracy.py` (docs/corpus.md). MINIMUM_TINY_ACCURACY holds
the floors the tiny run must keep; raise them as the parser improves, never above what it reaches.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.parse_accuracy import CORPUS_DIR, FIELDS, load_corpus, render, run, validate_fixture

SEED_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"

# Percentages the tiny run (`--tiny`, fixtures with `tiny: true` plus two seeds) must reach, per corpus.
# Field names as in bench/parse_accuracy.py; "promise_recall" and "promise_precision" for promises.
MINIMUM_TINY_ACCURACY = {
    "corpus": {
        "number": 80.0,
        "date": 30.0,
        "session": 30.0,
        "sub_questions": 25.0,
        "references": 60.0,
    },
    "seeds": {
        "number": 100.0,
        "date": 100.0,
        "session": 100.0,
        "author": 100.0,
        "minister": 100.0,
        "title": 100.0,
        "sub_questions": 100.0,
        "answer_parts": 100.0,
        "references": 100.0,
        "promise_recall": 100.0,
        "promise_precision": 100.0,
    },
}


def fixture_ids() -> list[str]:
    return sorted(path.stem for path in CORPUS_DIR.glob("*.yaml"))


@pytest.fixture(scope="module")
def tiny_report() -> dict:
    return run(tiny=True)


@pytest.fixture(scope="module")
def cases() -> dict:
    return {case.id: case for case in load_corpus()}


def test_corpus_has_at_least_thirty_questions(cases):
    assert sum(len(case.questions) for case in cases.values()) >= 30


def test_every_text_has_its_labels_and_every_label_file_its_text():
    texts = {path.stem for path in CORPUS_DIR.glob("*.txt")}
    assert texts == set(fixture_ids())


@pytest.mark.parametrize("fixture_id", fixture_ids())
def test_fixture_has_a_source_and_valid_labels(fixture_id):
    data = yaml.safe_load((CORPUS_DIR / f"{fixture_id}.yaml").read_text(encoding="utf-8"))
    assert validate_fixture(fixture_id, data) == []


@pytest.mark.parametrize("fixture_id", fixture_ids())
def test_promise_phrases_occur_in_the_text(cases, fixture_id):
    """A phrase that is not in the document can never be matched: a typo in the labels, not a parser miss."""
    case = cases[fixture_id]
    flat = " ".join(case.text.split())
    for question in case.questions:
        for promise in question.get("promises") or []:
            assert " ".join(promise["phrase"].split()) in flat, promise["phrase"]


def test_no_fixture_is_a_copy_of_a_seed(cases):
    seeds = [" ".join(path.read_text(encoding="utf-8").split()) for path in sorted(SEED_DIR.glob("*.txt"))]
    assert seeds
    for case in cases.values():
        flat = " ".join(case.text.split())
        assert all(flat[:400] not in seed for seed in seeds), case.id


def test_tiny_run_parses_everything_without_crashing(tiny_report):
    assert tiny_report["corpus"]["files"] >= 3
    assert tiny_report["seeds"]["files"] >= 1
    assert tiny_report["corpus"]["crashes"] == 0
    assert tiny_report["seeds"]["crashes"] == 0
    assert "== failures" in render(tiny_report)


@pytest.mark.parametrize("corpus", sorted(MINIMUM_TINY_ACCURACY))
def test_tiny_run_keeps_its_floors(tiny_report, corpus):
    summary = tiny_report[corpus]
    for name, floor in MINIMUM_TINY_ACCURACY[corpus].items():
        if name == "promise_recall":
            reached = summary["promises"]["recall_percent"]
        elif name == "promise_precision":
            reached = summary["promises"]["precision_percent"]
        else:
            assert name in FIELDS, name
            reached = summary["fields"][name]["percent"]
        assert reached is not None and reached >= floor, (corpus, name, reached, floor)


def test_scorer_reports_wrong_labels_and_counts_promises(tmp_path):
    """A labels file that disagrees with seed 003 shows up as failures; its two real promises are recalled."""
    (seed,) = sorted(SEED_DIR.glob("003_*.txt"))
    (tmp_path / "probe.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    labels = {
        "source": {"url": "https://example.org/probe", "corpus": "pages"},
        "parliament": "Vlaams Parlement",
        "kind": "full",
        "expected": {
            "number": 999,
            "date": "2016-09-13",
            "session": "2015-2016",
            "author": "Ward Kennes",
            "minister": "Liesbeth Homans",
            "title": "Inburgeringsattest - Resultaatsverbintenis",
            "sub_questions": ["1", "2", "3", "4", "5"],
            "answer_parts": [["1", "2"], ["3"], ["4", "5"]],
            "references": [],
            "promises": [
                {"phrase": "Het registratiesysteem laat momenteel nog niet toe", "expected": "2016-12"},
                {"phrase": "wordt momenteel verbeterd", "expected": None},
                {"phrase": "a sentence that is not in the text", "expected": None},
            ],
        },
    }
    (tmp_path / "probe.yaml").write_text(yaml.safe_dump(labels, allow_unicode=True), encoding="utf-8")
    report = run(corpus_dir=tmp_path, only="probe")
    corpus = report["corpus"]
    assert corpus["fields"]["number"]["right"] == 0
    assert corpus["fields"]["date"]["right"] == 1
    failures = [(f["field"], f["expected"]) for f in report["failures"] if f["corpus"] == "corpus"]
    assert ("number", 999) in failures
    assert ("promise", "a sentence that is not in the text") in failures
    assert corpus["promises"]["expected"] == 3
    assert corpus["promises"]["recalled"] == 2
    assert report["seeds"]["files"] == 0


def test_a_crash_the_parser_swallows_is_still_counted(tmp_path, monkeypatch):
    """parse_questions turns its own exception into a 'crashed' warning; the scorer lists it as a crash."""
    import svtracker.parsing.document as document

    (seed,) = sorted(SEED_DIR.glob("003_*.txt"))
    (tmp_path / "probe.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    labels = {
        "source": {"url": "https://example.org/probe", "corpus": "pages"},
        "parliament": "Vlaams Parlement",
        "kind": "answer_only",
        "expected": {"number": 1, "promises": []},
    }
    (tmp_path / "probe.yaml").write_text(yaml.safe_dump(labels, allow_unicode=True), encoding="utf-8")

    def broken(*args, **kwargs):
        raise ZeroDivisionError("probe")

    monkeypatch.setattr(document, "_parse", broken)
    report = run(corpus_dir=tmp_path, only="probe")
    assert report["corpus"]["crashes"] == 1
    crashes = [f for f in report["failures"] if f["field"] == "crash"]
    assert crashes and "ZeroDivisionError" in crashes[0]["got"]


def test_markdown_table_shows_a_baseline_beside_the_run(tiny_report):
    """`--markdown --baseline` puts an earlier report's figures next to this run's, per corpus."""
    from bench.parse_accuracy import render_markdown

    table = render_markdown(tiny_report, tiny_report, ("before", "after"))
    lines = table.splitlines()
    assert lines[0] == "| field | corpus, before | corpus, after | seeds, before | seeds, after |"
    assert any(line.startswith("| promises | recall ") for line in lines)
    assert len(render_markdown(tiny_report).splitlines()[0].split("|")) == 5
