"""The one way a document becomes a question, whatever the door (upload, command, demo, parliament sync,
register form): read, parse, store the question and its parts, link references and series, propose
promises, and when an answer is new flag promises possibly delivered, link the sent draft and notify staff.

It sits above questions, promises, drafts and reminders so that none of those imports another to make an
import happen; every side effect is an explicit call here, none a `post_save` signal.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.utils.translation import gettext as _

from svtracker.accounts.models import Office
from svtracker.drafts.services import link_sent_draft
from svtracker.figures.services import store_answer_tables
from svtracker.parsing import (
    MAX_PDF_PAGES,
    PARSER_VERSION,
    ParsedQuestion,
    UnreadableDocument,
    document_text,
    parse_questions,
    squash,
)
from svtracker.promises.services import adopt_quoted_promises, flag_possibly_delivered, sync_proposed_promises
from svtracker.questions.models import Document, Question
from svtracker.questions.services import (
    PeopleSeen,
    StoredQuestion,
    link_references,
    missing_identity,
    store_document,
    store_question,
)
from svtracker.questions.services import register_sent_question as register_question
from svtracker.reminders.services import notify_answer_received

log = logging.getLogger(__name__)

SOURCES = ("upload", "command", "demo", "parliament", "register")


@dataclass(frozen=True)
class ImportResult:
    """What importing a file did to one of its questions (a Bulletin van Vragen en Antwoorden holds several;
    a file that gives no question at all has one failed result)."""

    filename: str
    status: str  # "imported", "updated", "unchanged" or "failed"
    question: Question | None = None
    message: str = ""
    warnings: tuple[str, ...] = ()

    STATUS_LABELS = {"imported": "geïmporteerd", "updated": "bijgewerkt", "unchanged": "ongewijzigd",
                     "failed": "mislukt"}

    @property
    def status_label(self) -> str:
        return _(self.STATUS_LABELS[self.status])


@dataclass(frozen=True)
class ParliamentFacts:
    """What the parliament's open data says about the document's question, beyond the document itself (its
    first question: the parliament publishes one document per question)."""

    parliament_id: str = ""
    url: str = ""
    answered_on: date | None = None
    answered_in_time: bool | None = None
    theme: str = ""
    # Staff hear of answers that arrive while they follow the member, not of the back catalogue.
    followed_since: date | None = None


def read_document(data: bytes, filename: str) -> tuple[str, list[ParsedQuestion]]:
    """The document's text as extracted (kept for reparse) and every question the parser reads in it."""
    text = document_text(data, filename, max_pdf_pages=getattr(settings, "MAX_PDF_PAGES", MAX_PDF_PAGES),
                         pdf_time_budget=settings.PDF_PARSE_SECONDS)  # under gunicorn's 30 s timeout
    return without_nul(text), parse_questions(text)


def without_nul(text: str) -> str:
    """PostgreSQL stores no NUL character in text or JSON; a PDF's text layer may hold some."""
    return str(text).replace("\x00", "")


def parse_result_of(parsed: ParsedQuestion) -> dict:
    """The whole parse as JSON data, stored with the document (dates as ISO strings, numbers as text)."""
    return _plain(parsed)


def _plain(value):
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, str):
        return without_nul(value)  # parser warnings are a str subclass with a code
    if isinstance(value, date | Decimal):
        return value.isoformat() if isinstance(value, date) else str(value)
    return value


def import_documents(*, office: Office, files: Iterable[tuple[str, bytes]], user: User | None = None,
                     source: str = "command") -> Iterator[list[ImportResult]]:
    """Import (filename, bytes) pairs one after the other, each on its own (a broken or empty file gives
    a failed result and the others go on): the results of each file, in order. Members and ministers are
    looked up once per batch."""
    seen = PeopleSeen()
    for filename, data in files:
        yield import_document(office=office, filename=filename, data=data, user=user, source=source,
                              seen=seen)


