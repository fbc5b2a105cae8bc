"""The reminders' raw SQL on both databases: PostgreSQL's arrays and date arithmetic, SQLite's json_each and
julianday; the same rows either way.

A statement is written once with `{placeholders}` for what differs (`sql(template)` fills them for the
connection's database) and its list parameters go through `array(values)`.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from django.db import connection
from django.utils import timezone

_DIALECTS = {
    "postgresql": {
        "in": "= ANY({})",  # membership in a list parameter
        "date": "{}::date",
        "days_between": "({} - {})",
        "plus_days": "({} + {})",
    },
    "sqlite": {
        "in": "IN (SELECT value FROM json_each({}))",
        "date": "{}",
        "days_between": "CAST(julianday({}) - julianday({}) AS INTEGER)",
        "plus_days": "date({}, '+' || ({}) || ' days')",
    },
}


def dialect(name: str, *args: str) -> str:
    """One piece of SQL for the connection's database, e.g. dialect("in", "%(ids)s")."""
    return _DIALECTS[connection.vendor][name].format(*args)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def array(values) -> list | str:
    """A list parameter: a list for PostgreSQL's arrays, JSON text for SQLite's json_each."""
    values = list(values)
    if is_postgresql():
        return values
    return json.dumps([value.isoformat() if isinstance(value, date) else value for value in values])


def now():
    """The current time as the database stores a DateTimeField (naive UTC text on SQLite)."""
    return connection.ops.adapt_datetimefield_value(timezone.now())


def as_date(value) -> date:
    """A date read back from raw SQL: PostgreSQL gives a date, SQLite its ISO text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)
