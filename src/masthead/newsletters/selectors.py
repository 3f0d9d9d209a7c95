"""Reads: which newsletters exist, who is subscribed, who is entitled to a subscribers-only one."""

from datetime import datetime, timedelta

from django.db.models import Count
from django.utils import timezone

from masthead import caching
from masthead.access.readers import reader_for_user
from masthead.billing.models import AccessGrant
from masthead.billing.models import Subscription as BillingSubscription
from masthead.billing.selectors import subscription_entitles

from .models import Delivery, DeliveryState, Newsletter, Subscription, Suppression

CACHE_KEY = "newsletters:active:v1"


def active_newsletters() -> list[Newsletter]:
    """Every active newsletter in order; read on walls and sign-up forms, so cached briefly."""
    found = caching.get(CACHE_KEY, local_seconds=5)
    if found is None:
        found = list(Newsletter.objects.filter(active=True))
        caching.set(CACHE_KEY, found, 60, local_seconds=5)
    return found


def clear_newsletter_cache(**kwargs) -> None:
    caching.delete(CACHE_KEY)


def newsletter_by_slug(slug: str) -> Newsletter | None:
    return next((n for n in active_newsletters() if n.slug == slug), None)


def is_entitled(user, now: datetime | None = None) -> bool:
    """Whether the reader may join (and keep receiving) a subscribers-only newsletter."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return reader_for_user(user, now=now).status.entitled


def subscribed_slugs(user) -> list[str]:
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    return list(
        Subscription.objects.filter(user=user, active=True, newsletter__active=True)
        .order_by("newsletter__sort_order", "newsletter__name")
        .values_list("newsletter__slug", flat=True)
    )


def entitled_user_ids(user_ids: list[int], now: datetime | None = None) -> set[int]:
    """Of these readers, the ones entitled now: one query for grants, one for subscriptions
    (a batch's worth at send time, instead of one entitlement query per recipient)."""
    now = now or timezone.now()
    entitled = set(
        AccessGrant.objects.filter(
            user_id__in=user_ids, starts_at__lte=now, ends_at__gt=now
        ).values_list("user_id", flat=True)
    )
    rest = [uid for uid in user_ids if uid not in entitled]
    for sub in BillingSubscription.objects.filter(user_id__in=rest).only(
        "user_id",
        "status",
        "trial_end",
        "current_period_end",
        "cancel_at_period_end",
        "past_due_since",
    ):
        if subscription_entitles(sub, now):
            entitled.add(sub.user_id)
    return entitled


def suppressed_among(emails: list[str]) -> set[str]:
    lowered = [e.lower() for e in emails]
    return {
        e.lower()
        for e in Suppression.objects.filter(email__in=lowered, suppressed=True).values_list(
            "email", flat=True
        )
    }


def issue_progress(issue) -> dict:
    """Sent, failed, skipped, waiting and total rows of an issue, with a rate and an ETA."""
    counts = dict(
        Delivery.objects.filter(issue_id=issue.pk)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    sent = counts.get(DeliveryState.SENT, 0)
    waiting = counts.get(DeliveryState.PENDING, 0) + counts.get(DeliveryState.CLAIMED, 0)
    total = sum(counts.values())
    rate = eta = None
    if issue.started_at and sent:
        end = issue.finished_at or timezone.now()
        seconds = max((end - issue.started_at).total_seconds(), 0.001)
        rate = sent / seconds
        eta = (
            None
            if issue.finished_at or not waiting
            else timezone.now() + timedelta(seconds=waiting / rate)
        )
    opened = clicked = 0
    if issue.track_opens or issue.track_clicks:
        stats = Delivery.objects.filter(issue_id=issue.pk).aggregate(
            opened=Count("opened_at"), clicked=Count("clicked_at")
        )
        opened, clicked = stats["opened"], stats["clicked"]
    return {
        "total": total,
        "sent": sent,
        "failed": counts.get(DeliveryState.FAILED, 0),
        "skipped": counts.get(DeliveryState.SKIPPED, 0),
        "waiting": waiting,
        "rate": rate,
        "eta": eta,
        "opened": opened,
        "clicked": clicked,
        "percent": round(100 * (total - waiting) / total) if total else 0,
    }
