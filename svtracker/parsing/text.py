"""Text helpers every layer shares (no Django, no other parsing module)."""

from __future__ import annotations


def squash(text: str) -> str:
    """All whitespace runs to one space: for titles, names, quotes and one-line texts."""
    return " ".join(text.split())
