"""The readers of a generated history (``history``): their views, decided by ``rules.decide``
as the gate decides them, and the sign-ups, subscriptions and lapses their choices lead to.

Every view is decided against the counted ids of ``(reader key, month)``; a sign-up copies the
device's ids of the month to the account (the meter stores' carry-over) and records a
``device_merged`` event, so a replay joins the two keys at the same point.

Worked example: the first view of a new anonymous reader is counted, with 2 left::

    >>> import random
    >>> from datetime import UTC, datetime
    >>> from masthead.synthetic.model import Model
    >>> start = datetime(2026, 11, 1, tzinfo=UTC)
    >>> world = World(Model(), random.Random(1), start, [(7, "metered", False)])
    >>> reader = world.new_person(0.0)
    >>> event = world.view(reader, (7, "metered", False), start, "search")
    >>> event.kind, event.remaining, event.reader_key == reader.key
    (<ViewKind.VIEW_COUNTED: 'view_counted'>, 2, True)
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from masthead.metering.assignment import assign
from masthead.metering.decision import Decision, Outcome
from masthead.metering.keys import device_key, user_key
from masthead.metering.months import month_key
from masthead.metering.outcomes import gifted
from masthead.metering.policy import Access, ArticleFacts, Policy, Window
from masthead.metering.rules import decide
from masthead.metering.status import ReaderStatus
from masthead.metering.viewkinds import DEVICE_MERGED, view_kind

from .model import Model

PAID_WALLS = frozenset({"subscription", "trial-expired", "access-expired"})
FIRST_USER = 1_000_000


class Event(NamedTuple):
    """One event, with the ``events.ReaderEvent`` columns it fills (views: all of the first
    twenty; other kinds leave the view columns empty)."""

    kind: str
    at: datetime
    reader_key: str
    article_id: int | None = None
    status: str = ""
    access: str = ""
    sponsored: bool = False
    gift: bool = False
    promotion: bool = False
    month: str = ""
    outcome: str = ""
    wall: str = ""
    counted: bool = False
    remaining: int | None = None
    reason: str = ""
    anonymous: int | None = None
    registered: int | None = None
    preview: int | None = None
    variant: str | None = None
    propensity: float | None = None
    source: str = ""
    merged_key: str = ""
    offer: str = ""
    plan: str = ""
    trial: bool = False
    amount: str | None = None
    ref: str = ""  # what else the event is about: ``callout:<id>``, a newsletter's slug


@dataclass(eq=False)
class Person:
    """A reader of the history; ``key`` is the meter's key (device, then account)."""

    key: str
    device: str
    habit: float
    policy: Policy
    status: ReaderStatus = ReaderStatus.ANONYMOUS
    active: bool = True
    variant: str | None = None
    propensity: float | None = None
    trial_ends: float | None = None
    plan: str = ""
    offer: str = ""
    leaves: float | None = None  # the second after which no visit follows (None: never)


