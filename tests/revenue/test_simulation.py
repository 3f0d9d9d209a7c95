"""`masthead simulate`: the gate's recorded views replayed through the same rules; with no
option the candidate is the recorded, a candidate changes what it should, bad options exit 2."""

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from masthead import cli
from masthead.access.models import MeterSettings
from masthead.events.kinds import VIEW_KINDS
from masthead.events.models import ReaderEvent
from masthead.metering import Candidate
from masthead.revenue.simulation import simulation_period, simulation_run
from masthead.revenue.simulation_table import simulation_table
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
WALLS = {"registration", "subscription", "trial-expired", "access-expired", "subscribers-only"}


def _browse(client, world) -> None:
    """Two anonymous readers, one of whom signs in (a merge) before a policy change."""
    factories.user("sim@example.org")
    pages = [factories.article(world) for _ in range(14)]
    only = factories.article(world, access="subscribers")
    for page in pages[:5]:
        client.get(page.public_path)
    client.post("/accounts/login/", {"login": "sim@example.org", "password": PASSWORD})
    for page in [pages[0], *pages[2:9], only]:
        client.get(page.public_path)
    meter = MeterSettings.for_site(Site.objects.get(is_default_site=True))
    meter.registered_allowance = 7
    meter.save()
    for page in pages[9:]:
        client.get(page.public_path)
    other = client.__class__()
    for page in pages[:6]:
        other.get(page.public_path)


def _json(capsys, *args: str) -> dict:
    assert cli.main(["simulate", "--json", *args]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    return json.loads(out)


def test_with_no_option_the_candidate_is_what_was_recorded(client, world, capsys):
    _browse(client, world)
    report = _json(capsys)
    views = ReaderEvent.objects.filter(kind__in=VIEW_KINDS).count()
    assert set(report) == {"events", "readers", "since", "until", "recorded", "candidate"}
    assert report["events"] == views and report["readers"] == 3
    recorded, candidate = report["recorded"], report["candidate"]
    assert set(recorded["walls"]) == set(candidate["walls"]) == WALLS
    assert recorded["walls"]["registration"] == 5 and recorded["walls"]["subscribers-only"] == 1
    assert recorded["walls"]["subscription"] >= 1
    assert candidate["counted"] == recorded["counted"] and candidate["walls"] == recorded["walls"]
    assert candidate["readers_walled"] == recorded["readers_walled"] == 3
    assert recorded["stop_rate"] == 1.0
    assert recorded["policy"] == {"anonymous": 3, "registered": 7, "preview": 2}
    assert candidate["policy"] == {"anonymous": 3, "registered": 7, "preview": 2}
    for key in ("registrations", "subscriptions"):
        interval = candidate[key]
        assert {"estimate", "low", "high"} <= set(interval)
        assert interval["low"] <= interval["estimate"] <= interval["high"]
        # Three readers: each figure says its n, and that n is too few to tell anything from.
        assert 1 <= interval["n"] <= 3
        assert interval["enough"] is False
    assert recorded["stop"] == {**recorded["stop"], "n": 3, "enough": False}
    assert recorded["stop"]["high"] == 1.0 and recorded["stop"]["low"] < 1.0  # not [1, 1]
    assert report["since"] == report["until"] == timezone.localdate().isoformat()


def test_a_candidate_policy_changes_the_walls(client, world, capsys):
    _browse(client, world)
    report = _json(capsys, "--anonymous", "10", "--registered", "20", "--preview", "4")
    candidate, recorded = report["candidate"], report["recorded"]
    assert candidate["policy"] == {"anonymous": 10, "registered": 20, "preview": 4}
    assert candidate["walls"]["registration"] == 0 and candidate["walls"]["subscription"] == 0
    assert candidate["walls"]["subscribers-only"] == 1  # no meter opens those
    assert candidate["counted"] > recorded["counted"]
    assert candidate["views"] == recorded["views"]
    tight = _json(capsys, "--anonymous", "0")
    assert tight["candidate"]["walls"]["registration"] > recorded["walls"]["registration"]


def test_the_table_and_the_period(client, world, capsys):
    _browse(client, world)
    assert cli.main(["simulate", "--anonymous", "5"]) == 0
    out = capsys.readouterr().out
    assert "recorded" in out and "candidate" in out and "registration wall" in out
    # Three readers: no figure is told, and the table says why.
    assert re.search(
        r"registrations   too few to tell \(n = [123] readers walled, fewer than 30\)", out
    )
    assert "too few to tell" in out.split("stop rate")[1].splitlines()[0]
    today = timezone.localdate()
    empty = _json(
        capsys,
        "--since",
        (today - timedelta(days=9)).isoformat(),
        "--until",
        (today - timedelta(days=1)).isoformat(),
    )
    assert empty["events"] == 0 and empty["recorded"]["stop_rate"] == 0


def test_views_before_since_in_the_same_month_still_set_the_meter(world):
    page_ids = [factories.article(world).pk for _ in range(5)]
    early = datetime(2026, 10, 10, 12, tzinfo=UTC)
    late = datetime(2026, 10, 12, 12, tzinfo=UTC)
    rows = []
    for n, pk in enumerate(page_ids):
        walled = n >= 3
        rows.append(
            ReaderEvent(
                kind="wall_shown" if walled else "view_counted",
                created_at=early if n < 3 else late,
                reader_key="d:x",
                article_id=pk,
                status="anonymous",
                access="metered",
                month="2026-10",
                outcome="walled" if walled else "metered",
                wall="registration" if walled else "",
                counted=not walled,
                anonymous_allowance=3,
                registered_allowance=10,
                preview_paragraphs=2,
            )
        )
    ReaderEvent.objects.bulk_create(rows)
    period = simulation_period(date(2026, 10, 12), date(2026, 10, 12))
    simulation = simulation_run(period, Candidate())
    assert simulation.replay.changed == 0 and simulation.report["events"] == 2
    assert simulation.report["recorded"]["walls"]["registration"] == 2
    assert "Replayed 2 views" in simulation_table(simulation.report)
    assert simulation_period(None, date(2026, 10, 31)).since == date(2026, 10, 10)


@pytest.mark.parametrize(
    "args",
    [
        ["--anonymous", "-1"],
        ["--anonymous", "three"],
        ["--registered", "100000"],
        ["--since", "yesterday"],
        ["--since", "2026-13-01"],
    ],
)
def test_bad_options_are_a_clear_error_with_exit_code_2(args, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["simulate", *args])
    assert exc.value.code == 2
    assert "simulate" in capsys.readouterr().err


def test_since_after_until_is_refused(db, capsys):
    assert cli.main(["simulate", "--since", "2026-11-02", "--until", "2026-11-01"]) == 2
    assert "after" in capsys.readouterr().err
