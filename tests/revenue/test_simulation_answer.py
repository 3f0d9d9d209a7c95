"""One answer per question (issue 24, item 8): which prediction answers, on what assumptions,
and a disagreement between the wall rates and the experiment flagged, in --json and the table."""

from masthead.revenue.simulation_answer import EXPERIMENT, WALL_RATES, simulation_answer
from masthead.revenue.simulation_table import simulation_table


def _count(estimate: float, low: float, high: float, n: int = 900) -> dict:
    return {"estimate": estimate, "low": low, "high": high, "n": n, "enough": n >= 30}


def _candidate(wall: dict, ipw_registrations: dict | None, allowance: int = 5) -> dict:
    ipw = {
        "method": EXPERIMENT,
        "allowance": allowance,
        "readers": 2000,
        "registrations": ipw_registrations,
        "subscriptions": _count(10, 2, 20) if ipw_registrations else None,
        "recorded": {"registrations": 150, "subscriptions": 9},
    }
    return {"registrations": wall, "subscriptions": _count(30, 20, 40, 5000), "experiment": ipw}


def test_a_disagreement_is_flagged_and_the_experiment_answers():
    # Wall rates: 220 of 200 recorded, on the experiment's 150: 165 (157.5 to 172.5); the
    # experiment says 100 (80 to 120): apart.
    candidate = _candidate(_count(220, 210, 230, 5000), _count(100, 80, 120))
    answer = simulation_answer(candidate, {"registrations": 200, "subscriptions": 27}, False)
    assert answer["method"] == EXPERIMENT and "causal" in answer["why"]
    assert answer["disagree"] == ["registrations"]
    assert answer["comparison"]["registrations"]["wall_rates"] == {
        "estimate": 165.0,
        "low": 157.5,
        "high": 172.5,
    }
    assert answer["comparison"]["subscriptions"]["disagree"] is False
    assert "disagree on registrations" in answer["note"]
    table = simulation_table(_report(candidate, answer))
    assert "registrations on the experiment's readers" in table and "DISAGREE" in table
    assert "Answer: inverse-propensity weighting" in table


def test_the_wall_rates_answer_when_the_experiment_cannot():
    wall = _count(220, 210, 230, 5000)
    recorded = {"registrations": 200, "subscriptions": 27}
    outside = simulation_answer(_candidate(wall, None), recorded, False)
    assert outside["method"] == WALL_RATES and "no experiment variant" in outside["why"]
    assert outside["comparison"] is None and outside["disagree"] == []
    few = simulation_answer(_candidate(wall, _count(1, 0, 9, n=12)), recorded, False)
    assert few["method"] == WALL_RATES and "too few" in few["why"]
    more = simulation_answer(_candidate(wall, _count(100, 80, 120)), recorded, True)
    assert more["method"] == WALL_RATES and "changes more" in more["why"]
    assert more["disagree"] == ["registrations"]  # still flagged, the wall rates answering
    assert "wall rates answers, the experiment is shown for comparison" in more["note"]


def _report(candidate: dict, answer: dict) -> dict:
    side = {
        "policy": {"anonymous": 3, "registered": 10, "preview": 2},
        "views": 10,
        "counted": 5,
        "walls": dict.fromkeys(
            ("registration", "subscription", "trial-expired", "access-expired",
             "subscribers-only"), 0),
        "readers_walled": 1,
        "stop_rate": 0.1,
    }  # fmt: skip
    return {
        "events": 10,
        "readers": 10,
        "since": "2026-11-01",
        "until": "2026-11-30",
        "recorded": side,
        "candidate": {**side, **candidate, "experiment": None, "answer": answer},
    }


def test_the_worked_example_runs():
    import doctest

    from masthead.revenue import simulation_answer as module

    assert doctest.testmod(module).failed == 0
