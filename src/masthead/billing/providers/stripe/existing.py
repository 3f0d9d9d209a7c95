"""Existing Stripe subscriptions taken over by Masthead (a member import), read-only at Stripe.

A publication moving in brings readers who already pay through its Stripe account. For each,
``link_existing`` finds the Stripe customer (by id, or by e-mail for ``auto``), reads the
customer's subscriptions and stores every live one (trialing, active, past due — an active one
cancelled at period end included, it is paid up to that end) as the reader's Masthead
subscription, so the reader reads on at once and later webhooks keep it true. Only GET
requests reach Stripe: nobody is charged, nothing changes there::

    outcome = link_existing(api, user=reader, reference="cus_123", email="ada@example.com",
                            plans={"price_monthly": monthly})
    outcome.stored     # [("created", <Subscription sub_9>)]
    outcome.refused    # ["subscription sub_8: price price_x maps to no plan (--price ...)"]

Nothing is guessed: an unknown customer, a customer of another reader, a subscription linked
to another reader or a price that maps to no plan is refused with its reason.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from ...models import Plan, Subscription, SubscriptionStatus
from ..base import LinkRefused
from .client import NotFound, StripeFailure
from .sync import period_end, price_id, store_subscription, version_now

LIVE = (SubscriptionStatus.TRIALING, SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE)


@dataclass
class LinkOutcome:
    customer_id: str = ""
    stored: list[tuple[str, Subscription]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def customer_find(api, *, reference: str, email: str, spelled: str = "") -> str:
    """The Stripe customer id that ``reference`` names (``auto``: the one with ``email``, as
    normalised or as the file ``spelled`` it: Stripe compares e-mails exactly)."""
    try:
        if reference.lower() == "auto":
            found = {}
            for variant in dict.fromkeys([email, spelled or email]):
                found.update({c["id"]: c for c in api.customers_with_email(variant)})
            if not found:
                raise LinkRefused(f"no Stripe customer has the e-mail {email}")
            if len(found) > 1:
                raise LinkRefused(
                    f"{len(found)} Stripe customers have the e-mail {email}: "
                    "give the customer's id instead of auto"
                )
            return next(iter(found))
        if not reference.startswith("cus_"):
            raise LinkRefused(f"{reference!r} is not a Stripe customer id (cus_...)")
        customer = api.retrieve_customer(reference)
    except NotFound:
        raise LinkRefused(f"Stripe has no customer {reference}") from None
    except StripeFailure as exc:
        raise LinkRefused(f"Stripe could not be read ({exc}); run the import again") from None
    if customer.get("deleted"):
        raise LinkRefused(f"Stripe customer {reference} was deleted")
    return customer["id"]


def _unchanged(sub: Subscription, obj: dict, plan: Plan) -> bool:
    return (
        sub.status == obj["status"]
        and sub.current_period_end == period_end(obj)
        and bool(sub.cancel_at_period_end)
        == bool(obj.get("cancel_at_period_end") or obj.get("cancel_at"))
        and (sub.trial_end.timestamp() if sub.trial_end else None) == (obj.get("trial_end"))
        and sub.plan_id == plan.pk
    )


def link_existing(
    api, *, user, reference: str, email: str, plans: dict[str, Plan], spelled: str = ""
) -> LinkOutcome:
    customer_id = customer_find(api, reference=reference, email=email, spelled=spelled)
    other = (
        Subscription.objects.filter(provider="stripe", provider_customer_id=customer_id)
        .exclude(user=user)
        .exists()
    )
    if other:
        raise LinkRefused(f"Stripe customer {customer_id} already belongs to another reader")
    try:
        subscriptions = api.customer_subscriptions(customer_id)
    except StripeFailure as exc:
        raise LinkRefused(f"Stripe could not be read ({exc}); run the import again") from None
    outcome = LinkOutcome(customer_id=customer_id)
    for obj in subscriptions:
        if obj.get("status") not in LIVE:
            continue
        version = version_now()
        existing = Subscription.objects.filter(provider_subscription_id=obj["id"]).first()
        if existing is not None and existing.user_id != user.pk:
            outcome.refused.append(f"subscription {obj['id']} is already linked to another reader")
            continue
        price = price_id(obj)
        plan = plans.get(price) or (
            Plan.objects.filter(stripe_price_id=price).first() if price else None
        )
        if plan is None:
            outcome.refused.append(
                f"subscription {obj['id']}: price {price or '(none)'} maps to no plan "
                f"(give --price {price or 'PRICE_ID'}=PLAN, or set the plan's Stripe price)"
            )
            continue
        if existing is not None and _unchanged(existing, obj, plan):
            outcome.stored.append(("unchanged", existing))
            continue
        # Taken over, not started: no "subscription started" event today, and the row dates
        # from Stripe's start, so the dashboard counts the reader from then (MRR included).
        sub = store_subscription(obj, version=version, user=user, plan=plan, record_facts=False)
        if existing is None and obj.get("start_date"):
            started = datetime.fromtimestamp(obj["start_date"], tz=UTC)
            Subscription.objects.filter(pk=sub.pk).update(created_at=started)
            sub.created_at = started
        outcome.stored.append(("updated" if existing else "created", sub))
    return outcome
