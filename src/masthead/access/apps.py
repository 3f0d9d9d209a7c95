from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "masthead.access"
    label = "access"
    verbose_name = "Access and the meter"

    def ready(self):
        from . import signals

        signals.connect_policy_receivers()
