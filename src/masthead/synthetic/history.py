"""A generated reader history: the demo's traffic, and the replay tests' and benchmark's.

``generate(model, articles, end)`` yields ``Event`` tuples in time order: views decided one by
one by ``rules.decide`` against a per-(reader, month) set of counted ids - exactly what the
gate does - plus the device merges, sign-ups, subscriptions, trial conversions and lapses that
the readers' choices lead to. Replaying the views under the recorded policy therefore
reproduces every decision. Seeded: the same model, articles and ``end`` give the same events.

The generative model (``Model``; the numbers are starting points near published figures):

* **Arrivals**: ``readers_per_day`` new devices a day; each reader gets a *habit*, a daily
  return probability drawn from ``habits`` (most readers come once; a few come back often), and
  their next visit is a geometric gap away. A returning reader keeps coming back for
  ``reader_days`` days on average (exponential), then stops (attrition); a subscriber keeps
  reading while subscribed.
* **A starting population** (``population``): the history opens on the steady state those
  arrivals and that attrition keep, plus a base of subscribers and former subscribers whose
  sign-ups and subscriptions are dated before it, so readers a day are level from the first day.
* **Engagement** (``engagement``): readers with an account answer the reader callout
  (``callout_answer`` of its article's views) and sign up to newsletters.
* **Visits**: at a uniform time of day; ``1 + geometric`` views (mean ``views_per_visit``), a
  few minutes apart; the first view's referrer class from ``sources``, later ones ``internal``.
* **Articles**: Zipf-like popularity (weight ``1 / rank ** zipf``) over the given articles.
* **Gifts**: ``gift_share`` of non-subscriber views arrive by a gift link (full, uncounted).
* **Walls**: at a registration wall a reader registers with ``register_at_wall`` (the wall's
  stop rate, 5-10% in published figures), or leaves the visit with ``leave_at_wall``; at a
  subscription, trial-expired or access-expired wall a registered reader subscribes with
  ``subscribe_at_wall``. ``organic_signup`` of visits end in a sign-up without a wall.
  Anonymous readers end up paying at about 0.2% (the published conversion of anonymous traffic).
* **Offers**: every wall but the registration wall shows the two introductory offers
  (``offer_shown`` each, as the site records them); a reader who subscribes picks one of
  ``offers`` (on the wall, or on the offers page, which shows them all), then
  ``offer_chosen``, ``checkout_started`` and ``subscription_started`` follow.
* **Subscriptions**: ``trial_share`` start with a ``trial_days`` free trial, of which
  ``trial_conversion`` pay; the rest become ``trial-expired`` readers. Paid readers lapse
  (``access-expired``) at ``monthly_lapse`` a month.
* **A promotion**: one free-access day ``promotion_day`` days before ``end`` (``None``: none).
* **An experiment** (``arms``, for new readers from ``experiment_days`` before ``end``): each new
  device is assigned by ``assignment.assign``; its anonymous allowance is the arm's, and its
  views record the variant and propensity.

Worked example::

    >>> from datetime import UTC, datetime
    >>> events = list(generate(Model(days=3, readers_per_day=20),
    ...                        [(n, "metered", False) for n in range(1, 30)],
    ...                        datetime(2026, 11, 20, tzinfo=UTC)))
    >>> len(events) > 60, all(a.at <= b.at for a, b in zip(events, events[1:]))
    (True, True)
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import random
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta

from masthead.metering.replays import Fact

from . import lifecycle
from .engagement import engaged
from .lifecycle import Event, Person, World
from .model import Model
from .population import starting_population

__all__ = ["DAY", "EVENTS_PER_READER", "Event", "Model", "facts", "generate"]
DAY = 86_400
EVENTS_PER_READER = 6.0  # events per daily arrival under the default model, about (sizing)


def _cumulative(weights: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def generate(
    model: Model,
    articles: Sequence[tuple[int, str, bool]],
    end: datetime,
    callout: tuple[int, str] | None = None,
    newsletters: Sequence[str] = (),
) -> Iterator[Event]:
    """The history of ``model.days`` days up to ``end``: ``Event`` tuples in time order.

    ``articles`` are ``(id, access, sponsored)``, most popular first; ``callout`` the article
    that places the reader callout and the callout's ``ref``; ``newsletters`` the slugs a
    reader may sign up to. The events of the starting population's accounts come first,
    dated before the history (``population``)."""
    if not articles:
        raise ValueError("a history needs at least one article")
    rnd = random.Random(model.seed)
    start = end - timedelta(days=model.days)
    world = World(model, rnd, start, articles)
    article_cdf = _cumulative([1 / (rank + 1) ** model.zipf for rank in range(len(articles))])
    habit_cdf = _cumulative([share for share, _ in model.habits])
    source_cdf = _cumulative([share for _, share in model.sources])
    visits: list[tuple[float, int, Person]] = []  # (second since start, tie-break, person)
    order = itertools.count()
    pending: list[Event] = []
    if model.start_population:
        people, before = starting_population(world)
        yield from before
        for second, person in people:
            heapq.heappush(visits, (second, next(order), person))
    for day in range(model.days):
        for _ in range(model.readers_per_day):
            habit = model.habits[bisect.bisect(habit_cdf, rnd.random() * habit_cdf[-1])][1]
            person = world.new_person(habit, start + timedelta(days=day))
            second = day * DAY + rnd.random() * DAY
            if habit > 0:
                world.reading_until(person, second)
            heapq.heappush(visits, (second, next(order), person))
        horizon = (day + 1) * DAY
        while visits and visits[0][0] < horizon:
            second, _, person = heapq.heappop(visits)
            source = model.sources[bisect.bisect(source_cdf, rnd.random() * source_cdf[-1])][0]
            count = 1 + _geometric(rnd, 1 / model.views_per_visit)
            picks = [
                articles[
                    min(
                        bisect.bisect(article_cdf, rnd.random() * article_cdf[-1]),
                        len(articles) - 1,
                    )
                ]
                for _ in range(count)
            ]
            done = lifecycle.visit(world, person, second, source, picks)
            pending.extend(done)
            if done and (callout or newsletters):
                ids = [a[0] for a in picks]
                pending.extend(engaged(model, rnd, person, done[-1].at, ids, callout, newsletters))
            if person.habit > 0 and person.active:
                later = second + (1 + _geometric(rnd, person.habit)) * DAY
                if person.leaves is None or later < person.leaves:
                    heapq.heappush(visits, (later, next(order), person))
        pending.extend(world.day_end(horizon))
        pending.sort(key=lambda event: event.at)  # stable: a visit's events keep their order
        cut = bisect.bisect_left([e.at for e in pending], start + timedelta(seconds=horizon))
        yield from pending[:cut]  # views that spill past midnight wait for the next day's
        del pending[:cut]
    yield from (event for event in pending if event.at <= end)  # nothing after ``end``


def facts(events: Iterable[Event]) -> Iterator[Fact]:
    """The views and merges of ``events`` as replay facts."""
    for e in events:
        if e.kind.startswith(("view_", "wall_shown", "device_merged")):
            yield Fact(
                e.kind,
                e.reader_key,
                e.month,
                e.article_id or 0,
                e.status,
                e.access,
                e.sponsored,
                e.gift,
                e.promotion,
                e.anonymous,
                e.registered,
                e.at,
                e.outcome,
                e.wall,
                e.counted,
                e.merged_key,
                e.variant,
                e.propensity,
            )


def _geometric(rnd: random.Random, p: float) -> int:
    """Failures before the first success of probability ``p`` (0 when ``p >= 1``)."""
    if p >= 1:
        return 0
    if p <= 0:
        return 10**9
    return int(math.log(1.0 - rnd.random()) / math.log(1.0 - p))
