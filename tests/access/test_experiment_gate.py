"""The gate inside a running experiment: an assigned reader meets their variant's allowance,
every view event records the variant and its probability, stopping the experiment returns the
reader to the site's policy at once, and the replay reproduces all of it."""

import json
import re

import pytest

from masthead import cli
from masthead.access.experiments import experiment_start, experiment_stop
from masthead.access.models import Experiment, ExperimentVariant
from masthead.events.kinds import VIEW_KINDS
from masthead.events.models import ReaderEvent
from tests import factories

pytestmark = pytest.mark.django_db
REMAINING = re.compile(r'data-meter-remaining="(\d+)"')
WALL = re.compile(r'data-paywall="([a-z-]+)"')


def _one_arm(allowance: int) -> Experiment:
    experiment = Experiment.objects.create(slug=f"all-{allowance}", name="Everyone")
    ExperimentVariant.objects.create(
        experiment=experiment, name="tight", anonymous_allowance=allowance, share=1.0
    )
    return experiment_start(experiment)


def _read(client, page) -> tuple[str | None, str | None]:
    html = client.get(page.public_path).content.decode()
    remaining, wall = REMAINING.search(html), WALL.search(html)
    return (remaining.group(1) if remaining else None, wall.group(1) if wall else None)


def test_an_assigned_reader_meets_the_variants_allowance_until_it_stops(client, world, capsys):
    pages = [factories.article(world) for _ in range(5)]
    experiment = _one_arm(1)
    assert _read(client, pages[0]) == ("2", None)  # a new device: the site's policy
    assert _read(client, pages[1]) == (None, "registration")  # then the variant's 1
    assert _read(client, pages[0]) == ("0", None)  # a re-read is free
    views = list(ReaderEvent.objects.filter(kind__in=sorted(VIEW_KINDS)).order_by("id"))
    assert [(v.variant, v.propensity, v.anonymous_allowance) for v in views[1:]] == [
        ("tight", 1.0, 1),
        ("tight", 1.0, 1),
    ]
    experiment_stop(experiment)
    assert _read(client, pages[2]) == ("1", None)  # back on the site's 3
    last = ReaderEvent.objects.filter(kind__in=sorted(VIEW_KINDS)).latest("id")
    assert last.variant is None and last.anonymous_allowance == 3

    assert cli.main(["simulate", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["candidate"]["walls"] == report["recorded"]["walls"]
    assert report["candidate"]["counted"] == report["recorded"]["counted"] == 2


def test_subscribers_and_accounts_are_never_assigned(client, world):
    _one_arm(0)
    client.force_login(factories.user("acct@example.org"))
    page = factories.article(world)
    assert _read(client, page) == ("9", None)
    view = ReaderEvent.objects.filter(kind__in=sorted(VIEW_KINDS)).get()
    assert view.variant is None and view.registered_allowance == 10
