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
    # The sign-ups of the replayed period (the starting population's are dated before it).
    since = views_since(report["since"])
    signups = ReaderEvent.objects.filter(kind=EventKind.SIGNUP, created_at__gte=since)
    assert registrations["estimate"] == signups.count()
    assert cli.main(["simulate", "--json", "--anonymous", "6"]) == 0
    looser = json.loads(capsys.readouterr().out)["candidate"]
    assert looser["walls"]["registration"] < recorded["walls"]["registration"]
    assert looser["registrations"]["estimate"] < registrations["estimate"]


def views_since(day: str):
    from datetime import date, datetime, time
    from zoneinfo import ZoneInfo

    from django.conf import settings

    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(date.fromisoformat(day), time(0), tzinfo=zone)


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


def test_billing_rows_describe_the_historys_subscribers(demo):
    """Active subscribers, MRR, trial-to-paid and churn come from billing's rows: the history's
    subscriptions have them, in the state their events leave them."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from masthead.billing.models import Subscription
    from masthead.billing.selectors import entitlement_for, subscription_entitles
    from masthead.demo.steps import history_accounts
    from masthead.revenue.subscribers import monthly_charge, subscriber_figures

    now = timezone.now()
    # The history's account keys only (numbered above FIRST_USER): other tests sharing this
    # database record events of their own accounts, "u:12" and the like.
    keys = {
        key
        for key in ReaderEvent.objects.filter(reader_key__startswith="u:")
        .values_list("reader_key", flat=True)
        .distinct()
        if history_accounts._number(key) is not None
    }
    events = ReaderEvent.objects.filter(reader_key__in=keys)
    started = events.filter(kind=EventKind.SUBSCRIPTION_STARTED)
    rows = Subscription.objects.filter(provider_subscription_id__startswith="demo_hist_")
    assert rows.count() == started.values("reader_key").distinct().count() >= 20
    users = get_user_model().objects.filter(username__startswith=history_accounts.PREFIX)
    assert users.count() == events.filter(kind=EventKind.SIGNUP).count()
    assert not any(u.has_usable_password() for u in users[:50])
    lapsed = set(events.filter(kind=EventKind.LAPSE).values_list("reader_key", flat=True))
    for sub in rows.select_related("user", "plan", "offer"):
        key = "u:" + sub.provider_subscription_id.removeprefix("demo_hist_")
        first = started.filter(reader_key=key).earliest("created_at")
        assert (sub.plan.slug, sub.offer.slug) == (first.plan, first.offer)
        assert abs(sub.created_at - first.created_at) < timedelta(seconds=1)
        assert subscription_entitles(sub, now) == (key not in lapsed)
        assert bool(sub.trial_end) == first.trial
        if key in lapsed:  # the wall the history's lapsed readers meet, from these rows
            expected = "trial" if first.trial and not sub.converted else "access"
            assert entitlement_for(sub.user, now).lapse == expected
    figures = subscriber_figures(now - timedelta(days=29), now, now)
    every = Subscription.objects.select_related("plan", "offer")
    live = [s for s in every if subscription_entitles(s, now)]
    history_live = [s for s in live if s.provider_subscription_id.startswith("demo_hist_")]
    assert figures.active == len(live) and len(history_live) > 10  # the history's, and the demo's
    assert figures.mrr == sum(monthly_charge(s, now) for s in live)
    assert sum(monthly_charge(s, now) for s in history_live) > 20
    # The history opens on a steady state (issue 24, item 6): about 500 subscriptions were
    # live 29 days ago (the starting population's, and the history's first month's), and a few
    # percent of them ended since.
    assert figures.trials_ended > 0 and 450 <= figures.base_at_start <= 700
    assert 0.01 <= figures.churned / figures.base_at_start <= 0.1
    history_accounts.build(Demo(progress=False))  # again: nothing new
    assert (
        Subscription.objects.filter(provider_subscription_id__startswith="demo_hist_").count()
        == rows.count()
    )


def test_the_history_subscribes_to_the_catalogues_offers(db):
    from masthead.demo.catalogue import billing

    offers = history.catalogue_offers()
    new = [o for o in billing.OFFERS if o.get("new_subscribers_only", True)]
    assert [slug for slug, *_ in offers["offers"]] == [o["slug"] for o in new]
    assert dict(offers["prices"]) == {p["slug"]: p["amount"] for p in billing.PLANS}
    assert history.history_model().offers == offers["offers"]
