from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "masthead.members"
    label = "members"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