@dataclass
class World:
    """Everything the history's readers share: the clock's origin, the randomness, the
    meter's counted ids, promotions, and the subscribers whose trials or access may end."""

    model: Model
    rnd: random.Random
    start: datetime
    articles: Sequence[tuple[int, str, bool]]
    counted: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    subscribers: list[Person] = field(default_factory=list)
    devices: int = 0
    users: int = FIRST_USER
    windows: tuple[Window, ...] = ()
    _months: dict[tuple[int, str], str] = field(default_factory=dict, repr=False)
    _decided: dict[tuple[object, ...], Decision] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        day = self.model.promotion_day
        if day is not None and 0 < day <= self.model.days:
            opens = self.start + timedelta(days=self.model.days - day)
            self.windows = (Window(opens, opens + timedelta(days=1)),)
        self.experiment_from = self.start + timedelta(
            days=self.model.days - self.model.experiment_days
        )

    def _decide(
        self, person: Person, article: tuple[int, str, bool], at: datetime, ids: set[int]
    ) -> Decision:
        facts = ArticleFacts(article[0], Access(article[1]), article[2])
        return decide(person.status.reader, facts, at, person.policy, self.windows, counted_ids=ids)

    def month_of(self, at: datetime, time_zone: str) -> str:
        """``months.month_key``, remembered per quarter hour (every zone's offset is a multiple
        of 15 minutes, so a month never turns inside one)."""
        slot = (int(at.timestamp()) // 900, time_zone)
        month = self._months.get(slot)
        if month is None:
            month = self._months[slot] = month_key(at, time_zone)
        return month

    def new_person(self, habit: float, at: datetime | None = None) -> Person:
        self.devices += 1
        key = device_key(f"{self.rnd.getrandbits(64):016x}{self.devices:06x}")
        person = Person(key, key, habit, self.model.policy)
        if self.model.arms and (at is None or at >= self.experiment_from):
            arm = assign(key, self.model.experiment, self.model.arms)
            if arm is None:  # the holdout: the site's policy, recorded with its probability
                person.variant = "holdout"
                person.propensity = 1.0 - sum(a.share for a in self.model.arms)
            else:
                person.variant, person.propensity = arm.name, arm.share
                person.policy = Policy(
                    arm.allowance,
                    self.model.policy.registered_allowance,
                    self.model.policy.preview_paragraphs,
                    self.model.policy.time_zone,
                )
        return person

    def view(
        self, person: Person, article: tuple[int, str, bool], at: datetime, source: str
    ) -> Event:
        """Decide one view as the gate does, record it on the meter, return its event."""
        article_id, access, sponsored = article
        policy = person.policy
        month = self.month_of(at, policy.time_zone)
        ids = self.counted.setdefault((person.key, month), set())
        promotion = any(w.starts_at <= at < w.ends_at for w in self.windows)
        if self.model.memo:
            memo = (
                person.status,
                access,
                sponsored,
                promotion,
                policy,
                article_id in ids,
                len(ids),
            )
            decision = self._decided.get(memo)
            if decision is None:
                decision = self._decided[memo] = self._decide(person, article, at, ids)
        else:
            decision = self._decide(person, article, at, ids)
        gift = decision.outcome is not Outcome.FULL and self.rnd.random() < self.model.gift_share
        if gift:
            decision = gifted()
        if decision.counted:
            ids.add(article_id)
        return Event(
            view_kind(decision),
            at,
            person.key,
            article_id,
            person.status,
            access,
            sponsored,
            gift,
            any(w.contains(at) for w in self.windows),
            month,
            str(decision.outcome),
            str(decision.wall or ""),
            decision.counted,
            decision.remaining,
            decision.reason,
            policy.anonymous_allowance,
            policy.registered_allowance,
            policy.preview_paragraphs,
            person.variant,
            person.propensity,
            source,
        )

    def sign_up(
        self, person: Person, at: datetime, event: Event | None, source: str
    ) -> list[Event]:
        """The device becomes an account: its month's meter carries over."""
        self.users += 1
        account = user_key(self.users)
        month = self.month_of(at, person.policy.time_zone)
        self.counted.setdefault((account, month), set()).update(
            self.counted.get((person.key, month), ())
        )
        person.key, person.status, person.policy = (
            account,
            ReaderStatus.REGISTERED,
            self.model.policy,
        )
        wall, article = (event.wall, event.article_id) if event else ("", None)
        return [
            Event(
                "signup",
                at,
                account,
                article,
                wall=wall,
                source=source,
                merged_key=person.device,
                variant=person.variant,
                propensity=person.propensity,
            ),
            Event(DEVICE_MERGED, at, account, month=month, merged_key=person.device),
        ]

    def subscribe(self, person: Person, at: datetime, event: Event, source: str) -> list[Event]:
        """The reader picks an offer (one not on the wall from the offers page, which shows them
        all), starts a checkout and subscribes, as the site records it."""
        trials = [o for o in self.model.offers if o[3]]
        intros = [o for o in self.model.offers if not o[3]]
        pool = trials if self.rnd.random() < self.model.trial_share else intros
        offer, plan, amount, trial = pool[self.rnd.randrange(len(pool))]
        person.status, person.plan, person.offer = ReaderStatus.SUBSCRIBER, plan, offer
        person.leaves = None  # a subscriber keeps reading while subscribed
        days = self.model.trial_days if trial else None
        person.trial_ends = (at - self.start).total_seconds() + days * 86_400 if days else None
        self.subscribers.append(person)
        key, wall = person.key, event.wall
        if offer in self.model.wall_offers:  # chosen on the wall
            steps = [Event("wall_click_offer", at, key, wall=wall, offer=offer)]
        else:  # from the offers page, which shows every offer
            slugs = [o[0] for o in self.model.offers]
            steps, wall = offers_shown(key, at, None, "", slugs), ""
        return [
            *steps,
            Event("offer_chosen", at, key, wall=wall, offer=offer),
            Event("checkout_started", at, key, offer=offer, plan=plan),
            Event(
                "subscription_started",
                at,
                key,
                event.article_id,
                wall=event.wall,
                source=source,
                offer=offer,
                plan=plan,
                trial=trial,
                amount=amount,
                variant=person.variant,
                propensity=person.propensity,
            ),
        ]

    def reading_until(self, person: Person, second: float) -> None:
        """From ``second``, ``person`` keeps coming back ``reader_days`` days on average."""
        person.leaves = second + self.rnd.expovariate(1 / self.model.reader_days) * 86_400

    def day_end(self, second: float) -> list[Event]:
        """Trials that end today convert or lapse; paid readers lapse now and then."""
        at, events, staying = self.start + timedelta(seconds=second), [], []
        lapse_today = self.model.monthly_lapse / 30
        for person in self.subscribers:
            if person.trial_ends is not None and person.trial_ends <= second:
                person.trial_ends = None
                if self.rnd.random() < self.model.trial_conversion:
                    events.append(
                        Event(
                            "trial_converted",
                            at,
                            person.key,
                            offer=person.offer,
                            plan=person.plan,
                            trial=True,
                            amount=dict(self.model.prices)[person.plan],
                        )
                    )
                else:
                    person.status = ReaderStatus.TRIAL_EXPIRED
                    self.reading_until(person, second)
                    events.append(
                        Event(
                            "lapse",
                            at,
                            person.key,
                            offer=person.offer,
                            plan=person.plan,
                            trial=True,
                        )
                    )
                    continue
            elif person.trial_ends is None and self.rnd.random() < lapse_today:
                person.status = ReaderStatus.ACCESS_EXPIRED
                self.reading_until(person, second)
                offer, plan = person.offer, person.plan
                events.append(Event("cancellation", at, person.key, offer=offer, plan=plan))
                events.append(Event("lapse", at, person.key, offer=offer, plan=plan))
                continue
            staying.append(person)
        self.subscribers = staying
        return events


def visit(
    world: World, person: Person, second: float, source: str, picks: Sequence[tuple[int, str, bool]]
) -> list[Event]:
    """One visit: views a few minutes apart, and what the reader does at a wall."""
    model, rnd, events = world.model, world.rnd, []
    for index, article in enumerate(picks):
        at = world.start + timedelta(seconds=second)
        event = world.view(person, article, at, source if index == 0 else "internal")
        events.append(event)
        second += 45 + rnd.random() * 300
        if not event.wall:
            continue
        if event.wall != "registration":  # a paid wall shows offers
            shown = model.wall_offers
            events.extend(offers_shown(person.key, at, article[0], event.wall, shown))
        if event.wall == "registration" and rnd.random() < model.register_at_wall:
            events.extend(world.sign_up(person, at, event, source))
            events.append(world.view(person, article, at + timedelta(seconds=20), "internal"))
        elif (
            event.wall in PAID_WALLS
            or event.wall == "subscribers-only"
            and not person.status.anonymous
        ) and rnd.random() < model.subscribe_at_wall:
            events.extend(world.subscribe(person, at, event, source))
            events.append(world.view(person, article, at + timedelta(seconds=20), "internal"))
        elif rnd.random() < model.leave_at_wall:
            break
    if person.status.anonymous and rnd.random() < model.organic_signup:
        events.extend(world.sign_up(person, world.start + timedelta(seconds=second), None, source))
    return events


def offers_shown(
    key: str, at: datetime, article: int | None, wall: str, slugs: Sequence[str]
) -> list[Event]:
    """One ``offer_shown`` per offer a wall (``wall``) or the offers page (``""``) displayed."""
    return [Event("offer_shown", at, key, article, wall=wall, offer=slug) for slug in slugs]
