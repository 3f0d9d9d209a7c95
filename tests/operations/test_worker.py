"""`masthead worker` runs django-tasks-db's worker and enqueues the periodic jobs of
``masthead.schedule`` once per interval, however many workers run (issue 11, item 10)."""

import os
import subprocess

import pytest
from django_tasks_db.models import DBTaskResult

from masthead.access.tasks import prune_meter
from masthead.schedule import JOBS
from tests.support.live import test_database_url as database_url

from .processes import MASTHEAD, production_env

pytestmark = pytest.mark.django_db(transaction=True)
PRUNE = "masthead.access.tasks.prune_meter"


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
