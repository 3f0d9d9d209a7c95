"""The experiments' admin pages: revenue staff see results per variant with intervals and
start and stop an experiment; others are refused; a refused start says why."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from masthead.access.experiments import arms_of as experiment_arms
from masthead.access.experiments import running_experiment
from masthead.access.models import Experiment, ExperimentStatus, ExperimentVariant
from masthead.revenue.experiment_results import experiment_results
from tests import factories

from .experiment_history import ARMS, write_experiment_history

pytestmark = pytest.mark.django_db


def _staff(client, *, revenue: bool):
    user = factories.user("staff@example.org", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if revenue:
        kind, _ = ContentType.objects.get_or_create(app_label="revenue", model="dashboard")
        perm, _ = Permission.objects.get_or_create(
            codename="view_revenue", content_type=kind, defaults={"name": "Revenue"}
        )
        user.user_permissions.add(perm)
    client.force_login(user)
    return user


def _experiment(status=ExperimentStatus.DRAFT, slug="exp") -> Experiment:
    experiment = Experiment.objects.create(slug=slug, name="Two or five", status=status)
    for arm in ARMS:
        ExperimentVariant.objects.create(
            experiment=experiment,
            name=arm.name,
            anonymous_allowance=arm.allowance,
            share=arm.share,
        )
    return experiment


def test_results_per_variant_from_a_generated_history(client):
    now = timezone.now()
    experiment = _experiment(ExperimentStatus.STOPPED)
    experiment.started_at, experiment.stopped_at = now - timedelta(days=10), now
    experiment.save()
    write_experiment_history(now)
    results = {r.variant: r for r in experiment_results(experiment)}
    assert set(results) == {"two", "five", "holdout"}
    assert results["two"].allowance == 2 and results["holdout"].allowance == 3
    assert results["two"].stop_rate.estimate > results["five"].stop_rate.estimate
    for r in results.values():
        assert r.readers > 100
        assert r.stop_rate.low <= r.stop_rate.estimate <= r.stop_rate.high
        assert r.revenue_per_1000.low <= r.revenue_per_1000.estimate <= r.revenue_per_1000.high
    assert sum(r.registrations for r in results.values()) > 0
    _staff(client, revenue=True)
    page = client.get(f"/admin/experiments/{experiment.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-variant="two"' in html and 'data-metric="revenue_per_1000"' in html


def test_revenue_staff_start_and_stop_an_experiment(client):
    experiment = _experiment()
    _staff(client, revenue=True)
    assert client.get("/admin/experiments/").status_code == 200
    response = client.post(f"/admin/experiments/{experiment.pk}/start/")
    assert response.status_code == 302
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.RUNNING and running_experiment() is not None
    client.post(f"/admin/experiments/{experiment.pk}/stop/")
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.STOPPED and running_experiment() is None
    refused = client.post(f"/admin/experiments/{experiment.pk}/start/", follow=True)
    assert "Not started" in refused.content.decode()
    assert client.get(f"/admin/experiments/{experiment.pk}/start/").status_code == 405


def test_staff_without_the_revenue_permission_are_refused(client):
    experiment = _experiment()
    _staff(client, revenue=False)
    for response in (
        client.get("/admin/experiments/"),
        client.get(f"/admin/experiments/{experiment.pk}/"),
        client.post(f"/admin/experiments/{experiment.pk}/start/"),
    ):  # Wagtail turns a refusal into a redirect to the admin home, with a message
        assert (
            response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
        )
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.DRAFT
    client.logout()
    assert "/login/" in client.get("/admin/experiments/")["Location"]


def _revenue_member(client):
    """A staff member in the Revenue group (the demo editor's way in), not a superuser."""
    from masthead.revenue.access import revenue_access_grant

    user = factories.user("analyst@example.org", is_staff=True)
    revenue_access_grant(user)
    client.force_login(user)
    return user


def test_the_revenue_team_creates_observes_and_stops_an_experiment(client):
    _revenue_member(client)
    dashboard = client.get("/admin/revenue/").content.decode()
    for href in ("/admin/simulate/", "/admin/experiments/", "/admin/experiments/new/"):
        assert f'href="{href}"' in dashboard
    assert 'data-running-experiment=""' in dashboard
    assert client.get("/admin/experiments/new/").status_code == 200
    created = client.post(
        "/admin/experiments/new/",
        {"name": "Two, three or five", "allowances": "5, 2,3", "share": "60", "start": "on"},
    )
    experiment = Experiment.objects.get()
    assert created.status_code == 302
    assert created["Location"] == f"/admin/experiments/{experiment.pk}/"
    assert experiment.status == ExperimentStatus.RUNNING
    variants = list(experiment.variants.values_list("name", "anonymous_allowance", "share"))
    assert [(n, a) for n, a, _ in variants] == [("free-2", 2), ("free-3", 3), ("free-5", 5)]
    assert sum(share for _, _, share in variants) == pytest.approx(0.6)
    assert running_experiment() == (experiment.slug, experiment_arms(experiment))
    page = client.get(created["Location"]).content.decode()
    assert 'data-action="stop"' in page and 'data-status="running"' in page
    dashboard = client.get("/admin/revenue/").content.decode()
    assert f'data-running-experiment="{experiment.slug}"' in dashboard

    stopped = client.post(f"/admin/experiments/{experiment.pk}/stop/")
    assert stopped.status_code == 302
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.STOPPED and running_experiment() is None


def test_a_second_experiment_is_created_as_a_draft_while_one_runs(client):
    _revenue_member(client)
    running = _experiment(ExperimentStatus.RUNNING, slug="running")
    response = client.post(
        "/admin/experiments/new/",
        {"name": "Later", "allowances": "1", "share": "10", "start": "on"},
        follow=True,
    )
    later = Experiment.objects.exclude(pk=running.pk).get()
    assert later.status == ExperimentStatus.DRAFT
    assert "not started: another experiment is running" in response.content.decode()


@pytest.mark.parametrize(
    ("allowances", "share", "error"),
    [
        ("2, two", "50", "whole numbers"),
        ("", "50", "required"),
        ("2, 2", "50", "once"),
        ("2, 101", "50", "between 0 and 100"),
        ("1,2,3,4,5,6", "50", "one to five"),
        ("2, 5", "0", "greater than or equal to 1"),
        ("2, 5", "101", "less than or equal to 100"),
    ],
)
def test_a_bad_experiment_form_says_why_and_creates_nothing(client, allowances, share, error):
    _revenue_member(client)
    response = client.post(
        "/admin/experiments/new/", {"name": "Bad", "allowances": allowances, "share": share}
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Experiment.objects.exists()


def test_only_the_revenue_team_may_create_or_stop(client):
    experiment = _experiment(ExperimentStatus.RUNNING)
    form = {"name": "Sneaky", "allowances": "9", "share": "100", "start": "on"}
    _staff(client, revenue=False)
    for response in (
        client.get("/admin/experiments/new/"),
        client.post("/admin/experiments/new/", form),
        client.post(f"/admin/experiments/{experiment.pk}/stop/"),
    ):
        assert response.status_code in (302, 403)
        assert response.get("Location", "/admin/") == "/admin/"
    client.logout()
    reader = factories.user("reader@example.org")  # signed in, not staff
    client.force_login(reader)
    assert client.post("/admin/experiments/new/", form).status_code == 302
    assert Experiment.objects.count() == 1
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.RUNNING


def test_an_unknown_action_is_not_found_and_changes_nothing(client):
    experiment = _experiment(ExperimentStatus.RUNNING)
    _staff(client, revenue=True)
    assert client.post(f"/admin/experiments/{experiment.pk}/pause/").status_code == 404
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.RUNNING


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/admin/experiments/", "Meter experiments"),
        ("/admin/experiments/new/", "New meter experiment"),
        ("/admin/simulate/", "Simulate a meter policy"),
        ("results", "Experiment: Two or five"),
    ],
)
def test_revenue_pages_are_titled_in_the_admin_header(client, path, title):
    import re

    _staff(client, revenue=True)
    if path == "results":
        path = f"/admin/experiments/{_experiment().pk}/"
    html = client.get(path).content.decode()
    crumbs = re.search(r'<nav[^>]*aria-label="Breadcrumb".*?</nav>', html, re.S)
    assert crumbs is not None
    assert title in crumbs.group(0)  # the visible header; before, it said only "Home"
