"""Warnings as codes with a Dutch message: staff read the message, code reads the code.

A ParseWarning is a str (its message), so `parsed.warnings` stays a list of Dutch lines for every consumer;
`.code` says which problem it is.
"""

from __future__ import annotations

MESSAGES = {
    "empty": "Lege tekst: geen vraag gevonden",
    "truncated": "Tekst ingekort tot de eerste {limit} tekens",
    "crashed": "Document kon niet gelezen worden ({error})",
    "no_number": "Geen vraagnummer gevonden",
    "no_date": "Geen vraagdatum gevonden",
    "no_author": "Geen vraagsteller gevonden",
    "no_minister": "Geen minister gevonden",
    "no_title": "Geen titel gevonden",
    "no_sub_questions": "Geen deelvragen gevonden",
    "no_answer": "Geen antwoord gevonden",
    "answer_differs": "Het antwoord vermeldt een andere {field} ({printed}) dan de vraag ({current})",
    "answer_only": "Enkel een antwoord gevonden, zonder de vraag",
}


class ParseWarning(str):
    """A Dutch warning line that also carries its code."""

    code: str

    def __new__(cls, code: str, **values) -> ParseWarning:
        warning = super().__new__(cls, MESSAGES[code].format(**values))
        warning.code = code
        return warning
