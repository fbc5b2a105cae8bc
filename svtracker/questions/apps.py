from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "svtracker.questions"
