"""Sub-questions and answer parts: the numbered and lettered items of a question document.

Labels are only accepted in sequence (1, 2, 3 / a, b, c), which keeps table lines ("1.627 1.793") and
cross-references ("Zoals aangegeven in 1. is ...") out. A numbered item that restarts the count after the
sub-questions ("1-2.Van de personen ...", 003) is where an answer without an ANTWOORD line begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import squash
from .types import AnswerPart, SubQuestion

# A label at the start of a line:
#   "1. Kan de minister ..." (000)   "1. a) Van de personen ..." (001)   " 1-2.Van de personen ..." (003)
#   "4-5.Het rapportagesysteem ..." (003)   "a) graag een indeling ..." (004)
LINE_LABEL = re.compile(
    r"(?m)^[ \t]*(?:"
    r"(?P<num>\d{1,2})(?:[ \t]*-[ \t]*(?P<num2>\d{1,2}))?\.(?:[ \t]+|(?=[A-ZÀ-Þ]))(?:(?P<sub>[a-z])\)[ \t]+)?"
    r"|(?P<letter>[a-z])\)[ \t]+)"
)
# The same label inside a line, right after a sentence, as in text flattened by PDF extraction:
#   "... tot en met maart 2022. 1. Kan de minister een overzicht geven ..."
INLINE_LABEL = re.compile(
    r"(?<=[.?!:;])[ \t]+(?:"
    r"(?P<num>\d{1,2})(?:-(?P<num2>\d{1,2}))?\.[ \t]*(?:(?P<sub>[a-z])\)[ \t]+)?(?=[A-ZÀ-Þ])"
    r"|(?P<letter>[a-z])\)[ \t]+)"
)
# "BIJLAGE" on a line of its own: an annex announced (004); the annex itself is a separate file.
ANNEX_LINE = re.compile(r"(?m)^[ \t]*BIJLAGEN?[ \t]*$")
ANNEX_MENTION = re.compile(r"\b[Zz]ie\s+(?:de\s+)?bijlage")
MAX_LABELS = 2000


@dataclass(frozen=True)
class Label:
    first: int | None  # number, or None for a letter on its own
    last: int | None  # "1-2." -> first 1, last 2
    letter: str | None  # "a" in "a)" or "1. a)"
    start: int  # where the label starts
    content: int  # where the text after it starts
    inline: bool


# A label right where a part starts, e.g. after "van MAAIKE DE VREESE" in flattened text.
START_LABEL = re.compile(
    r"[ \t]*(?:"
    r"(?P<num>\d{1,2})(?:-(?P<num2>\d{1,2}))?\.[ \t]*(?:(?P<sub>[a-z])\)[ \t]+)?(?=[A-ZÀ-Þ])"
    r"|(?P<letter>[a-z])\)[ \t]+)"
)


def find_labels(text: str, start: int, end: int) -> list[Label]:
    labels: dict[int, Label] = {}
    while start < end and text[start] in " \t\n":
        start += 1
    for pattern, inline in ((LINE_LABEL, False), (START_LABEL, False), (INLINE_LABEL, True)):
        matches = (
            [pattern.match(text, start, end)]
            if pattern is START_LABEL
            else pattern.finditer(text, start, end)
        )
        for match in matches:
            if match is None:
                continue
            if len(labels) >= MAX_LABELS:
                break
            number = match.group("num")
            label = Label(
                first=int(number) if number else None,
                last=int(match.group("num2") or number) if number else None,
                letter=match.group("sub") or match.group("letter"),
                start=match.start() if not inline else match.start() + 1,
                content=match.end(),
                inline=inline,
            )
            labels.setdefault(label.start, label)
    return [labels[position] for position in sorted(labels)]


def _next_letter(letter: str | None) -> str:
    return "a" if letter is None else chr(ord(letter) + 1)


def read_sub_questions(text: str, start: int, end: int) -> tuple[str, list[SubQuestion], int | None]:
    """Explanation, sub-questions, and where an answer starts when the numbering restarts (003)."""
    accepted: list[tuple[str, Label]] = []
    number, letter = 0, None
    restart_at: int | None = None
    for label in find_labels(text, start, end):
        if label.first is not None:
            if label.first == number + 1 and label.last >= label.first:
                number, letter = label.last, label.letter
                name = str(label.first) if label.last == label.first else f"{label.first}-{label.last}"
                accepted.append((f"{name}.{label.letter}" if label.letter else name, label))
            elif number >= 1 and label.first == 1:
                restart_at = label.start
                break
        elif label.letter == _next_letter(letter):
            letter = label.letter
            accepted.append((f"{number}.{letter}" if number else letter, label))
    question_end = restart_at if restart_at is not None else end
    if not accepted:
        return squash(text[start:question_end]), [], restart_at
    explanation = squash(text[start : accepted[0][1].start])
    sub_questions = []
    for index, (name, label) in enumerate(accepted):
        item_end = accepted[index + 1][1].start if index + 1 < len(accepted) else question_end
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
    for label in find_labels(text, start, end):
        if label.first is not None:
            if (
                highest < label.first <= highest + 5
                and label.last >= label.first
                and label.last - label.first < 20
            ):
                if label.letter:
                    names: tuple[str, ...] = (f"{label.first}.{label.letter}",)
                else:
                    names = tuple(str(n) for n in range(label.first, label.last + 1))
                highest, number, letter = label.last, label.first, label.letter
                accepted.append((names, label))
        elif label.letter == _next_letter(letter):
            letter = label.letter
            accepted.append(((f"{number}.{letter}" if number else letter,), label))
    parts: list[AnswerPart] = []
    preface_end = accepted[0][1].start if accepted else end
    preface = tidy_block(text[start:preface_end])
    if preface:
        parts.append(AnswerPart(labels=(), text=preface))
    for index, (names, label) in enumerate(accepted):
        item_end = accepted[index + 1][1].start if index + 1 < len(accepted) else end
        parts.append(AnswerPart(labels=names, text=tidy_block(text[label.content : item_end])))
    return parts


def find_annex(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where the answer ends (before a "BIJLAGE" line) and whether an annex is announced."""
    annex = ANNEX_LINE.search(text, start, end)
    if annex:
        return annex.start(), True
    return end, ANNEX_MENTION.search(text, start, end) is not None
