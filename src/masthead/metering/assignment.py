"""Sticky random assignment of readers to the variants of a meter experiment.

A reader's variant is a keyed hash (BLAKE2b, keyed by the experiment's id) of the reader key,
read as a number in ``[0, 1)`` and placed on the variants' cumulative shares. The same reader
in the same experiment always gets the same variant, on every server, with no stored state;
two experiments split readers independently. The share of the chosen variant is its
assignment probability (the *propensity* every view event records, for inverse-propensity
weighting). Shares that add up to less than 1 leave the rest of the readers outside the
experiment (``None``: the site's policy).

Worked example, three arms of a third each::

    >>> arms = (Arm("two", 2, 1/3), Arm("three", 3, 1/3), Arm("five", 5, 1/3))
    >>> arm = assign("d:7f3a", "exp-1", arms)
    >>> arm is not None and arm.name in {"two", "three", "five"}
    True
    >>> assign("d:7f3a", "exp-1", arms) == arm  # sticky
    True
    >>> assign("d:7f3a", "exp-1", (Arm("only", 4, 0.0),)) is None
    True
    >>> max_allowance(arms)
    5
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import NamedTuple

_SCALE = float(1 << 64)


class Arm(NamedTuple):
    """One variant: its name, the free articles a month it gives, its share of readers."""

    name: str
    allowance: int
    share: float


def check_arms(arms: Sequence[Arm]) -> None:
    """Reject arms a sound experiment cannot have: ``ValueError`` naming the problem."""
    names = [arm.name for arm in arms]
    if len(set(names)) != len(names):
        raise ValueError("variant names must be distinct")
    for arm in arms:
        if not arm.name:
            raise ValueError("a variant needs a name")
        if arm.allowance < 0:
            raise ValueError(f"variant {arm.name!r}: the allowance must not be negative")
        if not 0 <= arm.share <= 1:
            raise ValueError(f"variant {arm.name!r}: the share must be between 0 and 1")
    if sum(arm.share for arm in arms) > 1 + 1e-9:
        raise ValueError("the variants' shares add up to more than 1")


def position(reader_key: str, experiment: str) -> float:
    """The reader's fixed place in ``[0, 1)`` for this experiment."""
    digest = hashlib.blake2b(
        reader_key.encode(), digest_size=8, key=experiment.encode()[:64], person=b"meter-exp"
    ).digest()
    return int.from_bytes(digest, "big") / _SCALE


def assign(reader_key: str, experiment: str, arms: Sequence[Arm]) -> Arm | None:
    """The reader's arm (its ``share`` is the propensity), or ``None`` outside the experiment."""
    check_arms(arms)
    spot = position(reader_key, experiment)
    edge = 0.0
    for arm in arms:
        edge += arm.share
        if spot < edge:
            return arm
    return None


def max_allowance(arms: Sequence[Arm]) -> int:
    """The most any reader can get from the experiment: the largest variant's allowance."""
    return max((arm.allowance for arm in arms), default=0)
