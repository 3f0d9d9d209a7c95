"""Meter experiments: start and stop as services, sticky assignment by share, the holdout on
the site's policy, never more than the largest allowance, and stopping ends it for everyone."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.access.experiments import (
    HOLDOUT,
    assignment_for,
    experiment_start,
    experiment_stop,
    running_experiment,
)
from masthead.access.models import Experiment, ExperimentStatus, ExperimentVariant

pytestmark = pytest.mark.django_db


def _experiment(slug="allowance", variants=(("two", 2, 0.3), ("five", 5, 0.3))) -> Experiment:
    experiment = Experiment.objects.create(slug=slug, name=slug.title())
    for name, allowance, share in variants:
        ExperimentVariant.objects.create(
            experiment=experiment, name=name, anonymous_allowance=allowance, share=share
        )
    return experiment


def test_readers_are_assigned_by_share_and_stay_put():
    experiment_start(_experiment())
    seen: dict[str | None, int] = {}
    for n in range(3000):
        assignment = assignment_for(f"d:{n:032x}")
        assert assignment is not None
        assert assignment == assignment_for(f"d:{n:032x}")
        seen[assignment.variant] = seen.get(assignment.variant, 0) + 1
        expected = {"two": (2, 0.3), "five": (5, 0.3), HOLDOUT: (None, pytest.approx(0.4))}
        assert (assignment.allowance, assignment.propensity) == expected[assignment.variant]
    assert all(
        abs(seen[v] / 3000 - share) < 0.04
        for v, share in (("two", 0.3), ("five", 0.3), (HOLDOUT, 0.4))
    )
    assert assignment_for("u:12") is None  # accounts are not in an anonymous-allowance test


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    allowances=st.lists(st.integers(0, 9), min_size=1, max_size=3, unique=True),
    keys=st.lists(st.text("0123456789abcdef", min_size=32, max_size=32), max_size=20),
)
def test_no_reader_gets_more_than_the_largest_variants_allowance(allowances, keys):
    Experiment.objects.all().delete()
    share = 1 / len(allowances)
    experiment = _experiment("prop", [(f"v{a}", a, share) for a in allowances])
    experiment_start(experiment)
    for key in keys:
        assignment = assignment_for(f"d:{key}")
        if assignment is not None and assignment.allowance is not None:
            assert assignment.allowance <= max(allowances)
    experiment_stop(experiment)


def test_stopping_returns_everyone_to_the_sites_policy():
    experiment = experiment_start(_experiment())
    assert running_experiment() is not None
    experiment_stop(experiment)
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.STOPPED and experiment.stopped_at
    assert running_experiment() is None
    assert all(assignment_for(f"d:{n:032x}") is None for n in range(200))


def test_unsound_experiments_do_not_start():
    with pytest.raises(ValueError, match="more than 1"):
        experiment_start(_experiment("big", (("a", 2, 0.7), ("b", 3, 0.7))))
    with pytest.raises(ValueError, match="at least one"):
        experiment_start(_experiment("empty", ()))
    with pytest.raises(ValueError, match="holdout"):
        experiment_start(_experiment("named", ((HOLDOUT, 2, 0.5),)))
    experiment_start(_experiment("first"))
    with pytest.raises(ValueError, match="another experiment"):
        experiment_start(_experiment("second"))
    stopped = experiment_stop(Experiment.objects.get(slug="first"))
    with pytest.raises(ValueError, match="draft"):
        experiment_start(stopped)
