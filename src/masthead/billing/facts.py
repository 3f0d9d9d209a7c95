"""The reader events a change of subscription state makes, for the revenue dashboard.

``upsert_subscription`` snapshots a subscription before it changes (``Before``) and calls
``record_changes`` after, in the same transaction (the events stand or fall with the change):

* ``subscription_started`` — it first reaches ``trialing`` or ``active``; with the plan, the
  offer, ``trial``, the first period's charge (0 for a trial) and the attribution;
* ``trial_converted`` — a trial becomes ``active`` (``trial=True``), or an introductory price
  renews past its introductory periods (``trial=False``); ``amount`` is the regular price;
* ``cancellation`` — the reader asks to cancel (``cancel_at_period_end`` turns on);
* ``lapse`` — an entitling state (trialing, active, past due) gives way to an ending one.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from masthead.events.kinds import EventKind
from masthead.events.services import event_record, subscription_started_record
from masthead.metering.keys import user_key

from .models import Subscription, SubscriptionStatus

S = SubscriptionStatus
LIVE = {S.TRIALING, S.ACTIVE, S.PAST_DUE}
ENDED = {S.CANCELED, S.UNPAID, S.INCOMPLETE_EXPIRED, S.PAUSED}


@dataclass(frozen=True)
class Before:
    status: str
    cancel_at_period_end: bool
    current_period_end: datetime | None
    exists: bool = True


NEW = Before(status=S.INCOMPLETE, cancel_at_period_end=False, current_period_end=None, exists=False)


def before(sub: Subscription | None) -> Before:
    if sub is None or sub.pk is None:
        return NEW
    return Before(sub.status, sub.cancel_at_period_end, sub.current_period_end)


def first_charge(sub: Subscription) -> Decimal:
    offer, plan = sub.offer, sub.plan
    if sub.status == S.TRIALING or (offer is not None and offer.kind == "trial"):
        return Decimal(0)
    if offer is not None and offer.intro_amount is not None:
        return offer.intro_amount
    return plan.amount if plan is not None else Decimal(0)


def intro_ends(sub: Subscription) -> datetime | None:
    offer = sub.offer
    if offer is None or offer.kind != "intro" or sub.plan is None or sub.created_at is None:
        return None
    days = (30 if sub.plan.interval == "month" else 365) * max(offer.intro_periods, 1)
    return sub.created_at + timedelta(days=days)


def _common(sub: Subscription) -> dict:
    return {
        "reader_key": user_key(sub.user_id),
        "plan": sub.plan.slug if sub.plan else "",
        "offer": sub.offer.slug if sub.offer else "",
        "currency": sub.plan.currency if sub.plan else "",
    }


def record_changes(old: Before, sub: Subscription) -> None:
    common = _common(sub)
    if old.status not in LIVE and sub.status in {S.TRIALING, S.ACTIVE}:
        subscription_started_record(
            common["reader_key"],
            plan=common["plan"],
            offer=common["offer"],
            trial=sub.status == S.TRIALING,
            amount=first_charge(sub),
            currency=common["currency"],
        )
    regular = sub.plan.amount if sub.plan else None
    if old.status == S.TRIALING and sub.status == S.ACTIVE:
        event_record(EventKind.TRIAL_CONVERTED, trial=True, amount=regular, **common)
    ends = intro_ends(sub)
    if (
        ends is not None
        and sub.status == S.ACTIVE
        and old.current_period_end is not None
        and old.current_period_end <= ends + timedelta(days=2)
        and sub.current_period_end is not None
        and sub.current_period_end > ends + timedelta(days=2)
    ):
        event_record(EventKind.TRIAL_CONVERTED, trial=False, amount=regular, **common)
    if sub.cancel_at_period_end and not old.cancel_at_period_end and old.exists:
        event_record(EventKind.CANCELLATION, **common)
    if old.status in LIVE and sub.status in ENDED:
        event_record(EventKind.LAPSE, trial=old.status == S.TRIALING, **common)
