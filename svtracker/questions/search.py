"""Full-text search on SQLite, matching what PostgreSQL's Dutch text search finds.

PostgreSQL keeps a tsvector per question (migration 0004) and answers `word:*` queries from its GIN index.
SQLite has neither, so a Python function registered on the connection does the same on the fly: the
question's title, explanation, sub-questions and answer parts, cut into words and stemmed with the same
Dutch Snowball stemmer, must hold, for every word of the query, a stem starting with that word's stem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

import snowballstemmer
from django.db import DatabaseError, connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

_WORD = re.compile(r"\w+")
_stemmer = snowballstemmer.stemmer("dutch")

# The question's whole text, as the PostgreSQL trigger concatenates it.
_DOCUMENT_SQL = """svtracker_matches(
    COALESCE(questions_question.title, '') || ' ' || COALESCE(questions_question.explanation, '') || ' '
    || COALESCE((SELECT group_concat(s.text, ' ') FROM questions_subquestion s
                 WHERE s.question_id = questions_question.id), '') || ' '
    || COALESCE((SELECT group_concat(a.text, ' ') FROM questions_answerpart a
                 WHERE a.question_id = questions_question.id), ''),
    %s)"""


@contextmanager
def one_search_document() -> Iterator[Callable]:
    """Store questions with their sub-questions and answer parts, and have PostgreSQL compute each one's
    search document once, at the end, instead of once per statement (migration 0008): call the function
    this gives with each question written. Within the block, in this transaction only, the triggers wait;
    after it they run as before. SQLite keeps no search document."""
    if connection.vendor != "postgresql":
        yield lambda question: None
        return
    written: list[int] = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT questions_search_documents_later()")
    failed = False
    try:
        yield lambda question: written.append(question.pk)
    except DatabaseError:
        failed = True  # the transaction must be rolled back, and that sets the triggers back too
        raise
    finally:
        if not failed:
            with connection.cursor() as cursor:
                cursor.execute("SELECT questions_write_search_documents(%s::bigint[])", [written])


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word.casefold())


def _matches(document: str | None, stems_json: str) -> bool:
    stems = {_stem(word) for word in words(document or "")}
    return all(any(stem.startswith(wanted) for stem in stems) for wanted in json.loads(stems_json))


def sqlite_matching(questions, query_words: list[str]):
    """The questions holding every query word (or a word starting with it, Dutch stemming), on SQLite."""
    connection.ensure_connection()
    connection.connection.create_function("svtracker_matches", 2, _matches, deterministic=True)
    stems = json.dumps([_stem(word) for word in query_words])
    return questions.filter(RawSQL(_DOCUMENT_SQL, (stems,), output_field=BooleanField()))
