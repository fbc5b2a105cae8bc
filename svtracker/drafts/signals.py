"""When a question is imported, a sent draft with the same member and title gets linked to it."""

from django.db import transaction


def question_saved(sender, instance, **kwargs):
    # After the import's transaction: the question's own references are in place by then.
    transaction.on_commit(lambda: _link(instance.pk))


def _link(question_pk: int) -> None:
    from svtracker.questions.models import Question

    from .services import link_sent_draft

    question = Question.objects.filter(pk=question_pk).select_related("office", "author", "series").first()
    if question is not None:
        link_sent_draft(question=question)
