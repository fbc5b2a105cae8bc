"""Reading questions: lists and lookups take the office they are scoped to; `all_ministers` and
`session_on` read records every office shares, and helpers that take a question or a queryset read only
what the caller already scoped."""

from datetime import date

from django.db import connection
from django.db.models import BooleanField, Count, Exists, OuterRef
from django.db.models.expressions import RawSQL

from svtracker.accounts.models import Office
from svtracker.parsing import session_for
from svtracker.parsing.labels import covers as label_covers
from svtracker.people.models import Member, Minister

from . import search
from .models import Document, Question, Series, SessionYear


def questions_for(*, office: Office):
    return Question.objects.filter(office=office).select_related("author", "minister", "series")


# What the questions table shows: no long texts (explanation), no series.
TABLE_FIELDS = ("id", "office_id", "session", "number", "date", "title", "theme", "answered",
                "author__id", "author__name", "minister__id", "minister__name")


def questions_table(*, office: Office):
    """The office's questions for the table, without has_open_promises: computed over every row of the
    office, that flag is what made a page slow (mark_open_promises sets it for the rows shown)."""
    return (Question.objects.filter(office=office).select_related("author", "minister")
            .only(*TABLE_FIELDS))


def question_detail(*, office: Office, pk: int) -> Question:
    return (Question.objects.filter(office=office).select_related("author", "minister", "series")
            .prefetch_related("sub_questions", "answer_parts", "documents", "references__target",
                              "referenced_by__source", "promises").get(pk=pk))


def series_for(*, office: Office):
    return Series.objects.filter(office=office).annotate(question_count=Count("questions", distinct=True))


def find_questions(*, office: Office, session: str, number: int, minister: str = ""):
    """Questions with a number in a session year; numbers repeat per minister, so this may be several."""
    found = questions_for(office=office).filter(session=session, number=number)
    if minister:
        found = found.filter(minister__name__icontains=minister)
    return found


def document_for(*, office: Office, pk: int):
    """An uploaded original, only if its question belongs to the office."""
    return Document.objects.filter(question__office=office).select_related("question").get(pk=pk)


def recent_documents(*, office: Office, limit: int = 8):
    return (Document.objects.filter(question__office=office).select_related("question", "uploaded_by")
            .order_by("-created")[:limit])


def questions_awaiting_answer(*, office: Office):
    """Sent questions without an answer yet, oldest first (their deadline is the reminders app's job).

    Only what a deadline and a one-line mention need: the dashboard reads these on every visit."""
    return (Question.objects.filter(office=office, answered=False).select_related("minister")
            .only("id", "office_id", "number", "date", "title", "answered", "answer_date", "minister__id",
                  "minister__name").order_by("date", "number"))


def filter_choices(*, office: Office) -> dict:
    """The members, ministers, session years and themes that occur in the office's questions.

    Members and ministers come from their own small tables, each checked with an indexed probe for a
    question of the office (no DISTINCT over the questions)."""
    asked = Question.objects.filter(office=office)
    listed = table_filter_choices(office=office)
    return {
        "members": Member.objects.filter(Exists(asked.filter(author=OuterRef("pk")))).order_by("name"),
        "ministers": Minister.objects.filter(Exists(asked.filter(minister=OuterRef("pk")))).order_by("name"),
        "sessions": [value for value, _label in listed["sessions"]],
        "themes": [value for value, _label in listed["themes"]],
    }


# The four filter lists in one round trip: members and ministers from their small tables with an indexed
# probe each; session years and themes by walking the (office, column) index from value to value (a few
# index probes, not a DISTINCT over every question). PostgreSQL and SQLite alike.
TABLE_CHOICES_SQL = """
    WITH RECURSIVE sessions(value) AS (
        SELECT MIN(session) FROM questions_question WHERE office_id = %(office)s AND session > ''
        UNION ALL
        SELECT (SELECT MIN(session) FROM questions_question
                WHERE office_id = %(office)s AND session > sessions.value)
        FROM sessions WHERE sessions.value IS NOT NULL
    ), themes(value) AS (
        SELECT MIN(theme) FROM questions_question WHERE office_id = %(office)s AND theme > ''
        UNION ALL
        SELECT (SELECT MIN(theme) FROM questions_question
                WHERE office_id = %(office)s AND theme > themes.value)
        FROM themes WHERE themes.value IS NOT NULL
    )
    SELECT 'members', CAST(m.id AS TEXT), m.name FROM people_member m
    WHERE EXISTS (SELECT 1 FROM questions_question q WHERE q.office_id = %(office)s AND q.author_id = m.id)
    UNION ALL
    SELECT 'ministers', CAST(m.id AS TEXT), m.name FROM people_minister m
    WHERE EXISTS (SELECT 1 FROM questions_question q WHERE q.office_id = %(office)s AND q.minister_id = m.id)
    UNION ALL
    SELECT 'sessions', value, value FROM sessions WHERE value IS NOT NULL
    UNION ALL
    SELECT 'themes', value, value FROM themes WHERE value IS NOT NULL
    ORDER BY 1, 3
"""


