"""``masthead simulate``: replay the recorded views of a period under a candidate meter policy.

``simulation_run(period, options)`` streams the period's view and merge events (from the first
day of the meter month of ``since``: earlier views of that month only warm the meter up) through
``metering.replay`` - the site's own rules - and predicts registrations and subscriptions from
the conversions observed at each wall kind (``metering.estimate.predict_from_walls``). The
answer is the JSON object of CONTRACT.md::

    {"events", "readers", "since", "until", "recorded": OUTCOME, "candidate": OUTCOME
     + {"registrations", "subscriptions", "method": "wall rates", "experiment": IPW | null,
        "answer": ANSWER}}

``answer`` (``simulation_answer``) says which prediction answers the question, on what
assumptions, and whether the two disagree.

``experiment`` is the inverse-propensity-weighted prediction from a meter experiment's
randomised readers in the period (``simulation_ipw``), ``null`` when no experiment ran in it.

Options left out keep what each view was decided with (today's policy, or a meter experiment's
variant), so with none the candidate equals the recorded decisions exactly. ``simulation_ipw``
gives the inverse-propensity estimate from randomised readers (``docs/simulation.md``).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Min
from django.utils import timezone

from masthead.access.policy import current_policy
from masthead.events.kinds import VIEW_KINDS, EventKind
from masthead.events.models import ReaderEvent
from masthead.metering import Candidate, Fact, Policy, Replay, replay
from masthead.metering.estimate import TOO_FEW, Interval, predict_from_walls, share
from masthead.metering.replays import WALLS

from .simulation_answer import simulation_answer
from .simulation_ipw import experiment_estimate

# ``metering.Fact``'s field order, as ``ReaderEvent`` columns.
FACT_COLUMNS = (
    "kind",
    "reader_key",
    "month",
    "article_id",
    "status",
    "access",
    "sponsored",
    "gift",
    "promotion",
    "anonymous_allowance",
    "registered_allowance",
    "created_at",
    "outcome",
    "wall",
    "counted",
    "merged_key",
    "variant",
    "propensity",
)
REPLAYED_KINDS = [*sorted(VIEW_KINDS), EventKind.DEVICE_MERGED]
PAID_WALLS = ("subscription", "trial-expired", "access-expired", "subscribers-only")
CHUNK = 5000


@dataclass(frozen=True)
class Period:
    """Whole days on the publication's clock, ``until`` included."""

    since: date
    until: date

    def bounds(self) -> tuple[datetime, datetime, datetime]:
        """(start of the meter month of ``since``, start of ``since``, end of ``until``)."""
        zone = ZoneInfo(settings.TIME_ZONE)
        start = datetime.combine(self.since, time(0), tzinfo=zone)
        month = datetime.combine(self.since.replace(day=1), time(0), tzinfo=zone)
        end = datetime.combine(self.until + timedelta(days=1), time(0), tzinfo=zone)
        return month, start, end


def simulation_period(since: date | None = None, until: date | None = None) -> Period:
    """The period to replay: by default from the first recorded view to today."""
    today = timezone.localdate()
    until = until or today
    if since is None:
        first = _views().aggregate(first=Min("created_at"))["first"]
        since = timezone.localdate(first) if first else until
    if since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    return Period(since, until)


def _views():  # type: ignore[no-untyped-def]
    return ReaderEvent.objects.filter(kind__in=sorted(VIEW_KINDS))


def view_count(period: Period) -> int:
    """How many facts ``simulation_facts`` will read (for a progress bar)."""
    month, _, end = period.bounds()
    return ReaderEvent.objects.filter(
        kind__in=REPLAYED_KINDS, created_at__gte=month, created_at__lt=end
    ).count()


def simulation_facts(period: Period) -> Iterator[Fact]:
    """The period's views and merges in recorded order, streamed from the database."""
    month, _, end = period.bounds()
    rows = (
        ReaderEvent.objects.filter(
            kind__in=REPLAYED_KINDS, created_at__gte=month, created_at__lt=end
        )
        .order_by("created_at", "id")
        .values_list(*FACT_COLUMNS)
        .iterator(chunk_size=CHUNK)
    )
    return rows  # type: ignore[return-value]


