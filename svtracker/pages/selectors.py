"""What the combined pages read: each part through its own app's selectors, put together here."""

from datetime import date

from django.db.models import Max, Prefetch

from svtracker.accounts.models import Office
from svtracker.promises import selectors as promise_selectors
from svtracker.questions import selectors as question_selectors
from svtracker.questions.models import Reference, Series


def series_overview(*, office: Office):
    """The series table: each series with its question count, open promises and latest question."""
    return promise_selectors.with_open_promise_count(
        question_selectors.series_for(office=office)).annotate(last_date=Max("questions__date"))


def series_page(*, office: Office, pk: int) -> Series:
    return promise_selectors.with_open_promise_count(question_selectors.series_for(office=office)).get(pk=pk)


def series_timeline(*, series: Series) -> list[dict]:
    """The questions of a series in date order, with the referenced questions that are not imported yet.

    A reference without a target still tells its number, date and the sentence that mentions it; every
    reference to the same missing question (same number and session year, whatever date it is written
    with) becomes one entry, with each date written (`dates`). An imported question lists the other dates
    it was cited with (`cited_dates`): its own date is the parliament's record.
    """
    open_promises = promise_selectors.open_promises_prefetch()
    delivered = promise_selectors.delivered_prefetch()
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
