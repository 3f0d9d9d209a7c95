from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "masthead.billing"
    label = "billing"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from masthead import caching

        from . import checks  # noqa: F401 - registers the deployment check
        from .models import Offer, Plan
        from .selectors import WALL_OFFERS_KEY

        def forget_offers(**kwargs):
            caching.delete(WALL_OFFERS_KEY)

        for model in (Offer, Plan):
            post_save.connect(forget_offers, sender=model, dispatch_uid=f"offers-{model.__name__}")
            post_delete.connect(
                forget_offers, sender=model, dispatch_uid=f"offers-del-{model.__name__}"
            )
