"""Predicting registrations and subscriptions under a candidate policy, with intervals.

Two methods, both pure arithmetic (what each can and cannot tell: ``docs/simulation.md``):

1. **Wall rates** (``predict_from_walls``): conversions observed per reader who met each wall
   kind (e.g. sign-ups attributed to the registration wall / readers who met it), each with a
   Wilson score interval, applied to the number of readers the candidate walls at that kind.
   Conversions not attributed to a wall are carried over unchanged. With the candidate walling
   the same readers, the estimate is exactly what was recorded.
2. **Experiment data** (``ipw``): when a randomised experiment logged each reader's variant and
   its assignment probability, the conversion rate under a policy inside the experiment's
   support is the self-normalised inverse-propensity-weighted mean over readers whose variant
   matches it, with a delta-method variance (Horvitz-Thompson is ``horvitz_thompson``).

Worked example: 40 of 2,000 readers who met the registration wall signed up (2%); a candidate
walls 3,000 readers there, and 10 sign-ups came from elsewhere::

    >>> round(wilson(40, 2000).low, 4), round(wilson(40, 2000).high, 4)
    (0.0147, 0.0271)
    >>> p = predict_from_walls({"registration": 2000}, {"registration": 3000},
    ...                        {"registration": 40}, unattributed=10)
    >>> p.estimate, round(p.low, 1), round(p.high, 1)
    (70.0, 54.2, 91.4)
    >>> units = [("a", 0.5, 1.0), ("a", 0.5, 0.0), ("b", 0.5, 0.0), ("a", 0.5, 0.0)]
    >>> round(ipw(units, "a").estimate, 3)
    0.333

A rate is told with its n, and below ``TOO_FEW`` trials it is not told at all; no event is not
certainty (the Wilson interval of 0 in 50 reaches 7.1%)::

    >>> share(0, 50)
    {'estimate': 0.0, 'low': 0.0, 'high': 0.0713, 'n': 50, 'enough': True}
    >>> told(share(3, 12), "{:.0%}")
    'too few to tell (n = 12, fewer than 30)'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import NamedTuple

Z95 = 1.959963984540054
TOO_FEW = 30  # below this many trials (readers, trials ended, subscriptions) a rate is not told


class Interval(NamedTuple):
    """An estimate with the low and high ends of its (95%) interval."""

    estimate: float
    low: float
    high: float

    def scaled(self, factor: float, plus: float = 0.0) -> Interval:
        """``factor * self + plus``, for a non-negative ``factor``."""
        return Interval(
            self.estimate * factor + plus, self.low * factor + plus, self.high * factor + plus
        )

    def as_dict(self) -> dict[str, float]:
        return {"estimate": self.estimate, "low": self.low, "high": self.high}


def wilson(successes: float, trials: float, z: float = Z95) -> Interval:
    """A proportion and its Wilson score interval; ``0 <= successes <= trials``.

    With no trials nothing is known: the estimate is 0 and the interval all of ``[0, 1]``."""
    if not 0 <= successes <= trials:
        raise ValueError("need 0 <= successes <= trials")
    if trials == 0:
        return Interval(0.0, 0.0, 1.0)
    p = successes / trials
    z2 = z * z
    centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / (1 + z2 / trials)
    # Rounding can push a bound past the estimate at 0 or 1 successes: clamp it there.
    return Interval(p, min(p, max(0.0, centre - half)), max(p, min(1.0, centre + half)))


def share(successes: float, trials: float) -> dict[str, float | int | bool]:
    """A rate for people: its Wilson interval (4 decimals), its ``n`` and whether ``n`` is
    enough (``TOO_FEW``). More successes than trials (a reader counted twice) are capped."""
    n = max(int(trials), 0)
    rate = wilson(min(max(successes, 0), n), n)
    return {
        "estimate": round(rate.estimate, 4),
        "low": round(rate.low, 4),
        "high": round(rate.high, 4),
        "n": n,
        "enough": n >= TOO_FEW,
    }


def told(rate: Mapping[str, float | int | bool], form: str = "{:.1%}") -> str:
    """``rate`` (a ``share``) in words: the figure, its interval and n, or "too few to tell"."""
    if not rate["enough"]:
        return f"too few to tell (n = {rate['n']:,}, fewer than {TOO_FEW})"
    figure, low, high = (form.format(rate[k]) for k in ("estimate", "low", "high"))
    return f"{figure} ({low} to {high}, n = {rate['n']:,})"


def predict_from_walls(
    recorded_walled: Mapping[str, int],
    candidate_walled: Mapping[str, int],
    conversions: Mapping[str, int],
    unattributed: int = 0,
) -> Interval:
    """Conversions under the candidate: per wall kind, the observed rate times the readers the
    candidate walls there, plus the ``unattributed`` conversions (unchanged).

    The interval sums the Wilson bounds of the kinds (conservative: it assumes the kinds' errors
    all fall the same way). A kind whose conversions exceed its readers (a reader who converted
    twice) has its rate capped at 1."""
    estimate = low = high = float(unattributed)
    for kind in set(recorded_walled) | set(candidate_walled) | set(conversions):
        trials = recorded_walled.get(kind, 0)
        wins = min(conversions.get(kind, 0), trials)
        exposed = candidate_walled.get(kind, 0)
        if trials == 0:
            # Never observed: carry recorded conversions over, nothing known of new exposure.
            estimate += conversions.get(kind, 0)
            low += conversions.get(kind, 0)
            high += conversions.get(kind, 0) + exposed
            continue
        rate = wilson(wins, trials)
        # The same number walled: exactly what was recorded (Wilson's interval contains it).
        estimate += conversions.get(kind, 0) if exposed == trials else rate.estimate * exposed
        low += rate.low * exposed
        high += rate.high * exposed
    return Interval(estimate, low, high)


def horvitz_thompson(units: Iterable[tuple[str, float, float]], variant: str) -> Interval:
    """Mean outcome per unit under ``variant``: ``sum(y / p for matching units) / n``.

    ``units`` are ``(variant, propensity, outcome)``, one per randomised reader."""
    rows = list(units)
    n = len(rows)
    if n == 0:
        return Interval(0.0, 0.0, 0.0)
    terms = [y / p if v == variant else 0.0 for v, p, y in _checked(rows)]
    mean = sum(terms) / n
    var = sum((t - mean) ** 2 for t in terms) / (n * max(n - 1, 1))
    half = Z95 * math.sqrt(var)
    return Interval(mean, max(0.0, mean - half), mean + half)


def ipw(units: Iterable[tuple[str, float, float]], variant: str) -> Interval:
    """Self-normalised IPW mean outcome under ``variant``, with a delta-method interval.

    ``units`` are ``(variant, propensity, outcome)``; the estimate is
    ``sum(w * y) / sum(w)`` with ``w = 1 / propensity`` over the units assigned ``variant``,
    and its variance ``sum(w**2 * (y - mean)**2) / sum(w)**2``. No unit in ``variant``: the
    policy is outside the experiment's support and nothing can be said (``0, 0, inf``)."""
    rows = [(1.0 / p, y) for v, p, y in _checked(list(units)) if v == variant]
    total = sum(w for w, _ in rows)
    if not rows or total == 0:
        return Interval(0.0, 0.0, math.inf)
    mean = sum(w * y for w, y in rows) / total
    var = sum(w * w * (y - mean) ** 2 for w, y in rows) / (total * total)
    half = Z95 * math.sqrt(var)
    delta = Interval(mean, max(0.0, mean - half), mean + half)
    if not all(0.0 <= y <= 1.0 for _, y in rows):
        return delta
    # A rate: when every outcome is the same (no reader converted, say) the delta method's
    # variance is 0 and its interval [0, 0] claims certainty it does not have. Widen it to the
    # Wilson interval at the weights' effective sample size (Kish: sum(w)**2 / sum(w**2)).
    n_eff = total * total / sum(w * w for w, _ in rows)
    score = wilson(min(mean * n_eff, n_eff), n_eff)
    return Interval(mean, min(delta.low, score.low), max(delta.high, score.high))


def _checked(rows: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    for _, propensity, _ in rows:
        if not 0 < propensity <= 1:
            raise ValueError(f"a propensity must be in (0, 1], got {propensity!r}")
    return rows
