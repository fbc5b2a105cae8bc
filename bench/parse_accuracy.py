"""Parse accuracy: run svtracker.parsing over the development corpus and the seeds, score it per field.

    python bench/parse_accuracy.py [--tiny] [--corpus DIR] [--json] [--only TEXT] [--parser DIR]

The corpus (tests/fixtures/corpus/) holds real answers to written questions: `<id>.txt` as the text was
found and `<id>.yaml` with its source and hand-made labels (docs/corpus.md). The seeds' expectations are
the ones tests/parsing/test_seeds.py asserts. Fields scored per question: number, date, session, author,
minister, title (exact after collapsing whitespace), sub-question labels and answer-part labels (the
whole list in order, plus how many labels were found), references (number and date), and promises
(a proposal matches an expected promise when the expected phrase occurs in its quote; recall = matched
expected / expected, precision = matched proposals / proposals; the expected month is checked on matches).
A field listed under `unscored` is left out (e.g. answer parts of an answer that has no labels at all).
A file with several questions (a Bulletin van Vragen en Antwoorden page) has `questions:` in its labels;
the parser's results are matched to them by number, else in order.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS_DIR = ROOT / "tests" / "fixtures" / "corpus"

SCALAR_FIELDS = ("number", "date", "session", "author", "minister", "title")
LIST_FIELDS = ("sub_questions", "answer_parts", "references")
FIELDS = SCALAR_FIELDS + LIST_FIELDS
LABEL_KEYS = set(FIELDS) | {"promises", "note", "unscored"}
FILE_KEYS = {"source", "parliament", "year", "kind", "tiny", "note", "expected", "questions"}
KINDS = {"full", "answer_only", "question_only", "fragment", "bulletin"}
TINY_SEEDS = ("000", "003")


# ---------------------------------------------------------------- loading


@dataclass
class Case:
    """One file to parse and the questions expected in it."""

    id: str
    corpus: str  # "corpus" or "seeds"
    text: str
    questions: list[dict]
    meta: dict = field(default_factory=dict)


def _iso(value) -> str | None:
    """YAML reads 2024-01-26 as a date and 2024-01 as a string; both become ISO strings."""
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def normalize_labels(labels: dict) -> dict:
    """Fixture labels in the comparison form: ISO dates, answer-part labels as lists of strings."""
    out = dict(labels)
    out["date"] = _iso(labels.get("date"))
    if labels.get("sub_questions") is not None:
        out["sub_questions"] = [str(label) for label in labels["sub_questions"]]
    if labels.get("answer_parts") is not None:
        out["answer_parts"] = [[str(x) for x in part] for part in labels["answer_parts"]]
    if labels.get("references") is not None:
        out["references"] = [
            {"number": ref.get("number"), "date": _iso(ref.get("date"))} for ref in labels["references"]
        ]
    if labels.get("promises") is not None:
        out["promises"] = [
            {"phrase": p["phrase"], "expected": _iso(p.get("expected"))} for p in labels["promises"]
        ]
    return out


def validate_fixture(fixture_id: str, data: dict) -> list[str]:
    """Problems with one fixture's YAML (empty when valid): a source, a parliament and well-formed labels."""
    problems = []
    if not isinstance(data, dict):
        return [f"{fixture_id}: not a mapping"]
    unknown = set(data) - FILE_KEYS
    if unknown:
        problems.append(f"{fixture_id}: unknown keys {sorted(unknown)}")
    source = data.get("source")
    if not isinstance(source, dict) or not str(source.get("url", "")).startswith("http"):
        problems.append(f"{fixture_id}: source.url missing")
    elif source.get("corpus") not in {"pages", "code", "docs", "issues"}:
        problems.append(f"{fixture_id}: source.corpus must be pages, code, docs or issues")
    elif source.get("corpus") == "code" and not (source.get("repository") and source.get("path")):
        problems.append(f"{fixture_id}: a code-corpus source needs repository and path")
    if not data.get("parliament"):
        problems.append(f"{fixture_id}: parliament missing")
    if data.get("kind") not in KINDS:
        problems.append(f"{fixture_id}: kind must be one of {sorted(KINDS)}")
    if ("expected" in data) == ("questions" in data):
        problems.append(f"{fixture_id}: exactly one of expected (one question) or questions (several)")
        return problems
    questions = data["questions"] if "questions" in data else [data["expected"]]
    if not isinstance(questions, list) or not questions:
        return problems + [f"{fixture_id}: questions must be a non-empty list"]
    for index, labels in enumerate(questions):
        where = f"{fixture_id}[{index}]"
        if not isinstance(labels, dict):
            problems.append(f"{where}: labels must be a mapping")
            continue
        unscored = labels.get("unscored") or []
        if not set(unscored) <= set(FIELDS):
            problems.append(f"{where}: unscored lists unknown fields {sorted(set(unscored) - set(FIELDS))}")
        missing = set(FIELDS) - set(labels) - set(unscored)
        if missing:
            problems.append(f"{where}: fields not labelled (use null when absent): {sorted(missing)}")
        unknown = set(labels) - LABEL_KEYS
        if unknown:
            problems.append(f"{where}: unknown label keys {sorted(unknown)}")
        if labels.get("number") is not None and not isinstance(labels["number"], int):
            problems.append(f"{where}: number must be an integer or null")
        date = _iso(labels.get("date"))
        if date is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
            problems.append(f"{where}: date must be ISO (YYYY-MM-DD) or null")
        session = labels.get("session")
        if session is not None and not re.fullmatch(r"\d{4}-\d{4}", str(session)):
            problems.append(f"{where}: session must look like 2023-2024 or be null")
        for key in ("sub_questions", "answer_parts", "references", "promises"):
            if labels.get(key) is not None and not isinstance(labels[key], list):
                problems.append(f"{where}: {key} must be a list or null")
        for part in labels.get("answer_parts") or []:
            if not isinstance(part, list):
                problems.append(f"{where}: each answer part is a list of labels ([] when unlabelled)")
        for ref in labels.get("references") or []:
            if not isinstance(ref, dict) or "number" not in ref or "date" not in ref:
                problems.append(f"{where}: each reference has number and date (null when absent)")
        for promise in labels.get("promises") or []:
            if not isinstance(promise, dict) or not promise.get("phrase"):
                problems.append(f"{where}: each promise has a phrase")
                continue
            expected = _iso(promise.get("expected"))
            if expected is not None and not re.fullmatch(r"\d{4}-\d\d", expected):
                problems.append(f"{where}: promise expected is a month, YYYY-MM, or null")
    return problems


