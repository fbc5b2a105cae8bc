"""parse_text and parse_questions: a document's text in, ParsedQuestions out. Never raises on any str.

The layout (layouts.py) finds the regions and what the header states; everything after that is the same for
every layout: sub-questions and answer parts by their labels, tables, references, promises, warnings.
"""

from __future__ import annotations

import re

from .dates import DEFAULT_INTERVAL_MONTHS, session_for
from .labels import find_word_labels
from .layout import clean_text
from .layouts import Reading, readings_of
from .promises import deduplicate as deduplicate_promises
from .promises import find_promises
from .references import deduplicate as deduplicate_references
from .references import find_references
from .reflow import reflow
from .spans import Span
from .structure import find_annex, read_answer_parts, read_sub_questions, tidy_block
from .tables import find_tables
from .text import squash
from .types import AnswerPart, ParsedQuestion, SubQuestion
from .warnings import ParseWarning


def parse_text(text: str, *, default_interval_months: int = DEFAULT_INTERVAL_MONTHS) -> ParsedQuestion:
    """Read a written question (and its answer, if any) from extracted text: the first of the file.

    What cannot be read becomes a Dutch warning in `warnings`; the function itself never raises.
    """
    return parse_questions(text, default_interval_months=default_interval_months)[0]


def parse_questions(
    text: str, *, default_interval_months: int = DEFAULT_INTERVAL_MONTHS
) -> list[ParsedQuestion]:
    """Every question in the text (a Bulletin van Vragen en Antwoorden page holds many), at least one."""
    try:
        return _parse(text, default_interval_months)
    except Exception as error:  # noqa: BLE001 - a parser bug must not break an import; report it instead
        return [ParsedQuestion(warnings=[ParseWarning("crashed", error=type(error).__name__)])]


def _parse(text: str, default_months: int) -> list[ParsedQuestion]:
    if not isinstance(text, str):
        text = str(text)
    text, warnings = clean_text(text)
    if not text.strip():
        return [ParsedQuestion(warnings=[*warnings, ParseWarning("empty")])]
    return [_assemble(text, reading, list(warnings), default_months) for reading in readings_of(text)]


def _assemble(text: str, reading: Reading, warnings: list[str], default_months: int) -> ParsedQuestion:
    parsed = ParsedQuestion(
        number=reading.number,
        session=reading.session,
        date=reading.date,
        author=reading.author,
        minister=reading.minister,
        minister_title=reading.minister_title,
        title=reading.title,
        theme=reading.theme,
        links=reading.links,
        warnings=warnings,
    )
    for name, printed, current in reading.answer_differs:
        parsed.warnings.append(
            ParseWarning("answer_differs", field=_FIELD_NAMES[name], printed=printed, current=current)
        )
    regions = reading.regions
    answer = regions.answer
    if regions.question and (reading.answers_in_items or reading.numbered_list or reading.alternating):
        items = (
            _alternating_items(text, regions.question)
            if reading.alternating
            else _numbered_items(text, regions.question)
            if reading.numbered_list
            else _word_items(text, regions.question)
        )
        parsed.explanation = squash(
            text[regions.question.start : items[0][1] if items else regions.question.end]
        )
        for numbers, _start, question, answer_text in items:
            parsed.sub_questions += [SubQuestion(str(number), squash(question)) for number in numbers]
            if answer_text.strip():
                labels = tuple(str(number) for number in numbers)
                parsed.answer_parts.append(
                    AnswerPart(labels=labels, text=reflow(answer_text), original=tidy_block(answer_text))
                )
        parsed.has_answer = bool(parsed.answer_parts)
        answer = None
    elif regions.question:
        if reading.word_labels:
            parsed.explanation, parsed.sub_questions = _word_label_items(text, regions.question, "Vraag")
        else:
            start, end = regions.question.start, regions.question.end
            parsed.explanation, parsed.sub_questions, restart_at = read_sub_questions(text, start, end)
            if answer is None and restart_at is not None and reading.numbering_restarts:
                answer = Span(restart_at, end)  # 003: the answer starts with "1-2." after the questions
    if answer:
        answer_end, parsed.annex_announced = find_annex(text, answer.start, answer.end)
        if reading.word_labels:
            parsed.answer_parts = _word_label_parts(text, Span(answer.start, answer_end))
        else:
            parsed.answer_parts = read_answer_parts(text, answer.start, answer_end)
        parsed.has_answer = bool(parsed.answer_parts)
        if not regions.question and parsed.has_answer:
            parsed.warnings.append(ParseWarning("answer_only"))
    for part in parsed.answer_parts:
        parsed.tables += find_tables(part.original or part.text, answer_labels=part.labels)
    if parsed.session is None and parsed.date is not None:
        parsed.session = session_for(parsed.date)

    question_texts = [parsed.explanation, *(sub.text for sub in parsed.sub_questions)]
    references = []
    for question_text in question_texts:
        references += find_references(
            question_text, in_answer=False, own_number=parsed.number, own_date=parsed.date
        )
    for part in parsed.answer_parts:
        references += find_references(
            part.text, in_answer=True, own_number=parsed.number, own_date=parsed.date
        )
    parsed.references = deduplicate_references(references)

    found = []
    earlier = next((reference for reference in parsed.references if not reference.in_answer), None)
    for index, question_text in enumerate(question_texts):
        # A list of questions and answers may open with the minister's own introduction (Inleiding).
        by_minister = index == 0 and reading.preamble_by_minister
        found += find_promises(
            question_text,
            question_date=parsed.date,
            default_months=default_months,
            in_question=not by_minister,
            quoted_from=None if by_minister else earlier,
        )
    for part in parsed.answer_parts:
        found += find_promises(part.text, question_date=parsed.date, default_months=default_months)
    parsed.promises = deduplicate_promises(found)

    _warn_about_gaps(parsed)
    return parsed


