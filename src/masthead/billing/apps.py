from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "masthead.billing"
    label = "billing"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from masthead import caching

        from . import checks  # noqa: F401 - registers the deployment check
        from .entitlement_cache import forget_entitlements
        from .models import AccessGrant, Offer, Plan, Subscription
        from .selectors import WALL_OFFERS_KEY

        def forget_offers(**kwargs):
            caching.delete(WALL_OFFERS_KEY)

        # weak=False: these receivers are local functions, nothing else keeps them alive (with
        # a weak reference the offers' receiver was collected at once and never ran).
        for model in (Offer, Plan):
            name = model.__name__
            post_save.connect(
                forget_offers, sender=model, weak=False, dispatch_uid=f"offers-{name}"
            )
            post_delete.connect(
                forget_offers, sender=model, weak=False, dispatch_uid=f"offers-del-{name}"
            )

        def forget_entitlement(instance, **kwargs):
            forget_entitlements([instance.user_id])

        for model in (Subscription, AccessGrant):
            name = model.__name__
            post_save.connect(
                forget_entitlement, sender=model, weak=False, dispatch_uid=f"ent-{name}"
            )
            post_delete.connect(
                forget_entitlement, sender=model, weak=False, dispatch_uid=f"ent-del-{name}"
            )
