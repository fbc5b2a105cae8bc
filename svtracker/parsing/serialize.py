"""A ParsedQuestion as plain JSON data: the documented keys of the parse_question command (README)."""

from __future__ import annotations

from .types import ParsedQuestion


def to_json(parsed: ParsedQuestion) -> dict:
    """Exactly the keys other parts of svtracker rely on; dates as ISO strings."""

    def iso(value):
        return value.isoformat() if value is not None else None

    return {
        "number": parsed.number,
        "session": parsed.session,
        "date": iso(parsed.date),
        "author": parsed.author,
        "minister": parsed.minister,
        "title": parsed.title,
        "theme": parsed.theme,
        "sub_questions": [{"label": sub.label, "text": sub.text} for sub in parsed.sub_questions],
        "answer_parts": [{"labels": list(part.labels), "text": part.text} for part in parsed.answer_parts],
        "references": [
            {"number": ref.number, "date": iso(ref.date), "session": ref.session, "text": ref.text}
            for ref in parsed.references
        ],
        "promises": [
            {
                "kind": promise.kind,
                "quote": promise.quote,
                "expected": iso(promise.expected),
                "basis": promise.basis,
                "cue": promise.cue,
                "confidence": promise.confidence,
                "quoted_from": (
                    None
                    if promise.quoted_from is None
                    else {"number": promise.quoted_from.number, "date": iso(promise.quoted_from.date)}
                ),
            }
            for promise in parsed.promises
        ],
        "warnings": list(parsed.warnings),
    }
