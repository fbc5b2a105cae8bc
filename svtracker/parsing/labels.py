"""Labels of sub-questions and answer parts as a typed value: numbers (one, a range, a list) and a letter.

One grammar serves sub-questions, answer parts, the alignment of the two and the drafts. As printed:
    "1."  "1)"  "8, 9."  "1-2."  "3 en 4."  "1. a)"  "a)"  "(b)"
    "Vraag 3 en 5" / "Antwoord 2 en 3" (Tweede Kamer)
at the start of a line, alone on its line (today's PDFs: "1." newline, text on the next line), after a
sentence, a closing parenthesis or a colon, or inside text flattened to one line.
The strings stored with a sub-question ("1", "1-2", "1.a", "a") and an answer part (("1", "2")) stay as they
were: `Label.name` and `Label.covered` give them, `parse_label` and `covers` read them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .spans import Span

_NUMBER = r"\d{1,2}(?!\d|[.,]\d)"
# "1", "1-2", "1 - 3", "8, 9", "3 en 4", "1, 2 en 3"
_NUMBERS = rf"(?P<numbers>{_NUMBER}(?:[ \t]*(?:[-–,&]|en|tot(?:[ \t]+en[ \t]+met)?)[ \t]*{_NUMBER}){{0,6}})"
_AFTER = r"(?:[ \t]*\n[ \t]*|[ \t]+|(?=[A-ZÀ-Þ„“‘\"(]))"  # text follows on the same line or the next
_LETTER_ITEM = r"\(?(?P<letter>[a-z])\)"

# A label at the start of a line: "1. Kan ...", "1-2.Van ...", "8, 9.\nDe ...", "1. a) Van ...", "a) graag"
LINE_LABEL = re.compile(
    rf"(?m)^[ \t]*(?:{_NUMBERS}(?:\.\)|[.)]){_AFTER}(?:\(?(?P<sub>[a-z])\)[ \t\n]+)?|{_LETTER_ITEM}{_AFTER})"
)
# The same label inside a line after a sentence, a parenthesis or a colon (flattened text):
#   "... tot en met maart 2022. 1. Kan de minister ..."   "... volgende vragen: 1. Hoeveel ..."
INLINE_LABEL = re.compile(
    rf"(?<=[.?!:;)])[ \t]+(?:{_NUMBERS}\.[ \t]*(?:\(?(?P<sub>[a-z])\)[ \t]+)?(?=[A-ZÀ-Þ„“‘\"])"
    rf"|{_LETTER_ITEM}[ \t]+)"
)
# The Tweede Kamer prints "Vraag 1" / "Antwoord 1 en 2" on a line of their own.
# Lists of questions print "Antwoord op vraag 1:"; pages built from them "• Vraag 1".
WORD_LABEL = re.compile(
    r"(?m)^[ \t]*(?:[•●][ \t]*)?(?P<word>Vraag|Antwoord)(?:[ \t]+op[ \t]+vraag)?"
    rf"[ \t]+{_NUMBERS}[ \t]*:?[ \t]*$"
)


@dataclass(frozen=True)
class Label:
    """A printed label: `numbers` (1, 2 for "1-2."; () for a letter alone) and an optional `letter`."""

    numbers: tuple[int, ...] = ()
    letter: str | None = None
    span: Span = Span(0, 0)  # the label as printed
    content: int = 0  # where the text after it starts
    inline: bool = False  # found inside a line (flattened text) rather than at a line start

    @property
    def first(self) -> int | None:
        return self.numbers[0] if self.numbers else None

    @property
    def last(self) -> int | None:
        return self.numbers[-1] if self.numbers else None

    def name(self, parent: int | None = None) -> str:
        """The sub-question label string: "1", "1-2", "1.a", "a" (or "2.a" under sub-question 2)."""
        if not self.numbers:
            return f"{parent}.{self.letter}" if parent else (self.letter or "")
        if len(self.numbers) == 1:
            base = str(self.numbers[0])
        elif self.numbers == tuple(range(self.numbers[0], self.numbers[-1] + 1)):
            base = f"{self.numbers[0]}-{self.numbers[-1]}"
        else:
            base = ",".join(str(number) for number in self.numbers)
        return f"{base}.{self.letter}" if self.letter else base

    def covered(self, parent: int | None = None) -> tuple[str, ...]:
        """The sub-question labels an answer part with this label covers: "1-2." -> ("1", "2")."""
        if not self.numbers:
            return (self.name(parent),)
        if self.letter:
            return tuple(f"{number}.{self.letter}" for number in self.numbers)
        return tuple(str(number) for number in self.numbers)


def read_numbers(printed: str) -> tuple[int, ...]:
    """ "1-3" -> (1, 2, 3); "8, 9" -> (8, 9); "3 en 5" -> (3, 5); empty when it is no sensible list."""
    tokens = re.findall(r"\d+|[-–]|tot", printed)
    numbers: list[int] = []
    is_range = False
    for token in tokens:
        if token in ("-", "–", "tot"):
            is_range = True
            continue
        number = int(token)
        if is_range and numbers and numbers[-1] < number <= numbers[-1] + 20:
            numbers.extend(range(numbers[-1] + 1, number + 1))
        elif not numbers or number > numbers[-1]:
            numbers.append(number)
        else:
            return ()
        is_range = False
    return tuple(numbers)


def _label(match: re.Match[str], inline: bool) -> Label | None:
    groups = match.groupdict()
    numbers = read_numbers(groups["numbers"]) if groups.get("numbers") else ()
    if groups.get("numbers") and not numbers:
        return None
    letter = groups.get("sub") or groups.get("letter")
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()) if inline else 0)
    return Label(numbers, letter, Span(start, match.end()), match.end(), inline)


def find_labels(text: str, span: Span, *, limit: int = 2000) -> list[Label]:
    """Every label-looking item in `text[span]`, in order; which ones count is up to the caller."""
    found: dict[int, Label] = {}
    for pattern, inline in ((LINE_LABEL, False), (INLINE_LABEL, True)):
        for match in pattern.finditer(text, span.start, span.end):
            if len(found) >= limit:
                break
            label = _label(match, inline)
            if label is not None:
                found.setdefault(label.span.start, label)
    # A label right at the start of the span (after "van MAAIKE DE VREESE" in flattened text).
    head = re.compile(
        rf"[ \t\n]*(?:{_NUMBERS}\.[ \t]*(?:\((?P<sub>[a-z])\)|(?P<sub2>[a-z])\))?[ \t]*(?=[A-ZÀ-Þ]))"
    )
    match = head.match(text, span.start, span.end)
    if match and match.group("numbers"):
        numbers = read_numbers(match.group("numbers"))
        if numbers and not any(span.start <= position < match.end() for position in found):
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            letter = match.group("sub") or match.group("sub2")
            found[start] = Label(numbers, letter, Span(start, match.end()), match.end(), False)
    return [found[position] for position in sorted(found)]


def find_word_labels(text: str, span: Span) -> list[tuple[str, Label]]:
    """("Vraag"|"Antwoord", label) for each Tweede Kamer label line in `text[span]`."""
    found = []
    for match in WORD_LABEL.finditer(text, span.start, span.end):
        numbers = read_numbers(match.group("numbers"))
        if numbers:
            found.append(
                (match.group("word"), Label(numbers, None, Span(match.start(), match.end()), match.end()))
            )
    return found


_STORED = re.compile(r"^\s*(?P<numbers>[\d,\- ]*?)\s*(?:\.?(?P<letter>[a-z]))?\s*$")


def parse_label(stored: str) -> Label:
    """A stored label string back as a Label: "1-2" -> (1, 2); "1.a" -> (1,) "a"; "a" -> () "a"."""
    match = _STORED.match(stored or "")
    if match is None:
        return Label()
    numbers = read_numbers(match.group("numbers") or "")
    return Label(numbers, match.group("letter"))


def covers(part_labels: tuple[str, ...] | list[str], sub_label: str) -> bool:
    """Whether an answer part with `part_labels` answers sub-question `sub_label`.

    "1" covers "1", "1.a", "1.b"; ("1", "2") covers "1-2"; "1.a" covers only "1.a"; "1-2" never matches "12".
    """
    sub = parse_label(sub_label)
    for stored in part_labels:
        part = parse_label(stored)
        if not part.numbers and not sub.numbers:
            if part.letter and part.letter == sub.letter:
                return True
            continue
        if not set(sub.numbers) & set(part.numbers):
            continue
        if part.letter is None or part.letter == sub.letter:
            return True
    return False
