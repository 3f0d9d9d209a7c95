from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "masthead.engagement"
    label = "engagement"
