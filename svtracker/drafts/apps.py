from django.apps import AppConfig
from django.db.models.signals import post_save


class DraftsConfig(AppConfig):
    name = "svtracker.drafts"

    def ready(self):
        from svtracker.questions.models import Question

        from .signals import question_saved

        post_save.connect(question_saved, sender=Question, dispatch_uid="drafts_link_sent_draft")
