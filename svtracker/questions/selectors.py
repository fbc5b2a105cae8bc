"""Reading questions, always limited to one office."""

from datetime import date

from django.db import connection
from django.db.models import BooleanField, Count, Exists, Max, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL

from svtracker.accounts.models import Office
from svtracker.parsing.labels import covers as label_covers
from svtracker.people.models import Member, Minister
from svtracker.promises.models import Promise

from . import search
from .models import Document, Question, Reference, Series


def _open_promises():
    return Exists(Promise.objects.filter(question=OuterRef("pk"), status__in=Promise.OPEN_STATUSES))


def questions_for(*, office: Office):
    return (Question.objects.filter(office=office).select_related("author", "minister", "series")
            .annotate(has_open_promises=_open_promises()))


# What the questions table shows: no long texts (explanation), no series.
TABLE_FIELDS = ("id", "office_id", "session", "number", "date", "title", "theme", "answered",
                "author__id", "author__name", "minister__id", "minister__name")


def questions_table(*, office: Office):
    """The office's questions for the table, without has_open_promises: computed over every row of the
    office, that flag is what made a page slow (mark_open_promises sets it for the rows shown)."""
    return (Question.objects.filter(office=office).select_related("author", "minister")
            .only(*TABLE_FIELDS))


def with_open_promises(questions):
    """The questions annotated with has_open_promises, to sort or export by it."""
    return questions.annotate(has_open_promises=_open_promises())


def filter_open_promises(questions, *, value: bool):
    return questions.filter(_open_promises() if value else ~_open_promises())


def mark_open_promises(questions: list[Question]) -> list[Question]:
    """Sets has_open_promises on the given questions (one page) in one query."""
    # The status is tested here, not in SQL: with it PostgreSQL combines the status index (every open
    # promise of every office) with the question index, several times slower than reading the page's few.
    promises = Promise.objects.filter(question__in=[q.pk for q in questions]).order_by()
    with_open = {pk for pk, status in promises.values_list("question_id", "status")
                 if status in Promise.OPEN_STATUSES}
    for question in questions:
        question.has_open_promises = question.pk in with_open
    return questions


def question_detail(*, office: Office, pk: int) -> Question:
    return (Question.objects.filter(office=office).select_related("author", "minister", "series")
            .prefetch_related("sub_questions", "answer_parts", "documents", "references__target",
                              "referenced_by__source", "promises").get(pk=pk))


def series_for(*, office: Office):
    return Series.objects.filter(office=office).annotate(
        question_count=Count("questions", distinct=True),
        open_promises=Count("questions__promises", filter=Q(
            questions__promises__status__in=Promise.OPEN_STATUSES), distinct=True))


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


def series_detail(*, office: Office, pk: int) -> Series:
    return series_for(office=office).get(pk=pk)


def series_timeline(*, series: Series) -> list[dict]:
    """The questions of a series in date order, with the referenced questions that are not imported yet.

    A reference without a target still tells its number, date and the sentence that mentions it; every
    reference to the same missing question (same number and session year, whatever date it is written
    with) becomes one entry, with each date written (`dates`). An imported question lists the other dates
    it was cited with (`cited_dates`): its own date is the parliament's record.
    """
    open_promises = Prefetch("promises", queryset=Promise.objects.filter(status__in=Promise.OPEN_STATUSES),
                             to_attr="open_promises")
    delivered = Prefetch("delivered_promises", queryset=Promise.objects.select_related("question"),
                         to_attr="delivered_list")
    cited = Prefetch("references", queryset=Reference.objects.order_by("in_answer", "id"), to_attr="cited")
    questions = list(series.questions.select_related("author", "minister")
                     .prefetch_related("sub_questions", "answer_parts", open_promises, delivered,
                                       cited).order_by("date", "number"))
    written: dict[int, set] = {}
    for question in questions:
        for reference in question.cited:
            if reference.target_id and reference.date:
                written.setdefault(reference.target_id, set()).add(reference.date)
    entries = [{"question": q, "date": q.date, "number": q.number,
                "cited_dates": sorted(written.get(q.pk, set()) - {q.date})} for q in questions]
    seen: dict[tuple, dict] = {}
    for question in questions:
        for reference in (r for r in question.cited if r.target_id is None):
            key = ((reference.number, reference.session or "") if reference.number is not None
                   else (None, reference.date))
            entry = seen.get(key)
            if entry is None:
                entry = seen[key] = {"reference": reference, "date": reference.date,
                                     "number": reference.number, "cited_by": [], "dates": []}
                entries.append(entry)
            if question not in entry["cited_by"]:
                entry["cited_by"].append(question)
            if reference.date and reference.date not in entry["dates"]:
                entry["dates"].append(reference.date)
    for entry in seen.values():
        entry["dates"].sort()
        entry["date"] = entry["dates"][0] if entry["dates"] else None
    return sorted(entries, key=lambda e: (e["date"] or date.min, e["number"] or 0))


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


def series_overview(*, office: Office):
    return series_for(office=office).annotate(last_date=Max("questions__date"))
