"""`masthead worker` runs django-tasks-db's worker and enqueues the periodic jobs of
``masthead.schedule`` once per interval, however many workers run (issue 11, item 10)."""

import os
import re
import subprocess

import pytest
from django_tasks_db.models import DBTaskResult

from masthead.access.tasks import prune_meter
from masthead.schedule import JOBS
from tests.support.live import test_database_url as database_url

from .processes import MASTHEAD, production_env

pytestmark = pytest.mark.django_db(transaction=True)
PRUNE = "masthead.access.tasks.prune_meter"
RESUME = "masthead.newsletters.sending.tasks.resume_issues"  # the job of the shortest interval


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _workers(tmp_path, n: int) -> list[int]:
    # The same cache as the test database was made for: without Redis the cache is a table
    # that migrate creates, with Redis (CI's second pass) there is no such table.
    redis = {"REDIS_URL": os.environ["REDIS_URL"]} if os.environ.get("REDIS_URL") else {}
    env = production_env(tmp_path, DATABASE_URL=database_url(), **redis)
    procs = [
        subprocess.Popen([MASTHEAD, "worker", "--until-idle"], env=env, stderr=subprocess.PIPE)
        for _ in range(n)
    ]
    codes = []
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()[-2000:]
        codes.append(p.returncode)
    return codes


def test_the_production_default_queues_tasks_in_the_database():
    from masthead import settings as production

    assert production.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_meter_pruning_is_on_the_schedule():
    assert PRUNE in [job.task for job in JOBS]


@pytest.mark.usefixtures("database_tasks")
def test_workers_run_queued_tasks_and_enqueue_each_periodic_job_once(tmp_path):
    _workers(tmp_path, 2)  # two at once: the scheduled job is enqueued by one of them
    rows = DBTaskResult.objects.filter(task_path=PRUNE)
    assert rows.count() == 1
    row = rows.get()
    assert row.status == "SUCCESSFUL", row.traceback

    prune_meter.enqueue()  # by hand, e.g. from the admin
    assert DBTaskResult.objects.filter(task_path=PRUNE, status="READY").count() == 1
    _workers(tmp_path, 1)
    statuses = list(DBTaskResult.objects.filter(task_path=PRUNE).values_list("status", flat=True))
    assert statuses == ["SUCCESSFUL", "SUCCESSFUL"]  # and no new one: not due yet


class _Stop(Exception):
    pass


def _idle_loops(monkeypatch, loops: int) -> list[str]:
    """Run the worker's loop ``loops`` times (no sleeping); returns the SQL it ran."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from masthead import worker

    slept = []

    def sleep(seconds):
        slept.append(seconds)
        if len(slept) == loops:
            raise _Stop

    monkeypatch.setattr(worker.time, "sleep", sleep)
    with CaptureQueriesContext(connection) as queries, pytest.raises(_Stop):
        worker.run(signals=False, interval=worker.INTERVAL)
    assert slept == [worker.INTERVAL] * loops
    return [q["sql"] for q in queries.captured_queries]


@pytest.mark.usefixtures("database_tasks")
def test_an_idle_worker_reads_the_schedule_only_when_a_job_is_due(monkeypatch):
    """The schedule check reads the task table, every past result of it; an idle worker
    used to make it on every poll (a SQLite worker's 6% of a CPU with 50,000 past results)."""
    sql = _idle_loops(monkeypatch, 20)
    schedule_checks = [s for s in sql if re.search(r'"task_path" (IN|=)', s)]
    assert len(schedule_checks) == 1, schedule_checks  # the first loop; nothing is due after
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == len(JOBS)


@pytest.mark.usefixtures("database_tasks")
def test_schedulers_of_several_workers_enqueue_each_job_once_per_interval():
    from datetime import timedelta

    from django.utils import timezone

    from masthead.worker import Scheduler

    first, second = Scheduler(), Scheduler()
    assert sorted(first.tick()) == sorted(job.task for job in JOBS)
    assert second.tick() == []  # found them, under the lock
    later = timezone.now() + timedelta(minutes=1, seconds=1)
    assert second.tick(later) == [RESUME]
    # as if enqueued at that time (the enqueue itself reads the real clock)
    newest = DBTaskResult.objects.filter(task_path=RESUME).latest("enqueued_at")
    DBTaskResult.objects.filter(pk=newest.pk).update(enqueued_at=later)
    assert first.tick(later) == []  # the other worker's enqueue moved the time on
    assert DBTaskResult.objects.count() == len(JOBS) + 1


@pytest.mark.usefixtures("database_tasks")
def test_a_task_enqueued_is_picked_up_within_the_poll_interval(tmp_path):
    import time

    from masthead.worker import INTERVAL

    redis = {"REDIS_URL": os.environ["REDIS_URL"]} if os.environ.get("REDIS_URL") else {}
    env = production_env(tmp_path, DATABASE_URL=database_url(), **redis)
    proc = subprocess.Popen([MASTHEAD, "worker"], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while DBTaskResult.objects.filter(status="SUCCESSFUL").count() < len(JOBS):
            assert proc.poll() is None and time.monotonic() < deadline, "worker did not start"
            time.sleep(0.2)
        time.sleep(INTERVAL / 2)  # the worker is asleep between polls
        enqueued = prune_meter.enqueue()
        row = DBTaskResult.objects.get(pk=enqueued.id)
        while row.started_at is None:
            assert time.monotonic() < deadline, "the task was never picked up"
            time.sleep(0.05)
            row.refresh_from_db()
        # INTERVAL at most, plus slack for a loaded machine (the worker competes for a CPU)
        waited = (row.started_at - row.enqueued_at).total_seconds()
        assert waited <= INTERVAL + 2.0, waited
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    assert proc.returncode == 0


@pytest.mark.usefixtures("database_tasks")
def test_finished_task_results_are_pruned_daily_failed_ones_kept_longer():
    from datetime import timedelta

    from django.utils import timezone

    from masthead.worker import prune_task_results

    assert "masthead.worker.prune_task_results" in [job.task for job in JOBS]
    now = timezone.now()
    for name, status, days in [
        ("old-done", "SUCCESSFUL", 15),
        ("new-done", "SUCCESSFUL", 13),
        ("old-failed", "FAILED", 15),
        ("ancient-failed", "FAILED", 31),
        ("waiting", "READY", 40),
    ]:
        result = prune_meter.enqueue()
        finished = now - timedelta(days=days) if status != "READY" else None
        DBTaskResult.objects.filter(id=result.id).update(
            status=status,
            finished_at=finished,
            enqueued_at=now - timedelta(days=days),
            return_value=name,
        )
    prune_task_results.call()
    kept = set(DBTaskResult.objects.values_list("return_value", flat=True))
    assert kept == {"new-done", "old-failed", "waiting"}