def recorded_policy(period: Period) -> Policy:
    """The policy of the period's last view (today's when there was none)."""
    _, start, end = period.bounds()
    today = current_policy()
    last = (
        _views()
        .filter(created_at__gte=start, created_at__lt=end, anonymous_allowance__isnull=False)
        .order_by("-created_at", "-id")
        .values_list("anonymous_allowance", "registered_allowance", "preview_paragraphs")
        .first()
    )
    if last is None:
        return today
    anonymous, registered, preview = last
    return Policy(anonymous, registered, preview, today.time_zone)


def _conversions(kind: str, period: Period) -> dict[str, int]:
    _, start, end = period.bounds()
    rows = (
        ReaderEvent.objects.filter(kind=kind, created_at__gte=start, created_at__lt=end)
        .values("wall")
        .annotate(n=Count("id"))
    )
    return {row["wall"] or "": row["n"] for row in rows}


def _predict(result: Replay, conversions: dict[str, int], walls: tuple[str, ...]) -> dict:
    """The wall-rate prediction, with its n: the recorded readers who met these walls (below
    ``TOO_FEW`` of them, ``enough`` is false and the figure is not told)."""
    unattributed = sum(n for wall, n in conversions.items() if wall not in walls)
    recorded, candidate = result.recorded.readers_at(), result.candidate.readers_at()
    interval = predict_from_walls(
        {w: recorded[w] for w in walls},
        {w: candidate[w] for w in walls},
        {w: conversions.get(w, 0) for w in walls},
        unattributed,
    )
    n = sum(recorded[w] for w in walls)
    return {
        **_rounded(interval),
        "n": n,
        "conversions": sum(conversions.values()),
        "enough": n >= TOO_FEW,
    }


def _outcome(policy: Policy, side) -> dict:  # type: ignore[no-untyped-def]
    return {
        "policy": {
            "anonymous": policy.anonymous_allowance,
            "registered": policy.registered_allowance,
            "preview": policy.preview_paragraphs,
        },
        "views": side.views,
        "counted": side.counted,
        "walls": {wall: side.walls[wall] for wall in WALLS},
        "readers_walled": side.readers_walled,
        "stop_rate": round(side.stop_rate, 6),
        "stop": share(side.readers_walled, side.readers),  # with its interval and n
    }


@dataclass(frozen=True)
class Simulation:
    """A replay's report (the CONTRACT.md object) and the replay it came from."""

    report: dict
    replay: Replay


def simulation_run(
    period: Period,
    candidate: Candidate,
    progress: Callable[[int], None] | None = None,
) -> Simulation:
    """Replay ``period`` under ``candidate`` (see the module docstring)."""
    _, start, _ = period.bounds()
    result = replay(simulation_facts(period), candidate, progress, since=start)
    recorded = recorded_policy(period)
    today = current_policy()
    proposed = Policy(
        today.anonymous_allowance if candidate.anonymous is None else candidate.anonymous,
        today.registered_allowance if candidate.registered is None else candidate.registered,
        today.preview_paragraphs if candidate.preview is None else candidate.preview,
        today.time_zone,
    )
    signups = _predict(result, _conversions(EventKind.SIGNUP, period), ("registration",))
    subscriptions = _predict(
        result, _conversions(EventKind.SUBSCRIPTION_STARTED, period), PAID_WALLS
    )
    _, start, end = period.bounds()
    experiment = experiment_estimate(
        result,
        start,
        end,
        proposed.anonymous_allowance,
        changes_more=candidate.registered is not None or candidate.preview is not None,
    )
    candidate_side = {
        **_outcome(proposed, result.candidate),
        "registrations": signups,
        "subscriptions": subscriptions,
        "method": "wall rates",
        "experiment": experiment,
    }
    candidate_side["answer"] = simulation_answer(
        candidate_side,
        {"registrations": signups["conversions"], "subscriptions": subscriptions["conversions"]},
        changes_more=candidate.registered is not None or candidate.preview is not None,
    )
    report = {
        "events": result.events,
        "readers": result.recorded.readers,
        "since": period.since.isoformat(),
        "until": period.until.isoformat(),
        "recorded": _outcome(recorded, result.recorded),
        "candidate": candidate_side,
    }
    return Simulation(report, result)


def _rounded(interval: Interval) -> dict[str, float]:
    return {key: round(value, 2) for key, value in interval.as_dict().items()}
