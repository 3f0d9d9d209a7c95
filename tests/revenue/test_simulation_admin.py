"""Simulations from the admin: queued as a task, run by the worker (the immediate backend in
tests), stored as the same JSON object as `masthead simulate`, shown as a chart and a table."""

import doctest

import pytest

from masthead.revenue import simulation_chart
from masthead.revenue.models import SimulationRun, SimulationStatus
from masthead.revenue.simulation_runs import simulation_execute
from tests import factories
from tests.revenue.test_experiment_admin import _staff

pytestmark = pytest.mark.django_db


def test_a_queued_simulation_runs_and_is_drawn(client, world, django_capture_on_commit_callbacks):
    reader = client.__class__()
    for _ in range(5):
        reader.get(factories.article(world).public_path)
    _staff(client, revenue=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/simulate/", {"anonymous": "10"})
    assert response.status_code == 302
    run = SimulationRun.objects.get()
    assert run.status == SimulationStatus.DONE and run.anonymous == 10
    assert run.result["recorded"]["walls"]["registration"] == 2
    assert run.result["candidate"]["walls"]["registration"] == 0
    assert simulation_execute(run.pk) == SimulationStatus.DONE  # a retry does nothing twice
    page = client.get("/admin/simulate/").content.decode()
    assert 'data-chart="simulation-walls"' in page and f'data-simulation="{run.pk}"' in page


def test_a_bad_form_queues_nothing(client):
    _staff(client, revenue=True)
    response = client.post("/admin/simulate/", {"since": "2026-11-05", "until": "2026-11-01"})
    assert response.status_code == 200 and "after the last" in response.content.decode()
    response = client.post("/admin/simulate/", {"anonymous": "-1"})
    assert response.status_code == 200 and not SimulationRun.objects.exists()


def test_the_charts_worked_example():
    assert doctest.testmod(simulation_chart).failed == 0
