"""Each demo account meets the wall the contract names for it, through HTTP: signed in with
the demo password, it reads the demo's metered articles, newest first, until the first wall;
and the scheduled promotion's banner announces its date on every page."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from masthead.access.models import Promotion
from masthead.billing.models import Offer
from masthead.billing.services import check_offer_eligibility
from masthead.newsroom.models import ArticlePage

pytestmark = pytest.mark.xdist_group("demo")
PASSWORD = "masthead-demo"
WALL = re.compile(r'data-paywall="([a-z-]+)"')


def sign_in(client, email):
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]


def first_wall(client, most: int = 40) -> tuple[str | None, int]:
    """Read metered articles newest first: the first wall met and how many were read before."""
    articles = ArticlePage.objects.live().filter(access="metered", sponsor="")
    for read, page in enumerate(articles.order_by("-first_published_at")[:most]):
        response = client.get(page.url)
        assert response.status_code == 200
        found = WALL.search(response.content.decode())
        if found:
            return found.group(1), read
    return None, min(most, articles.count())


@pytest.mark.parametrize(
    ("email", "wall"),
    [
        ("trial-ended@example.com", "trial-expired"),
        ("lapsed@example.com", "access-expired"),
        ("reader@example.com", "subscription"),
    ],
)
def test_each_demo_reader_meets_the_contracts_first_wall(client, demo, email, wall):
    sign_in(client, email)
    assert first_wall(client) == (wall, 10)  # after the registered allowance


@pytest.mark.parametrize("email", ["trial-ended@example.com", "lapsed@example.com"])
def test_a_returning_readers_wall_offers_only_what_they_may_take(client, demo, email):
    sign_in(client, email)
    articles = ArticlePage.objects.live().filter(access="metered", sponsor="")
    html = ""
    for page in articles.order_by("-first_published_at")[:11]:
        html = client.get(page.url).content.decode()
    assert WALL.search(html)
    slugs = re.findall(r'data-offer="([\w-]+)"', html)
    assert slugs, "the wall offers a returning reader nothing"
    user = get_user_model().objects.get(email=email)
    for offer in Offer.objects.filter(slug__in=slugs):
        check_offer_eligibility(user, offer)  # raises CheckoutError if they may not take it


def test_the_subscriber_meets_no_wall(client, demo):
    sign_in(client, "subscriber@example.com")
    assert first_wall(client, most=12) == (None, 12)  # past the registered allowance
    locked = ArticlePage.objects.live().filter(access="subscribers").first()
    assert "data-paywall" not in client.get(locked.url).content.decode()


def test_the_promotion_banner_announces_its_date(client, demo):
    starts = timezone.localtime(Promotion.objects.get().starts_at)
    html = client.get("/").content.decode()
    banner = re.search(r"<aside[^>]*data-promotion=\"([\d-]+)\"[^>]*>(.*?)</aside>", html, re.S)
    assert banner is not None
    assert banner.group(1) == starts.date().isoformat()
    assert f"{starts:%A}, {starts:%B} {starts.day}" in banner.group(2)
