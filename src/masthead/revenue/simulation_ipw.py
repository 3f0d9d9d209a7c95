"""The simulator's second prediction: from a meter experiment's randomised readers, by
inverse-propensity weighting (``metering.estimate.ipw``; what it can and cannot tell:
``docs/simulation.md``, section 3).

The units are the anonymous devices (``d:`` keys; an account's later views may carry its
device's variant, but the account is not a second unit) whose replayed views carried a variant
(``Replay.assignments``: the first variant and probability seen, assignment being sticky).
A unit's outcomes are whether it registered in the period (a ``signup`` whose ``merged_key``
is the device) and whether that account started a subscription. Units whose variant gave the
candidate's anonymous allowance (the holdout's is the site's allowance it was decided with)
are weighted by ``1 / propensity``; the estimate is a rate per randomised reader, also shown
as a count for all the period's randomised readers. A candidate allowance no variant had is
outside the experiment's support: no estimate (``null`` rates), said in ``note``.

    experiment_estimate(replay, period, allowance=2, changes_more=False)
    # {"method": "inverse-propensity weighting", "allowance": 2, "readers": 812, ...} or None
"""

from collections import Counter, defaultdict
from datetime import datetime

from django.db.models import Count

from masthead.events.kinds import VIEW_KINDS, EventKind
from masthead.events.models import ReaderEvent
from masthead.metering import Replay
from masthead.metering.estimate import TOO_FEW, Interval, ipw
from masthead.metering.keys import is_device_key

METHOD = "inverse-propensity weighting"


def _allowances(start: datetime, end: datetime) -> dict[str, int]:
    """Each variant's anonymous allowance: the one most of its views were decided with."""
    rows = (
        ReaderEvent.objects.filter(
            kind__in=sorted(VIEW_KINDS),
            created_at__gte=start,
            created_at__lt=end,
            variant__isnull=False,
            anonymous_allowance__isnull=False,
        )
        .values_list("variant", "anonymous_allowance")
        .annotate(n=Count("id"))
        .order_by()
    )
    votes: dict[str, Counter] = defaultdict(Counter)
    for variant, allowance, n in rows:
        votes[variant][allowance] += n
    return {variant: counts.most_common(1)[0][0] for variant, counts in votes.items()}


def _outcomes(devices: set[str], start: datetime, end: datetime) -> dict[str, tuple[int, int]]:
    """``device -> (registered, subscribed)`` for the devices that registered in the period."""
    events = ReaderEvent.objects.filter(created_at__gte=start, created_at__lt=end)
    account_of = {
        device: account
        for device, account in events.filter(kind=EventKind.SIGNUP).values_list(
            "merged_key", "reader_key"
        )
        if device in devices
    }
    accounts = set(account_of.values())
    subscribed = {
        key
        for key in events.filter(kind=EventKind.SUBSCRIPTION_STARTED).values_list(
            "reader_key", flat=True
        )
        if key in accounts
    }
    return {device: (1, int(account in subscribed)) for device, account in account_of.items()}


def _shown(interval: Interval) -> dict[str, float | None]:
    """An interval for JSON: an unbounded end is ``None`` (JSON has no infinity)."""
    return {
        key: (round(value, 6) if value != float("inf") else None)
        for key, value in interval.as_dict().items()
    }


def experiment_estimate(
    result: Replay, start: datetime, end: datetime, allowance: int, *, changes_more: bool
) -> dict | None:
    """The IPW prediction for a candidate anonymous ``allowance``, or ``None`` when no replayed
    view carried a variant (no experiment ran in the period). ``changes_more``: the candidate
    also changes the registered allowance or preview, which the experiment did not vary."""
    units = {
        key: (variant, propensity)
        for key, (variant, propensity) in result.assignments.items()
        if is_device_key(key) and propensity and 0 < propensity <= 1
    }
    if not units:
        return None
    allowances = _allowances(start, end)
    outcomes = _outcomes(set(units), start, end)
    matched = {k for k, (variant, _) in units.items() if allowances.get(variant) == allowance}
    variants = {v: allowances.get(v) for v in sorted({v for v, _ in units.values()})}
    n = len(units)
    recorded = [sum(outcome[i] for outcome in outcomes.values()) for i in (0, 1)]
    report: dict = {
        "method": METHOD,
        "allowance": allowance,
        "variants": variants,
        "readers": n,
        "matched_readers": len(matched),
        "recorded": {"registrations": recorded[0], "subscriptions": recorded[1]},
    }
    notes = []
    if not matched:
        notes.append(
            f"no variant gave {allowance} free articles: outside the experiment's support, "
            "nothing can be estimated (interpolating between variants would be a model)"
        )
    if changes_more:
        notes.append("only the anonymous allowance was randomised; other settings are ignored")
    report["note"] = "; ".join(notes)
    for index, name in ((0, "registration"), (1, "subscription")):
        rows = [
            ("match" if key in matched else "other", p, outcomes.get(key, (0, 0))[index])
            for key, (_, p) in units.items()
        ]
        rate = ipw(rows, "match") if matched else Interval(0.0, 0.0, float("inf"))
        told = {"n": len(matched), "enough": len(matched) >= TOO_FEW}  # n: matched readers
        report[f"{name}_rate"] = {**_shown(rate), **told} if matched else None
        report[f"{name}s"] = {**_shown(rate.scaled(n)), **told} if matched else None
    return report
