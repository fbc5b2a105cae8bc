"""The database goes away in the middle of an import: each document is fully imported or reported failed.

On PostgreSQL a small TCP proxy (a thread) sits between Django and the real server. The test cuts every
connection in the middle of a document's transaction and refuses new ones for a while, as a database
restart would. SQLite is a file with no server to lose: there the same happens when another process holds
its write lock for a while (a long write, a backup), and a document's first write gives up mid-import.
"""

from __future__ import annotations

import socket
import sqlite3
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from svtracker.pipeline.services import import_document
from svtracker.promises.models import Promise
from svtracker.questions.models import AnswerPart, Document, Question, Reference, SubQuestion

pytestmark = pytest.mark.django_db(transaction=True)


class PostgresProxy:
    """Forwards 127.0.0.1:<port> to PostgreSQL; `cut()` drops every connection, `refuse` turns new ones
    away."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.refuse = False
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.refuse:
                client.close()
                continue
            server = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        with self.lock:
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self.sockets.clear()

    def close(self):
        self.cut()
        self.listener.close()


class SqliteLock:
    """Another connection to the same SQLite file that takes its write lock (`refuse = True`) and lets go."""

    def __init__(self, name: str):
        self.other = sqlite3.connect(name, isolation_level=None, timeout=5)

    @property
    def refuse(self) -> bool:
        return self.other.in_transaction

    @refuse.setter
    def refuse(self, value: bool):
        if value and not self.refuse:
            self.other.execute("BEGIN IMMEDIATE")
        elif not value and self.refuse:
            self.other.execute("ROLLBACK")

    def cut(self):
        self.refuse = True


@pytest.fixture
def proxied_database():
    """PostgreSQL: the default connection goes through the proxy for the test. SQLite: a second connection
    that can hold the write lock, while ours gives up a write after 0.2 s and starts its transactions
    deferred (reads first, as in production). Restored before the test database flush."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        options = settings_dict["OPTIONS"]
        connection.close()
        settings_dict["OPTIONS"] = {**options, "timeout": 0.2, "transaction_mode": "DEFERRED"}
        lock = SqliteLock(settings_dict["NAME"])
        try:
            yield lock
        finally:
            lock.refuse = False
            lock.other.close()
            connection.close()
            settings_dict["OPTIONS"] = options
        return
    original = (settings_dict["HOST"], settings_dict["PORT"])
    proxy = PostgresProxy(original[0] or "127.0.0.1", int(original[1] or 5432))
    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", proxy.port
    try:
        yield proxy
    finally:
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = original
        proxy.close()


def rows_of(question: Question) -> dict:
    return {"sub_questions": SubQuestion.objects.filter(question=question).count(),
            "answer_parts": AnswerPart.objects.filter(question=question).count(),
            "references": Reference.objects.filter(source=question).count(),
            "promises": Promise.objects.filter(question=question).count(),
            "documents": Document.objects.filter(question=question).count()}


def cut_during(proxy: PostgresProxy, *, table: str, occurrence: int):
    """An execute wrapper: at the `occurrence`-th INSERT into `table` the database goes away (every
    connection cut, new ones refused until the test lets them in again)."""
    seen = {"inserts": 0}

    def wrapper(execute, sql, params, many, context):
        if sql.startswith(f'INSERT INTO "{table}"'):
            seen["inserts"] += 1
            if seen["inserts"] == occurrence:
                proxy.refuse = True
                proxy.cut()
        return execute(sql, params, many, context)

    return wrapper


def lock_at_first_write(lock: SqliteLock, *, armed):
    """An execute wrapper: once `armed()`, the next write finds the file locked by the other connection
    (taken just before it, when our transaction has only read), and so does every write until released."""

    def wrapper(execute, sql, params, many, context):
        if armed() and sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            lock.cut()
        return execute(sql, params, many, context)

    return wrapper


def test_database_cut_mid_import_leaves_each_document_whole_or_failed_and_a_rerun_imports_the_rest(
        office, seed_files, proxied_database, settings, tmp_path):
    proxy = proxied_database
    expected = {}
    for path in seed_files:  # what a clean import gives, per document (then forgotten)
        [result] = import_document(office=office, data=path.read_bytes(), filename=path.name)
        expected[path.name] = rows_of(result.question)
    Question.objects.all().delete()
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            path.unlink()

    results = []
    # The second document loses the database half-way; it is still away for the third, back for the rest.
    if isinstance(proxy, SqliteLock):
        outage = lock_at_first_write(proxy, armed=lambda: len(results) == 1)
    else:
        outage = cut_during(proxy, table="questions_answerpart", occurrence=2)
    with connection.execute_wrapper(outage):
        for path in seed_files:
            if len(results) == 3:
                proxy.refuse = False
            results += import_document(office=office, data=path.read_bytes(), filename=path.name)
    statuses = [r.status for r in results]
    assert statuses == ["imported", "failed", "failed", "imported", "imported"], statuses
    for path, result in zip(seed_files, results, strict=True):
        if result.status == "failed":
            assert "databank" in result.message and "\n" not in result.message
            assert not Document.objects.filter(filename=path.name).exists()
        else:
            assert rows_of(result.question) == expected[path.name], path.name
    # Nothing half-written: every question in the database is complete, every stored file belongs to a row.
    assert Question.objects.count() == statuses.count("imported")
    for question in Question.objects.all():
        name = question.documents.get().filename
        assert rows_of(question) == expected[name], name
    stored = {p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}
    assert len(stored) == Document.objects.count()

    with (tmp_path / "o").open("w") as out:
        call_command("import_questions", *map(str, seed_files), "--office", office.name, stdout=out)
    assert Question.objects.count() == len(seed_files)
    for question in Question.objects.all():
        assert rows_of(question) == expected[question.documents.get().filename]
    summary = (tmp_path / "o").read_text()
    assert f"{statuses.count('failed')} geïmporteerd" in summary and "0 mislukt" in summary
