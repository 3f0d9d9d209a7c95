"""Two hosts, one site: two production servers with data dirs of their own (the same
``MASTHEAD_SECRET_KEY``), one PostgreSQL database and one Redis, on separate ports (issue 11,
item 12). The meter stays exact across them, a sign-in on one is a sign-in on the other, a
publish or a new view restriction made on one reaches the other within seconds, and a Stripe
webhook taken by one updates access on both."""

import json
import re
import secrets
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from http.cookiejar import CookieJar

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import PageViewRestriction

from masthead.access.policy import current_policy
from tests import factories
from tests.billing import stripe_fixtures as fx
from tests.billing.stripe_fixtures import paid_subscription
from tests.billing.stripe_server import sign
from tests.factories import CANARY, PASSWORD
from tests.support.live import running_server
from tests.support.live import test_database_url as database_url

stripe_fake, catalog = fx.stripe_fake, fx.catalog  # the shared fixtures

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("live"),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not settings.REDIS_URL,
        reason="two hosts share a PostgreSQL database and a Redis: needs DATABASE_URL=postgres://"
        " and REDIS_URL (CI's second pass)",
    ),
]

DEADLINE = 10.0  # seconds for a change made on one host to be served by the other


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_plain = urllib.request.build_opener(NoRedirect)


def _get(url: str, cookie: str = "") -> tuple[int, str, str]:
    """(status, body, Set-Cookie headers) without following redirects."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with _plain.open(request, timeout=30) as r:
            return r.status, r.read().decode(), "; ".join(r.headers.get_all("Set-Cookie") or [])
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), ""


def _until(check, what: str) -> float:
    """Seconds until ``check()`` holds; fails after DEADLINE."""
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < DEADLINE, f"{what}: not within {DEADLINE:.0f} s"
        time.sleep(0.1)
    return time.monotonic() - start


def _sign_in(base: str, email: str) -> str:
    """Sign in through the server's login form; the session cookie it set."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/accounts/login/", timeout=30) as r:
        html = r.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = f"login={email}&password={PASSWORD.replace(' ', '+')}&csrfmiddlewaretoken={token}"
    request = urllib.request.Request(
        base + "/accounts/login/", data=data.encode(), headers={"Referer": base + "/"}
    )
    with opener.open(request, timeout=30) as r:
        r.read()
    session = [c for c in jar if c.name == settings.SESSION_COOKIE_NAME]
    assert session, "no session cookie after signing in"
    return f"{settings.SESSION_COOKIE_NAME}={session[0].value}"


def _status(base: str, cookie: str) -> str:
    status, body, _ = _get(base + "/api/v1/me/", cookie)
    assert status == 200, body[:300]
    return json.loads(body)["status"]


def test_two_hosts_share_the_meter_sign_ins_publishing_and_webhooks(
    tmp_path, world, stripe_fake, catalog
):
    started = time.monotonic()
    articles = [factories.article(world) for _ in range(22)]
    reader = factories.user("twohosts@example.org")
    key = secrets.token_urlsafe(50)
    stripe_env = {
        "STRIPE_SECRET_KEY": fx.SECRET_KEY,
        "STRIPE_WEBHOOK_SECRET": fx.WEBHOOK_SECRET,
        "STRIPE_API_BASE": stripe_fake.url,
    }
    with ExitStack() as stack:
        hosts = [
            stack.enter_context(
                running_server(
                    {
                        "DATABASE_URL": database_url(),
                        "REDIS_URL": settings.REDIS_URL,
                        "MASTHEAD_SECRET_KEY": key,
                        "MASTHEAD_DATA_DIR": str(tmp_path / name),
                        **stripe_env,
                    },
                    workers=1,
                )
            )
            for name in ("a", "b")
        ]
        a, b = hosts
        booted = time.monotonic() - started

        # (1) One device, minted by a first metered view on host A (only a view that meters
        # mints one), then reads 20 other metered articles at once, half on A and half on B.
        status, html, set_cookie = _get(a + articles[21].public_path)
        assert status == 200 and CANARY in html and "data-meter-remaining=" in html
        minted = re.search(r"mh_device=[^;]+", set_cookie)
        assert minted, f"no device cookie from a first view: {set_cookie!r}"
        device = minted.group(0)
        paths = [(hosts[i % 2], p.public_path) for i, p in enumerate(articles[:20])]
        with ThreadPoolExecutor(max_workers=20) as pool:
            results = list(pool.map(lambda hp: _get(hp[0] + hp[1], device), paths))
        assert all(status == 200 for status, _, _ in results)
        opened = [html for _, html, _ in results if CANARY in html]
        walled = [html for _, html, _ in results if 'data-paywall="' in html]
        allowance = current_policy().anonymous_allowance
        # the first view used one of the allowance: the other 20 open exactly the rest
        assert len(opened) == allowance - 1 and len(walled) == 21 - allowance
        assert all("data-meter-remaining=" in html for html in opened)
        assert not any(CANARY in html for html in walled)

        # (2) A sign-in on A is a sign-in on B.
        session = _sign_in(a, reader.email)
        assert _status(a, session) == "registered"
        assert _status(b, session) == "registered"

        # (3) A publish and a new view restriction, made as A's admin would, served by both.
        draft = factories.article(world)
        assert [_get(h + draft.public_path)[0] for h in hosts] == [200, 200]  # routes cached
        draft.unpublish()
        unpublished = max(
            _until(lambda h=h: _get(h + draft.public_path)[0] == 404, f"unpublish on {h}")
            for h in hosts
        )
        draft.save_revision().publish()
        published = max(
            _until(lambda h=h: _get(h + draft.public_path)[0] == 200, f"publish on {h}")
            for h in hosts
        )
        page = articles[20]
        assert [_get(h + page.public_path)[0] for h in hosts] == [200, 200]
        PageViewRestriction.objects.create(page=page, restriction_type="login")
        restricted = max(
            _until(lambda h=h: _get(h + page.public_path)[0] == 302, f"restriction on {h}")
            for h in hosts
        )

        # (4) A Stripe webhook taken by B gives the reader access on both hosts.
        sub = paid_subscription(stripe_fake, reader, catalog[0])
        event = stripe_fake.event("customer.subscription.created", sub)
        body = json.dumps(event).encode()
        request = urllib.request.Request(
            b + "/webhooks/stripe/",
            data=body,
            headers={
                "Content-Type": "application/json",
                "Stripe-Signature": sign(body, fx.WEBHOOK_SECRET),
            },
        )
        with urllib.request.urlopen(request, timeout=30) as r:
            assert r.status == 200
        subscribed = max(
            _until(lambda h=h: _status(h, session) == "subscriber", f"webhook on {h}")
            for h in hosts
        )
    print(
        f"two hosts: boot {booted:.1f} s, {len(opened)} opened / {len(walled)} walled, "
        f"unpublish {unpublished:.2f} s, publish {published:.2f} s, "
        f"restriction {restricted:.2f} s, webhook {subscribed:.2f} s, "
        f"total {time.monotonic() - started:.1f} s"
    )
