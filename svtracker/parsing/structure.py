"""Sub-questions and answer parts: the numbered and lettered items of a question document.

Labels are only accepted in sequence (1, 2, 3 / a, b, c), which keeps table lines ("1.627 1.793") and
cross-references ("Zoals aangegeven in 1. is ...") out. A numbered item that restarts the count after the
sub-questions ("1-2.Van de personen ...", 003) is where an answer without an ANTWOORD line begins.
"""

from __future__ import annotations

import re

from .labels import Label, find_labels
from .reflow import reflow
from .spans import Span
from .text import squash
from .types import AnswerPart, SubQuestion

# "BIJLAGE" on a line of its own: an annex announced (004); the annex itself is a separate file.
ANNEX_LINE = re.compile(r"(?m)^[ \t]*BIJLAGEN?[ \t]*$")
ANNEX_MENTION = re.compile(r"\b[Zz]ie\s+(?:de\s+)?bijlage")


def _next_letter(letter: str | None) -> str:
    return "a" if letter is None else chr(ord(letter) + 1)


def read_sub_questions(text: str, start: int, end: int) -> tuple[str, list[SubQuestion], int | None]:
    """Explanation, sub-questions, and where an answer starts when the numbering restarts (003)."""
    accepted: list[tuple[str, Label]] = []
    number, letter = 0, None
    restart_at: int | None = None
    for label in find_labels(text, Span(start, end)):
        if label.numbers:
            if label.first == number + 1:
                number, letter = label.last, label.letter
                accepted.append((label.name(), label))
            elif number >= 1 and label.first == 1:
                restart_at = label.span.start
                break
        elif label.letter == _next_letter(letter):
            letter = label.letter
            accepted.append((label.name(parent=number or None), label))
    question_end = restart_at if restart_at is not None else end
    if not accepted:
        return squash(text[start:question_end]), [], restart_at
    explanation = squash(text[start : accepted[0][1].span.start])
    sub_questions = []
    for index, (name, label) in enumerate(accepted):
        item_end = accepted[index + 1][1].span.start if index + 1 < len(accepted) else question_end
        sub_questions.append(SubQuestion(label=name, text=squash(text[label.content : item_end])))
    return explanation, sub_questions, restart_at


def tidy_block(text: str) -> str:
    """Keep lines (tables are lines of words and numbers) but drop trailing spaces and extra blank lines."""
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_answer_parts(text: str, start: int, end: int) -> list[AnswerPart]:
    """Answer parts with the sub-question labels they cover: "1-2." -> ("1", "2"), "1. a)" -> ("1.a",)."""
    accepted: list[tuple[tuple[str, ...], Label]] = []
    highest, number, letter = 0, 0, None
    for label in find_labels(text, Span(start, end)):
        if label.numbers:
            if highest < label.first <= highest + 5 and label.last - label.first < 20:
                highest, number, letter = label.last, label.first, label.letter
                accepted.append((label.covered(), label))
        elif label.letter == _next_letter(letter):
            letter = label.letter
            accepted.append((label.covered(parent=number or None), label))
    parts: list[AnswerPart] = []
    preface_end = accepted[0][1].span.start if accepted else end
    preface = text[start:preface_end]
    if preface.strip():
        parts.append(AnswerPart(labels=(), text=reflow(preface), original=tidy_block(preface)))
    for index, (names, label) in enumerate(accepted):
        item_end = accepted[index + 1][1].span.start if index + 1 < len(accepted) else end
        block = text[label.content : item_end]
        parts.append(AnswerPart(labels=names, text=reflow(block), original=tidy_block(block)))
    return parts


def find_annex(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where the answer ends (before a "BIJLAGE" line) and whether an annex is announced."""
    annex = ANNEX_LINE.search(text, start, end)
    if annex:
        return annex.start(), True
    return end, ANNEX_MENTION.search(text, start, end) is not None