def load_corpus(directory: Path = CORPUS_DIR, *, tiny: bool = False) -> list[Case]:
    cases = []
    for text_path in sorted(directory.glob("*.txt")):
        labels_path = text_path.with_suffix(".yaml")
        try:
            data = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise ValueError(f"{labels_path}: {error}") from error
        if tiny and not data.get("tiny"):
            continue
        questions = data["questions"] if "questions" in data else [data["expected"]]
        meta = {k: v for k, v in data.items() if k not in {"expected", "questions"}}
        cases.append(
            Case(
                id=text_path.stem,
                corpus="corpus",
                text=text_path.read_text(encoding="utf-8"),
                questions=[normalize_labels(q) for q in questions],
                meta=meta,
            )
        )
    return cases


def load_seeds(*, tiny: bool = False) -> list[Case]:
    """The five seeds with the expectations of tests/parsing/test_seeds.py (imported, not copied)."""
    from tests.parsing.conftest import seed_text
    from tests.parsing.test_seeds import EXPECTED

    cases = []
    for prefix, expected in sorted(EXPECTED.items()):
        if tiny and prefix not in TINY_SEEDS:
            continue
        labels = {key: expected[key] for key in SCALAR_FIELDS}
        labels["sub_questions"] = [label for label, _ in expected["sub_questions"]]
        labels["answer_parts"] = [list(labels_) for labels_, _ in expected["answer_parts"]]
        labels["references"] = [{"number": r["number"], "date": r["date"]} for r in expected["references"]]
        labels["promises"] = [
            {"phrase": quote, "expected": date[:7] if date else None}
            for _, quote, date in expected["promises"]
        ]
        cases.append(Case(id=f"seed-{prefix}", corpus="seeds", text=seed_text(prefix), questions=[labels]))
    return cases


# ---------------------------------------------------------------- parsing


def use_parser(directory: Path) -> None:
    """Score the svtracker.parsing package in `directory` (an older commit's copy, say), not this tree's."""
    import importlib.util

    init = Path(directory) / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        "svtracker.parsing", init, submodule_search_locations=[str(Path(directory))]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["svtracker.parsing"] = module
    spec.loader.exec_module(module)


class SwallowedCrash(Exception):
    """The parser caught its own exception and returned a 'crashed' warning: still a crash to report."""


