"""Positions in the cleaned text as named spans, so regions and labels say what they cover."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __bool__(self) -> bool:
        return self.end > self.start

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class Regions:
    """Where each part of one question document stands; a part that is absent has no span (None)."""

    metadata: Span | None = None  # "title:", "thema:", "pdf link:" lines (004)
    question_header: Span | None = None  # "SCHRIFTELIJKE VRAAG nr. .. van .. datum: .. aan .."
    title: Span | None = None  # "Onderwerp  -  Subonderwerp"
    question: Span | None = None  # explanation and sub-questions
    minister_block: Span | None = None  # name and function title in capitals before the answer
    answer_header: Span | None = None  # "ANTWOORD op vraag nr. .. van .. van .."
    answer: Span | None = None
    annex: Span | None = None  # from a "BIJLAGE" line on
