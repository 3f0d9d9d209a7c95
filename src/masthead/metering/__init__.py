"""The meter engine: policy in, decision out. Standard library only.

This package holds every rule of the metered paywall and nothing else: no Django, no database,
no clock. The Django gate (``masthead.access``) builds the inputs, asks a meter store when the
engine says so, and renders whatever the decision allows.

Worked example, an anonymous reader's month under the default policy (3 free articles)::

    >>> from datetime import datetime, UTC
    >>> reader, policy = Reader(ReaderKind.ANONYMOUS), Policy()
    >>> now = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
    >>> decision = decide(reader, ArticleFacts(id=12), now, policy, counted_ids={10, 11})
    >>> decision.outcome, decision.remaining, decision.is_last_free
    (<Outcome.METERED: 'metered'>, 0, True)
    >>> decide(reader, ArticleFacts(id=13), now, policy, counted_ids={10, 11, 12}).wall
    <Wall.REGISTRATION: 'registration'>

Modules: ``policy`` (the inputs), ``channels`` (where a view happens, and which count),
``months`` (meter months in the publication's zone), ``meter`` (check-and-count),
``decision`` (the outputs, reasons and walls), ``outcomes`` (the one builder of decisions,
including gifts and a lost meter store), ``rules`` (assess, resolve, conclude, decide),
``readings`` (the meter's numbers as shown), ``messages`` (meter message templates),
``status`` (reader status, the one word events store for a ``Reader``), ``viewkinds`` (the
one event kind of each answered view), ``ledger`` (the in-memory meter, also behind the
in-process meter store), ``replays`` (recorded views decided again under a candidate policy),
``estimate`` (predictions with intervals: wall rates, IPW), ``assignment`` (sticky experiment
variants).
"""

from .channels import Channel
from .decision import OPEN_TO_EVERYONE, Assessment, Decision, Outcome, Reason, Wall, wall_for
from .ledger import Ledger
from .messages import meter_variables, render_message
from .meter import Tally, tally
from .months import month_key, month_name, resets_at
from .outcomes import Failure, gifted, unavailable
from .policy import Access, ArticleFacts, Lapse, Policy, Reader, ReaderKind, Window
from .readings import MeterReading, meter_reading
from .replays import Candidate, Counts, Fact, Replay, replay
from .rules import after_gift, assess, conclude, decide, resolve, settle
from .status import ReaderStatus
from .viewkinds import DEVICE_MERGED, ViewKind, view_kind

__all__ = [
    "DEVICE_MERGED",
    "OPEN_TO_EVERYONE",
    "Access",
    "ArticleFacts",
    "Assessment",
    "Candidate",
    "Channel",
    "Counts",
    "Decision",
    "Fact",
    "Failure",
    "Lapse",
    "Ledger",
    "MeterReading",
    "Outcome",
    "Policy",
    "Reader",
    "ReaderKind",
    "ReaderStatus",
    "Reason",
    "Replay",
    "Tally",
    "ViewKind",
    "Wall",
    "Window",
    "after_gift",
    "assess",
    "conclude",
    "decide",
    "gifted",
    "meter_reading",
    "meter_variables",
    "month_key",
    "month_name",
    "render_message",
    "replay",
    "resets_at",
    "resolve",
    "settle",
    "tally",
    "unavailable",
    "view_kind",
    "wall_for",
]