def import_document(*, office: Office, filename: str, data: bytes, user: User | None = None,
                    source: str = "upload", parliament_facts: ParliamentFacts | None = None,
                    seen: PeopleSeen | None = None) -> list[ImportResult]:
    """Import one document (PDF, Word or text) into an office, in one transaction: one result per question
    it holds, in the file's order (a Bulletin van Vragen en Antwoorden holds several, each keeps the file).

    The same bytes twice change nothing; a corrected version updates the question in place and is kept
    next to the earlier file; a less complete one never removes what was stored. A file that cannot be read
    or identified gives a failed result with a one-line Dutch reason and leaves no trace. So does a
    database that goes away mid-import (rolled back, the stored file removed, a fresh connection next: try
    again) or one that refuses what was read (the same, logged in full; trying again would not help).
    """
    assert source in SOURCES, source
    stored: list[Document] = []
    seen = seen if seen is not None else PeopleSeen()
    try:
        return _import(office=office, filename=filename, data=data, user=user, source=source,
                       facts=parliament_facts or ParliamentFacts(), seen=seen, stored=stored)
    except (OperationalError, InterfaceError) as error:  # the connection went away: worth a retry
        _forget(seen, stored)
        if connection.in_atomic_block:  # an outer transaction decides what happens next
            raise
        log.warning("import of %s failed on the database: %r", filename, error)
        connection.close_if_unusable_or_obsolete()
        return [ImportResult(filename, "failed", message=_(
            "De databank was even niet bereikbaar; er is niets van dit bestand bewaard. Probeer opnieuw."))]
    except DatabaseError:
        # Refused (IntegrityError, DataError): a bug or data the database cannot hold; a retry never helps.
        # The import's own transaction rolled back, so an outer one can go on.
        _forget(seen, stored)
        log.exception("import of %s refused by the database", filename)
        return [ImportResult(filename, "failed", message=_(
            "Dit bestand kon niet bewaard worden: de databank weigerde wat erin gelezen werd; er is niets "
            "van bewaard. Opnieuw proberen helpt niet; de fout staat in het logboek van de server."))]


def _forget(seen: PeopleSeen, stored: list[Document]) -> None:
    """After a rolled-back import: the people it recorded may not exist, the files it wrote must go."""
    seen.forget()
    for document in stored:
        if document.file._committed:  # written to storage before the database refused or went away
            document.file.storage.delete(document.file.name)


def _import(*, office: Office, filename: str, data: bytes, user: User | None, source: str,
            facts: ParliamentFacts, seen: PeopleSeen, stored: list) -> list[ImportResult]:
    digest = hashlib.sha256(data).hexdigest()
    known = Document.objects.filter(sha256=digest, question__office=office).select_related("question")
    if unchanged := [ImportResult(filename, "unchanged", d.question) for d in known.order_by("pk")]:
        return unchanged
    if not data.strip():
        return [ImportResult(filename, "failed", message=_("Het bestand is leeg."))]
    try:
        text, readings = read_document(data, filename)
    except UnreadableDocument as error:
        return [ImportResult(filename, "failed", message=str(error))]
    except Exception:  # noqa: BLE001 - a reader bug on one file must not stop a batch
        log.exception("reading %s failed", filename)
        return [ImportResult(filename, "failed", message=_("Dit bestand kon niet gelezen worden."))]
    missing = [missing_identity(parsed) for parsed in readings]
    if all(missing):  # not a written question at all: one reason for the file
        return [ImportResult(filename, "failed", message=missing[0], warnings=tuple(readings[0].warnings))]
    results, documents = [], {}
    with transaction.atomic():
        for position, (parsed, reason) in enumerate(zip(readings, missing, strict=True), 1):
            warnings = tuple(parsed.warnings)
            if reason:
                results.append(ImportResult(filename, "failed", warnings=warnings, message=_(
                    "Vraag %(position)d van %(count)d in dit bestand: %(reason)s")
                    % {"position": position, "count": len(readings), "reason": reason}))
                continue
            result = store_and_follow_up(office=office, parsed=parsed, seen=seen,
                                         facts=facts if not documents else ParliamentFacts())
            if result.question.pk not in documents:  # the file once per question it holds
                first = next(iter(documents.values()), None)
                # The questions of one file share its stored copy and its text (kept with the first).
                documents[result.question.pk] = store_document(
                    question=result.question, filename=filename, data=data, sha256=digest,
                    text="" if first else text, parse_result=parse_result_of(parsed),
                    parser_version=PARSER_VERSION, source=source, user=user, stored=stored, same_file=first)
            results.append(ImportResult(filename, "imported" if result.created else "updated",
                                        result.question, warnings=warnings))
    return results


