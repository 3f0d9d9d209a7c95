"""Free-access promotions open everything inside their window; a lost meter store fails as
configured; a device's views follow the reader into their account."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.access.models import Promotion
from masthead.access.stores import reset_meter_store
from masthead.events.models import ReaderEvent
from tests import factories
from tests.factories import CANARY, PASSWORD

pytestmark = pytest.mark.django_db


def test_promotion_opens_every_article_uncounted_with_its_banner(client, world):
    now = timezone.now()
    Promotion.objects.create(
        name="Anniversary",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=1),
        banner_text="Free access for everyone today",
    )
    pages = [factories.article(world) for _ in range(4)]
    pages.append(factories.article(world, access="subscribers"))
    for page in pages:
        html = client.get(page.public_path).content.decode()
        assert CANARY in html
        assert "data-meter-remaining" not in html and "data-paywall" not in html
        assert "Free access for everyone today" in html and "data-banner" in html
    assert client.get("/api/v1/me/").json()["meter"]["used"] == 0


def test_promotion_closes_by_itself_at_its_end(client, world):
    now = timezone.now()
    Promotion.objects.create(
        name="Over",
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(seconds=1),
        banner_text="Gone",
    )
    html = client.get(factories.article(world, access="subscribers").public_path).content.decode()
    assert 'data-paywall="subscribers-only"' in html
    assert CANARY not in html and "Gone" not in html


def test_redis_down_fails_open_by_default_and_logs(client, world, settings, caplog):
    settings.METER_STORE = {
        "BACKEND": "masthead.access.stores.redis.RedisMeterStore",
        "OPTIONS": {"url": "redis://127.0.0.1:1/0"},
    }
    reset_meter_store()
    with caplog.at_level(logging.WARNING):
        response = client.get(factories.article(world).public_path)
    html = response.content.decode()
    assert response.status_code == 200
    assert CANARY in html and "data-meter-remaining" not in html
    assert any("meter store unavailable" in r.getMessage() for r in caplog.records)


def test_redis_down_fails_closed_when_configured(client, world, settings):
    settings.METER_STORE = {
        "BACKEND": "masthead.access.stores.redis.RedisMeterStore",
        "OPTIONS": {"url": "redis://127.0.0.1:1/0"},
    }
    settings.METER_STORE_FAILURE = "closed"
    reset_meter_store()
    html = client.get(factories.article(world).public_path).content.decode()
    assert 'data-paywall="registration"' in html and CANARY not in html


def test_device_views_carry_over_when_the_reader_signs_in(client, world):
    factories.user("carry@example.org")
    for _ in range(2):
        client.get(factories.article(world).public_path)
    response = client.post("/accounts/login/", {"login": "carry@example.org", "password": PASSWORD})
    assert response.status_code == 302
    me = client.get("/api/v1/me/").json()
    assert me["status"] == "registered"
    assert me["meter"]["used"] == 2 and me["meter"]["remaining"] == 8


def test_decisions_are_recorded_as_events(client, world):
    pages = [factories.article(world) for _ in range(4)]
    for page in pages:
        client.get(page.public_path)
    kinds = list(ReaderEvent.objects.order_by("id").values_list("kind", "wall"))
    assert kinds == [("view_counted", "")] * 3 + [("wall_shown", "registration")]
    assert all(key for key in ReaderEvent.objects.values_list("reader_key", flat=True))
