"""A free-access promotion's banner (``data-promotion``) announces its date ahead of the
window, says how long it lasts while it runs, and is gone once it ends."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.access.models import Promotion
from tests import factories

pytestmark = pytest.mark.django_db


def promotion_banner(html: str) -> str | None:
    match = re.search(r"<aside[^>]*data-promotion[^>]*>(.*?)</aside>", html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else None


def midnight(days: int):
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=days)


def test_a_scheduled_promotion_is_announced_with_its_date(client, site):
    starts = midnight(4)
    Promotion.objects.create(
        name="Founding day",
        starts_at=starts,
        ends_at=starts + timedelta(days=1),
        banner_text="Every article free for everyone",
    )
    banner = promotion_banner(client.get("/").content.decode())
    assert banner is not None
    assert "Every article free for everyone" in banner
    assert f"{starts:%A}, {starts:%B} {starts.day}" in banner  # e.g. "Saturday, December 5"
    article = factories.article(factories.section("world", "World"), access="subscribers")
    assert 'data-paywall="subscribers-only"' in client.get(article.public_path).content.decode()


def test_a_promotion_of_several_days_announces_its_first_and_last_day(client, site):
    starts = midnight(3)
    last = starts + timedelta(days=2)
    Promotion.objects.create(
        name="Long weekend",
        starts_at=starts,
        ends_at=starts + timedelta(days=3),
        banner_text="Free for everyone",
    )
    banner = promotion_banner(client.get("/").content.decode())
    assert f"{starts:%B} {starts.day}" in banner and f"{last:%B} {last.day}" in banner


def test_a_running_promotion_says_until_when_and_a_distant_one_is_not_announced(client, site):
    now = timezone.now()
    Promotion.objects.create(
        name="Far off",
        starts_at=now + timedelta(days=60),
        ends_at=now + timedelta(days=61),
        banner_text="Not yet",
    )
    assert promotion_banner(client.get("/").content.decode()) is None
    ends = midnight(2)
    Promotion.objects.create(
        name="Now", starts_at=now - timedelta(hours=1), ends_at=ends, banner_text="Free now"
    )
    last = ends - timedelta(days=1)
    banner = promotion_banner(client.get("/").content.decode())
    assert "Free now" in banner and "until" in banner and f"{last:%B} {last.day}" in banner


def test_the_banner_is_formatted_once_a_day_not_per_view(monkeypatch, site):
    from masthead.engagement import promotion_banner as banner_module

    starts = midnight(5)
    Promotion.objects.create(
        name="Once a day",
        starts_at=starts,
        ends_at=starts + timedelta(days=2),
        banner_text="Free for two days",
    )
    calls = []
    real = banner_module._day
    monkeypatch.setattr(banner_module, "_day", lambda moment: calls.append(1) or real(moment))
    first = banner_module.promotion_banner()
    formatted = len(calls)
    assert formatted > 0 and first["text"] == "Free for two days"
    assert banner_module.promotion_banner() == first
    assert len(calls) == formatted
