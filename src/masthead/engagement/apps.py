from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "masthead.engagement"
    label = "engagement"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Banner
        from .selectors import clear_banner_cache

        post_save.connect(clear_banner_cache, sender=Banner, dispatch_uid="banner-save")
        post_delete.connect(clear_banner_cache, sender=Banner, dispatch_uid="banner-delete")
