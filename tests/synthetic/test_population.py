"""A history opens on a steady state (issue 24, item 6): readers a day level from the first day,
a starting base of subscribers who lapse at a few percent a month, every wall kind met, and
callout answers and newsletter sign-ups from readers with an account."""

import statistics
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

from masthead.metering import replay
from masthead.metering.keys import USER_PREFIX
from masthead.synthetic.history import Model, facts, generate

END = datetime(2026, 12, 1, 6, tzinfo=UTC)
ARTICLES = [(n, "metered", False) for n in range(1, 36)] + [
    (36, "free", False),
    (37, "subscribers", False),
    (38, "metered", True),
]
MODEL = Model(memo=True)
START = END - timedelta(days=MODEL.days)
EVENTS = list(generate(MODEL, ARTICLES, END, (5, "callout:9"), ("morning", "weekly")))


def _readers_per_day() -> list[int]:
    days: dict[int, set[str]] = defaultdict(set)
    for e in EVENTS:
        if e.kind.startswith("view_") or e.kind == "wall_shown":
            days[(e.at - START).days].add(e.reader_key)
    return [len(days[d]) for d in sorted(days)][:-1]  # the last day is cut short by ``END``


def test_readers_a_day_are_level_from_the_first_day() -> None:
    daily = _readers_per_day()
    first, last = statistics.mean(daily[:7]), statistics.mean(daily[-7:])
    assert first > 1000  # not a ramp from a few hundred
    assert abs(last - first) / first < 0.1


def test_the_starting_population_has_a_past_and_no_views_in_it() -> None:
    before = [e for e in EVENTS if e.at < START]
    kinds = Counter(e.kind for e in before)
    assert kinds["subscription_started"] == round(
        MODEL.readers_per_day * (MODEL.subscribers_at_start + MODEL.lapsed_at_start)
    )
    assert kinds["signup"] > kinds["subscription_started"]  # registered readers too
    assert not any(e.kind.startswith("view_") or e.kind == "wall_shown" for e in before)
    assert all(e.at >= START - timedelta(days=MODEL.tenure_days + 1) for e in before)
    # The views of the history replay exactly: the population's past changes no decision.
    result = replay(facts(EVENTS))
    assert result.changed == 0 and result.unreplayable == 0


def test_monthly_churn_is_a_few_percent_and_every_wall_is_met() -> None:
    since = END - timedelta(days=30)
    started: dict[str, datetime] = {}
    ended: dict[str, datetime] = {}
    for e in EVENTS:
        if e.kind == "subscription_started":
            started.setdefault(e.reader_key, e.at)
        elif e.kind == "lapse":
            ended.setdefault(e.reader_key, e.at)
    base = [k for k, at in started.items() if at < since and not ended.get(k, END) < since]
    churned = [k for k in base if since <= ended.get(k, END) < END]
    assert len(base) > 400
    assert 0.02 <= len(churned) / len(base) <= 0.08
    walls = Counter(e.wall for e in EVENTS if e.kind == "wall_shown" and e.at >= since)
    assert set(walls) == {
        "registration",
        "subscription",
        "trial-expired",
        "access-expired",
        "subscribers-only",
    }
    assert all(walls[w] >= 3 for w in walls)


def test_readers_with_an_account_answer_the_callout_and_sign_up_to_newsletters() -> None:
    answers = [e for e in EVENTS if e.kind == "callout_answer"]
    signups = [e for e in EVENTS if e.kind == "newsletter_signup"]
    assert len(answers) >= 20 and {(e.article_id, e.ref) for e in answers} == {(5, "callout:9")}
    assert len(signups) >= 20 and {e.ref for e in signups} == {"morning", "weekly"}
    assert all(e.reader_key.startswith(USER_PREFIX) for e in answers + signups)


def test_the_offers_come_from_the_model_not_from_the_generator() -> None:
    """The demo feeds its catalogue's offers (``demo.steps.history.catalogue_offers``); a
    history with other offers and prices records those."""
    model = Model(
        days=20,
        readers_per_day=40,
        subscribe_at_wall=0.5,
        offers=(("basic", "month", "1.00", False), ("free-week", "month", "0.00", True)),
        prices=(("month", "5.00"),),
        wall_offers=("basic",),
        memo=True,
    )
    events = list(generate(model, ARTICLES, END))
    started = [e for e in events if e.kind == "subscription_started"]
    assert started and {e.offer for e in started} <= {"basic", "free-week"}
    shown = {e.offer for e in events if e.kind == "offer_shown" and e.wall}
    assert shown == {"basic"}
    assert all(e.amount == "5.00" for e in events if e.kind == "trial_converted")
