"""A full-text search document per question, maintained by PostgreSQL itself.

A column search_document (not a model field, so it is never loaded with a question), its GIN index, and
triggers that keep it equal to the Dutch text-search vector of the question's title, explanation,
sub-questions and answer parts for every way rows are written (importer, forms, admin, bulk inserts): a
row trigger on the question, statement triggers on its sub-questions and answer parts.
On SQLite (the embedded set-up) nothing is created and the search falls back to icontains.
"""

from django.db import migrations

FORWARD = """
ALTER TABLE questions_question ADD COLUMN search_document tsvector;

CREATE FUNCTION questions_search_document(question_id bigint, title text, explanation text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT to_tsvector('dutch', concat_ws(' ', title, explanation,
        (SELECT string_agg(s.text, ' ') FROM questions_subquestion s WHERE s.question_id = $1),
        (SELECT string_agg(a.text, ' ') FROM questions_answerpart a WHERE a.question_id = $1)))
$$;

CREATE FUNCTION questions_question_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document := questions_search_document(NEW.id, NEW.title, NEW.explanation);
    RETURN NEW;
END $$;

CREATE TRIGGER questions_question_search_document BEFORE INSERT OR UPDATE OF title, explanation
    ON questions_question FOR EACH ROW EXECUTE FUNCTION questions_question_search_document();

CREATE FUNCTION questions_part_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE questions_question q SET search_document = questions_search_document(q.id, q.title, q.explanation)
    WHERE q.id IN (SELECT question_id FROM changed);
    RETURN NULL;
END $$;
"""

PART_TRIGGERS = """
CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION questions_part_search_document();
CREATE TRIGGER {table}_search_update AFTER UPDATE ON {table} REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION questions_part_search_document();
CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION questions_part_search_document();
"""

BACKFILL = """
UPDATE questions_question SET search_document = questions_search_document(id, title, explanation);
CREATE INDEX question_search_document ON questions_question USING gin (search_document);
"""

BACKWARD = """
DROP INDEX IF EXISTS question_search_document;
DROP TRIGGER IF EXISTS questions_question_search_document ON questions_question;
{part_drops}
DROP FUNCTION IF EXISTS questions_part_search_document();
DROP FUNCTION IF EXISTS questions_question_search_document();
DROP FUNCTION IF EXISTS questions_search_document(bigint, text, text);
ALTER TABLE questions_question DROP COLUMN IF EXISTS search_document;
"""

PARTS = ("questions_subquestion", "questions_answerpart")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FORWARD + "".join(PART_TRIGGERS.format(table=t) for t in PARTS) + BACKFILL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    drops = "".join(f"DROP TRIGGER IF EXISTS {t}_search_{event} ON {t};\n"
                    for t in PARTS for event in ("insert", "update", "delete"))
    schema_editor.execute(BACKWARD.format(part_drops=drops))


class Migration(migrations.Migration):

    dependencies = [
        ('questions', '0003_awaiting_answer_index'),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
