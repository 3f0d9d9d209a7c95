"""The dashboard's figures for a period, read from the rollups (and billing's rows for MRR and
subscribers) in a fixed number of queries, whatever the size of the event log.

Definitions (README, "Revenue"): ``readers`` distinct reader keys with a view; ``stop_rate``
readers who saw any wall ÷ readers; ``registration_wall_conversion`` registrations ÷ readers
who saw the registration wall; ``paid_stop_conversion`` subscriptions started at a paid wall
(subscription, trial-expired, access-expired, subscribers-only) ÷ readers who met one;
``trial_to_paid`` trials that ended in the period and became paid ÷
trials that ended in it; ``churn`` subscriptions live at the start of the period whose access
ended in it ÷ those live at its start (billing's rows; ``lapses`` also counts trials that
started and ended inside the period).

Every ratio also comes as a ``share`` in ``figures["rates"]``: its Wilson 95% interval and its
n (the readers, trials or subscriptions it is a share of); below ``TOO_FEW`` the dashboard says
"too few to tell" instead of a figure.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from masthead.events.kinds import VIEW_KINDS, EventKind
from masthead.metering import Wall
from masthead.metering.estimate import share

from . import bitmaps
from .models import DailyArticle, DailyMetric, DailyOffer, DailyReaders
from .rollups import day_bounds
from .spans import period_bitmaps
from .subscribers import subscriber_figures

K = EventKind
WALLS = [str(w) for w in Wall]
# The reader segments the figures use (the rollups keep one per wall kind).
CENT = Decimal("0.01")
PAID_WALLS = [str(w) for w in Wall if w is not Wall.REGISTRATION]
SEGMENTS = ["all", "walled", "wall:registration", *(f"wall:{w}" for w in PAID_WALLS)]


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        return day_bounds(self.start)[0], day_bounds(self.end)[1]


def ratio(part, whole) -> float:
    return round(float(part) / float(whole), 4) if whole else 0.0


def _metrics(period: Period):  # noqa: ANN202
    return DailyMetric.objects.filter(day__range=(period.start, period.end))


def _totals(period: Period) -> list[dict]:
    """Events of the period per kind, wall and trial: a few dozen rows, summed in SQL."""
    return list(
        _metrics(period).values("kind", "wall", "trial").annotate(n=Sum("events")).order_by()
    )


def _steps(**kinds) -> dict:  # noqa: ANN003
    """``Sum("events")`` per named group of kinds, for conditional aggregation."""
    return {
        name: Coalesce(Sum("events", filter=Q(kind__in=sorted(group))), 0)
        for name, group in kinds.items()
    }


STEPS = {
    "views": VIEW_KINDS,
    "walls": {K.WALL_SHOWN},
    "registrations": {K.SIGNUP},
    "subscriptions": {K.SUBSCRIPTION_STARTED},
}


def _readers(period: Period) -> dict[str, int]:
    rows = period_bitmaps(period.start, period.end, SEGMENTS)
    merged: dict[str, int] = defaultdict(int)
    for segment, blob in rows:
        merged[segment] |= bitmaps.decode(blob)
    paid = 0
    for wall in PAID_WALLS:
        paid |= merged.get(f"wall:{wall}", 0)
    return {segment: bitmaps.count(value) for segment, value in merged.items()} | {
        "paid": bitmaps.count(paid)
    }


def headline(period: Period, rows: list[dict], readers: dict[str, int]) -> dict:
    by_kind: dict[str, int] = defaultdict(int)
    walls = dict.fromkeys(WALLS, 0)
    trials = at_paid_wall = 0
    for r in rows:
        by_kind[r["kind"]] += r["n"]
        if r["kind"] == K.WALL_SHOWN and r["wall"] in walls:
            walls[r["wall"]] += r["n"]
        if r["kind"] == K.SUBSCRIPTION_STARTED and r["trial"]:
            trials += r["n"]
        if r["kind"] == K.SUBSCRIPTION_STARTED and r["wall"] in PAID_WALLS:
            at_paid_wall += r["n"]
    start, end = period.bounds
    subs = subscriber_figures(start, end, timezone.now())
    all_readers = readers.get("all", 0)
    registrations = by_kind[K.SIGNUP]
    subscriptions = by_kind[K.SUBSCRIPTION_STARTED]
    lapses = by_kind[K.LAPSE]
    rates = {
        "stop_rate": share(readers.get("walled", 0), all_readers),
        "registration_wall_conversion": share(registrations, readers.get("wall:registration", 0)),
        "paid_stop_conversion": share(at_paid_wall, readers.get("paid", 0)),
        "trial_to_paid": share(subs.trials_converted, subs.trials_ended),
        "churn": share(subs.churned, subs.base_at_start),
    }
    figures = {
        "readers": all_readers,
        "views": sum(by_kind[k] for k in VIEW_KINDS),
        "counted_views": by_kind[K.VIEW_COUNTED],
        "meter_messages": by_kind[K.VIEW_COUNTED] + by_kind[K.VIEW_REREAD],
        "walls": by_kind[K.WALL_SHOWN],
        **{f"walls_{kind.replace('-', '_')}": n for kind, n in walls.items()},
        "readers_walled": readers.get("walled", 0),
        "stop_rate": rates["stop_rate"]["estimate"],
        "registrations": registrations,
        "registration_wall_conversion": rates["registration_wall_conversion"]["estimate"],
        "subscriptions": subscriptions,
        "paid_stop_conversion": rates["paid_stop_conversion"]["estimate"],
        "trials": trials,
        "trial_to_paid": rates["trial_to_paid"]["estimate"],
        "active_subscribers": subs.active,
        "mrr": subs.mrr,
        "cancellations": by_kind[K.CANCELLATION],
        "lapses": lapses,
        "churn": rates["churn"]["estimate"],
        "gift_opens": by_kind[K.VIEW_GIFT],
        "newsletter_signups": by_kind[K.NEWSLETTER_SIGNUP],
        "callout_answers": by_kind[K.CALLOUT_ANSWER],
        "rates": rates,
    }
    return figures


def funnel(figures: dict) -> list[tuple[str, int]]:
    return [
        ("Readers", figures["readers"]),
        ("Readers who met a wall", figures["readers_walled"]),
        ("Registrations", figures["registrations"]),
        ("Subscriptions", figures["subscriptions"]),
    ]


def daily(period: Period) -> list[dict]:
    """Per day: readers, views, walls, registrations, subscriptions (one row a day)."""
    zero = dict.fromkeys(("readers", *STEPS), 0)
    per_day = {d: {"day": d, **zero} for d in period.days}
    rows = _metrics(period).values("day").annotate(**_steps(**STEPS)).order_by()
    for r in rows:
        if r["day"] in per_day:
            per_day[r["day"]].update(r)
    readers = DailyReaders.objects.filter(
        day__range=(period.start, period.end), segment="all"
    ).values_list("day", "readers")
    for day, n in readers:
        if day in per_day:
            per_day[day]["readers"] = n
    return list(per_day.values())


def sources(period: Period) -> list[dict]:
    steps = {k: v for k, v in STEPS.items() if k != "walls"}
    rows = _metrics(period).values("source").annotate(**_steps(**steps)).order_by()
    table: dict[str, dict] = defaultdict(lambda: dict.fromkeys(steps, 0))
    for r in rows:
        row = table[r.pop("source") or "unknown"]
        for name in steps:
            row[name] += r[name]
    out = [{"source": s, **v} for s, v in table.items() if any(v.values())]
    for row in out:
        row["per_1000"] = per_thousand(row["registrations"] + row["subscriptions"], row["views"])
    return sorted(out, key=lambda r: -r["views"])


def per_thousand(part: int, views: int) -> float:
    return round(1000 * part / views, 2) if views else 0.0


def articles(period: Period) -> list[dict]:
    rows = list(
        DailyArticle.objects.filter(day__range=(period.start, period.end))
        .values("article_id", "section")
        .annotate(
            views=Sum("views"),
            counted=Sum("counted"),
            walls=Sum("walls"),
            signups=Sum("signups"),
            subscriptions=Sum("subscriptions"),
        )
        .order_by()
    )
    for r in rows:
        r["per_1000"] = per_thousand(r["signups"] + r["subscriptions"], r["views"])
    return sorted(rows, key=lambda r: (-r["subscriptions"], -r["signups"], -r["views"]))


def sections(article_rows: list[dict]) -> list[dict]:
    table: dict[str, dict] = defaultdict(
        lambda: {"articles": 0, "views": 0, "walls": 0, "signups": 0, "subscriptions": 0}
    )
    for r in article_rows:
        row = table[r["section"] or "(none)"]
        row["articles"] += 1
        for name in ("views", "walls", "signups", "subscriptions"):
            row[name] += r[name]
    out = [{"section": s, **v} for s, v in table.items()]
    for row in out:
        row["per_1000"] = per_thousand(row["signups"] + row["subscriptions"], row["views"])
    return sorted(out, key=lambda r: -r["views"])


def offers(period: Period) -> list[dict]:
    rows = list(
        DailyOffer.objects.filter(day__range=(period.start, period.end))
        .values("offer")
        .annotate(
            shown=Sum("shown"),
            chosen=Sum("chosen"),
            checkouts=Sum("checkouts"),
            started=Sum("started"),
            converted=Sum("converted"),
            revenue=Sum("revenue"),
        )
        .order_by()
    )
    for r in rows:
        # Money to the cent (SQLite sums decimals as floats: 13.8600000000000).
        r["revenue"] = Decimal(r["revenue"] or 0).quantize(CENT)
        r["take_rate"] = ratio(r["started"], r["shown"])
    return sorted(rows, key=lambda r: (-r["started"], -r["shown"]))


def figures_of(period: Period) -> dict:
    """The headline figures alone (the admin home's summary panel)."""
    return headline(period, _totals(period), _readers(period))


def dashboard(period: Period) -> dict:
    figures = figures_of(period)
    article_rows = articles(period)
    return {
        "figures": figures,
        "funnel": funnel(figures),
        "daily": daily(period),
        "sources": sources(period),
        "articles": article_rows,
        "sections": sections(article_rows),
        "offers": offers(period),
    }
