from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "masthead.comments"
    label = "comments"
    verbose_name = "Comments"

    def ready(self):
        from django.db.models.signals import post_save

        from .editorial import clear_settings_cache
        from .models import CommentSettings

        post_save.connect(
            clear_settings_cache, sender=CommentSettings, dispatch_uid="comment-settings-save"
        )
