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

Modules: ``policy`` (the inputs), ``months`` (meter months in the publication's zone),
``meter`` (check-and-count), ``decision`` (the outputs and walls), ``rules`` (assess, conclude,
decide), ``messages`` (meter message templates), ``ledger`` (an in-memory meter for
simulation), ``replays`` (recorded views decided again under a candidate policy), ``estimate``
(predictions with intervals: wall rates, IPW), ``assignment`` (sticky experiment variants).
"""

from .decision import Assessment, Decision, Outcome, Wall, wall_for
from .ledger import Ledger
from .messages import meter_variables, render_message
from .meter import Tally, tally
from .months import month_key, month_name, resets_at
from .policy import Access, ArticleFacts, Lapse, Policy, Reader, ReaderKind, Window
from .replays import Candidate, Counts, Fact, Replay, replay
from .rules import assess, conclude, decide, settle

__all__ = [
    "Access",
    "ArticleFacts",
    "Assessment",
    "Candidate",
    "Counts",
    "Decision",
    "Fact",
    "Lapse",
    "Ledger",
    "Outcome",
    "Policy",
    "Reader",
    "ReaderKind",
    "Replay",
    "Tally",
    "Wall",
    "Window",
    "assess",
    "conclude",
    "decide",
    "month_key",
    "month_name",
    "meter_variables",
    "render_message",
    "replay",
    "resets_at",
    "settle",
    "tally",
    "wall_for",
]
