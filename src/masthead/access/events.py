"""The gate's record step for analytics: one reader event per view a counting channel answered.

A thin adapter from the gate's world (the request's ``ReaderContext``, the article page) to the
plain values of ``masthead.events``, which records them (buffered) with everything a replay of
the decision needs: the reader's status, the article's access, the policy in force, the month,
whether a promotion was open. See ``masthead.events`` for the schema.
"""

from datetime import datetime

from django.utils import timezone

from masthead.events.services import view_record
from masthead.metering import Decision, Policy, month_key

from .experiment_policy import experiment_assignment
from .policy import current_policy, promotion_windows
from .readers import ReaderContext


def record_decision(
    ctx: ReaderContext,
    facts,
    decision: Decision,
    channel: str = "web",
    *,
    now: datetime | None = None,
    policy: Policy | None = None,
) -> None:
    """``facts``: the article's ``ArticleFacts`` (what the gate decided on)."""
    now = now or timezone.now()
    policy = policy or current_policy()
    assignment = experiment_assignment(ctx)
    view_record(
        ctx.reader,
        facts,
        decision,
        policy,
        reader_key=ctx.known_meter_key() or "",
        month=month_key(now, policy.time_zone),
        promotion=any(window.contains(now) for window in promotion_windows()),
        now=now,
        channel=channel,
        variant=assignment.variant if assignment else None,
        propensity=assignment.propensity if assignment else None,
    )
