"""Stripe Prices and Coupons for our Plans and Offers, created on first use and remembered.

A Plan without ``stripe_price_id`` gets a recurring Price at its regular amount. An
introductory Offer without ``stripe_coupon_id`` gets a Coupon worth the difference between the
regular price and the introductory price, per period, for the introductory periods::

    Plan(amount=Decimal("14.99"), interval="month")
    # -> Price unit_amount=1499, currency=usd, recurring[interval]=month
    Offer(kind="intro", intro_amount=Decimal("9"), intro_periods=3)   # "3 months for $9"
    # -> Coupon amount_off=1199 ($14.99 - $3.00), duration=repeating, duration_in_months=3

A yearly plan's first invoice is its only introductory one, so its coupon is ``once`` (more
yearly periods: ``repeating`` over the months that hold those renewals). The idempotency key
names the plan or offer and the terms, so two racing checkouts get one Price, and changed
terms (after an editor clears the stored id) get a new one.
"""

from decimal import ROUND_HALF_UP, Decimal

from ...models import Offer, Plan


def cents(amount) -> int:
    return int((Decimal(amount or 0) * 100).quantize(Decimal(1), ROUND_HALF_UP))


def ensure_price(api, plan: Plan) -> str:
    """The Stripe Price id for ``plan``, created and stored when missing."""
    if plan.stripe_price_id:
        return plan.stripe_price_id
    unit, currency = cents(plan.amount), plan.currency.lower()
    params = {
        "unit_amount": unit,
        "currency": currency,
        "recurring": {"interval": plan.interval},
        "product_data": {"name": plan.name},
        "metadata": {"plan": plan.slug},
    }
    price = api.create_price(params, key=f"price:{plan.pk}:{unit}:{currency}:{plan.interval}")
    return _remember(Plan, plan, "stripe_price_id", price["id"])


def coupon_terms(offer: Offer) -> dict | None:
    """The Coupon an introductory offer needs, or None when it needs none."""
    plan = offer.plan
    if offer.kind != "intro" or offer.intro_amount is None:
        return None
    periods = max(offer.intro_periods, 1)
    off = cents(plan.amount) - round(cents(offer.intro_amount) / periods)
    if off <= 0:
        return None
    terms = {"amount_off": off, "currency": plan.currency.lower(), "name": offer.title[:40]}
    if plan.interval == "year" and periods == 1:
        terms["duration"] = "once"
    else:
        months = periods if plan.interval == "month" else 12 * (periods - 1) + 1
        terms.update(duration="repeating", duration_in_months=months)
    return terms


def ensure_coupon(api, offer: Offer) -> str | None:
    """The Stripe Coupon id for an introductory ``offer``, created and stored when missing."""
    if offer.stripe_coupon_id:
        return offer.stripe_coupon_id
    terms = coupon_terms(offer)
    if terms is None:
        return None
    key = "coupon:{}:{amount_off}:{currency}:{duration}:{m}".format(
        offer.pk, m=terms.get("duration_in_months", 0), **terms
    )
    coupon = api.create_coupon({**terms, "metadata": {"offer": offer.slug}}, key=key)
    return _remember(Offer, offer, "stripe_coupon_id", coupon["id"])


def _remember(model, obj, field: str, value: str) -> str:
    """Store the new id unless another request stored one first; the first one wins."""
    model.objects.filter(pk=obj.pk, **{field: ""}).update(**{field: value})
    stored = model.objects.filter(pk=obj.pk).values_list(field, flat=True).first() or value
    setattr(obj, field, stored)
    return stored
