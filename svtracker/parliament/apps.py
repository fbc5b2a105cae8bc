from django.apps import AppConfig


class ParliamentConfig(AppConfig):
    name = "svtracker.parliament"
