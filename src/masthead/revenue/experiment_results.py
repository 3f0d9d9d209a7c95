"""A meter experiment's results per variant: readers, stop rate, registrations, subscriptions
and revenue per 1,000 readers, each with a 95% interval.

The unit is the randomised reader: an anonymous device whose views carry the variant (first
variant seen wins; assignment is sticky). A device's registration is a ``signup`` whose
``merged_key`` is the device; its subscriptions and revenue are those of that account
(``subscription_started`` amounts and ``trial_converted`` prices), inside the experiment's
window. Rates have Wilson intervals; revenue a normal interval on the mean per reader. Within a
variant the assignment probability is constant, so the IPW estimate of a variant's rate is
this plain mean (``metering.estimate.ipw`` gives the same); the ``holdout`` is the control.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from masthead.access.models import Experiment
from masthead.events.kinds import VIEW_KINDS, EventKind
from masthead.events.models import ReaderEvent
from masthead.metering.estimate import Z95, Interval, wilson
from masthead.metering.keys import is_device_key

PAYMENTS = (EventKind.SUBSCRIPTION_STARTED, EventKind.TRIAL_CONVERTED)


@dataclass(frozen=True)
class VariantResult:
    variant: str
    allowance: int | None
    propensity: float
    readers: int
    stop_rate: Interval
    registrations: int
    registration_rate: Interval
    subscriptions: int
    subscription_rate: Interval
    revenue_per_1000: Interval


def _window(experiment: Experiment):
    start = experiment.started_at or experiment.created_at
    return start, experiment.stopped_at or timezone.now()


def experiment_results(experiment: Experiment) -> list[VariantResult]:
    """One row per variant seen in the experiment's views (the holdout included)."""
    start, end = _window(experiment)
    events = ReaderEvent.objects.filter(created_at__gte=start, created_at__lte=end)
    devices: dict[str, tuple[str, float, int | None]] = {}
    walled: set[str] = set()
    views = events.filter(kind__in=sorted(VIEW_KINDS), variant__isnull=False)
    rows = views.values_list("reader_key", "variant", "propensity", "anonymous_allowance", "wall")
    for key, variant, propensity, allowance, wall in rows.iterator(chunk_size=5000):
        if is_device_key(key):
            devices.setdefault(key, (variant, propensity or 0.0, allowance))
            if wall:
                walled.add(key)
    # Sign-ups and payments are few: read the window's and match them here (no huge IN lists).
    account_of = {
        device: account
        for device, account in events.filter(kind=EventKind.SIGNUP).values_list(
            "merged_key", "reader_key"
        )
        if device in devices
    }
    accounts = set(account_of.values())
    paid: dict[str, list[tuple[str, Decimal]]] = {}
    for key, kind, amount in events.filter(kind__in=PAYMENTS).values_list(
        "reader_key", "kind", "amount"
    ):
        if key in accounts:
            paid.setdefault(key, []).append((kind, amount or Decimal(0)))
    return [
        _result(
            variant,
            [(k, v) for k, v in devices.items() if v[0] == variant],
            walled,
            account_of,
            paid,
        )
        for variant in sorted({v[0] for v in devices.values()})
    ]


def _result(variant, members, walled, account_of, paid) -> VariantResult:  # noqa: ANN001
    n = len(members)
    keys = [key for key, _ in members]
    allowances = [allowance for _, (_, _, allowance) in members if allowance is not None]
    registered = [account_of[k] for k in keys if k in account_of]
    subscribed = [
        a
        for a in registered
        if any(kind == EventKind.SUBSCRIPTION_STARTED for kind, _ in paid.get(a, ()))
    ]
    revenue = [
        float(sum((amount for _, amount in paid.get(account_of.get(k, ""), ())), Decimal(0)))
        for k in keys
    ]
    return VariantResult(
        variant=variant,
        allowance=max(set(allowances), key=allowances.count) if allowances else None,
        propensity=members[0][1][1] if members else 0.0,
        readers=n,
        stop_rate=wilson(sum(k in walled for k in keys), n),
        registrations=len(registered),
        registration_rate=wilson(len(registered), n),
        subscriptions=len(subscribed),
        subscription_rate=wilson(len(subscribed), n),
        revenue_per_1000=_mean_interval(revenue).scaled(1000),
    )


def _mean_interval(values: list[float]) -> Interval:
    n = len(values)
    if n == 0:
        return Interval(0.0, 0.0, 0.0)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / max(n - 1, 1)
    half = Z95 * math.sqrt(var / n)
    return Interval(mean, max(0.0, mean - half), mean + half)