def table_filter_choices(*, office: Office) -> dict[str, list[tuple[str, str]]]:
    """filter_choices as (value, label) lists in one query, for the questions table shown on every visit:
    members and ministers by id and name, session years newest first, themes."""
    choices: dict[str, list[tuple[str, str]]] = {"members": [], "ministers": [], "sessions": [], "themes": []}
    with connection.cursor() as cursor:
        cursor.execute(TABLE_CHOICES_SQL, {"office": office.pk})
        for kind, value, label in cursor.fetchall():
            choices[kind].append((value, label))
    choices["sessions"].reverse()
    return choices


def answer_rows(*, question: Question) -> list[dict]:
    """Sub-questions with the answer parts that cover them, side by side.

    An answer part covering "1-2." joins sub-questions 1 and 2 into one row so it sits beside both. Parts
    that match no sub-question stay in the row of the part before them; when nothing matches at all, the
    whole question and the whole answer form one row.
    """
    subs = list(question.sub_questions.all())
    parts = list(question.answer_parts.all())

    def covered_by(label: str) -> list[int]:
        # "1" covers sub-question 1 and its lettered parts 1.a, 1.b, ...; "12" is not "1-2"
        return [i for i, sub in enumerate(subs) if label_covers((label,), sub.label)]

    covers = [sorted({i for label in p.labels for i in covered_by(label)}) for p in parts]
    if not subs or not any(covers):
        return [{"sub_questions": subs, "answer_parts": parts}] if subs or parts else []
    # Sub-questions joined by a part that covers several (an interval of labels) share one row.
    reach = list(range(len(subs)))
    for covered in filter(None, covers):
        reach[min(covered)] = max(reach[min(covered)], max(covered))
    row_of, start, end = [], 0, -1
    for i in range(len(subs)):
        if i > end:
            start = i
        end = max(end, reach[i])
        row_of.append(start)
    rows: dict[int, dict] = {}
    for i, sub in enumerate(subs):
        rows.setdefault(row_of[i], {"sub_questions": [], "answer_parts": []})["sub_questions"].append(sub)
    previous = row_of[0]
    for part, covered in zip(parts, covers, strict=True):
        row = row_of[min(covered)] if covered else previous
        rows[row]["answer_parts"].append(part)
        previous = row
    return [rows[key] for key in sorted(rows)]


def matching_text(*, questions, text: str):
    """Questions whose title, explanation, sub-questions or answer hold every word of the text, or a word
    starting with it, with Dutch stemming ("provincies" finds "provincie", "vraag" finds "vragen").

    PostgreSQL reads the question's full-text document through its GIN index; SQLite stems the same text
    on the fly (questions/search.py), with the same result.
    """
    words = search.words(text)
    if not text.strip():
        return questions
    if not words:
        return questions.none()
    if connection.vendor != "postgresql":
        return search.sqlite_matching(questions, words)
    query = " & ".join(f"{word}:*" for word in words)
    return questions.filter(RawSQL("questions_question.search_document @@ to_tsquery('dutch', %s)",
                                   (query,), output_field=BooleanField()))


def members_of(*, office: Office):
    return office.members.order_by("name")


def all_ministers():
    """Ministers are public people shared by all offices."""
    return Minister.objects.order_by("name")


def series_detail(*, office: Office, pk: int) -> Series:
    return series_for(office=office).get(pk=pk)


def session_on(day: date) -> str:
    """The session year a day falls in: the parliament's own table (SessionYear, kept by the sync) where it
    knows the day, else the rule of DOMAIN.md (from the fourth Monday of September)."""
    known = SessionYear.objects.filter(start__lte=day, end__gte=day).values_list("name", flat=True).first()
    return known or session_for(day)
