from django.apps import AppConfig


class RevenueConfig(AppConfig):
    name = "masthead.revenue"
    label = "revenue"
    verbose_name = "Revenue intelligence"
    default_auto_field = "django.db.models.BigAutoField"
