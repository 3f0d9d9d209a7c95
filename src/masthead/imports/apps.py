from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "masthead.imports"
    label = "imports"
    verbose_name = "Imports (WordPress, Ghost, Substack)"
    default_auto_field = "django.db.models.BigAutoField"