def crash_detail(parsing, text: str, warning: str) -> str:
    """The real exception behind a swallowed crash, when the private parse can be called to show it."""
    document = getattr(parsing, "document", None)
    inner = getattr(document, "_parse", None)
    if callable(inner):
        try:
            inner(text, getattr(parsing, "DEFAULT_INTERVAL_MONTHS", 3))
        except Exception as error:  # the exception the public function swallowed
            return f"{type(error).__name__}: {error}"
    return str(warning)


def parse_all(text: str) -> list[dict]:
    """The parser's results for one file as to_json dicts: several when the parser splits the file.

    A result carrying a warning with code 'crashed' (the parser swallowed its own exception) raises
    SwallowedCrash, so it is counted and listed as a crash like an exception would be.
    """
    import svtracker.parsing as parsing

    parsed = None
    for name in ("parse_questions", "parse_many", "parse_all", "parse_texts"):
        many = getattr(parsing, name, None)
        if callable(many):
            parsed = list(many(text))
            break
    if parsed is None:
        parsed = [parsing.parse_text(text)]
    for result in parsed:
        for warning in getattr(result, "warnings", None) or []:
            if getattr(warning, "code", None) == "crashed":
                raise SwallowedCrash(crash_detail(parsing, text, warning))
    return [parsing.to_json(result) for result in parsed]


def squash(value) -> str | None:
    """Whitespace collapsed, so a title broken over two lines or with a double-spaced dash compares equal."""
    if value is None:
        return None
    return re.sub(r"\s+", " ", str(value)).strip() or None


def got_fields(result: dict) -> dict:
    """The scored fields of one parser result, in the fixtures' comparison form."""
    return {
        "number": result.get("number"),
        "date": result.get("date"),
        "session": result.get("session"),
        "author": squash(result.get("author")),
        "minister": squash(result.get("minister")),
        "title": squash(result.get("title")),
        "sub_questions": [str(sub.get("label")) for sub in result.get("sub_questions") or []],
        "answer_parts": [
            [str(x) for x in part.get("labels") or []] for part in result.get("answer_parts") or []
        ],
        "references": [
            {"number": r.get("number"), "date": r.get("date")} for r in result.get("references") or []
        ],
        "promises": [
            {"quote": squash(p.get("quote")) or "", "expected": p.get("expected")}
            for p in result.get("promises") or []
        ],
    }


def pair_results(expected: list[dict], results: list[dict]) -> list[dict | None]:
    """For each expected question the parser result standing for it (by number, else by position) or None."""
    if len(expected) == 1:
        return [results[0] if results else None]
    paired: list[dict | None] = [None] * len(expected)
    free = list(range(len(results)))
    for i, labels in enumerate(expected):
        for j in free:
            if labels.get("number") is not None and results[j].get("number") == labels["number"]:
                paired[i] = results[j]
                free.remove(j)
                break
    for i in range(len(expected)):
        if paired[i] is None and free and i < len(results) and i in free:
            paired[i] = results[i]
            free.remove(i)
    return paired


# ---------------------------------------------------------------- scoring


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)

    def ratio(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class Score:
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    items: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in LIST_FIELDS})
    extra_items: Counter = field(default_factory=Counter)  # items given that no label expects
    promises_expected: int = 0
    promises_matched: int = 0
    proposals: int = 0
    proposals_matched: int = 0
    promise_dates: Tally = field(default_factory=Tally)
    files: int = 0
    questions: int = 0
    crashes: int = 0
    failures: list[dict] = field(default_factory=list)

    def summary(self) -> dict:
        def pct(value):
            return None if value is None else round(100 * value, 1)

        recall = self.promises_matched / self.promises_expected if self.promises_expected else None
        precision = self.proposals_matched / self.proposals if self.proposals else None
        return {
            "files": self.files,
            "questions": self.questions,
            "crashes": self.crashes,
            "fields": {
                name: {"right": t.right, "total": t.total, "percent": pct(t.ratio())}
                for name, t in self.fields.items()
            },
            "items_found": {
                name: {
                    "found": t.right,
                    "expected": t.total,
                    "extra": self.extra_items[name],
                    "percent": pct(t.ratio()),
                }
                for name, t in self.items.items()
            },
            "promises": {
                "expected": self.promises_expected,
                "recalled": self.promises_matched,
                "recall_percent": pct(recall),
                "proposals": self.proposals,
                "proposals_matched": self.proposals_matched,
                "precision_percent": pct(precision),
                "dates_right": self.promise_dates.right,
                "dates_checked": self.promise_dates.total,
            },
        }


