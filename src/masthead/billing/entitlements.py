"""Whether a signed-in reader reads everything now: the one answer the gate asks billing for.

    entitlement_for(user, timezone.now())   # Entitlement(entitled=True, until=..., lapse=None)

A reader is entitled by a complimentary grant covering now, or by a subscription that entitles
now (``subscription_entitles``: trialing to the trial's end, active to the period's end plus
``RENEWAL_SLACK``, past due for the grace period). The answer is read from the database
(``entitlement_from_database``: two queries) and kept in Django's cache
(``billing.entitlement_cache``) until the first of:

* any change to the reader's subscriptions or grants (saves, deletes, queryset writes);
* the next instant at which the same rows give another answer (a trial, period or grant ends
  or starts, a grace period ends): a cached answer is never used past it;
* ``ENTITLEMENT_SECONDS``.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from . import entitlement_cache
from .models import AccessGrant, Subscription, SubscriptionStatus


@dataclass(frozen=True)
class Entitlement:
    entitled: bool
    until: datetime | None = None
    lapse: str | None = None  # "trial" or "access" when a past entitlement ended


RENEWAL_SLACK = timedelta(days=2)  # a renewal's webhook may arrive a little late


def grace_days() -> int:
    return getattr(settings, "MASTHEAD_PAST_DUE_GRACE_DAYS", 7)


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
        return since + timedelta(days=grace_days()) > now
    return False


def _next_change(grants: list, subs: list, now: datetime) -> datetime | None:
    """The first instant after ``now`` at which these rows could give another answer (every
    moment ``subscription_entitles`` and the grant test compare ``now`` with)."""
    grace = timedelta(days=grace_days())
    moments = [t for grant in grants for t in (grant.starts_at, grant.ends_at)]
    for sub in subs:
        for t in (sub.trial_end, sub.current_period_end, sub.past_due_since):
            if t is not None:
                moments += [t, t + RENEWAL_SLACK, t + grace]
    return min((t for t in moments if t > now), default=None)


def entitlement_from_database(user, now: datetime) -> tuple[Entitlement, datetime | None]:
    """The answer for ``now`` and the instant it may change by itself (None: not by time)."""
    grants = list(AccessGrant.objects.filter(user=user).order_by("-ends_at")[:1])
    subs = list(Subscription.objects.filter(user=user).order_by("-created_at")[:3])
    changes_at = _next_change(grants, subs, now)
    if grants and grants[0].starts_at <= now < grants[0].ends_at:
        return Entitlement(True, until=grants[0].ends_at), changes_at
    for sub in subs:
        if subscription_entitles(sub, now):
            return Entitlement(True, until=sub.current_period_end), changes_at
    if subs:
        latest = subs[0]
        lapse = "trial" if latest.trial_end and not latest.converted else "access"
        return Entitlement(False, lapse=lapse), changes_at
    if grants:
        return Entitlement(False, lapse="access"), changes_at
    return Entitlement(False), changes_at


def entitlement_for(user, now: datetime) -> Entitlement:
    """Whether a signed-in reader reads everything now, and why not if they once did."""
    if user is None or not user.is_authenticated:
        return Entitlement(False)
    token, stored = entitlement_cache.read(user.pk)
    grace = grace_days()
    if stored is not None:
        stored_token, checked, changes_at, stored_grace, entitled, until, lapse = stored
        fresh = changes_at is None or now < changes_at
        if stored_token == token and stored_grace == grace and checked <= now and fresh:
            return Entitlement(entitled, until, lapse)
    answer, changes_at = entitlement_from_database(user, now)
    if token is not None:
        seconds = entitlement_cache.ENTITLEMENT_SECONDS
        if changes_at is not None:
            seconds = min(seconds, (changes_at - timezone.now()).total_seconds())
        row = (now, changes_at, grace, answer.entitled, answer.until, answer.lapse)
        entitlement_cache.store(user.pk, token, row, seconds)
    return answer
