"""The demo's reader history (CONTRACT.md: at least 60 days, at least 100,000 events): near the
model's published figures, a finished experiment with data, and `masthead simulate --json` with
no option reproduces every recorded decision."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.models import Max, Min, Sum

from masthead import cli
from masthead.access.models import Experiment, ExperimentStatus
from masthead.demo.context import Demo
from masthead.demo.steps import history
from masthead.events.kinds import VIEW_KINDS, EventKind
from masthead.events.models import ReaderEvent
from masthead.revenue.models import DailyMetric, RollupState

pytestmark = pytest.mark.xdist_group("demo")
MASTHEAD = str(Path(sys.executable).with_name("masthead"))


def test_the_history_is_long_large_and_converts(demo):
    events = ReaderEvent.objects.all()
    views = events.filter(kind__in=sorted(VIEW_KINDS))
    span = views.aggregate(first=Min("created_at"), last=Max("created_at"))
    assert events.count() >= 100_000
    assert (span["last"] - span["first"]).days >= 60
    assert events.filter(kind=EventKind.SIGNUP).count() >= 200
    assert events.filter(kind=EventKind.SUBSCRIPTION_STARTED).count() >= 20
    assert views.filter(kind=EventKind.WALL_SHOWN, wall="registration").count() > 1000
    assert views.values("article_id").distinct().count() >= 20
    # The dashboard's rollups are built with the history (not left to the periodic task); views
    # that later demo steps record wait for the task.
    rolled = DailyMetric.objects.filter(kind__in=sorted(VIEW_KINDS)).aggregate(n=Sum("events"))
    last = RollupState.objects.get().last_event_id
    assert rolled["n"] == views.filter(id__lte=last).count() > 100_000
    experiment = Experiment.objects.get(slug=history.EXPERIMENT)
    assert experiment.status == ExperimentStatus.STOPPED
    assert {v.name for v in experiment.variants.all()} == {arm.name for arm in history.ARMS}
    assert set(views.exclude(variant=None).values_list("variant", flat=True).distinct()) == {
        "two-free",
        "five-free",
        "holdout",
    }


def test_simulate_with_no_option_reproduces_the_demo_history(demo, capsys):
    assert cli.main(["simulate", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    recorded, candidate = report["recorded"], report["candidate"]
    assert report["events"] >= 100_000
    assert candidate["counted"] == recorded["counted"]
    assert candidate["walls"] == recorded["walls"]
    assert candidate["readers_walled"] == recorded["readers_walled"]
    registrations = candidate["registrations"]
    assert registrations["estimate"] == ReaderEvent.objects.filter(kind=EventKind.SIGNUP).count()
    assert cli.main(["simulate", "--json", "--anonymous", "6"]) == 0
    looser = json.loads(capsys.readouterr().out)["candidate"]
    assert looser["walls"]["registration"] < recorded["walls"]["registration"]
    assert looser["registrations"]["estimate"] < registrations["estimate"]


def test_building_again_adds_no_history(demo):
    before = ReaderEvent.objects.count()
    history.build(Demo(progress=False))
    assert ReaderEvent.objects.count() == before


def test_bad_options_exit_2_from_the_console_script():
    proc = subprocess.run(
        [MASTHEAD, "simulate", "--anonymous", "-3", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "--anonymous" in proc.stderr and proc.stdout == ""
