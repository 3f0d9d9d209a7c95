"""The generated history: decided by the site's rules, so replaying it changes nothing; seeded;
near the published figures the model aims at; and a million events replay exactly."""

import itertools
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from masthead.metering import (
    Access,
    ArticleFacts,
    Candidate,
    Decision,
    Fact,
    Outcome,
    Policy,
    ReaderStatus,
    Window,
    decide,
    replay,
)
from masthead.metering.assignment import Arm
from masthead.synthetic.history import Model, facts, generate

END = datetime(2026, 12, 1, 6, tzinfo=UTC)
ARTICLES = [(n, "metered", False) for n in range(1, 25)] + [
    (25, "free", False),
    (26, "subscribers", False),
    (27, "metered", True),
]
ARMS = (Arm("two", 2, 0.25), Arm("five", 5, 0.25))


def test_a_small_history_replays_exactly_and_is_seeded() -> None:
    model = Model(days=10, readers_per_day=60, arms=ARMS, experiment_days=5)
    events = list(generate(model, ARTICLES, END))
    assert events == list(generate(model, ARTICLES, END))
    assert all(a.at <= b.at for a, b in itertools.pairwise(events))
    result = replay(facts(events))
    assert result.changed == 0 and result.unreplayable == 0
    assert result.recorded.walls["registration"] > 0
    kinds = {e.kind for e in events}
    assert {"view_counted", "wall_shown", "signup", "device_merged"} <= kinds
    assert replay(facts(events), Candidate(anonymous=6)).changed > 0


def test_paid_walls_show_offers_and_subscriptions_go_through_checkout() -> None:
    """As the site records it: a paid wall shows its two offers (``offer_shown``), and each
    subscription follows an ``offer_chosen`` and a ``checkout_started`` of the same reader and
    offer, so the offers table has shown >= chosen >= checkouts >= started."""
    model = Model(
        days=30,
        readers_per_day=120,
        register_at_wall=0.3,
        subscribe_at_wall=0.3,
        trial_share=0.8,
        memo=True,
    )
    events = list(generate(model, ARTICLES, END))
    paid_walls = [e for e in events if e.kind == "wall_shown" and e.wall != "registration"]
    at_walls = [e for e in events if e.kind == "offer_shown" and e.wall]
    assert paid_walls and len(at_walls) == 2 * len(paid_walls)
    started = [e for e in events if e.kind == "subscription_started"]
    assert len(started) >= 10
    for sub in started:
        before = [e for e in events if e.reader_key == sub.reader_key and e.at <= sub.at]
        kinds = [(e.kind, e.offer) for e in before]
        assert ("offer_chosen", sub.offer) in kinds and ("checkout_started", sub.offer) in kinds
        assert ("offer_shown", sub.offer) in kinds
    trials = sum(e.trial for e in started) / len(started)  # ``trial_share`` (0.8) of them
    assert trials > 0.6 and all(e.trial == (e.offer == "annual-trial") for e in started)
    offers = {e.reader_key: e.offer for e in started}
    later = [e for e in events if e.kind in ("trial_converted", "cancellation", "lapse")]
    assert later and all(e.offer == offers[e.reader_key] for e in later)  # as billing records
    for offer in {e.offer for e in started}:
        count = {k: sum(e.kind == k and e.offer == offer for e in events)
                 for k in ("offer_shown", "offer_chosen", "checkout_started")}  # fmt: skip
        n = sum(e.offer == offer for e in started)
        assert count["offer_shown"] >= count["offer_chosen"] >= count["checkout_started"] >= n


def test_memoised_decisions_are_the_same_decisions() -> None:
    model = Model(days=8, readers_per_day=50, arms=ARMS, experiment_days=8)
    memo = Model(days=8, readers_per_day=50, arms=ARMS, experiment_days=8, memo=True)
    assert list(generate(model, ARTICLES, END)) == list(generate(memo, ARTICLES, END))


def test_experiment_readers_get_their_variants_allowance() -> None:
    model = Model(days=6, readers_per_day=80, arms=ARMS, experiment_days=3, memo=True)
    events = list(generate(model, ARTICLES, END))
    for arm in ARMS:
        views = [e for e in events if e.variant == arm.name and e.status == "anonymous"]
        assert views and all(e.anonymous == arm.allowance for e in views)
        assert all(e.propensity == arm.share for e in views)
        assert max(e.remaining or 0 for e in views) <= arm.allowance
    assert any(e.variant == "holdout" and e.anonymous == 3 for e in events)
    assert any(e.variant is None and e.status == "anonymous" for e in events)