def _items_found(expected: list, got: list) -> int:
    """How many expected items the parser found (multiset intersection, order ignored)."""
    key = json.dumps
    return sum((Counter(map(key, expected)) & Counter(map(key, got))).values())


def score_question(
    score: Score, case_id: str, labels: dict, result: dict | None, all_proposals: list
) -> None:
    got = got_fields(result) if result is not None else None
    score.questions += 1
    if got is None:  # every field counts as wrong, reported once
        score.failures.append(
            {"id": case_id, "field": "question", "expected": "a result for it", "got": "none"}
        )
    for name in FIELDS:
        if name in (labels.get("unscored") or []):
            continue
        want = labels.get(name)
        if name in ("author", "minister", "title"):
            want = squash(want)
        have = None if got is None else got[name]
        if name in LIST_FIELDS:
            want = want or []
            found = _items_found(want, have or [])
            score.items[name].total += len(want)
            score.items[name].right += found
            score.extra_items[name] += len(have or []) - found
        ok = got is not None and want == have
        score.fields[name].add(ok)
        if not ok and got is not None:
            score.failures.append({"id": case_id, "field": name, "expected": want, "got": have})
    for promise in labels.get("promises") or []:
        phrase = squash(promise["phrase"])
        score.promises_expected += 1
        hit = next((p for p in all_proposals if phrase and phrase in p["quote"]), None)
        if hit is None:
            score.failures.append({"id": case_id, "field": "promise", "expected": phrase, "got": None})
            continue
        score.promises_matched += 1
        if promise.get("expected"):
            ok = (hit["expected"] or "")[:7] == promise["expected"]
            score.promise_dates.add(ok)
            if not ok:
                score.failures.append(
                    {
                        "id": case_id,
                        "field": "promise_date",
                        "expected": f"{promise['expected']} for {phrase[:60]!r}",
                        "got": hit["expected"],
                    }
                )


def score_case(score: Score, case: Case) -> None:
    score.files += 1
    try:
        results = parse_all(case.text)
    except Exception as error:  # a crash is a result to report, not a reason to stop
        score.crashes += 1
        score.failures.append(
            {"id": case.id, "field": "crash", "expected": None, "got": f"{type(error).__name__}: {error}"}
        )
        results = []
    proposals = [p for result in results for p in got_fields(result)["promises"]]
    phrases = [squash(p["phrase"]) for q in case.questions for p in q.get("promises") or []]
    score.proposals += len(proposals)
    matched = [p for p in proposals if any(ph and ph in p["quote"] for ph in phrases)]
    score.proposals_matched += len(matched)
    for p in proposals:
        if p not in matched:
            score.failures.append(
                {"id": case.id, "field": "promise_extra", "expected": None, "got": p["quote"]}
            )
    pairs = zip(case.questions, pair_results(case.questions, results), strict=True)
    for position, (labels, result) in enumerate(pairs, start=1):
        qid = case.id if len(case.questions) == 1 else f"{case.id}#{position}"
        score_question(score, qid, labels, result, proposals)


def run(*, tiny: bool = False, corpus_dir: Path = CORPUS_DIR, only: str = "") -> dict:
    """Score both corpora; returns {"corpus": summary, "seeds": summary, "failures": [...], ...}."""
    started = time.perf_counter()
    report: dict = {"tiny": tiny, "corpus_dir": str(corpus_dir)}
    failures = []
    for name, cases in (("corpus", load_corpus(corpus_dir, tiny=tiny)), ("seeds", load_seeds(tiny=tiny))):
        score = Score()
        for case in (case for case in cases if only in case.id):
            score_case(score, case)
        report[name] = score.summary()
        failures += [{"corpus": name, **failure} for failure in score.failures]
    report["failures"] = failures
    report["seconds"] = round(time.perf_counter() - started, 2)
    return report


# ---------------------------------------------------------------- output


