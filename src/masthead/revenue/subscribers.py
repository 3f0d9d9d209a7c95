"""Figures that come from billing's subscription rows, not from events: active subscribers,
MRR, trial-to-paid conversion, and churn: of the subscriptions live at the period's start, the
share whose access ended in it (a trial started and lapsed inside the period is not churn; the
``lapses`` figure counts it).

MRR counts every subscription that entitles now and is paying (active, or past due within its
grace): its current charge per month — a yearly price ÷ 12, and during an introductory offer
what the offer charges now (the introductory price ÷ its periods) instead of the regular price.
A trial charges nothing yet; complimentary grants are not subscriptions.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Count, Q

from masthead.billing.models import Subscription, SubscriptionStatus
from masthead.billing.selectors import subscription_entitles

S = SubscriptionStatus
LIVE = [S.TRIALING, S.ACTIVE, S.PAST_DUE]


@dataclass(frozen=True)
class SubscriberFigures:
    active: int
    trialing: int
    mrr: Decimal
    trials_ended: int
    trials_converted: int
    base_at_start: int
    churned: int = 0  # of the base, ended in the period


def monthly_charge(sub: Subscription, now: datetime) -> Decimal:
    plan, offer = sub.plan, sub.offer
    if plan is None or sub.status == S.TRIALING:
        return Decimal(0)
    months = 12 if plan.interval == "year" else 1
    amount = plan.amount
    if offer is not None and offer.kind == "intro" and offer.intro_amount is not None:
        periods = max(offer.intro_periods, 1)
        intro_end = sub.created_at + timedelta(days=(365 if months == 12 else 30) * periods)
        if now < intro_end:
            amount = offer.intro_amount / periods
    return (amount / months).quantize(Decimal("0.01"))


def subscriber_figures(start: datetime, end: datetime, now: datetime) -> SubscriberFigures:
    """``start``/``end``: the period's first and last instants (trials ended in it)."""
    live = Subscription.objects.filter(status__in=LIVE).select_related("plan", "offer")
    active = trialing = 0
    mrr = Decimal(0)
    for sub in live.iterator(chunk_size=2000):
        if not subscription_entitles(sub, now):
            continue
        active += 1
        trialing += sub.status == S.TRIALING
        mrr += monthly_charge(sub, now)
    trials = Subscription.objects.filter(
        trial_end__gte=start, trial_end__lt=min(end, now)
    ).aggregate(ended=Count("id"), converted=Count("id", filter=Q(converted=True)))
    base = (
        Subscription.objects.filter(created_at__lt=start)
        .exclude(status__in=[S.INCOMPLETE, S.INCOMPLETE_EXPIRED])
        .exclude(ended_at__lt=start)
        .aggregate(
            live=Count("id"), ended=Count("id", filter=Q(ended_at__gte=start, ended_at__lt=end))
        )
    )
    return SubscriberFigures(
        active=active,
        trialing=trialing,
        mrr=mrr,
        trials_ended=trials["ended"],
        trials_converted=trials["converted"],
        base_at_start=base["live"],
        churned=base["ended"],
    )
