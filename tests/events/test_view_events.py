"""One reader event per gate decision, carrying everything a replay needs; replaying the log
through the pure rules reproduces every recorded decision, across a sign-in and a policy
change; nothing identifying beyond the pseudonymous key is stored."""

import pytest
from django.utils import timezone
from wagtail.models import Site

from masthead.access.models import MeterSettings
from masthead.events.kinds import EventKind
from masthead.events.models import ReaderEvent
from masthead.metering import month_key, replay
from masthead.revenue.simulation import FACT_COLUMNS, REPLAYED_KINDS
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _rows():
    return list(ReaderEvent.objects.order_by("created_at", "id").values(*FACT_COLUMNS))


def _facts(rows):
    """The rows as the replay engine's facts (``FACT_COLUMNS`` is ``metering.Fact``'s order)."""
    return [tuple(r[c] for c in FACT_COLUMNS) for r in rows if r["kind"] in REPLAYED_KINDS]


def test_each_view_is_one_event_with_the_facts_of_its_decision(client, world):
    metered = [factories.article(world) for _ in range(4)]
    free = factories.article(world, access="free")
    sponsored = factories.article(world, sponsor="Acme Shipping")
    for page in [*metered[:3], metered[0], free, sponsored, metered[3]]:
        assert client.get(page.public_path).status_code == 200
    rows = list(ReaderEvent.objects.order_by("id"))
    assert [r.kind for r in rows] == [
        EventKind.VIEW_COUNTED,
        EventKind.VIEW_COUNTED,
        EventKind.VIEW_COUNTED,
        EventKind.VIEW_REREAD,
        EventKind.VIEW_FREE,
        EventKind.VIEW_FREE,
        EventKind.WALL_SHOWN,
    ]
    assert [r.remaining for r in rows[:4]] == [2, 1, 0, 0]
    assert [r.counted for r in rows] == [True, True, True, False, False, False, False]
    assert [r.access for r in rows[4:6]] == ["free", "metered"] and rows[5].sponsored
    walled = rows[-1]
    assert (walled.outcome, walled.wall, walled.reason) == ("walled", "registration", "metered")
    month = month_key(timezone.now(), "UTC")
    for r in rows:
        assert r.reader_key.startswith("d:") and len(r.reader_key) == 34
        assert r.status == "anonymous" and r.month == month and r.channel == "web"
        assert (r.anonymous_allowance, r.registered_allowance, r.preview_paragraphs) == (3, 10, 2)
        assert r.variant is None and r.propensity is None
    assert len({r.reader_key for r in rows}) == 1


def test_subscriber_views_and_the_api_channel(client, world):
    subscriber = factories.subscriber("sub@example.org")
    client.force_login(subscriber)
    page = factories.article(world)
    client.get(page.public_path)
    client.get(f"/api/v1/articles/{page.pk}/")
    rows = list(ReaderEvent.objects.order_by("id"))
    assert [(r.kind, r.status, r.channel) for r in rows] == [
        (EventKind.VIEW_SUBSCRIBER, "subscriber", "web"),
        (EventKind.VIEW_SUBSCRIBER, "subscriber", "api"),
    ]
    assert rows[0].reader_key == f"u:{subscriber.pk}"


def test_replaying_the_log_reproduces_every_decision(client, world):
    factories.user("replay@example.org")
    pages = [factories.article(world) for _ in range(14)]
    only = factories.article(world, access="subscribers")
    for page in pages[:2]:
        client.get(page.public_path)
    client.post("/accounts/login/", {"login": "replay@example.org", "password": PASSWORD})
    assert ReaderEvent.objects.filter(kind=EventKind.DEVICE_MERGED).count() == 1
    for page in [pages[0], *pages[2:7], only]:
        client.get(page.public_path)
    meter = MeterSettings.for_site(Site.objects.get(is_default_site=True))
    meter.registered_allowance = 7
    meter.save()
    for page in pages[7:]:
        client.get(page.public_path)
    other = client.__class__()
    for page in pages[:5]:
        other.get(page.public_path)

    rows = _rows()
    recorded = [(r["outcome"], r["wall"], r["counted"]) for r in rows if r["outcome"]]
    assert ("walled", "subscription", False) in recorded
    assert ("walled", "subscribers-only", False) in recorded
    assert {r["registered_allowance"] for r in rows if r["status"] == "registered"} == {10, 7}
    # The site's own engine (metering.replay, as `masthead simulate` runs it): no view's
    # decision (wall, counted) differs from the recorded one.
    same = replay(_facts(rows))
    assert same.events == len(recorded) and same.changed == 0 and same.unreplayable == 0
    assert same.candidate.counted == same.recorded.counted
    assert same.candidate.walls == same.recorded.walls
    assert same.recorded.walls["subscription"] >= 1

    # Without the merge row the account would have had two more free articles.
    unjoined = [r for r in rows if r["kind"] != EventKind.DEVICE_MERGED]
    assert replay(_facts(unjoined)).changed > 0


def test_referrer_class_and_utm_tags_are_stored_not_the_host(client, world):
    page = factories.article(world)
    client.get(
        page.public_path + "?utm_source=weekly&utm_medium=social&utm_campaign=launch",
        HTTP_REFERER="https://www.facebook.com/some/post?id=1",
        HTTP_USER_AGENT="Mozilla/5.0 Distinctive-Agent",
        REMOTE_ADDR="203.0.113.77",
    )
    client.get(page.public_path, HTTP_REFERER="http://testserver/world/")
    first, second = ReaderEvent.objects.order_by("id")
    assert (first.source, first.utm_source, first.utm_medium, first.utm_campaign) == (
        "social",
        "weekly",
        "social",
        "launch",
    )
    assert second.source == "internal" and second.utm_source == ""
    stored = " ".join(
        str(v) for row in ReaderEvent.objects.values() for v in row.values() if v is not None
    )
    assert "facebook" not in stored and "Distinctive" not in stored and "203.0.113" not in stored


def test_a_signed_in_readers_event_never_holds_the_email(client, world):
    user = factories.user("private.person@example.org")
    client.force_login(user)
    client.get(factories.article(world).public_path)
    values = list(ReaderEvent.objects.values_list(flat=False))
    assert values and "private.person" not in repr(values)
