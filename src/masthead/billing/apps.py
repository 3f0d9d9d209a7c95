from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "masthead.billing"
    label = "billing"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment check
