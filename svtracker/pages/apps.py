from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "svtracker.pages"
    verbose_name = "Pagina's"
