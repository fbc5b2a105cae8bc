"""Errors the parser raises: only for files it cannot read at all (parse_text itself never raises)."""


class UnreadableDocument(ValueError):
    """The file holds no text we can read; the message is one Dutch line for the user."""