def test_the_default_model_is_near_the_published_figures() -> None:
    everything = list(generate(Model(memo=True), ARTICLES, END))
    start = END - timedelta(days=Model().days)
    events = [e for e in everything if e.at >= start]  # not the starting population's past
    result = replay(facts(events))
    signups = [e for e in events if e.kind == "signup"]
    at_wall = sum(e.wall == "registration" for e in signups)
    walled = result.recorded.readers_at()["registration"]
    anonymous = sum(key.startswith("d:") for key in result.readers)
    subscriptions = sum(e.kind == "subscription_started" for e in events)
    assert len(events) >= 100_000
    assert (events[-1].at - events[0].at).days >= 60
    assert 0.05 <= at_wall / walled <= 0.10
    assert 0.001 <= subscriptions / anonymous <= 0.004
    assert len(signups) >= 200


def million(count: int, seed: int = 5) -> Iterator[Fact]:
    """A lean history of ``count`` facts for the scale test: 40,000 readers of every status,
    Zipf-like articles, gifts, a promotion day, device-to-account merges; each view decided by
    ``decide`` (asked once per distinct input, as ``Model.memo`` does) on the reader's month."""
    rnd = random.Random(seed)
    policy = Policy()
    statuses = (
        ["anonymous"] * 14 + ["registered"] * 4 + ["subscriber", "trial-expired", "access-expired"]
    )
    people = [(f"d:{n}", rnd.choice(statuses)) for n in range(40_000)]
    articles = ARTICLES * 3
    weights = [1 / (rank + 1) for rank in range(len(articles))]
    start = END - timedelta(days=62)
    window = Window(start + timedelta(days=40), start + timedelta(days=41))
    counted: dict[tuple[str, str], set[int]] = {}
    decided: dict[tuple[object, ...], Decision] = {}
    picks = rnd.choices(articles, weights, k=count)
    for n in range(count):
        at = start + timedelta(seconds=n * 62 * 86_400 // count)
        month = f"{at.year:04d}-{at.month:02d}"
        index = rnd.randrange(len(people))
        key, status = people[index]
        if status == "anonymous" and rnd.random() < 0.002:
            account = f"u:{index}"
            counted.setdefault((account, month), set()).update(counted.get((key, month), ()))
            people[index] = (account, "registered")
            yield Fact(
                "device_merged",
                account,
                month,
                0,
                "",
                "",
                False,
                False,
                False,
                None,
                None,
                at,
                "",
                "",
                False,
                key,
                None,
                None,
            )
            key, status = people[index]
        article_id, access, sponsored = picks[n]
        ids = counted.setdefault((key, month), set())
        promotion = window.contains(at)
        memo = (status, access, sponsored, promotion, article_id in ids, len(ids))
        decision = decided.get(memo)
        if decision is None:
            decision = decided[memo] = decide(
                ReaderStatus(status).reader,
                ArticleFacts(article_id, Access(access), sponsored),
                at,
                policy,
                [window],
                counted_ids=ids,
            )
        gift = decision.outcome is not Outcome.FULL and rnd.random() < 0.003
        outcome, wall, was_counted = (
            ("full", "", False)
            if gift
            else (str(decision.outcome), str(decision.wall or ""), decision.counted)
        )
        if was_counted:
            ids.add(article_id)
        yield Fact(
            "view_counted",
            key,
            month,
            article_id,
            status,
            access,
            sponsored,
            gift,
            promotion,
            3,
            10,
            at,
            outcome,
            wall,
            was_counted,
            "",
            None,
            None,
        )


def test_a_million_events_replay_exactly() -> None:
    started = time.process_time()
    result = replay(million(1_000_000))
    assert result.events >= 1_000_000
    assert result.changed == 0
    assert result.candidate.walls == result.recorded.walls
    assert result.candidate.counted == result.recorded.counted
    assert sum(result.recorded.walls.values()) > 100_000
    assert time.process_time() - started < 60
