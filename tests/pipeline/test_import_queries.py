"""An import costs a fixed number of queries: the same for an answer with five tables of 27 rows as for one
without, and for a new answer that flags twenty open promises as for one that flags none."""

import re

import pytest

from svtracker.parsing import parse_text
from svtracker.pipeline.services import import_document
from svtracker.promises.models import Promise
from svtracker.questions.models import Question
from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db

# Queries for one document imported on its own (its member and minister looked up again, the import's
# savepoint): the benchmark's batch import shares those and averages 14.8 a document. On PostgreSQL two of
# them have the search document written once (questions.search.one_search_document), and the cells of
# all tables go in one COPY, which Django does not count.
MAX_QUERIES = 26


def renumbered(seed, number: int) -> bytes:
    """The seed as another question: its own number changed, everything else (references too) kept."""
    text = seed.read_text(encoding="utf-8")
    own = parse_text(text).number
    return re.sub(rf"(nr\.\s*){own}\b", lambda m: f"{m.group(1)}{number}", text).encode()


def test_importing_a_seed_costs_the_same_few_queries_whatever_its_tables(office, seed_files,
                                                                        django_assert_max_num_queries):
    for seed in seed_files:
        import_document(office=office, data=seed.read_bytes(), filename=seed.name)
    for number, seed in enumerate(seed_files, 10_000):  # 002 holds five tables, up to 27 rows; 003 none
        with django_assert_max_num_queries(MAX_QUERIES):
            [result] = import_document(office=office, data=renumbered(seed, number), filename=seed.name)
        assert result.status == "imported", result.message
    assert Question.objects.get(office=office, number=10_002).answer_tables.count() == 5


def test_a_new_answer_flags_twenty_open_promises_in_as_few_queries(office, seed_files,
                                                                   django_assert_max_num_queries):
    seed = next(s for s in seed_files if s.name.startswith("004"))  # no. 123, Rutten: a theme
    [earlier] = import_document(office=office, data=seed.read_bytes(), filename=seed.name)
    PromiseFactory.create_batch(18, question=earlier.question, status=Promise.Status.CONFIRMED)

    with django_assert_max_num_queries(MAX_QUERIES):
        [later] = import_document(office=office, data=renumbered(seed, 124), filename="124.txt")

    flagged = Promise.objects.filter(question=earlier.question, delivered_in=later.question,
                                     status=Promise.Status.POSSIBLY_DELIVERED)
    assert flagged.count() == 20
    assert {p.changes.get().reason for p in flagged} == {
        "Nieuw antwoord van dezelfde minister over hetzelfde thema: vraag nr. 124 (2023-2024)"}
