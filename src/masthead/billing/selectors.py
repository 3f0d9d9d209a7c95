"""Reads of billing state. ``entitlement_for`` is the one place the gate learns who is entitled
(``billing.entitlements``: read through a cache, forgotten on every change)."""

from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from masthead import caching

from .entitlements import RENEWAL_SLACK, Entitlement, entitlement_for, subscription_entitles
from .models import Offer, Subscription, SubscriptionStatus

__all__ = [
    "RENEWAL_SLACK",
    "WALL_OFFERS_KEY",
    "Entitlement",
    "current_subscription",
    "entitlement_for",
    "live_offers",
    "subscription_entitles",
    "wall_offers",
]


WALL_OFFERS_KEY = "billing:wall-offers:v1"


def live_offers(now: datetime | None = None) -> list:
    """Offers that a reader can take now, featured first."""
    now = now or timezone.now()
    offers = (
        Offer.objects.select_related("plan")
        .filter(starts_at__lte=now, plan__active=True)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
    )
    return [offer for offer in offers if offer.is_live(now)]


def wall_offers(limit: int = 2, *, returning: bool = False) -> list:
    """The offers a wall shows: read on every walled view, so cached briefly (an offer's own
    dates are checked again on each view, so one never outlives its end). A ``returning``
    reader (one who has had a subscription) is not shown offers for new subscribers only."""
    offers = caching.get(WALL_OFFERS_KEY, local_seconds=5)
    if offers is None:
        offers = live_offers()
        caching.set(WALL_OFFERS_KEY, offers, 30, local_seconds=5)
    now = timezone.now()
    offers = [o for o in offers if not (returning and o.new_subscribers_only)]
    return [offer for offer in offers if offer.is_live(now)][:limit]


def current_subscription(user):
    """The reader's newest subscription that still entitles or may be resumed, or None."""
    now = timezone.now()
    for sub in Subscription.objects.filter(user=user).select_related("plan", "offer")[:3]:
        if subscription_entitles(sub, now) or sub.status == SubscriptionStatus.PAST_DUE:
            return sub
    return None
