from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "masthead.events"
    label = "events"
    verbose_name = "Reader events"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import buffer

        buffer.install_exit_flush()