def _short(value, width: int = 90) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def render(report: dict) -> str:
    lines = []
    for name in ("corpus", "seeds"):
        s = report[name]
        lines.append(f"== {name}: {s['files']} files, {s['questions']} questions, {s['crashes']} crashes")
        for field_name, t in s["fields"].items():
            extra = ""
            if field_name in s["items_found"]:
                i = s["items_found"][field_name]
                extra = f"   (items found {i['found']}/{i['expected']}, extra {i['extra']})"
            percent = "-" if t["percent"] is None else f"{t['percent']:5.1f}%"
            lines.append(f"  {field_name:<14} {percent:>7}  {t['right']}/{t['total']}{extra}")
        p = s["promises"]
        recall = "-" if p["recall_percent"] is None else f"{p['recall_percent']:.1f}%"
        precision = "-" if p["precision_percent"] is None else f"{p['precision_percent']:.1f}%"
        lines.append(
            f"  promises       recall {recall} ({p['recalled']}/{p['expected']}), "
            f"precision {precision} ({p['proposals_matched']}/{p['proposals']}), "
            f"dates {p['dates_right']}/{p['dates_checked']}"
        )
    lines.append(f"== failures ({len(report['failures'])})")
    for f in report["failures"]:
        lines.append(
            f"  [{f['corpus']}] {f['id']:<28} {f['field']:<14} expected {_short(f['expected'])}"
            f"\n  {'':<44} got      {_short(f['got'])}"
        )
    lines.append(f"({report['seconds']} s)")
    return "\n".join(lines)


FIELD_TITLES = {
    "number": "number",
    "date": "date",
    "session": "session",
    "author": "author",
    "minister": "minister",
    "title": "title",
    "sub_questions": "sub-question labels",
    "answer_parts": "answer-part labels",
    "references": "references",
}


def _cell(summary: dict, field_name: str) -> str:
    t = summary["fields"][field_name]
    text = ("-" if t["percent"] is None else f"{t['percent']} %") + f" ({t['right']}/{t['total']})"
    if field_name in summary["items_found"]:
        i = summary["items_found"][field_name]
        text += f", items {i['found']}/{i['expected']}" + (f" +{i['extra']}" if i["extra"] else "")
    return text


def _promise_cell(summary: dict) -> str:
    p = summary["promises"]
    recall = "-" if p["recall_percent"] is None else f"{p['recall_percent']} %"
    precision = "-" if p["precision_percent"] is None else f"{p['precision_percent']} %"
    return (
        f"recall {recall} ({p['recalled']}/{p['expected']}), precision {precision} "
        f"({p['proposals_matched']}/{p['proposals']}), dates {p['dates_right']}/{p['dates_checked']}"
    )


def render_markdown(
    report: dict, baseline: dict | None = None, labels: tuple[str, str] = ("before", "now")
) -> str:
    """A Markdown table of the figures, per corpus; with `baseline` (an earlier --json report) side by side.

    "+n" after the items counts the items the parser gave that no label expects.
    """
    runs = [(labels[0], baseline), (labels[1], report)] if baseline else [(labels[1], report)]
    columns = [(name, label, r[name]) for name in ("corpus", "seeds") for label, r in runs]
    lines = [
        "| field | " + " | ".join(f"{name}, {label}" for name, label, _ in columns) + " |",
        "|---|" + "---|" * len(columns),
    ]
    for field_name, title in FIELD_TITLES.items():
        lines.append(f"| {title} | " + " | ".join(_cell(s, field_name) for *_, s in columns) + " |")
    lines.append("| promises | " + " | ".join(_promise_cell(s) for *_, s in columns) + " |")
    lines.append(
        "| files / questions / crashes | "
        + " | ".join(f"{s['files']} / {s['questions']} / {s['crashes']}" for *_, s in columns)
        + " |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tiny", action="store_true", help="a handful of documents (fixtures with tiny: true)"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="corpus directory")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--only", default="", help="only the documents whose id contains this text")
    parser.add_argument(
        "--parser",
        type=Path,
        help="score the parsing package in this directory instead (e.g. an older commit)",
    )
    parser.add_argument("--markdown", action="store_true", help="print the figures as a Markdown table")
    parser.add_argument(
        "--baseline", type=Path, help="with --markdown: an earlier --json report to show beside this run"
    )
    parser.add_argument(
        "--labels", nargs=2, default=("before", "now"), metavar=("BASELINE", "NOW"), help="column labels"
    )
    args = parser.parse_args(argv)
    if args.parser:
        use_parser(args.parser)
    report = run(tiny=args.tiny, corpus_dir=args.corpus, only=args.only)
    try:
        if args.markdown:
            baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
            print(render_markdown(report, baseline, tuple(args.labels)))
        elif args.json:
            print(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            print(render(report))
    except BrokenPipeError:  # piped into head
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
