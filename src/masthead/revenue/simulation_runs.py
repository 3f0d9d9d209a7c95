"""Simulations from the admin, run in the background: ``simulation_request`` stores the ask and
queues the task (after the transaction commits); the task calls ``simulation_execute``, which
runs the same replay as ``masthead simulate`` and stores its JSON object, or the error."""

import logging

from django.db import transaction
from django_tasks import task

from masthead.metering import Candidate

from .models import SimulationRun, SimulationStatus
from .simulation import simulation_period, simulation_run

logger = logging.getLogger(__name__)


def simulation_request(
    *, since=None, until=None, anonymous=None, registered=None, preview=None
) -> SimulationRun:  # noqa: ANN001
    """Store a simulation and queue it for a task worker."""
    run = SimulationRun.objects.create(
        since=since, until=until, anonymous=anonymous, registered=registered, preview=preview
    )
    transaction.on_commit(lambda: run_simulation.enqueue(run.pk))
    return run


@task()
def run_simulation(run_id: int) -> str:
    """The background task."""
    return simulation_execute(run_id)


def simulation_execute(run_id: int) -> str:
    run = SimulationRun.objects.get(pk=run_id)
    if run.status not in (SimulationStatus.QUEUED, SimulationStatus.RUNNING):
        return run.status  # done already: a retried task does nothing twice
    run.status = SimulationStatus.RUNNING
    run.save(update_fields=["status"])
    try:
        period = simulation_period(run.since, run.until)
        candidate = Candidate(run.anonymous, run.registered, run.preview)
        run.result = simulation_run(period, candidate).report
        run.status = SimulationStatus.DONE
    except Exception as exc:  # a failed run is shown as failed, not retried forever
        logger.exception("simulation %s failed", run_id)
        run.status, run.error = SimulationStatus.FAILED, str(exc)[:300]
    run.save(update_fields=["status", "result", "error"])
    return run.status
