"""The numbers of the generated history's model (``history`` describes what each one does).

They are starting points near published figures for news sites: most readers come once, a
few come back every other day; 5-10% of readers stop at a registration wall by registering;
about 0.2% of anonymous readers end up paying.

    >>> Model().register_at_wall, Model(days=60).days
    (0.02, 60)
"""

from __future__ import annotations

from dataclasses import dataclass

from masthead.metering.assignment import Arm
from masthead.metering.policy import Policy


@dataclass(frozen=True)
class Model:
    """The generative model's numbers (see the module docstring)."""

    days: int = 62
    readers_per_day: int = 420
    seed: int = 20261201
    habits: tuple[tuple[float, float], ...] = ((0.68, 0.0), (0.25, 0.07), (0.07, 0.45))
    reader_days: float = 30.0
    start_population: bool = True
    registered_at_start: float = 0.1
    subscribers_at_start: float = 1.2
    subscriber_habits: tuple[tuple[float, float], ...] = ((0.5, 0.1), (0.5, 0.45))
    lapsed_at_start: float = 0.15
    tenure_days: int = 365
    views_per_visit: float = 2.3
    zipf: float = 1.05
    sources: tuple[tuple[str, float], ...] = (
        ("search", 0.34),
        ("social", 0.21),
        ("direct", 0.25),
        ("email", 0.12),
        ("other", 0.08),
    )
    gift_share: float = 0.004
    register_at_wall: float = 0.02
    leave_at_wall: float = 0.6
    subscribe_at_wall: float = 0.07
    organic_signup: float = 0.0015
    callout_answer: float = 0.05  # of the callout article's views by readers with an account
    newsletter_signup: float = 0.004  # of the visits of readers with an account
    trial_share: float = 0.4
    trial_days: int = 14
    trial_conversion: float = 0.55
    monthly_lapse: float = 0.04
    # What a reader can subscribe to: ``(offer slug, plan slug, first charge, trial?)``, the
    # plans' regular prices, and the offers a paid wall shows. The demo passes its catalogue's
    # (``demo.steps.history.catalogue_offers``); these defaults are the same, for tests.
    offers: tuple[tuple[str, str, str, bool], ...] = (
        ("intro-1-month", "monthly", "0.99", False),
        ("intro-3-months", "monthly", "9.00", False),
        ("annual-trial", "annual", "0.00", True),
    )
    prices: tuple[tuple[str, str], ...] = (("monthly", "14.99"), ("annual", "149.00"))
    wall_offers: tuple[str, ...] = ("intro-1-month", "intro-3-months")
    promotion_day: int | None = 21
    experiment_days: int = 14
    arms: tuple[Arm, ...] = ()
    experiment: str = "demo-allowance"  # the assignment key (``Experiment.slug``)
    policy: Policy = Policy()
    # Ask ``decide`` once per distinct input (reader status, article access, promotion, policy,
    # whether the article is counted, how many are): the same answers, much faster; for the
    # million-event replay test and the benchmark. Off: ``decide`` is asked for every view.
    memo: bool = False