def store_and_follow_up(*, office: Office, parsed: ParsedQuestion, seen: PeopleSeen,
                        facts: ParliamentFacts | None = None, notify: bool = True,
                        question: Question | None = None) -> StoredQuestion:
    """Store a parsed document's question and do what follows from it (inside the caller's transaction).
    `question`: the one the document is known to belong to (reparse); `notify`: tell staff of a new answer."""
    facts = facts or ParliamentFacts()
    stored = store_question(office=office, parsed=parsed, seen=seen, parliament_id=facts.parliament_id,
                            parliament_url=facts.url, question=question)
    question = stored.question
    if facts.answered_on or facts.answered_in_time is not None or (facts.theme and not question.theme):
        question.answer_date = facts.answered_on or question.answer_date
        if facts.answered_in_time is not None:
            question.answered_in_time = facts.answered_in_time
        question.theme = question.theme or facts.theme
        question.save(update_fields=["answer_date", "answered_in_time", "theme", "updated"])
    sync_proposed_promises(question=question, proposals=parsed.promises, answer_parts=stored.answer_parts,
                           new_question=stored.created, keep_missing=stored.less_complete)
    if parsed.tables or not stored.less_complete:  # a question without its answer keeps the answer's tables
        store_answer_tables(question=question, tables=parsed.tables, new_question=stored.created,
                            answer_parts=stored.answer_parts)
    now_cited = link_references(question=question, references=stored.references, new_question=stored.created)
    quoted = quoted_from_earlier(explanation=parsed.explanation, quotes=[p.quote for p in parsed.promises],
                                 references=stored.references)
    if quoted:
        adopt_quoted_promises(question=question, earlier_by_sentence=quoted)
    for later in {reference.source for reference in now_cited if not reference.in_answer}:
        # This question arrived after one that quoted its answer: what was quoted is this one's.
        quoted = quoted_from_earlier(explanation=later.explanation, quotes=list(
            later.promises.filter(answer_part__isnull=True).values_list("quote", flat=True)),
            references=list(later.references.select_related("target")))
        if quoted:
            adopt_quoted_promises(question=later, earlier_by_sentence=quoted)
    draft = link_sent_draft(question=question) if stored.created or stored.number_filled else None
    if stored.newly_answered:
        # A question known before may be a sent draft's; a new one only when a draft was just linked.
        flag_possibly_delivered(question=question, answers_sent_draft=draft is not None or not stored.created)
        if notify and _answer_arrived(stored, facts):
            transaction.on_commit(lambda: notify_answer_received(question=question))
    return stored


def _answer_arrived(stored: StoredQuestion, facts: ParliamentFacts) -> bool:
    """Staff hear of an answer to a question they were waiting for (asked, sent from a draft, registered);
    from the parliament sync also of a new question answered since they follow the member. A document that
    brings question and answer at once by hand (an upload, the archive on the command line) is no news."""
    if not stored.created:
        return True
    return bool(facts.followed_since) and (facts.answered_on or facts.followed_since) >= facts.followed_since


def quoted_from_earlier(*, explanation: str, quotes: list[str], references) -> dict:
    """Proposals the member quoted in the explanation from an earlier answer: the quote (normalised) ->
    the earlier question, resolved through the nearest reference before it in the explanation (no. 362:
    "In zijn antwoord op mijn schriftelijke vraag nr. 155 ..." then "De minister deelde mee dat cijfers
    kunnen worden getrokken vanaf het najaar 2021.")."""
    explanation = squash(explanation)
    cited = [(explanation.find(squash(r.text)), r) for r in references
             if not r.in_answer and r.target_id]
    cited = sorted(((at, r) for at, r in cited if at >= 0), key=lambda found: found[0])
    if not cited:
        return {}
    quoted = {}
    for quote in (squash(q) for q in quotes):
        at = explanation.find(quote)
        before = [r for start, r in cited if start <= at] if at >= 0 else []
        if before:
            quoted[quote] = before[-1].target
    return quoted


@transaction.atomic
def register_sent_question(*, office: Office, author, minister, number: int | None, asked_on: date,
                           title: str, session: str, minister_title: str = "") -> Question:
    """A question sent without a document yet (the register form): its answer deadline is followed, and a
    sent draft of the same member and title is linked to it."""
    question = register_question(office=office, author=author, minister=minister, number=number,
                                 asked_on=asked_on, title=title, session=session,
                                 minister_title=minister_title)
    link_sent_draft(question=question)
    return question


@dataclass
class Reparsed:
    """What today's parser changed on one question (empty `changes`: nothing)."""

    question: Question
    changes: list[str]
    problems: list[str]


