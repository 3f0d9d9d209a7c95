"""A reader's policy inside a running meter experiment: the site's, with the anonymous
allowance of the reader's variant (``access.experiments``); the variant and its probability
go on every view event the reader causes.

Only anonymous devices are assigned. A counting view of a brand-new device is decided under
the variant of the id the meter is about to give it (``DeviceIdentity.upcoming``: chosen, but
no cookie unless the meter uses it), so its first meter message already counts down from its
variant's allowance. Before, that first view was decided under the site's policy and the second
under the variant's: "2 free articles left", then 2 again (a variant of 4) or a wall (of 1).
Reads that count nothing (``/api/v1/me/``, listings) never choose an id: an unknown device is
on the site's policy there. Each view records the policy it was decided with, so a replay
reproduces it. The holdout keeps the site's allowance.
"""

from dataclasses import replace

from masthead.metering import Policy, ReaderKind

from .experiments import Assignment, assignment_for
from .readers import ReaderContext


def experiment_assignment(ctx: ReaderContext, *, counting: bool = False) -> Assignment | None:
    """The reader's variant in the running experiment, or ``None``; ``counting``: for a view
    the meter may count, when a new device is assigned by the id it is about to get."""
    if ctx.reader.kind is not ReaderKind.ANONYMOUS:
        return None
    key = ctx.upcoming_meter_key() if counting else ctx.known_meter_key()
    return assignment_for(key) if key else None


def with_experiment(ctx: ReaderContext, policy: Policy, *, counting: bool = False) -> Policy:
    """``policy`` with the reader's variant allowance, when the reader has one."""
    assignment = experiment_assignment(ctx, counting=counting)
    if assignment is None or assignment.allowance is None:
        return policy
    return replace(policy, anonymous_allowance=assignment.allowance)
