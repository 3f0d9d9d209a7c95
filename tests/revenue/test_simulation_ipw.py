"""`masthead simulate` with a meter experiment's randomised data: the inverse-propensity
weighted prediction, its method and interval, and no estimate outside the experiment's support."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead import cli
from masthead.access.models import Experiment, ExperimentStatus
from masthead.events.models import ReaderEvent
from masthead.revenue.experiment_results import experiment_results

from .experiment_history import write_experiment_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment_history():
    """Ten days of generated history, every new device in a two-or-five experiment (the
    holdout on the site's 3 free articles)."""
    now = timezone.now()
    write_experiment_history(now)
    return Experiment.objects.create(
        slug="exp",
        name="Two or five",
        status=ExperimentStatus.STOPPED,
        started_at=now - timedelta(days=11),
        stopped_at=now + timedelta(minutes=1),
    )


def _simulate(capsys, *args: str) -> dict:
    assert cli.main(["simulate", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_ipw_matches_the_variant_readers_of_the_candidate_allowance(capsys, experiment_history):
    report = _simulate(capsys, "--anonymous", "2")
    candidate = report["candidate"]
    assert candidate["method"] == "wall rates"
    ipw = candidate["experiment"]
    assert ipw["method"] == "inverse-propensity weighting"
    assert ipw["allowance"] == 2 and ipw["variants"] == {"five": 5, "holdout": 3, "two": 2}
    results = {r.variant: r for r in experiment_results(experiment_history)}
    assert ipw["readers"] == sum(r.readers for r in results.values())
    assert ipw["matched_readers"] == results["two"].readers > 100
    # One propensity within a variant: the weighted rate is the variant's plain rate.
    rate = ipw["registration_rate"]
    assert rate["estimate"] == pytest.approx(results["two"].registration_rate.estimate, abs=1e-6)
    assert 0 <= rate["low"] < rate["estimate"] < rate["high"] <= 1
    assert ipw["subscription_rate"]["estimate"] == pytest.approx(
        results["two"].subscription_rate.estimate, abs=1e-6
    )
    count = ipw["registrations"]
    assert count["estimate"] == pytest.approx(rate["estimate"] * ipw["readers"], rel=1e-4)
    assert ipw["recorded"]["registrations"] == sum(r.registrations for r in results.values())
    assert ipw["note"] == ""
    # One answer (issue 24, item 8): the experiment's, compared with the wall rates on the same
    # readers; each figure says its n.
    answer = candidate["answer"]
    assert answer["method"] == "inverse-propensity weighting" and answer["assumptions"]
    compared = {"registrations"} | (
        {"subscriptions"} if candidate["subscriptions"]["conversions"] else set()
    )
    assert set(answer["comparison"]) == compared  # nothing recorded: nothing to scale by
    assert answer["comparison"]["registrations"]["experiment"]["estimate"] == round(
        count["estimate"], 2
    )
    assert rate["n"] == ipw["matched_readers"] and rate["enough"] is True


def test_the_holdout_answers_for_the_sites_allowance(capsys, experiment_history):
    ipw = _simulate(capsys, "--anonymous", "3", "--preview", "4")["candidate"]["experiment"]
    results = {r.variant: r for r in experiment_results(experiment_history)}
    assert ipw["matched_readers"] == results["holdout"].readers
    assert ipw["registration_rate"]["estimate"] == pytest.approx(
        results["holdout"].registration_rate.estimate, abs=1e-6
    )
    assert "only the anonymous allowance was randomised" in ipw["note"]
    answer = _simulate(capsys, "--anonymous", "3", "--preview", "4")["candidate"]["answer"]
    assert answer["method"] == "wall rates" and "changes more" in answer["why"]


def test_no_estimate_outside_the_experiments_support(capsys, experiment_history):
    ipw = _simulate(capsys, "--anonymous", "7")["candidate"]["experiment"]
    assert ipw["matched_readers"] == 0
    assert ipw["registration_rate"] is None and ipw["subscriptions"] is None
    assert "outside the experiment's support" in ipw["note"]
    assert cli.main(["simulate", "--anonymous", "7"]) == 0
    table = capsys.readouterr().out
    assert "inverse-propensity weighting" in table and "no estimate: no variant gave 7" in table


def test_the_table_shows_the_ipw_prediction(capsys, experiment_history):
    assert cli.main(["simulate", "--anonymous", "5"]) == 0
    table = capsys.readouterr().out
    assert "randomised readers (inverse-propensity weighting, 95% intervals" in table
    assert "registrations" in table.split("randomised readers")[1]
    assert "per reader" in table


def test_no_experiment_no_ipw(capsys):
    ReaderEvent.objects.create(
        kind="view_counted", created_at=timezone.now(), reader_key="d:1", article_id=1,
        status="anonymous", access="metered", month=timezone.now().strftime("%Y-%m"),
        outcome="metered", counted=True, anonymous_allowance=3, registered_allowance=10,
        preview_paragraphs=2,
    )  # fmt: skip
    report = _simulate(capsys)
    assert report["candidate"]["experiment"] is None
    answer = report["candidate"]["answer"]
    assert answer["method"] == "wall rates" and answer["comparison"] is None
    assert answer["why"] == "no meter experiment ran in the period"
    assert cli.main(["simulate"]) == 0
    assert "no IPW estimate" in capsys.readouterr().out
