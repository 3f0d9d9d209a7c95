from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "masthead.newsroom"
    label = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from masthead import responserules  # noqa: F401 - registers masthead.E003

        from . import signals

        signals.connect()
