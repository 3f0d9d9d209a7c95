"""Store what Stripe says about a subscription, through ``services.upsert_subscription``.

Stripe's object, re-read at the moment we act, is the truth; events only tell us when to look.
Its ``version`` is the time we asked Stripe for it (microseconds, taken before the request), so
of two readings that race to be stored, the one taken later wins, whatever the order of the
events that prompted them. (A Subscription carries no "updated" timestamp of its own, and its
other timestamps can move backwards: resuming a cancellation clears ``canceled_at``.)::

    version = version_now()
    obj = api.retrieve_subscription("sub_123")
    store_subscription(obj, version=version, user=reader)
"""

import time
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F

from ...models import Offer, Plan, Subscription, WebhookEvent
from ...services import OWING, payment_failed_notify, upsert_subscription
from ...tasks import send_subscription_confirmation

PROVIDER = "stripe"


def version_now() -> int:
    return time.time_ns() // 1000


def _when(timestamp):
    return datetime.fromtimestamp(timestamp, tz=UTC) if timestamp else None


def _id(value) -> str:
    """An expandable field: an id, or the expanded object."""
    return (value.get("id") if isinstance(value, dict) else value) or ""


def period_end(obj: dict):
    """Recent API versions keep the period on each item; older ones on the subscription."""
    ends = [i.get("current_period_end") for i in (obj.get("items") or {}).get("data", [])]
    ends = [end for end in ends if end] or [obj.get("current_period_end")]
    return _when(max(end or 0 for end in ends))


def user_for(obj: dict, reference: str = ""):
    """Our reader: the ``user_id`` we put in the metadata, else whoever holds the row."""
    user_id = (obj.get("metadata") or {}).get("user_id") or reference
    User = get_user_model()
    if user_id and str(user_id).isdigit():
        user = User.objects.filter(pk=int(user_id)).first()
        if user is not None:
            return user
    sub = Subscription.objects.filter(provider_subscription_id=obj.get("id") or "").first()
    return sub.user if sub else None


def price_id(obj: dict) -> str:
    """The Price of a subscription's first item ("" when it has none)."""
    items = (obj.get("items") or {}).get("data") or [{}]
    return _id((items[0] or {}).get("price"))


def store_subscription(
    obj: dict,
    *,
    version: int,
    user,
    offer=None,
    plan: Plan | None = None,
    record_facts: bool = True,
) -> Subscription:
    """Upsert our copy of Stripe subscription ``obj`` as read at ``version``; ``plan`` is given
    when the caller knows it (a member import's ``--price``), else the Plan with its Price."""
    price = price_id(obj)
    if plan is None and price:
        plan = Plan.objects.filter(stripe_price_id=price).first()
    slug = (obj.get("metadata") or {}).get("offer")
    if offer is None and slug:
        offer = Offer.objects.select_related("plan").filter(slug=slug).first()
    return upsert_subscription(
        user=user,
        provider=PROVIDER,
        provider_subscription_id=obj["id"],
        status=obj["status"],
        current_period_end=period_end(obj),
        trial_end=_when(obj.get("trial_end")),
        cancel_at_period_end=bool(obj.get("cancel_at_period_end") or obj.get("cancel_at")),
        plan=plan or (offer.plan if offer else None),
        offer=offer,
        customer_id=_id(obj.get("customer")),
        version=version,
        ended_at=_when(obj.get("ended_at")),
        record_facts=record_facts,
    )


def owing(obj: dict) -> bool:
    """Stripe says a payment is outstanding: the card failed and Stripe is retrying
    (``past_due``) or has given up (``unpaid``)."""
    return obj.get("status") in OWING


def store_failed_payment(obj: dict, *, version: int, user, invoice_id: str) -> Subscription:
    """Store the subscription, and e-mail the reader about ``invoice_id`` if this is the first
    we hear of its failure (the mail goes once the transaction commits)."""
    with transaction.atomic():
        sub = store_subscription(obj, version=version, user=user)
        payment_failed_notify(sub, invoice_id)
    return sub


def is_paid(session: dict) -> bool:
    return session.get("status") == "complete" and session.get("payment_status") in (
        "paid",
        "no_payment_required",
    )


def record_checkout(session: dict, obj: dict, *, version: int, user) -> Subscription:
    """A paid Checkout Session: store its subscription, and count the offer's redemption and
    send the welcome e-mail once per session, whether the reader's return or the webhook comes
    first (a unique ``checkout:<session id>`` row in the event table is the "once")."""
    slug = (session.get("metadata") or {}).get("offer")
    offer = Offer.objects.select_related("plan").filter(slug=slug).first() if slug else None
    with transaction.atomic():
        sub = store_subscription(obj, version=version, user=user, offer=offer)
        _row, first = WebhookEvent.objects.get_or_create(
            provider=PROVIDER,
            event_id=f"checkout:{session['id']}"[:100],
            defaults={"type": "checkout.redeemed"},
        )
        if first:
            if offer is not None:
                Offer.objects.filter(pk=offer.pk).update(redemptions=F("redemptions") + 1)
            transaction.on_commit(lambda: send_subscription_confirmation.enqueue(sub.pk))
    return sub
