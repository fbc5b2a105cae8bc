"""The benchmark database: created from scratch, migrated, and filled with set-based SQL.

Rows are generated inside PostgreSQL (generate_series) so 100 000 questions and 1 000 000 promises take
seconds, not the minutes that creating Python objects would. The shape follows a group's history: five
offices with the same number of questions each (one of them is "the office" the pages are measured in),
questions over six session years, one in twenty answered late or not yet, ten promises per question of
which those of the last year are mostly still open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit, urlunsplit

import psycopg

# The day the reminder scan and the pages are measured on: a Monday, a working day.
BENCH_DAY = date(2025, 3, 17)
OFFICES = 5
MEMBERS_PER_OFFICE = 8
MINISTERS = 12
THEMES = 30
STAFF_PER_OFFICE = 2
PASSWORD = "bench-svtracker-2025"


@dataclass(frozen=True)
class Dataset:
    office_id: int
    staff_username: str
    superuser: str
    questions: int
    office_questions: int
    promises: int


def database_url_for(base_url: str, name: str) -> str:
    """The same server as `base_url`, another database name."""
    parts = urlsplit(base_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(url: str) -> None:
    """Drop and create the database `url` names (on the server it names), so every run starts clean."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def populate(*, questions: int, promises_per_question: int) -> Dataset:
    """Offices, members, ministers, staff and a superuser through the ORM; questions and promises in SQL."""
    from django.contrib.auth.models import User
    from django.db import connection

    from svtracker.accounts.models import Membership, Office, Profile
    from svtracker.people.models import Member, Minister

    per_office = questions // OFFICES
    offices = [Office.objects.create(name=f"Fractie {i + 1}") for i in range(OFFICES)]
    members = Member.objects.bulk_create(
        Member(name=f"Parlementslid {i + 1:03d}") for i in range(OFFICES * MEMBERS_PER_OFFICE))
    ministers = Minister.objects.bulk_create(Minister(name=f"Minister {i + 1:02d}") for i in range(MINISTERS))
    for i, office in enumerate(offices):
        office.members.set(members[i * MEMBERS_PER_OFFICE:(i + 1) * MEMBERS_PER_OFFICE])
        for j in range(STAFF_PER_OFFICE):
            user = User.objects.create_user(f"staff{i + 1}-{j + 1}", f"staff{i + 1}-{j + 1}@example.org",
                                            PASSWORD)
            Membership.objects.create(user=user, office=office)
            Profile.objects.get_or_create(user=user)
    User.objects.create_superuser("admin", "admin@example.org", PASSWORD)

    member_ids = [m.pk for m in members]
    minister_ids = [m.pk for m in ministers]
    with connection.cursor() as cursor:
        # n runs over all questions; office = n / per_office; dates spread over six years before BENCH_DAY.
        cursor.execute(
            """
            INSERT INTO questions_question (office_id, session, minister_id, minister_title, number, date,
                author_id, title, theme, explanation, answered, answer_date, series_id, parliament_id,
                parliament_url, answered_in_time, created, updated)
            SELECT o.id,
                   CASE WHEN extract(month FROM d) >= 10
                             OR (extract(month FROM d) = 9 AND extract(day FROM d) >= 22)
                        THEN extract(year FROM d)::int || '-' || (extract(year FROM d)::int + 1)
                        ELSE (extract(year FROM d)::int - 1) || '-' || extract(year FROM d)::int END,
                   (%(ministers)s::bigint[])[1 + n %% %(minister_count)s], 'VLAAMS MINISTER', n + 1, d,
                   (%(members)s::bigint[])[1 + (n / %(per_office)s) * %(mpo)s + n %% %(mpo)s],
                   'Onderwerp ' || (n %% 997) || ' - vraag ' || n,
                   'Thema ' || (n %% %(themes)s),
                   'Toelichting bij vraag ' || n || ': de cijfers per provincie en per jaar.',
                   NOT (d > %(day)s::date - 45 AND n %% 3 = 0),
                   CASE WHEN d > %(day)s::date - 45 AND n %% 3 = 0 THEN NULL ELSE d + 20 END,
                   NULL, '', '', NULL, now(), now()
            FROM generate_series(0, %(total)s - 1) AS n
            JOIN LATERAL (SELECT %(day)s::date - ((n * 7919) %% 2190) AS d) AS dd ON true
            JOIN LATERAL (SELECT (%(offices)s::bigint[])[1 + n / %(per_office)s] AS id) AS o ON true
            """,
            {"ministers": minister_ids, "minister_count": len(minister_ids), "members": member_ids,
             "per_office": per_office, "mpo": MEMBERS_PER_OFFICE, "themes": THEMES, "day": BENCH_DAY,
             "total": per_office * OFFICES, "offices": [o.pk for o in offices]})
        # Promises of the last year: one in four still open; older ones delivered or dropped.
        cursor.execute(
            """
            INSERT INTO promises_promise (office_id, question_id, answer_part_id, kind, quote, expected,
                basis, status, delivered_in_id, snoozed_until, changed_by_id, changed, created)
            SELECT q.office_id, q.id, NULL, 'provisional',
                   'De finale validering van de cijfers moet nog gebeuren (' || k || ').',
                   q.date + (30 + (q.id * 31 + k * 17) %% 370)::int, 'bench',
                   CASE WHEN q.date > %(day)s::date - 365 AND (q.id + k) %% 4 = 0 THEN 'confirmed'
                        WHEN k %% 6 = 0 THEN 'dropped' ELSE 'delivered' END,
                   NULL, NULL, NULL, now(), now()
            FROM questions_question q CROSS JOIN generate_series(1, %(per_question)s) AS k
            """,
            {"day": BENCH_DAY, "per_question": promises_per_question})
        # What autovacuum does to freshly loaded tables: statistics and the visibility map (which lets a
        # COUNT read an index alone), so the pages are measured as on a database in use, not mid-load.
        cursor.execute("VACUUM ANALYZE")
        # And the load written out: PostgreSQL would otherwise still be flushing it (a checkpoint of a
        # gigabyte of pages) while the first measurements run, and their commits wait on that disk.
        cursor.execute("CHECKPOINT")
    return Dataset(office_id=offices[0].pk, staff_username="staff1-1", superuser="admin",
                   questions=per_office * OFFICES, office_questions=per_office,
                   promises=per_office * OFFICES * promises_per_question)
