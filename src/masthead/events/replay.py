"""Turning recorded view rows back into the meter engine's inputs, and replaying them.

``replay`` runs recorded views, in order, through the same pure rules as the site
(``metering``) with an in-memory ledger, under the recorded policy or a candidate one::

    for row, decision in replay(rows):                  # recorded policy: same decisions
        assert decision.outcome == row["outcome"]
    for row, decision in replay(rows, policy=lambda recorded: replace(recorded,
                                                         anonymous_allowance=5)):
        ...

``rows`` are dicts with the ``ReaderEvent`` columns in ``REPLAY_COLUMNS`` (``values()`` of a
queryset ordered by ``created_at, id``), views and ``device_merged`` rows together; views decided
without the rules (``reason = meter-unavailable``) are passed through with ``None``.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta

from masthead.metering import (
    Access,
    ArticleFacts,
    Decision,
    Lapse,
    Outcome,
    Policy,
    Reader,
    ReaderKind,
    Window,
    assess,
    conclude,
    gifted,
    settle,
    tally,
)

from .kinds import VIEW_KINDS, EventKind, ReaderStatus

REPLAY_COLUMNS = (
    "id",
    "kind",
    "created_at",
    "reader_key",
    "article_id",
    "status",
    "access",
    "sponsored",
    "gift",
    "promotion",
    "month",
    "outcome",
    "wall",
    "counted",
    "reason",
    "anonymous_allowance",
    "registered_allowance",
    "preview_paragraphs",
    "merged_key",
    "variant",
    "propensity",
)
READERS = {
    ReaderStatus.ANONYMOUS: Reader(ReaderKind.ANONYMOUS),
    ReaderStatus.REGISTERED: Reader(ReaderKind.REGISTERED),
    ReaderStatus.SUBSCRIBER: Reader(ReaderKind.ENTITLED),
    ReaderStatus.TRIAL_EXPIRED: Reader(ReaderKind.REGISTERED, Lapse.TRIAL),
    ReaderStatus.ACCESS_EXPIRED: Reader(ReaderKind.REGISTERED, Lapse.ACCESS),
}
PolicyChoice = Callable[[Policy], Policy]


def reader_of(row: dict) -> Reader:
    return READERS[ReaderStatus(row["status"])]


def facts_of(row: dict) -> ArticleFacts:
    return ArticleFacts(
        id=row["article_id"] or 0,
        access=Access(row["access"] or Access.METERED),
        sponsored=bool(row["sponsored"]),
    )


def policy_of(row: dict, time_zone: str = "UTC") -> Policy:
    default = Policy()
    return Policy(
        anonymous_allowance=_or(row["anonymous_allowance"], default.anonymous_allowance),
        registered_allowance=_or(row["registered_allowance"], default.registered_allowance),
        preview_paragraphs=_or(row["preview_paragraphs"], default.preview_paragraphs),
        time_zone=time_zone,
    )


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def promotions_of(row: dict) -> list[Window]:
    """A promotion was open at the view: a window around that instant."""
    if not row["promotion"]:
        return []
    when: datetime = row["created_at"]
    return [Window(when - timedelta(seconds=1), when + timedelta(seconds=1))]


GIFT = gifted()


def replay(
    rows: Iterable[dict], policy: PolicyChoice | None = None, time_zone: str = "UTC"
) -> Iterator[tuple[dict, Decision | None]]:
    """Yield each view row with the decision the rules give it now (``None``: not replayable).

    ``policy`` maps the recorded policy of a row to the one to replay it under (the default
    keeps it). Counted article ids are kept per ``(reader_key, month)``.
    """
    counted: dict[tuple[str, str], set[int]] = {}
    for row in rows:
        if row["kind"] == EventKind.DEVICE_MERGED:
            moved = counted.get((row["merged_key"], row["month"]), set())
            counted.setdefault((row["reader_key"], row["month"]), set()).update(moved)
            continue
        if row["kind"] not in VIEW_KINDS:
            continue
        if row.get("reason") == "meter-unavailable":
            yield row, None
            continue
        recorded = policy_of(row, time_zone)
        chosen = policy(recorded) if policy else recorded
        reader, facts = reader_of(row), facts_of(row)
        assessment = assess(reader, facts, row["created_at"], chosen, promotions_of(row))
        if assessment.outcome is Outcome.FULL:
            yield row, settle(assessment)
        elif row["gift"]:
            yield row, GIFT
        elif assessment.outcome is not None:
            yield row, settle(assessment)
        else:
            ids = counted.setdefault((row["reader_key"], row["month"]), set())
            answer = tally(ids, facts.id, assessment.limit or 0)
            if answer.newly_counted:
                ids.add(facts.id)
            yield (
                row,
                conclude(
                    reader,
                    assessment,
                    allowed=answer.allowed,
                    used=answer.used,
                    newly_counted=answer.newly_counted,
                ),
            )