def _word_label_items(text: str, span: Span, word: str) -> tuple[str, list[SubQuestion]]:
    """Sub-questions under "Vraag 1" / "Vraag 2, 3" lines; a line for several numbers gives one each."""
    labels = find_word_labels(text, span)
    items = [label for found, label in labels if found == word]
    explanation = squash(text[span.start : labels[0][1].span.start]) if labels else squash(span.of(text))
    subs: list[SubQuestion] = []
    ends = [label.span.start for _, label in labels] + [span.end]
    for label in items:
        end = min(position for position in ends if position > label.span.start)
        block = text[label.content : end]
        paragraphs = [squash(p) for p in block.split("\n\n") if p.strip()]
        if len(label.numbers) > 1 and len(paragraphs) == len(label.numbers):
            subs += [SubQuestion(str(n), p) for n, p in zip(label.numbers, paragraphs, strict=True)]
        else:
            subs += [SubQuestion(str(n), squash(block)) for n in label.numbers]
    return explanation, subs


NUMBERED_ITEM = re.compile(
    r"(?m)(?:^[ \t]*|(?<=[?.!»”)])[ \t]+)(?P<number>\d{1,3})(?:[.)])?(?:[ \t]*$|[ \t]+(?=[A-ZÀ-Þ„“‘\"«(]))"
)
FIRST_ITEM = re.compile(r"[ \t]*(?P<number>1)[.)]?[ \t]+(?=[A-ZÀ-Þ„“‘\"«(])")
QUESTION_END = re.compile(r"\?[\s\d,»”’)]*$")


def _split_item(block: str) -> tuple[str, str]:
    """An item's question (its first paragraph, or up to its last line ending in "?") and the answer after."""
    paragraphs = re.split(r"\n[ \t]*\n", block.strip(), maxsplit=1)
    if len(paragraphs) == 2:
        return paragraphs[0], paragraphs[1]
    lines = block.strip().split("\n")
    last_question = max((i for i, line in enumerate(lines) if QUESTION_END.search(line.strip())), default=-1)
    if 0 <= last_question < len(lines) - 1:
        return "\n".join(lines[: last_question + 1]), "\n".join(lines[last_question + 1 :])
    return block, ""


def _numbered_items(text: str, span: Span) -> list[tuple[tuple[int, ...], int, str, str]]:
    """Items numbered 1, 2, 3 ... as a label alone on its line, "1 Text" or "1. Text", also in one line."""
    starts: list[tuple[int, int, int]] = []
    expected = 1
    first = FIRST_ITEM.match(text, span.start, span.end)  # "Lijst van vragen 1 Worden ..." (flattened)
    if first:
        starts.append((1, first.start("number"), first.end()))
        expected = 2
    for match in NUMBERED_ITEM.finditer(text, span.start, span.end):
        if int(match.group("number")) == expected and match.start("number") >= (
            starts[-1][2] if starts else 0
        ):
            starts.append((expected, match.start("number"), match.end()))
            expected += 1
    items = []
    for index, (number, start, content) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else span.end
        question, answer = _split_item(text[content:end])
        items.append(((number,), start, question, answer))
    return items


def _word_items(text: str, span: Span) -> list[tuple[tuple[int, ...], int, str, str]]:
    """ "• Vraag 1" items holding the question and then its answer."""
    labels = [label for word, label in find_word_labels(text, span) if word == "Vraag"]
    items = []
    for index, label in enumerate(labels):
        end = labels[index + 1].span.start if index + 1 < len(labels) else span.end
        question, answer = _split_item(text[label.content : end])
        items.append((label.numbers, label.span.start, question, answer))
    return items


def _alternating_items(text: str, span: Span) -> list[tuple[tuple[int, ...], int, str, str]]:
    """Unlabelled: every line ending in "?" starts a question, the lines after it are its answer."""
    items: list[tuple[tuple[int, ...], int, str, str]] = []
    position = span.start
    question, answer, start = None, [], span.start
    for line in span.of(text).split("\n"):
        if QUESTION_END.search(line.strip()) and line.strip():
            if question is not None and answer:
                items.append(((len(items) + 1,), start, question, "\n".join(answer)))
                question, answer = None, []
            if question is None:
                question, start = line, position
            else:
                question = f"{question}\n{line}"
        elif question is not None and line.strip():
            answer.append(line)
        position += len(line) + 1
    if question is not None:
        items.append(((len(items) + 1,), start, question, "\n".join(answer)))
    return items


def _word_label_parts(text: str, span: Span) -> list[AnswerPart]:
    """Answer parts under "Antwoord 1" / "Antwoord 2 en 3" lines, up to the next label line."""
    labels = find_word_labels(text, span)
    ends = [label.span.start for _, label in labels] + [span.end]
    parts = []
    for word, label in labels:
        if word != "Antwoord":
            continue
        end = min(position for position in ends if position > label.span.start)
        block = text[label.content : end]
        parts.append(AnswerPart(labels=label.covered(), text=reflow(block), original=tidy_block(block)))
    return parts


_FIELD_NAMES = {"number": "vraagnummer", "date": "vraagdatum", "author": "vraagsteller"}


def _warn_about_gaps(parsed: ParsedQuestion) -> None:
    missing = (
        (parsed.number is None, "no_number"),
        (parsed.date is None, "no_date"),
        (parsed.author is None, "no_author"),
        (parsed.minister is None, "no_minister"),
        (parsed.title is None, "no_title"),
        (not parsed.sub_questions, "no_sub_questions"),
        (not parsed.has_answer, "no_answer"),
    )
    parsed.warnings.extend(ParseWarning(code) for is_missing, code in missing if is_missing)
