"""Predictions with intervals: Wilson rates at walls, inverse-propensity weighting."""

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.metering.estimate import horvitz_thompson, ipw, predict_from_walls, wilson


@given(trials=st.integers(0, 5000), data=st.data())
def test_the_wilson_interval_holds_the_observed_rate(trials: int, data: st.DataObject) -> None:
    wins = data.draw(st.integers(0, trials))
    rate = wilson(wins, trials)
    assert 0.0 <= rate.low <= rate.estimate <= rate.high <= 1.0


def test_the_wilson_interval_refuses_impossible_counts() -> None:
    with pytest.raises(ValueError):
        wilson(3, 2)


def test_walling_the_same_readers_predicts_exactly_what_happened() -> None:
    walled = {"registration": 812, "subscription": 140, "trial-expired": 0}
    conversions = {"registration": 55, "subscription": 6}
    same = predict_from_walls(walled, walled, conversions, unattributed=9)
    assert same.estimate == 70
    assert same.low <= 70 <= same.high


def test_more_walled_readers_predict_more_conversions() -> None:
    recorded = {"registration": 1000}
    fewer = predict_from_walls(recorded, {"registration": 500}, {"registration": 70})
    more = predict_from_walls(recorded, {"registration": 2000}, {"registration": 70})
    assert fewer.estimate == 35 and more.estimate == 140
    assert fewer.high < more.low


def test_ipw_recovers_each_arms_rate_from_unequal_randomisation() -> None:
    rnd = random.Random(7)
    truth = {"two": 0.10, "five": 0.03}
    shares = {"two": 0.2, "five": 0.8}
    units = []
    for _ in range(20000):
        arm = "two" if rnd.random() < shares["two"] else "five"
        units.append((arm, shares[arm], 1.0 if rnd.random() < truth[arm] else 0.0))
    for arm, rate in truth.items():
        sn, ht = ipw(units, arm), horvitz_thompson(units, arm)
        assert sn.low <= rate <= sn.high
        assert ht.low <= rate <= ht.high


def test_ipw_says_nothing_outside_the_experiments_support() -> None:
    outside = ipw([("two", 0.5, 1.0)], "ten")
    assert outside.estimate == 0 and math.isinf(outside.high)
    with pytest.raises(ValueError, match="propensity"):
        ipw([("two", 0.0, 1.0)], "two")


def test_ipw_of_a_rate_nobody_reached_is_not_a_certain_zero() -> None:
    """Issue 24, item 7: 400 randomised readers, none subscribed — "[0, 0]" claimed certainty."""
    units = [("two", 0.5, 0.0)] * 200 + [("five", 0.5, 0.0)] * 200
    rate = ipw(units, "two")
    assert rate.estimate == 0.0 and rate.low == 0.0
    assert 0.01 < rate.high < 0.03  # Wilson at n = 200: 0.0188
    everyone = ipw([("two", 0.5, 1.0)] * 50, "two")
    assert everyone.high == 1.0 and everyone.low < 0.95
