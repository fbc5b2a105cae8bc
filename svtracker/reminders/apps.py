from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "svtracker.reminders"
