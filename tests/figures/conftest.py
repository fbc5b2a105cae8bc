from datetime import date

import pytest

from svtracker.figures.services import store_answer_tables
from tests.factories import MemberFactory, MinisterFactory, QuestionFactory, SeriesFactory

from .tables import SEED_155, SEED_362


@pytest.fixture
def series_155_362(office):
    """No. 155 (31 January 2022) and its follow-up no. 362 (15 June 2022), each with its answer's table."""
    series = SeriesFactory(office=office, title="Cursussen maatschappelijke oriëntatie (MO)")
    author, minister = MemberFactory(name="Maaike De Vreese"), MinisterFactory(name="Bart Somers")
    q155 = QuestionFactory(office=office, series=series, session="2021-2022", number=155, author=author,
                           minister=minister, date=date(2022, 1, 31), answered=True,
                           answer_date=date(2022, 4, 4))
    q362 = QuestionFactory(office=office, series=series, session="2021-2022", number=362, author=author,
                           minister=minister, date=date(2022, 6, 15), answered=True,
                           answer_date=date(2022, 7, 14))
    store_answer_tables(question=q155, tables=[SEED_155])
    store_answer_tables(question=q362, tables=[SEED_362])
    return series, q155, q362
