"""The task worker: django-tasks-db's database worker, plus the periodic jobs of
``masthead.schedule``.

``masthead worker`` runs ``run()`` in the foreground; ``masthead serve`` starts
``--task-workers N`` of them beside the web server. Each loop enqueues the periodic jobs that
are due, then runs every ready task (django-tasks-db's ``Worker`` claims each in a
transaction, so several workers never run the same task), then sleeps ``interval``.
TERM or INT stops it gracefully: at once between tasks, after the current task otherwise.
"""

import logging
import time

from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from masthead.schedule import JOBS, Job

logger = logging.getLogger(__name__)
INTERVAL = 0.5
SCHEDULE_LOCK = 7_344_551_120  # PostgreSQL advisory lock key of the scheduler


def uses_database_backend() -> bool:
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def enqueue_due(jobs: list[Job] = JOBS, now=None) -> list[str]:
    """Enqueue each job not enqueued within its interval; returns the paths enqueued.

    One transaction, locked against every other worker (an advisory lock on PostgreSQL, an
    exclusive transaction on SQLite), so a job is enqueued once per interval in all.
    """
    now = now or timezone.now()
    enqueued = []
    with exclusive_transaction():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEDULE_LOCK])
        for job in jobs:
            recent = DBTaskResult.objects.filter(
                task_path=job.task, enqueued_at__gt=now - job.every
            ).exists()
            if not recent:
                import_string(job.task).enqueue()
                enqueued.append(job.task)
    for path in enqueued:
        logger.info("scheduled job enqueued: %s", path)
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
    while worker.running:
        enqueue_due()
        worker.run()  # batch mode: returns once no task is ready
        if until_idle:
            return
        transaction.get_connection().close_if_unusable_or_obsolete()
        time.sleep(interval)
