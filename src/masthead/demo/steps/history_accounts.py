"""The accounts and billing rows behind the demo history's events, so the dashboard's
event figures (sign-ups, subscriptions started, trials, lapses) and its billing figures (active
subscribers, MRR, trial-to-paid, churn) describe the same readers.

Each account key of the history (``u:<n>``, numbered from ``lifecycle.FIRST_USER``, above any
real account's) that signed up becomes a user ``history-reader-<n>@readers.example.org`` (no usable
password: nobody signs in as them), joined at its sign-up; each ``subscription_started``
becomes a ``Subscription`` on the demo provider (``demo_hist_<n>``) with the event's plan and
offer, created at the event's time, in the state its later events leave it:

* paid (an introductory offer): ``active`` and paid to the end of the current 30-day period
  (a year on the annual plan), or ``canceled`` at its ``lapse``;
* a trial: ``trialing`` until ``trial_end`` (start + the offer's trial days), then ``active``
  after ``trial_converted`` (``converted``), or ``canceled`` at its ``lapse`` (not converted).

Written in bulk (a few hundred rows, no webhook path: that would record the events again).
Idempotent: read from the stored events, only when no history account exists yet (so a demo
built before these rows existed gets them on its next build); each build moves the live paid
rows' period end past now, as a provider's renewals would. ``reset`` removes them.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from masthead.billing.models import Offer, Plan, Subscription
from masthead.billing.models import SubscriptionStatus as S
from masthead.events.kinds import EventKind as K
from masthead.events.models import ReaderEvent
from masthead.metering.keys import USER_PREFIX
from masthead.synthetic.lifecycle import FIRST_USER

from ..context import Demo

PREFIX = "history-reader-"
KINDS = [K.SIGNUP, K.SUBSCRIPTION_STARTED, K.TRIAL_CONVERTED, K.LAPSE]


def email(number: int) -> str:
    return f"{PREFIX}{number}@readers.example.org"


def _number(key: str) -> int | None:
    if not key.startswith(USER_PREFIX):
        return None
    tail = key[len(USER_PREFIX) :]
    return int(tail) if tail.isdigit() and int(tail) > FIRST_USER else None


def _period_days(plan: Plan | None) -> int:
    return 365 if plan is not None and plan.interval == "year" else 30


def _paid_until(start: datetime, days: int, now: datetime) -> datetime:
    """The end of the paid period running at ``now`` for a subscription paid from ``start``."""
    periods = max(1, int((now - start) / timedelta(days=days)) + 1)
    return start + timedelta(days=days * periods)


def build(demo: Demo) -> None:
    User = get_user_model()
    if User.objects.filter(username__startswith=PREFIX).exists():
        renew(demo.now)
        return
    rows = ReaderEvent.objects.filter(kind__in=KINDS, reader_key__startswith=USER_PREFIX)
    rows = rows.order_by("created_at", "id").values_list(
        "kind", "created_at", "reader_key", "plan", "offer", "trial"
    )
    people: dict[int, dict] = {}
    for kind, at, key, plan, offer, trial in rows.iterator(chunk_size=2000):
        number = _number(key)
        if number is None:
            continue
        person = people.setdefault(number, {"joined": at})
        if kind == K.SUBSCRIPTION_STARTED and "start" not in person:
            person.update(start=at, plan=plan, offer=offer, trial=trial)
        elif kind == K.TRIAL_CONVERTED and "start" in person:
            person["converted_at"] = at
        elif kind == K.LAPSE and "start" in person:
            person.setdefault("lapsed_at", at)
    if not people:
        return
    with transaction.atomic():
        users = _users(people)
        made = _subscriptions(demo.now, people, users)
    demo.count("history accounts", len(users))
    demo.count("history subscriptions", made)


def _users(people: dict[int, dict]) -> dict[int, object]:
    User = get_user_model()
    password = make_password(None)  # unusable
    User.objects.bulk_create(
        [
            User(
                username=email(n),
                email=email(n),
                password=password,
                first_name="History reader",
                date_joined=person["joined"],
            )
            for n, person in people.items()
        ],
        batch_size=500,
    )
    found = User.objects.filter(username__startswith=PREFIX).values_list("username", "pk")
    by_name = dict(found)
    return {n: by_name[email(n)] for n in people}


def _subscriptions(now: datetime, people: dict[int, dict], users: dict[int, object]) -> int:
    plans = {p.slug: p for p in Plan.objects.all()}
    offers = {o.slug: o for o in Offer.objects.all()}
    subs = []
    for n, person in people.items():
        if "start" not in person:
            continue
        plan, offer = plans.get(person["plan"]), offers.get(person["offer"])
        sub = Subscription(
            user_id=users[n],
            plan=plan,
            offer=offer,
            provider="demo",
            provider_subscription_id=f"demo_hist_{n}",
            provider_customer_id=f"demo_hist_cus_{n}",
        )
        _state(sub, person, now)
        subs.append(sub)
    made = Subscription.objects.bulk_create(subs, batch_size=500)
    for sub, person in zip(made, (p for p in people.values() if "start" in p), strict=True):
        sub.created_at = person["start"]  # ``auto_now_add`` set it to now
    Subscription.objects.bulk_update(made, ["created_at"], batch_size=500)
    return len(made)


def _state(sub: Subscription, person: dict, now: datetime) -> None:
    start, lapsed = person["start"], person.get("lapsed_at")
    days = _period_days(sub.plan)
    if person["trial"]:
        trial_days = sub.offer.trial_days if sub.offer and sub.offer.trial_days else 14
        sub.trial_end = person.get("converted_at") or lapsed or start + timedelta(trial_days)
        paid_from = person.get("converted_at")
    else:
        paid_from = start
    sub.converted = paid_from is not None
    if lapsed is not None:
        sub.status, sub.ended_at, sub.current_period_end = S.CANCELED, lapsed, lapsed
    elif paid_from is None:
        sub.status, sub.current_period_end = S.TRIALING, sub.trial_end
    else:
        sub.status, sub.current_period_end = S.ACTIVE, _paid_until(paid_from, days, now)


def renew(now: datetime) -> int:
    """Move live paid history subscriptions' period end past ``now`` (a later build)."""
    due = (
        Subscription.objects.filter(
            provider_subscription_id__startswith="demo_hist_", status=S.ACTIVE
        )
        .filter(current_period_end__lt=now + timedelta(days=1))
        .select_related("plan")
    )
    changed = []
    for sub in due:
        sub.current_period_end = _paid_until(sub.current_period_end, _period_days(sub.plan), now)
        changed.append(sub)
    Subscription.objects.bulk_update(changed, ["current_period_end"], batch_size=500)
    return len(changed)


def reset(demo: Demo) -> None:
    get_user_model().objects.filter(username__startswith=PREFIX).delete()