def reparse_documents(*, office: Office | None = None, dry_run: bool = False) -> list[Reparsed]:
    """Read every stored document again with today's parser and apply what improved.

    A question whose documents all read as before is left alone. Otherwise its documents are applied
    again, oldest first, with the import's own rules: a less complete document removes nothing, and what
    staff changed stays (a confirmed or edited promise, a dropped one stays dropped). No notices go out.
    A dry run reports the same changes and rolls them back.
    """
    documents = Document.objects.select_related("question__office").order_by("question_id", "created", "pk")
    if office is not None:
        documents = documents.filter(question__office=office)
    documents = list(documents)
    files = _StoredFiles(documents)
    by_question: dict[int, list[Document]] = {}
    for document in documents:
        by_question.setdefault(document.question_id, []).append(document)
    report = []
    with transaction.atomic():
        for stored in by_question.values():
            outcome = _reparse_question(stored, files)
            if outcome.changes or outcome.problems:
                report.append(outcome)
        transaction.set_rollback(dry_run)
    return report


def _reparse_question(documents: list[Document], files: _StoredFiles) -> Reparsed:
    question = documents[0].question
    outcome = Reparsed(question, [], [])
    readings = []
    for document in documents:
        try:
            parsed = files.question_in(document)
        except UnreadableDocument as error:
            outcome.problems.append(f"{document.filename}: {error}")
            continue
        if parsed is None:
            outcome.problems.append(f"{document.filename}: " + _("deze vraag staat er niet meer in."))
            continue
        readings.append((document, parsed, parse_result_of(parsed)))
    if all(result == d.parse_result and d.parser_version == PARSER_VERSION for d, _p, result in readings):
        return outcome
    before = question_snapshot(question)
    seen = PeopleSeen()
    for document, parsed, result in readings:
        if missing_identity(parsed):
            outcome.problems.append(f"{document.filename}: {missing_identity(parsed)}")
        else:
            store_and_follow_up(office=question.office, parsed=parsed, seen=seen, question=question,
                                notify=False)
        document.parse_result, document.parser_version = result, PARSER_VERSION
        document.save(update_fields=["text", "parse_result", "parser_version"])
    question.refresh_from_db()
    after = question_snapshot(question)
    outcome.changes = [_describe(name, before[name], after[name]) for name in before
                       if before[name] != after[name]]
    return outcome


class _StoredFiles:
    """The stored files read again by today's parser, each once: the questions of a Bulletin share one
    file and its text (kept with the first question's document)."""

    def __init__(self, documents: list[Document]):
        self.texts = {document.sha256: document.text for document in documents if document.text}
        self.shared: dict[str, list[ParsedQuestion]] = {}  # files of several questions, read once

    def question_in(self, document: Document) -> ParsedQuestion | None:
        """Today's reading of the document's question; None when the file no longer shows it."""
        readings = self.shared.get(document.sha256)
        if readings is None:
            text = self.texts.get(document.sha256)
            if text is None:  # kept before imports kept the text: extracted again, and now kept
                with document.file.open("rb") as stored:
                    text, readings = read_document(stored.read(), document.filename)
                document.text = self.texts[document.sha256] = text
            else:
                readings = parse_questions(text)
            if len(readings) > 1:
                self.shared[document.sha256] = readings
        if len(readings) == 1:
            return readings[0]
        question = document.question
        return next((parsed for parsed in readings
                     if (parsed.number, parsed.session) == (question.number, question.session)), None)


def question_snapshot(question: Question) -> dict:
    """What reparse compares: the question's fields, parts, references and promises."""
    return {
        "titel": question.title, "thema": question.theme, "datum": question.date,
        "toelichting": question.explanation, "beantwoord": question.answered,
        "minister": question.minister_id, "functietitel": question.minister_title,
        "deelvragen": [(s.label, s.text) for s in question.sub_questions.all()],
        "antwoorddelen": [(tuple(p.labels), p.text) for p in question.answer_parts.all()],
        "verwijzingen": sorted((r.number or 0, str(r.date), r.in_answer, r.target_id or 0)
                               for r in question.references.all()),
        "toezeggingen": sorted((p.quote, p.kind, str(p.expected), p.status) for p in question.promises.all()),
    }


def _describe(name: str, before, after) -> str:
    if isinstance(before, list):
        return f"{name}: {len(before)} -> {len(after)}" if len(before) != len(after) else f"{name} gewijzigd"
    if isinstance(before, str) and len(before) + len(after) > 120:
        return f"{name} gewijzigd"
    return f"{name}: {before or '–'} -> {after or '–'}"
