"""Periodic work: which background tasks run on a schedule, and how often.

The task workers (``masthead worker``, ``masthead serve --task-workers N``; see
``masthead.worker``) enqueue each job below once per interval. Several workers, on one host or
many, may run at once: the check "was this job enqueued within its interval?" and the enqueue
happen in one locked transaction, so each job is enqueued once per interval however many
workers there are. The job's result row (django-tasks-db's table) is the record of its last
run.

To add periodic work, append a ``Job``: the dotted path of a django-tasks ``@task()`` that
takes no arguments, and its interval. Other parts of Masthead register their own jobs here
(meter pruning; analytics rollups, retention and the like belong here too). This module
imports none of Masthead's apps, so any of them can register without a cycle; the task is
imported by path only when it is due.
"""

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Job:
    task: str  # dotted path of a django-tasks task taking no arguments
    every: timedelta


JOBS: list[Job] = [
    # Forget meter rows and Redis keys of closed months (access/pruning.py).
    Job("masthead.access.tasks.prune_meter", timedelta(days=1)),
    # Send due scheduled newsletter issues, resume any whose sending chain broke.
    Job("masthead.newsletters.sending.tasks.resume_issues", timedelta(minutes=1)),
    # Re-aggregate the revenue dashboard's rollups of the days with new events (revenue/rollups.py).
    Job("masthead.revenue.tasks.update_rollups", timedelta(minutes=5)),
    # Delete reader events (and their rollups) past MASTHEAD_EVENT_RETENTION_DAYS.
    Job("masthead.revenue.tasks.apply_retention", timedelta(days=1)),
    # E-mail readers whose trial ends within three days, once each (billing/periodic.py).
    Job("masthead.billing.periodic.send_trial_reminders", timedelta(hours=1)),
    # Delete admin import uploads whose runs all ended 7 days ago (imports/background.py).
    Job("masthead.imports.background.prune_uploads", timedelta(days=1)),
    # Delete task results that finished more than 14 days ago (30 for failed ones; worker.py).
    Job("masthead.worker.prune_task_results", timedelta(days=1)),
]
