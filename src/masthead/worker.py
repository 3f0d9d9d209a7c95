"""The task worker: django-tasks-db's database worker, plus the periodic jobs of
``masthead.schedule``.

``masthead worker`` runs ``run()`` in the foreground; ``masthead serve`` starts
``--task-workers N`` of them beside the web server. Each loop enqueues the periodic jobs that
are due, then runs every ready task (django-tasks-db's ``Worker`` claims each in a
transaction, so several workers never run the same task), then sleeps ``interval``.
TERM or INT stops it gracefully: at once between tasks, after the current task otherwise.

What an idle worker costs, and how soon it picks a task up:

* It polls for a ready task every ``INTERVAL`` (1 s): one indexed query (django-tasks-db's
  partial index on ready tasks) in a short transaction. A task enqueued while the worker
  sleeps starts within ``INTERVAL``; tasks that are ready run back to back with no sleep.
  A shorter interval buys faster pickup with more idle queries (and, on SQLite, more
  write-lock transactions beside the site's meter writes); a second's delay suits what the
  tasks do (e-mails, newsletter steps, periodic jobs).
* It asks the database about the schedule only when a job may be due (``Scheduler``): after
  each check it keeps, per job, the time of the last enqueue plus the job's interval, and
  skips the check until the first such time. The check reads the task table, which keeps
  every past result (no index on the task path: it scans the table), so doing it on every
  poll, as before, cost a SQLite worker 6% of a CPU, and PostgreSQL's backend 6% beside a
  worker's 1%, with 50,000 past results (about a month of the one-minute job; README,
  Operations, "Task workers").
"""

import logging
import time
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from masthead.schedule import JOBS, Job

logger = logging.getLogger(__name__)
RESULTS_KEPT_DAYS = 14  # finished task results are kept this long (failed ones: 30 days)
FAILED_KEPT_DAYS = 30
INTERVAL = 1.0  # seconds between polls for a ready task while idle: the pickup delay
SCHEDULE_LOCK = 7_344_551_120  # PostgreSQL advisory lock key of the scheduler


def uses_database_backend() -> bool:
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def enqueue_due(jobs: list[Job] = JOBS, now=None) -> tuple[list[str], dict[str, datetime]]:
    """Enqueue each job not enqueued within its interval.

    Returns the paths enqueued and, for every job, the time it is next due. One
    transaction, locked against every other worker (an advisory lock on PostgreSQL, an
    exclusive transaction on SQLite), so a job is enqueued once per interval in all.
    """
    now = now or timezone.now()
    enqueued, due_at = [], {}
    with exclusive_transaction():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEDULE_LOCK])
        latest = dict(
            DBTaskResult.objects.filter(task_path__in=[job.task for job in jobs])
            .values("task_path")
            .annotate(latest=Max("enqueued_at"))
            .values_list("task_path", "latest")
        )
        for job in jobs:
            last = latest.get(job.task)
            if last is None or last <= now - job.every:
                import_string(job.task).enqueue()
                enqueued.append(job.task)
                last = now
            due_at[job.task] = last + job.every
    for path in enqueued:
        logger.info("scheduled job enqueued: %s", path)
    return enqueued, due_at


@task()
def prune_task_results() -> None:
    """Delete the results of tasks that finished more than ``RESULTS_KEPT_DAYS`` ago (failed
    ones after ``FAILED_KEPT_DAYS``, so an operator can still read their tracebacks), with
    django-tasks-db's own ``prune_db_task_results``. Without it the table grows by every
    e-mail and periodic job forever (about 1,700 rows a day from the schedule alone), and the
    schedule's check scans it. Each job's last run is at most a day old, so the schedule's
    record of it stays."""
    from django.core.management import call_command

    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=RESULTS_KEPT_DAYS,
        failed_min_age_days=FAILED_KEPT_DAYS,
        verbosity=0,
    )


class Scheduler:
    """The periodic jobs, checked in the database only once one of them may be due.

    Another worker may enqueue a job first: the check under the lock then finds it and moves
    that job's time on, so each job is still enqueued once per interval in all.
    """

    def __init__(self, jobs: list[Job] = JOBS):
        self.jobs = jobs
        self.due_at: dict[str, datetime] = {}

    def tick(self, now=None) -> list[str]:
        now = now or timezone.now()
        due = [job for job in self.jobs if self.due_at.get(job.task, now) <= now]
        if not due:
            return []
        enqueued, due_at = enqueue_due(due, now)
        self.due_at.update(due_at)
        return enqueued


def run(*, until_idle: bool = False, interval: float = INTERVAL, signals: bool = True) -> None:
    """Work until stopped (or, ``until_idle``, until no task is ready)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    if signals:
        worker.configure_signals()
    schedule = Scheduler()
    while worker.running:
        schedule.tick()
        worker.run()  # batch mode: returns once no task is ready
        if until_idle:
            return
        transaction.get_connection().close_if_unusable_or_obsolete()
        time.sleep(interval)
