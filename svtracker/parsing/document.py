"""parse_text: a question document's text in, a ParsedQuestion out. Never raises on any str."""

from __future__ import annotations

from .dates import DEFAULT_INTERVAL_MONTHS, session_for
from .header import (
    find_printed_title,
    first_minister_block_in,
    last_minister_block_before,
    read_answer_header,
    read_metadata,
    read_question_header,
    read_title,
)
from .layout import clean_text
from .promises import deduplicate as deduplicate_promises
from .promises import find_promises
from .references import deduplicate as deduplicate_references
from .references import find_references
from .structure import find_annex, read_answer_parts, read_sub_questions
from .types import ParsedQuestion


def parse_text(text: str, *, default_interval_months: int = DEFAULT_INTERVAL_MONTHS) -> ParsedQuestion:
    """Read a written question (and its answer, if any) from extracted text.

    What cannot be read becomes a Dutch warning in `warnings`; the function itself never raises.
    """
    try:
        return _parse(text, default_interval_months)
    except Exception as error:  # noqa: BLE001 - a parser bug must not break an import; report it instead
        return ParsedQuestion(warnings=[f"Document kon niet gelezen worden ({type(error).__name__})"])


def _parse(text: str, default_months: int) -> ParsedQuestion:
    if not isinstance(text, str):
        text = str(text)
    text, warnings = clean_text(text)
    parsed = ParsedQuestion(warnings=warnings)
    if not text.strip():
        parsed.warnings.append("Lege tekst: geen vraag gevonden")
        return parsed

    metadata, position = read_metadata(text)
    parsed.links = {key: value for key, value in metadata.items() if key in ("pdf link", "thema link")}
    parsed.theme = metadata.get("thema") or None

    header = read_question_header(text, position)
    answer_header = read_answer_header(text)
    if answer_header and header and answer_header.start < header.end:
        answer_header = None
    if header:
        parsed.number, parsed.date, parsed.author = header.number, header.date, header.author
        parsed.minister, parsed.minister_title = header.minister, header.minister_title
        position = header.end

    # The minister's name and title printed again just before ANTWOORD are not question text.
    question_end = len(text)
    answer_start: int | None = None
    if answer_header:
        question_end, answer_start = answer_header.start, answer_header.end
        block = last_minister_block_before(text, answer_header.start)
        if block and block.start >= position:
            question_end = block.start
            if parsed.minister is None:
                parsed.minister, parsed.minister_title = block.name, block.title
        _complete_from_answer_header(parsed, answer_header)

    title, title_end = read_title(text, position)
    if metadata.get("title"):
        parsed.title = metadata["title"]
        title_end = find_printed_title(text, metadata["title"], position) or position
    else:
        parsed.title = title
    body_start = max(title_end, position)
    if answer_start is None:
        block = first_minister_block_in(text, body_start, len(text))
        if block:
            question_end, answer_start = block.start, block.end
            if parsed.minister is None:
                parsed.minister, parsed.minister_title = block.name, block.title
    question_end = max(question_end, body_start)

    parsed.explanation, parsed.sub_questions, restart_at = read_sub_questions(text, body_start, question_end)
    if answer_start is None and restart_at is not None:
        question_end = answer_start = restart_at  # 003: the answer starts with "1-2." after the questions
    # References and promises are read in the explanation and the sub-questions, without their labels.
    question_texts = [parsed.explanation, *(sub.text for sub in parsed.sub_questions)]

    if answer_start is not None:
        answer_end, parsed.annex_announced = find_annex(text, answer_start, len(text))
        parsed.answer_parts = read_answer_parts(text, answer_start, answer_end)
        parsed.has_answer = bool(parsed.answer_parts)
    if parsed.session is None and parsed.date is not None:
        parsed.session = session_for(parsed.date)

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
    for question_text in question_texts:
        found += find_promises(
            question_text, question_date=parsed.date, default_months=default_months, in_question=True
        )
    for part in parsed.answer_parts:
        found += find_promises(part.text, question_date=parsed.date, default_months=default_months)
    parsed.promises = deduplicate_promises(found)

    _warn_about_gaps(parsed)
    return parsed


def _complete_from_answer_header(parsed: ParsedQuestion, answer_header) -> None:
    """Documents without a question header (001, 002) have number, date and author only here."""
    for field in ("number", "date", "author"):
        printed = getattr(answer_header, field)
        current = getattr(parsed, field)
        if current is None:
            setattr(parsed, field, printed)
        elif printed is not None and printed != current:
            parsed.warnings.append(
                f"Het antwoord vermeldt een andere {_FIELD_NAMES[field]} ({printed}) dan de vraag ({current})"
            )


_FIELD_NAMES = {"number": "vraagnummer", "date": "vraagdatum", "author": "vraagsteller"}


def _warn_about_gaps(parsed: ParsedQuestion) -> None:
    missing = (
        (parsed.number is None, "Geen vraagnummer gevonden"),
        (parsed.date is None, "Geen vraagdatum gevonden"),
        (parsed.author is None, "Geen vraagsteller gevonden"),
        (parsed.minister is None, "Geen minister gevonden"),
        (parsed.title is None, "Geen titel gevonden"),
        (not parsed.sub_questions, "Geen deelvragen gevonden"),
        (not parsed.has_answer, "Geen antwoord gevonden"),
    )
    parsed.warnings.extend(message for is_missing, message in missing if is_missing)
