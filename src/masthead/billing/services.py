"""Writes of billing state: subscriptions (from any provider), cancellations, grants.

Every provider ends in ``upsert_subscription``: the provider's object is the truth, so an
update with an older version than the one stored is ignored (webhooks arrive out of order).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import facts
from .models import AccessGrant, Offer, Subscription, SubscriptionStatus, WebhookEvent
from .providers.base import CheckoutError
from .tasks import (
    send_cancellation,
    send_payment_failed,
    send_subscription_confirmation,
    send_trial_ending,
)


def check_offer_eligibility(user, offer: Offer, now=None) -> None:
    """Raise ``CheckoutError`` when ``user`` may not take ``offer`` now."""
    now = now or timezone.now()
    if not offer.is_live(now):
        raise CheckoutError("This offer has ended. See our current offers.")
    if (
        offer.new_subscribers_only
        and Subscription.objects.filter(user=user)
        .exclude(status__in=[SubscriptionStatus.INCOMPLETE, SubscriptionStatus.INCOMPLETE_EXPIRED])
        .exists()
    ):
        raise CheckoutError("This offer is for new subscribers only.")


def upsert_subscription(
    *,
    user,
    provider: str,
    provider_subscription_id: str,
    status: str,
    current_period_end=None,
    trial_end=None,
    cancel_at_period_end=False,
    plan=None,
    offer=None,
    customer_id: str = "",
    version: int = 0,
    ended_at=None,
    record_facts: bool = True,
) -> Subscription:
    """Create or update the subscription with this provider id to the state given.
    ``record_facts=False`` (a member import taking over a running subscription) writes no
    reader events: it is not a new subscription, nor a cancellation made today."""
    now = timezone.now()
    for _attempt in range(2):
        try:
            with transaction.atomic():
                sub, created = Subscription.objects.select_for_update().get_or_create(
                    provider_subscription_id=provider_subscription_id,
                    defaults={
                        "user": user,
                        "provider": provider,
                        "status": status,
                        "plan": plan,
                        "offer": offer,
                    },
                )
                if not created and version and sub.provider_updated > version:
                    return sub  # an older event arrived late: the stored state is newer
                old = facts.NEW if created else facts.before(sub)
                sub.status = status
                sub.current_period_end = current_period_end
                sub.trial_end = trial_end
                sub.cancel_at_period_end = cancel_at_period_end
                sub.ended_at = ended_at
                sub.provider_updated = max(version, sub.provider_updated)
                sub.plan = plan or sub.plan
                sub.offer = offer or sub.offer
                sub.provider_customer_id = customer_id or sub.provider_customer_id
                if status == SubscriptionStatus.ACTIVE:
                    sub.converted = True
                if status == SubscriptionStatus.PAST_DUE:
                    sub.past_due_since = sub.past_due_since or now
                else:
                    sub.past_due_since = None
                sub.save()
                if record_facts:
                    facts.record_changes(old, sub)  # reader events, in this transaction
                return sub
        except IntegrityError:
            continue  # a concurrent first insert won; read and update it
    raise RuntimeError("could not store the subscription")  # pragma: no cover


def start_subscription(
    *,
    user,
    offer: Offer,
    provider: str,
    provider_subscription_id: str,
    status: str,
    current_period_end,
    trial_end=None,
) -> Subscription:
    """A completed checkout: check eligibility once, count the redemption once."""
    existing = Subscription.objects.filter(
        provider_subscription_id=provider_subscription_id
    ).first()
    if existing is not None:
        if existing.user_id != user.pk:
            raise CheckoutError("This checkout belongs to another account.")
        return existing  # the reader reloaded the success page
    check_offer_eligibility(user, offer)
    with transaction.atomic():
        sub = upsert_subscription(
            user=user,
            provider=provider,
            provider_subscription_id=provider_subscription_id,
            status=status,
            current_period_end=current_period_end,
            trial_end=trial_end,
            plan=offer.plan,
            offer=offer,
        )
        Offer.objects.filter(pk=offer.pk).update(redemptions=F("redemptions") + 1)
    send_subscription_confirmation.enqueue(sub.pk)
    return sub


def set_cancel_at_period_end(subscription: Subscription, value: bool) -> Subscription:
    old = facts.before(subscription)
    Subscription.objects.filter(pk=subscription.pk).update(
        cancel_at_period_end=value, updated_at=timezone.now()
    )
    subscription.refresh_from_db()
    facts.record_changes(old, subscription)
    if value:
        send_cancellation.enqueue(subscription.pk)
    return subscription


OWING = (SubscriptionStatus.PAST_DUE, SubscriptionStatus.UNPAID)


def payment_failed_notify(subscription: Subscription, invoice_id: str) -> bool:
    """Tell the reader their payment failed, once per unpaid invoice: a provider retries a
    card several times and says so in several events (``invoice.payment_failed`` for each
    attempt, the subscription turning ``past_due``), but the reader hears it once. The "once"
    is a unique ``payment-failed:<invoice>`` row in the event table, written in the caller's
    transaction; the mail goes when it commits. Nothing is sent for a subscription that is
    no longer owing (a late event after the card was updated). Returns whether a mail was
    queued."""
    if not invoice_id or subscription.status not in OWING:
        return False
    _row, first = WebhookEvent.objects.get_or_create(
        provider=subscription.provider,
        event_id=f"payment-failed:{invoice_id}"[:100],
        defaults={"type": "payment_failed.mailed"},
    )
    if first:
        transaction.on_commit(lambda: send_payment_failed.enqueue(subscription.pk))
    return first


def send_due_reminders(now=None) -> int:
    """Remind readers whose trial ends within 3 days, once per subscription. On the task
    schedule (``masthead.schedule``, hourly); ``masthead manage send_reminders`` runs it too."""
    now = now or timezone.now()
    due = Subscription.objects.filter(
        status=SubscriptionStatus.TRIALING,
        trial_end__gt=now,
        trial_end__lte=now + timedelta(days=3),
        trial_reminder_sent=False,
    )
    sent = 0
    for sub in due:
        claimed = Subscription.objects.filter(pk=sub.pk, trial_reminder_sent=False).update(
            trial_reminder_sent=True
        )
        if claimed:  # another worker did not get there first
            send_trial_ending.enqueue(sub.pk)
            sent += 1
    return sent


def grant_access(user, *, days: int, note: str = "", now=None) -> AccessGrant:
    """Complimentary full access from now for ``days`` days; it ends by itself."""
    if days < 1 or days > 3650:
        raise ValueError("--days must be between 1 and 3650.")
    now = now or timezone.now()
    return AccessGrant.objects.create(
        user=user, starts_at=now, ends_at=now + timedelta(days=days), note=note[:300]
    )


def grant_access_by_email(email: str, *, days: int, note: str = "") -> AccessGrant:
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise ValueError(f"no reader with the e-mail {email!r}.")
    return grant_access(user, days=days, note=note)
