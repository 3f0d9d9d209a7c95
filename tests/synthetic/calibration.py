"""Calibration of the experiment's estimate (issue 24, item 8): histories with a known true
effect of the anonymous allowance, the experiment's 95% intervals, and how often they cover it.

The truth: the registration and subscription rates per new reader when *every* new reader gets
the allowance (``truth``: pooled over many seeds, so its own error is small beside an
experiment's). An experiment: the same model with readers split at random between the arms
(``ARMS``) and the holdout; each arm's rate by ``metering.estimate.ipw`` over its randomised
devices, the units ``revenue.simulation_ipw`` uses (a device's outcome: it signed up, and that
account subscribed, within the history).
"""

from collections.abc import Iterable
from datetime import UTC, datetime

from masthead.metering.assignment import Arm
from masthead.metering.estimate import Interval, ipw
from masthead.metering.keys import DEVICE_PREFIX
from masthead.synthetic.history import Event, Model, generate

END = datetime(2026, 12, 1, 6, tzinfo=UTC)
# One article in four for subscribers only, so registered readers meet a paid wall often
# enough for subscriptions to be measurable in ten days.
ARTICLES = [(n, "subscribers" if n % 4 == 2 else "metered", False) for n in range(1, 30)]
ARMS = (Arm("one", 1, 0.3), Arm("two", 2, 0.3))  # allowances that most readers reach
BASE = Model(
    days=10,
    readers_per_day=150,
    experiment_days=10,
    register_at_wall=0.35,
    subscribe_at_wall=0.5,
    organic_signup=0.0,
    start_population=False,
    promotion_day=None,
    memo=True,
)


def units(events: Iterable[Event]) -> dict[str, tuple[str, float, int, int]]:
    """``device -> (variant, propensity, registered, subscribed)`` of the randomised devices."""
    found: dict[str, list] = {}
    account_of: dict[str, str] = {}
    subscribed: set[str] = set()
    for e in events:
        if e.kind == "signup" and e.merged_key:
            account_of[e.merged_key] = e.reader_key
        elif e.kind == "subscription_started":
            subscribed.add(e.reader_key)
        elif e.variant and e.propensity and e.reader_key.startswith(DEVICE_PREFIX):
            found.setdefault(e.reader_key, [e.variant, e.propensity])
    return {
        device: (v, p, int(device in account_of), int(account_of.get(device) in subscribed))
        for device, (v, p) in found.items()
    }


def experiment(seed: int) -> dict[str, dict[str, Interval]]:
    """Per arm, the IPW registration and subscription rates (95% intervals) of one history."""
    model = Model(**{**BASE.__dict__, "arms": ARMS, "seed": seed})
    rows = units(generate(model, ARTICLES, END))
    out = {}
    for arm in ARMS:
        out[arm.name] = {
            name: ipw([(v, p, outcome[i]) for v, p, *outcome in rows.values()], arm.name)
            for i, name in ((0, "registration"), (1, "subscription"))
        }
    return out


def truth(allowance: int, seeds: Iterable[int]) -> dict[str, float]:
    """The rates per new reader when every new reader has ``allowance`` free articles."""
    everyone = (Arm("all", allowance, 1.0),)
    totals = [0, 0, 0]
    for seed in seeds:
        model = Model(**{**BASE.__dict__, "arms": everyone, "seed": seed})
        rows = units(generate(model, ARTICLES, END))
        totals[0] += len(rows)
        totals[1] += sum(r[2] for r in rows.values())
        totals[2] += sum(r[3] for r in rows.values())
    return {"registration": totals[1] / totals[0], "subscription": totals[2] / totals[0]}
