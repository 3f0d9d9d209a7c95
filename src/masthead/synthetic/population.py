"""The readers a history starts with: a site is not launched on its first day, so the history
opens on a steady state, not on an empty room (readers a day level from the first day).

* **Regulars**: for every returning habit (``Model.habits`` with a return probability above 0)
  the number a steady stream of ``readers_per_day`` arrivals keeps alive, when a returning
  reader keeps coming back for ``reader_days`` days on average: ``readers_per_day * share *
  reader_days``. ``registered_at_start`` of them have an account already.
* **Subscribers**: ``subscribers_at_start`` per daily arrival, reading with
  ``subscriber_habits``; each subscribed some time in the ``tenure_days`` before the history
  (an introductory offer or a trial long since over: they pay the regular price).
* **Former subscribers**: ``lapsed_at_start`` per daily arrival, half whose trial ended unpaid
  (they meet the trial-expired wall), half whose paid access ended (the access-expired wall);
  loyal readers, they keep reading through the history as they did when subscribed.

Everyone with an account gets their ``signup`` (and ``subscription_started``,
``trial_converted``, ``cancellation``, ``lapse``) dated before the history starts, so the
billing rows built from the events have a believable base; none of them is a view, so a
replay of the history's period is unchanged by them.

    >>> import random
    >>> from datetime import UTC, datetime
    >>> from masthead.synthetic.lifecycle import World
    >>> from masthead.synthetic.model import Model
    >>> start = datetime(2026, 11, 1, tzinfo=UTC)
    >>> world = World(Model(readers_per_day=10), random.Random(1), start, [(7, "metered", False)])
    >>> people, events = starting_population(world)
    >>> len(people) > 100, all(e.at < start for e in events)
    (True, True)
    >>> sorted({str(p.status) for _, p in people})
    ['access-expired', 'anonymous', 'registered', 'subscriber', 'trial-expired']
"""

from __future__ import annotations

import bisect
import itertools
from datetime import timedelta

from masthead.metering.keys import user_key
from masthead.metering.status import ReaderStatus

from .lifecycle import Event, Person, World, offers_shown

DAY = 86_400


def _account(
    world: World, habit: float, status: ReaderStatus, days_ago: float
) -> tuple[Person, Event]:
    """A reader who signed up ``days_ago`` days before the history: the person and the event."""
    person = world.new_person(habit)
    device = person.key
    world.users += 1
    person.key = user_key(world.users)
    person.status, person.policy = status, world.model.policy
    joined = world.start - timedelta(days=days_ago)
    return person, Event("signup", joined, person.key, merged_key=device, source="direct")


def _subscribed(world: World, person: Person, days_ago: float, lapsed: str) -> list[Event]:
    """A subscription begun ``days_ago`` days before the history; ``lapsed``: "" (still paid),
    "trial" (the trial ended unpaid) or "access" (paid, then cancelled)."""
    rnd, model = world.rnd, world.model
    trial_offer = lapsed == "trial" or rnd.random() < model.trial_share
    pool = [o for o in model.offers if o[3] == trial_offer]
    offer, plan, amount, trial = pool[rnd.randrange(len(pool))]
    person.plan, person.offer = plan, offer
    at = world.start - timedelta(days=days_ago)
    key = person.key
    events = [  # from the offers page, as the site records it
        *offers_shown(key, at, None, "", [o[0] for o in model.offers]),
        Event("offer_chosen", at, key, offer=offer),
        Event("checkout_started", at, key, offer=offer, plan=plan),
        Event("subscription_started", at, key, offer=offer, plan=plan, trial=trial, amount=amount),
    ]
    paid_from = at + timedelta(days=model.trial_days) if trial else at
    if lapsed == "trial":
        ended = at + timedelta(days=model.trial_days)
        return [*events, Event("lapse", ended, key, offer=offer, plan=plan, trial=True)]
    if trial:
        regular = dict(model.prices)[plan]
        events.append(
            Event(
                "trial_converted",
                paid_from,
                key,
                offer=offer,
                plan=plan,
                trial=True,
                amount=regular,
            )
        )
    if lapsed == "access":
        ended = paid_from + (world.start - paid_from) * rnd.random()
        events.append(Event("cancellation", ended, key, offer=offer, plan=plan))
        events.append(Event("lapse", ended, key, offer=offer, plan=plan))
    else:
        world.subscribers.append(person)
    return events


def _first_visit(world: World, person: Person) -> float:
    """The second of a starting reader's first visit: a geometric number of days away (the
    visits of a steady population are memoryless), at a uniform time of day."""
    habit = max(person.habit, 1e-9)
    days = 0
    while world.rnd.random() >= habit and days < world.model.days:
        days += 1
    return (days + world.rnd.random()) * DAY


def starting_population(world: World) -> tuple[list[tuple[float, Person]], list[Event]]:
    """The starting readers, each with the second of their first visit, and the events (all
    before the history) of those with an account, in time order."""
    model, rnd = world.model, world.rnd
    people: list[Person] = []
    events: list[Event] = []
    tenure = max(model.tenure_days, model.trial_days + 2)

    def ago() -> float:  # when, before the history, an account or subscription began
        return model.trial_days + 1 + rnd.random() * (tenure - model.trial_days - 1)

    for share, habit in model.habits:
        if habit <= 0:
            continue
        for _ in range(round(model.readers_per_day * share * model.reader_days)):
            if rnd.random() < model.registered_at_start:
                person, signup = _account(world, habit, ReaderStatus.REGISTERED, ago())
                events.append(signup)
            else:
                person = world.new_person(habit)
            person.leaves = rnd.expovariate(1 / model.reader_days) * DAY
            people.append(person)
    cdf = list(itertools.accumulate(share for share, _ in model.subscriber_habits))

    def subscriber_habit() -> float:
        return model.subscriber_habits[bisect.bisect(cdf, rnd.random() * cdf[-1])][1]

    for _ in range(round(model.readers_per_day * model.subscribers_at_start)):
        days = ago()
        person, signup = _account(world, subscriber_habit(), ReaderStatus.SUBSCRIBER, days + 1)
        events += [signup, *_subscribed(world, person, days, "")]
        people.append(person)
    lapsed = round(model.readers_per_day * model.lapsed_at_start)
    for n in range(lapsed):
        kind = "trial" if n % 2 else "access"
        days = ago()
        person, signup = _account(
            world, subscriber_habit(), ReaderStatus(f"{kind}-expired"), days + 1
        )
        events += [signup, *_subscribed(world, person, days, kind)]
        people.append(person)  # loyal readers: still reading, as they read when subscribed
    events.sort(key=lambda e: e.at)
    return [(_first_visit(world, p), p) for p in people], events
