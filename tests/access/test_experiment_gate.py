"""The gate inside a running experiment: an assigned reader meets their variant's allowance
from their first view on, every view event records the variant and its probability, stopping
the experiment returns the reader to the site's policy at once, and the replay reproduces all
of it."""

import json
import re

import pytest
from django.test import Client

from masthead import cli
from masthead.access.experiments import experiment_start, experiment_stop
from masthead.access.identity import COOKIE_NAME
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
    assert _read(client, pages[0]) == ("0", None)  # a new device: the variant's 1 at once
    assert _read(client, pages[1]) == (None, "registration")
    assert _read(client, pages[0]) == ("0", None)  # a re-read is free
    views = list(ReaderEvent.objects.filter(kind__in=sorted(VIEW_KINDS)).order_by("id"))
    assert [(v.variant, v.propensity, v.anonymous_allowance) for v in views] == [
        ("tight", 1.0, 1),
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


def _two_arms() -> Experiment:
    experiment = Experiment.objects.create(slug="two-or-four", name="Two or four")
    for name, allowance in [("two", 2), ("four", 4)]:
        ExperimentVariant.objects.create(
            experiment=experiment, name=name, anonymous_allowance=allowance, share=0.5
        )
    return experiment_start(experiment)


def test_a_new_devices_meter_counts_down_one_article_at_a_time(world):
    """The browser journey's "2 free articles left, then 2 again": a new device's first view
    was decided under the site's 3 and its second under its variant's 4 (or 2: "0 left")."""
    pages = [factories.article(world) for _ in range(3)]
    _two_arms()
    seen = set()
    for _ in range(16):
        device = Client()
        first, second = _read(device, pages[0]), _read(device, pages[1])
        assert first[0] in {"1", "3"} and first[1] is None, first  # 2 - 1 or 4 - 1
        assert second == (str(int(first[0]) - 1), None), (first, second)
        views = ReaderEvent.objects.filter(kind__in=sorted(VIEW_KINDS)).order_by("-id")[:2]
        assert {(v.variant, v.anonymous_allowance) for v in views} in (
            {("two", 2)},
            {("four", 4)},
        )
        seen.add(first[0])
    assert seen == {"1", "3"}, "16 new devices all in one variant"


def test_a_view_decided_under_an_arm_keeps_the_device(world):
    """A free article counts nothing, but inside an experiment its view was decided under the
    arm of the device's upcoming id: the device is created, so the arm holds on the next view.
    HEAD counts nothing and sets no cookie; without an experiment a free page sets none."""
    free = factories.article(world, access="free")
    device = Client()
    assert COOKIE_NAME not in device.get(free.public_path).cookies
    _one_arm(0)
    assert COOKIE_NAME not in device.head(free.public_path).cookies
    assert COOKIE_NAME in device.get(free.public_path).cookies
    assert _read(device, factories.article(world)) == (None, "registration")  # the arm's 0
