"""The search document of an imported question computed once instead of three times.

The triggers of 0004 recompute a question's document when it is inserted, then for its sub-questions, then
for its answer parts: three Dutch text-search runs over its text and two more writes of the question row with
all its indexes, about a tenth of an import. A writer that stores a question with its parts
(questions.search.one_search_document) now says so for its transaction: the triggers wait, and it writes each
document once at the end (questions_write_search_documents). Every other writer keeps the triggers as before.
"""

from django.db import migrations

# Unset (NULL) outside such a transaction: the triggers write the document.
NOW = "current_setting('svtracker.search_later', true) IS DISTINCT FROM 'on'"

FORWARD = f"""
CREATE OR REPLACE FUNCTION questions_question_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF {NOW} THEN
        NEW.search_document := questions_search_document(NEW.id, NEW.title, NEW.explanation);
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION questions_part_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF {NOW} THEN
        UPDATE questions_question q SET search_document = questions_search_document(q.id, q.title, q.explanation)
        WHERE q.id IN (SELECT question_id FROM changed);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION questions_search_documents_later() RETURNS void LANGUAGE sql AS $$
    SELECT set_config('svtracker.search_later', 'on', true)
$$;

CREATE FUNCTION questions_write_search_documents(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('svtracker.search_later', '', true);
    UPDATE questions_question q SET search_document = questions_search_document(q.id, q.title, q.explanation)
    WHERE q.id = ANY(ids);
END $$;
"""

BACKWARD = """
DROP FUNCTION questions_write_search_documents(bigint[]);
DROP FUNCTION questions_search_documents_later();

CREATE OR REPLACE FUNCTION questions_question_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document := questions_search_document(NEW.id, NEW.title, NEW.explanation);
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION questions_part_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE questions_question q SET search_document = questions_search_document(q.id, q.title, q.explanation)
    WHERE q.id IN (SELECT question_id FROM changed);
    RETURN NULL;
END $$;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):

    dependencies = [
        ("questions", "0007_waiting_reference_indexes"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
