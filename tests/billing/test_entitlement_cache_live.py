"""Across processes: a server that has cached a subscriber's entitlement walls them on the very
next page once another process (here the test, as a webhook worker would) cancels."""

import urllib.request

import pytest

from masthead.billing.models import AccessGrant, Subscription
from masthead.billing.services import grant_access
from tests import factories
from tests.factories import CANARY
from tests.support.live import live_server, signed_in_cookie

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("live")]


def _state(url: str, cookie: str) -> str:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=30) as response:
        html = response.read().decode()
    if CANARY in html:
        return "full"
    assert 'data-paywall="subscribers-only"' in html
    return "walled"


def test_the_server_follows_a_cancellation_and_a_grant_at_once(world):
    page = factories.article(world, access="subscribers")
    user = factories.subscriber("live-cache@example.org")
    cookie = signed_in_cookie(user)
    with live_server(workers=1) as base:
        url = base + page.public_path
        assert [_state(url, cookie) for _ in range(3)] == ["full"] * 3
        Subscription.objects.filter(user=user).update(status="canceled")
        assert _state(url, cookie) == "walled"
        assert _state(url, cookie) == "walled"
        grant_access(user, days=1)
        assert _state(url, cookie) == "full"
        AccessGrant.objects.filter(user=user).delete()
        assert _state(url, cookie) == "walled"
