"""The series at a glance: a timeline picture instead of the cards above three questions."""

from datetime import date

from svtracker.figures.timeline import series_picture
from svtracker.pages.selectors import series_timeline
from svtracker.promises.models import Promise
from tests.factories import PromiseFactory, QuestionFactory, SeriesFactory


def make_series(office, count):
    series = SeriesFactory(office=office, title="Inburgeraars - Verplichte inschrijving bij VDAB")
    questions = [QuestionFactory(office=office, series=series, number=n + 1, date=date(2023, 1 + 2 * n, 9),
                                 answered=n < count - 1,
                                 answer_date=date(2023, 2 + 2 * n, 10) if n < count - 1 else None)
                 for n in range(count)]
    PromiseFactory(question=questions[0], status=Promise.Status.DELIVERED, expected=date(2023, 4, 1),
                   delivered_in=questions[1])
    PromiseFactory(question=questions[1], status=Promise.Status.CONFIRMED, expected=date(2023, 12, 1))
    return series, questions


def test_lanes_show_asked_answered_promised_and_delivered(office):
    series, questions = make_series(office, 4)
    picture = series_picture(series_timeline(series=series), today=date(2024, 1, 15))
    first, second, *_rest, last = picture.lanes
    assert [lane.label for lane in picture.lanes] == ["nr. 1", "nr. 2", "nr. 3", "nr. 4"]
    assert first.asked < first.answered < second.asked
    assert [p["open"] for p in first.promises] == [False]  # delivered by no. 2 ...
    assert first.promises[0]["x"] == second.answered  # ... on the day no. 2 was answered
    assert [p["open"] for p in second.promises] == [True] and second.promises[0]["x"] > second.answered
    assert last.answered is None
    assert picture.ticks[0][1] == "jan 2023" and picture.today_x > last.asked


def test_series_page_shows_the_timeline_picture_with_more_than_three_questions(office, staff_client):
    series, questions = make_series(office, 4)
    html = staff_client.get(f"/series/{series.pk}/").content.decode()
    assert "De reeks in één oogopslag" in html and 'class="timeline-svg chart"' in html
    assert '<ol class="timeline">' not in html
    assert "open, verwacht 1 december 2023" in html  # the same in the table under the picture


def test_series_page_keeps_the_cards_up_to_three_questions(office, staff_client):
    series, questions = make_series(office, 3)
    html = staff_client.get(f"/series/{series.pk}/").content.decode()
    assert '<ol class="timeline">' in html and "De reeks in één oogopslag" not in html
