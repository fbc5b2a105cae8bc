"""A promise the member quotes from an earlier answer belongs to that earlier question."""

import pytest

from svtracker.pipeline.services import import_document
from svtracker.promises.models import Promise
from svtracker.questions.models import Question

pytestmark = pytest.mark.django_db

# A stand-in for no. 155 (not among the seeds), the question whose answer seed 000 (no. 362) quotes.
EARLIER_155 = """SCHRIFTELIJKE VRAAG
nr. 155
van MAAIKE DE VREESE
datum: 31 januari 2022
aan BART SOMERS
VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR,
BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN

Cliëntvolgsysteem  -  Annulaties

1. Hoeveel annulaties van cursisten werden geregistreerd?
"""

QUOTE = "De minister deelde mee dat cijfers kunnen worden getrokken vanaf het najaar 2021."


def test_a_promise_quoted_from_an_earlier_answer_is_the_earlier_questions_and_the_later_answer_may_deliver_it(
        office, seed_files):
    import_document(office=office, filename="sv155.txt", data=EARLIER_155.encode())
    import_document(office=office, filename=seed_files[0].name, data=seed_files[0].read_bytes())
    q155, q362 = (Question.objects.get(office=office, number=n) for n in (155, 362))
    promise = Promise.objects.get(quote=QUOTE)
    assert promise.question == q155
    assert (promise.status, promise.delivered_in) == (Promise.Status.POSSIBLY_DELIVERED, q362)
    assert not q362.promises.filter(quote=QUOTE).exists()

    import_document(office=office, filename="opnieuw.txt", data=seed_files[0].read_bytes() + b"\n")
    assert Promise.objects.filter(quote=QUOTE).count() == 1


def test_the_earlier_question_arriving_later_takes_the_quoted_promise(office, seed_files):
    import_document(office=office, filename=seed_files[0].name, data=seed_files[0].read_bytes())
    assert Promise.objects.get(quote=QUOTE).question.number == 362
    import_document(office=office, filename="sv155.txt", data=EARLIER_155.encode())
    promise = Promise.objects.get(quote=QUOTE)
    assert (promise.question.number, promise.status, promise.delivered_in.number) == (
        155, Promise.Status.POSSIBLY_DELIVERED, 362)
