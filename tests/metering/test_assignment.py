"""Sticky assignment to experiment variants: stable, by share, never beyond the largest arm."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.metering.assignment import Arm, assign, check_arms, max_allowance, position

arms_strategy = st.lists(st.integers(0, 12), min_size=1, max_size=4).map(
    lambda allowances: tuple(
        Arm(f"v{i}", allowance, 1 / len(allowances)) for i, allowance in enumerate(allowances)
    )
)


@given(arms=arms_strategy, key=st.text(min_size=1, max_size=30), experiment=st.text(max_size=20))
def test_a_reader_keeps_one_arm_and_never_gets_more_than_the_largest(
    arms: tuple[Arm, ...], key: str, experiment: str
) -> None:
    arm = assign(key, experiment, arms)
    assert arm is not None and arm in arms
    assert arm.allowance <= max_allowance(arms)
    assert all(assign(key, experiment, arms) == arm for _ in range(3))
    assert 0 <= position(key, experiment) < 1


def test_readers_split_by_the_configured_shares() -> None:
    arms = (Arm("two", 2, 0.25), Arm("five", 5, 0.5))
    seen = {"two": 0, "five": 0, None: 0}
    for n in range(20000):
        arm = assign(f"d:{n}", "exp-7", arms)
        seen[arm.name if arm else None] += 1
    assert abs(seen["two"] / 20000 - 0.25) < 0.02
    assert abs(seen["five"] / 20000 - 0.5) < 0.02
    assert abs(seen[None] / 20000 - 0.25) < 0.02


def test_two_experiments_split_readers_independently() -> None:
    arms = (Arm("a", 1, 0.5), Arm("b", 2, 0.5))
    same = sum(assign(f"d:{n}", "x", arms) == assign(f"d:{n}", "y", arms) for n in range(4000))
    assert 1700 < same < 2300


@pytest.mark.parametrize(
    "arms, message",
    [
        ((Arm("a", 1, 0.7), Arm("b", 1, 0.7)), "more than 1"),
        ((Arm("a", 1, 0.5), Arm("a", 2, 0.5)), "distinct"),
        ((Arm("a", -1, 0.5),), "negative"),
        ((Arm("", 1, 0.5),), "name"),
    ],
)
def test_unsound_arms_are_refused(arms: tuple[Arm, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_arms(arms)
