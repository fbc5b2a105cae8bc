"""Typed result of parsing one written-question document (no Django here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class SubQuestion:
    label: str  # as printed: "1", "2", "a", "1.a"
    text: str


@dataclass(frozen=True)
class AnswerPart:
    labels: tuple[str, ...]  # sub-question labels it covers: "1-2." -> ("1", "2"); () when unlabelled
    text: str  # reflowed into paragraphs (blank line between them); list items and table rows keep their line
    original: str = ""  # the lines as extracted, for "show the original text"


@dataclass(frozen=True)
class ReferenceMention:
    """A mention of an earlier written question, as written."""

    number: int | None  # None for "mijn vorige vraag van 28 april 2023"
    date: date | None
    session: str | None  # "2023-2024", explicit or derived from the date
    text: str  # the sentence it stands in
    in_answer: bool = False  # written by the minister (answer) rather than the member
    member: str | None = None  # who asked it, when named instead of a number ("van het lid Schonis")


@dataclass(frozen=True)
class PromiseProposal:
    """Data the minister held back, with when it should be available."""

    kind: str  # one of PROMISE_KINDS
    quote: str  # the sentence(s), verbatim
    expected: date | None
    # the rule that produced `expected`, in words (Dutch),
    # e.g. "zesmaandelijkse koppeling: 6 maanden na 2 oktober 2023"
    basis: str
    cue: str = ""  # the words that made it a promise, as printed: "nog niet beschikbaar"
    confidence: float = 0.0  # 0..1, from the cues that fired together
    # the earlier question whose answer made the promise, when the member quotes it in the explanation
    quoted_from: ReferenceMention | None = None


PROMISE_KINDS = (
    "link_not_refreshed",  # periodic data link (koppeling) not run again
    "provisional",  # figures under reserve, validation pending
    "still_growing",  # figures will still rise (late registrations)
    "not_registered",  # not registered yet / system being improved
    "evaluation",  # an evaluation is announced
    "available_from",  # figures available from a date or period
    "partial",  # part of the data is not in the figures yet
    "pending",  # other: "binnenkort", "nog niet bekend", ...
)


@dataclass(frozen=True)
class TableCell:
    """A cell as printed, its number read the Dutch way: "1.091" -> 1091, "44%" -> 44 "%", "12,5" -> 12.5."""

    text: str
    value: Decimal | None = None  # None when the cell is not a number
    unit: str = ""  # "%", "EUR", ... or ""


@dataclass(frozen=True)
class TableRow:
    label: str  # the row's first column ("Antwerpen", "2023"); "" when the row has none
    cells: tuple[TableCell, ...] = ()


@dataclass(frozen=True)
class ParsedTable:
    """A table of the answer, recognised in the lines of words and numbers a PDF flattens it into."""

    header: tuple[str, ...] = ()  # column headings, the row-label column included ("" when unnamed)
    rows: tuple[TableRow, ...] = ()
    caption: str = ""  # the line introducing it ("Tabel 1: ...") or ""
    answer_labels: tuple[str, ...] = ()  # labels of the answer part it stands in; () when unlabelled


@dataclass
class ParsedQuestion:
    number: int | None = None
    session: str | None = None  # "2023-2024"
    date: date | None = None  # date the question was asked
    author: str | None = None  # natural case: "Maaike De Vreese"
    minister: str | None = None  # natural case: "Bart Somers"
    minister_title: str | None = None  # function title as printed (capitals kept)
    title: str | None = None  # "Onderwerp - Subonderwerp"
    theme: str | None = None
    explanation: str = ""  # text between title and first sub-question
    sub_questions: list[SubQuestion] = field(default_factory=list)
    has_answer: bool = False
    answer_parts: list[AnswerPart] = field(default_factory=list)
    references: list[ReferenceMention] = field(default_factory=list)
    promises: list[PromiseProposal] = field(default_factory=list)
    tables: list[ParsedTable] = field(default_factory=list)  # tables of the answer, in order
    annex_announced: bool = False
    links: dict[str, str] = field(default_factory=dict)  # metadata lines: "pdf link", "thema link"
    warnings: list[str] = field(default_factory=list)
