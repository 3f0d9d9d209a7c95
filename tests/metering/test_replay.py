"""Replay: recorded views decided again by the same rules, under the recorded or a candidate
policy. The histories here are recorded the way the site records them: ``decide`` per view on a
per-(reader, month) set of counted ids, merges copying a device's ids to an account."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.metering import Access, ArticleFacts, Policy, ReaderStatus, Window, decide, month_key
from masthead.metering.replays import WALLS, Candidate, Fact, candidate_policy, replay

START = datetime(2026, 10, 20, tzinfo=UTC)
STATUSES = sorted(str(status) for status in ReaderStatus)

step = st.tuples(
    st.integers(0, 4),  # reader
    st.sampled_from(STATUSES),
    st.integers(1, 12),  # article
    st.sampled_from(["metered", "metered", "metered", "free", "subscribers"]),
    st.booleans(),  # sponsored (rarely matters)
    st.integers(0, 30),  # hours later
    st.integers(0, 40),  # 0 = gift, 1 = merge into the next reader, 2 = promotion
)


def record(steps: list[tuple[int, str, int, str, bool, int, int]], policy: Policy) -> list[Fact]:
    """A recorded history, decided by ``decide`` as the gate does."""
    counted: dict[tuple[str, str], set[int]] = {}
    facts, now = [], START
    for reader, status, article, access, sponsored, hours, roll in steps:
        now += timedelta(hours=hours)
        key, month = f"d:{reader}", month_key(now, "UTC")
        sponsored = sponsored and reader == 0
        if roll == 1:
            target = f"d:{(reader + 1) % 5}"
            counted.setdefault((target, month), set()).update(counted.get((key, month), ()))
            facts.append(
                _fact(
                    "device_merged",
                    target,
                    month,
                    0,
                    "",
                    "",
                    False,
                    False,
                    False,
                    policy,
                    now,
                    "",
                    "",
                    False,
                    key,
                )
            )
            continue
        gift, promotion = roll == 0, roll == 2
        windows = [Window(now, now + timedelta(minutes=1))] if promotion else []
        ids = counted.setdefault((key, month), set())
        decision = decide(
            ReaderStatus(status).reader,
            ArticleFacts(article, Access(access), sponsored),
            now,  # type: ignore[arg-type]
            policy,
            windows,
            counted_ids=ids,
        )
        if gift and decision.outcome != "full":
            outcome, wall, was_counted = "full", "", False
        else:
            outcome, wall, was_counted = decision.outcome, decision.wall or "", decision.counted
        if was_counted:
            ids.add(article)
        facts.append(
            _fact(
                "view_counted",
                key,
                month,
                article,
                status,
                access,
                sponsored,
                gift,
                promotion,
                policy,
                now,
                outcome,
                wall,
                was_counted,
                "",
            )
        )
    return facts


def _fact(
    kind,
    key,
    month,
    article,
    status,
    access,
    sponsored,
    gift,
    promotion,
    policy,
    now,
    outcome,
    wall,
    counted,
    merged,
) -> Fact:  # type: ignore[no-untyped-def]
    return Fact(
        kind,
        key,
        month,
        article,
        status,
        access,
        sponsored,
        gift,
        promotion,
        policy.anonymous_allowance,
        policy.registered_allowance,
        now,
        str(outcome),
        str(wall),
        counted,
        merged,
        None,
        None,
    )


policies = st.builds(
    Policy, anonymous_allowance=st.integers(0, 4), registered_allowance=st.integers(0, 6)
)


@settings(max_examples=150, deadline=None)
@given(steps=st.lists(step, max_size=80), policy=policies)
def test_replaying_the_recorded_policy_reproduces_every_decision(steps, policy) -> None:
    facts = record(steps, policy)
    result = replay(facts)
    assert result.changed == 0
    assert result.candidate.counted == result.recorded.counted
    assert result.candidate.walls == result.recorded.walls
    assert result.candidate.readers_walled == result.recorded.readers_walled


@settings(max_examples=100, deadline=None)
@given(
    steps=st.lists(step, max_size=80),
    policy=policies,
    anonymous=st.integers(0, 4),
    registered=st.integers(0, 6),
)
def test_a_candidate_replays_like_a_history_recorded_under_it(
    steps, policy, anonymous, registered
) -> None:
    candidate = Candidate(anonymous=anonymous, registered=registered)
    other = candidate_policy(policy, candidate)
    replayed = replay(record(steps, policy), candidate).candidate
    direct = replay(record(steps, other)).recorded
    assert (replayed.counted, replayed.walls, replayed.readers_walled) == (
        direct.counted,
        direct.walls,
        direct.readers_walled,
    )


@settings(max_examples=60, deadline=None)
@given(steps=st.lists(step, max_size=60), policy=policies)
def test_a_larger_allowance_never_walls_more_metered_readers(steps, policy) -> None:
    facts = [f for f in record(steps, policy) if f.access == "metered"]
    more = Candidate(
        anonymous=policy.anonymous_allowance + 1, registered=policy.registered_allowance + 1
    )
    base, bigger = replay(facts).candidate, replay(facts, more).candidate
    assert sum(bigger.walls.values()) <= sum(base.walls.values())
    assert bigger.counted >= base.counted


def test_a_free_access_window_opens_every_view_inside_it() -> None:
    policy = Policy(anonymous_allowance=0)
    steps = [(1, "anonymous", n, "metered", False, 1, 5) for n in range(1, 6)]
    facts = record(steps, policy)
    assert replay(facts).candidate.walls["registration"] == 5
    window = Window(START, START + timedelta(hours=3, minutes=30))
    opened = replay(facts, Candidate(windows=(window,))).candidate
    assert opened.walls["registration"] == 2 and opened.counted == 0


def test_unmetered_views_pass_through_and_a_new_month_starts_afresh() -> None:
    policy = Policy(anonymous_allowance=1)
    facts = record(
        [
            (1, "anonymous", 1, "metered", False, 0, 5),
            (1, "anonymous", 2, "metered", False, 24 * 20, 5),
        ],
        policy,
    )
    assert facts[0].month != facts[1].month
    result = replay(facts)
    assert result.candidate.counted == 2 and result.changed == 0
    unmetered = facts[0]._replace(kind="view_unmetered", outcome="full", counted=False)
    result = replay([unmetered, *facts[1:]])
    assert result.unreplayable == 1 and result.candidate.views == 2


def test_outcome_counts_stop_rate_and_progress() -> None:
    steps = [(r, "anonymous", n, "metered", False, 1, 5) for r in range(4) for n in range(1, 6)]
    calls: list[int] = []
    result = replay(record(steps, Policy()), progress=calls.append)
    counts = result.recorded
    assert (counts.views, counts.counted, counts.readers) == (20, 12, 4)
    assert counts.walls == {**dict.fromkeys(WALLS, 0), "registration": 8}
    assert counts.readers_walled == 4 and counts.stop_rate == 1.0
    assert counts.readers_at()["registration"] == 4
    assert sum(calls) == 20


def test_bad_candidates_are_refused() -> None:
    with pytest.raises(ValueError, match="anonymous"):
        Candidate(anonymous=-1)


def test_views_before_since_warm_the_meter_up_but_are_not_counted() -> None:
    steps = [(1, "anonymous", n, "metered", False, 2, 5) for n in range(1, 7)]
    facts = record(steps, Policy())  # counted, counted, counted, walled, walled, walled
    since = facts[2].at
    assert since is not None
    warm = replay(facts, since=since)
    assert warm.changed == 0 and warm.recorded.views == 4 and warm.recorded.counted == 1
    cold = replay(facts[2:])  # without the month's first views, the meter starts at zero
    assert cold.changed > 0


def _view(key, month, article, kind="view_counted", merged=""):
    return Fact(
        kind, key, month, article, "anonymous", "metered", False, False, False, 2, 5, None,
        "metered", "", True, merged, None, None,
    )  # fmt: skip


def test_the_meter_step_counts_per_month_and_merges_a_device_into_an_account():
    from masthead.metering.replays import Meter, Plans

    meter = Meter(Plans(Candidate()))
    assert meter.step(_view("d:1", "2026-11", 1)) == ("", True)
    assert meter.step(_view("d:1", "2026-11", 1)) == ("", False)  # a re-read
    assert meter.step(_view("d:1", "2026-11", 2)) == ("", True)
    assert meter.step(_view("d:1", "2026-11", 3)) == ("registration", False)  # allowance 2
    assert meter.step(_view("u:7", "2026-11", 0, kind="device_merged", merged="d:1")) is None
    assert meter.counted["u:7"] == {1, 2} and meter.counted["d:1"] == {1, 2}
    assert meter.step(_view("d:1", "2026-12", 3)) == ("", True)  # a new month starts empty
    assert meter.counted == {"d:1": {3}}
    assert meter.step(_view("d:1", "2026-12", 4, kind="view_unmetered")) is None


def test_merge_counts_both_sides_and_only_from_since():
    from masthead.metering.replays import Merge

    since = datetime(2026, 11, 10, tzinfo=UTC)
    merge = Merge(since)
    early = _view("d:1", "2026-11", 1)._replace(at=since - timedelta(days=1))
    late = _view("d:2", "2026-11", 2)._replace(at=since, wall="registration", counted=False)
    merge.merge(early, ("", True))
    merge.merge(late, ("", True))  # the candidate lets it through and counts it
    result = merge.finish()
    assert (result.events, result.changed, result.readers) == (1, 1, {"d:2"})
    assert result.recorded.walls["registration"] == 1 and result.candidate.counted == 1
