"""A reader's policy inside a running meter experiment: the site's, with the anonymous
allowance of the reader's variant (``access.experiments``); the variant and its probability
go on every view event the reader causes.

Only an anonymous reader whose device is already known is assigned: a brand-new device's
first view is decided under the site's policy (its key does not exist before the meter creates
it, and creating one for every page would set cookies where nothing meters). Each view records
the policy it was decided with, so a replay reproduces it either way. The holdout keeps the
site's allowance.
"""

from dataclasses import replace

from masthead.metering import Policy, ReaderKind

from .experiments import Assignment, assignment_for
from .readers import ReaderContext


def experiment_assignment(ctx: ReaderContext) -> Assignment | None:
    """The reader's variant in the running experiment, or ``None``."""
    if ctx.reader.kind is not ReaderKind.ANONYMOUS:
        return None
    key = ctx.known_meter_key()
    return assignment_for(key) if key else None


def with_experiment(ctx: ReaderContext, policy: Policy) -> Policy:
    """``policy`` with the reader's variant allowance, when the reader has one."""
    assignment = experiment_assignment(ctx)
    if assignment is None or assignment.allowance is None:
        return policy
    return replace(policy, anonymous_allowance=assignment.allowance)
