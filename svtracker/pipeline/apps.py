from django.apps import AppConfig


class PipelineConfig(AppConfig):
    """The import pipeline: the one way a document becomes a question (no models of its own)."""

    name = "svtracker.pipeline"
