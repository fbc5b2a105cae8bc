"""A few hundred factory-made questions whose scorecard figures are worked out by hand (test_selectors)."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from svtracker.people.models import MinisterTerm, PolicyArea
from svtracker.promises.models import Promise
from svtracker.questions.models import Question
from tests.factories import MemberFactory, MinisterFactory, OfficeFactory, QuestionFactory

TITLE_A = (
    "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, "
    "BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN"
)
TITLE_B = "VLAAMS MINISTER VAN BINNENLANDS BESTUUR, INBURGERING EN GELIJKE KANSEN"
BRUSSELS = ZoneInfo("Europe/Brussels")

# Asked on Monday 5 February 2024. Day 1 of the 20 working days is the first working day after that week,
# Monday 12 February; no holiday or recess until Friday 8 March 2024, the 20th working day: due that day.
ASKED, DUE = date(2024, 2, 5), date(2024, 3, 8)
# Minister B (who held Inburgering before): asked Monday 7 February 2022, due Friday 11 March 2022.
ASKED_B = date(2022, 2, 7)
TODAY = date(2024, 12, 10)


@dataclass
class Dataset:
    office: object
    minister_a: object
    minister_b: object
    area: object
    questions: int


def build(office, *, scale: int = 10) -> Dataset:
    """`scale` 10 gives the figures below; other scales multiply every group (for the query count)."""
    member = MemberFactory(name="Maaike De Vreese")
    office.members.add(member)
    stranger = MemberFactory(name="Lid Van Elders")
    a, b = MinisterFactory(name="Gwendolyn Rutten"), MinisterFactory(name="Bart Somers")
    area = PolicyArea.objects.create(name="Inburgering")
    for minister, title, start in ((a, TITLE_A, date(2024, 1, 1)), (b, TITLE_B, date(2020, 1, 1))):
        MinisterTerm.objects.create(minister=minister, function_title=title, start=start).policy_areas.add(
            area
        )

    def questions(count, **fields):
        fields = {
            "office": office,
            "author": member,
            "minister": a,
            "minister_title": TITLE_A,
            "date": ASKED,
            "series": None,
            **fields,
        }
        return Question.objects.bulk_create(QuestionFactory.build(**fields) for _ in range(count))

    n = scale // 10
    on_time = questions(200 * n, answered=True, answer_date=DUE)  # 32 days
    late = questions(60 * n, answered=True, answer_date=date(2024, 3, 11))  # 35 days
    questions(40 * n)  # never answered: late and still open
    questions(20 * n, date=date(2024, 12, 2))  # due in January 2025: still within the deadline on TODAY
    Question.objects.filter(pk__in=[q.pk for q in on_time[: 150 * n]]).update(answered_in_time=True)
    Question.objects.filter(pk__in=[q.pk for q in late[: 50 * n]]).update(answered_in_time=False)
    questions(
        30 * n, minister=b, minister_title=TITLE_B, date=ASKED_B, answered=True, answer_date=date(2022, 3, 10)
    )  # on time, 31 days
    questions(10 * n, author=stranger)  # a member the office does not work for
    questions(10 * n, office=OfficeFactory(name="Kantoor Elders"))

    # Promises in 100 of the on-time answers, expected 3 June 2024; the follow-ups that delivered them went
    # to another minister so that they do not count among minister A's questions.
    other = MinisterFactory(name="Hilde Crevits")
    early = questions(
        1,
        minister=other,
        minister_title="",
        date=date(2024, 4, 15),
        answered=True,
        answer_date=date(2024, 5, 20),
    )[0]
    later = questions(
        1,
        minister=other,
        minister_title="",
        date=date(2024, 6, 3),
        answered=True,
        answer_date=date(2024, 7, 3),
    )[0]
    groups = [
        (40, Promise.Status.DELIVERED, date(2024, 6, 3), early),  # on time
        (20, Promise.Status.DELIVERED, date(2024, 6, 3), later),  # 30 days late
        (25, Promise.Status.CONFIRMED, date(2024, 6, 3), None),  # open past its date
        (10, Promise.Status.DROPPED, date(2024, 6, 3), None),
        (5, Promise.Status.PROPOSED, date(2025, 6, 1), None),
    ]
    made = iter(on_time)
    for count, status, expected, delivered_in in groups:
        promises = Promise.objects.bulk_create(
            Promise(
                office=office,
                question=next(made),
                quote="Deze cijfers zijn onder voorbehoud.",
                status=status,
                expected=expected,
                delivered_in=delivered_in,
            )
            for _ in range(count * n)
        )
        if status == Promise.Status.DROPPED:
            Promise.objects.filter(pk__in=[p.pk for p in promises]).update(
                changed=datetime(2024, 7, 1, 10, tzinfo=BRUSSELS)
            )
    return Dataset(office, a, b, area, Question.objects.count())


@pytest.fixture
def dataset(office):
    return build(office)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no kept figures (ids are reused between tests on SQLite)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
