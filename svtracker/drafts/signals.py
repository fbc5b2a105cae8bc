"""When a question is imported, a sent draft with the same member and title gets linked to it."""

from django.db import transaction
from django.db.models import Q


def question_saved(sender, instance, **kwargs):
    # After the import's transaction: the question's own references are in place by then.
    transaction.on_commit(lambda: _link(instance))


def _link(instance) -> None:
    from svtracker.questions.models import Question

    from .models import Draft
    from .services import _normalised_title, link_sent_draft

    # One query on the drafts first: most imported questions have no sent draft waiting for them, and then
    # there is nothing to reload.
    titles = (Draft.objects
              .filter(office_id=instance.office_id, status=Draft.Status.SENT, author_id=instance.author_id)
              .filter(Q(asked_question__isnull=True) | Q(asked_question_id=instance.pk))
              .values_list("title", flat=True))
    if _normalised_title(instance.title) not in {_normalised_title(title) for title in titles}:
        return
    question = Question.objects.filter(pk=instance.pk).select_related("office", "author", "series").first()
    if question is not None:
        link_sent_draft(question=question)
