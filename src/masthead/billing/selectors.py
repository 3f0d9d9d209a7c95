"""Reads of billing state. ``entitlement_for`` is the one place the gate learns who is entitled."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from masthead import caching

from .models import AccessGrant, Offer, Subscription, SubscriptionStatus


@dataclass(frozen=True)
class Entitlement:
    entitled: bool
    until: datetime | None = None
    lapse: str | None = None  # "trial" or "access" when a past entitlement ended


def _grace() -> timedelta:
    return timedelta(days=getattr(settings, "MASTHEAD_PAST_DUE_GRACE_DAYS", 7))


RENEWAL_SLACK = timedelta(days=2)  # a renewal's webhook may arrive a little late


def subscription_entitles(sub: Subscription, now: datetime) -> bool:
    if sub.status == SubscriptionStatus.TRIALING:
        end = sub.trial_end or sub.current_period_end
        return end is None or end > now
    if sub.status == SubscriptionStatus.ACTIVE:
        if sub.current_period_end is None:
            return True
        if sub.cancel_at_period_end:
            return sub.current_period_end > now  # access to the end of the paid period
        return sub.current_period_end + RENEWAL_SLACK > now
    if sub.status == SubscriptionStatus.PAST_DUE:
        since = sub.past_due_since or sub.current_period_end or now
        return since + _grace() > now
    return False


def entitlement_for(user, now: datetime) -> Entitlement:
    """Whether a signed-in reader reads everything now, and why not if they once did."""
    if user is None or not user.is_authenticated:
        return Entitlement(False)
    grants = list(AccessGrant.objects.filter(user=user).order_by("-ends_at")[:1])
    if grants and grants[0].starts_at <= now < grants[0].ends_at:
        return Entitlement(True, until=grants[0].ends_at)
    subs = list(Subscription.objects.filter(user=user).order_by("-created_at")[:3])
    for sub in subs:
        if subscription_entitles(sub, now):
            return Entitlement(True, until=sub.current_period_end)
    if subs:
        latest = subs[0]
        lapse = "trial" if latest.trial_end and not latest.converted else "access"
        return Entitlement(False, lapse=lapse)
    if grants:
        return Entitlement(False, lapse="access")
    return Entitlement(False)


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
