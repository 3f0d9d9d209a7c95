"""The reader path and Django answer every reader case with the same bytes.

Each case makes two readers in the same state (the same history on the meter, the same kind of
account, the same cookies but their own device or session) and asks for the same article: one
through Django's handler (the test client), one through the reader path (``ReaderClient``,
which must answer it itself). Status, body and every header must be equal; only what is
random per response is put in a common form first: a new device's id, a new CSRF secret, the
mask of a CSRF token, a cookie's ``expires`` (derived from the clock, like ``Date``). The
suite runs it on SQLite with the database store and on PostgreSQL with Redis.
"""

import gzip
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.utils import timezone

from masthead.access.gifts import create_gift_link
from masthead.access.identity import COOKIE_NAME, device_cookie_value, new_device_id
from masthead.access.models import Promotion
from masthead.access.policy import current_policy
from masthead.access.stores import get_meter_store
from masthead.billing.models import Offer, Plan
from masthead.engagement.models import Banner
from masthead.metering import month_key
from masthead.metering.keys import device_key, user_key
from masthead.newsletters.models import Newsletter
from tests import factories
from tests.factories import CANARY
from tests.support.live import signed_in_cookie
from tests.support.readerclient import ReaderClient

pytestmark = pytest.mark.django_db
CSRF_SECRET = "a" * 16 + "B" * 16
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
_EXPIRES = re.compile(r"expires=[^;]+;")


@pytest.fixture
def page(world):
    now = timezone.now()
    plan = Plan.objects.create(name="Monthly", slug="monthly", amount="14.99")
    Offer.objects.create(
        plan=plan,
        slug="intro",
        title="Try 1 month for $0.99",
        kind="intro",
        intro_amount="0.99",
        intro_periods=1,
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=10),
        featured=True,
    )
    Banner.objects.create(text="Hello readers", dismissible=True)
    Newsletter.objects.create(name="Daily", slug="daily", default_on_signup=True)
    return factories.article(world)


def _views(key: str, n: int) -> None:
    month = month_key(timezone.now(), current_policy().time_zone)
    for i in range(n):
        get_meter_store().record(key, month, 900_000 + i, 100)


def _device(views: int = 0) -> str:
    device = new_device_id()
    _views(device_key(device), views)
    return f"{COOKIE_NAME}={device_cookie_value(device)}"


_emails = iter(range(10**6))


def _signed_in(kind: str, views: int = 0) -> str:
    email = f"{kind}-{next(_emails)}@example.org"
    past = timezone.now() - timedelta(days=3)
    if kind == "subscriber":
        user = factories.subscriber(email)
    elif kind == "trial-expired":
        user = factories.subscriber(email, status="canceled", days=-3, trial_end=past)
    elif kind == "access-expired":
        user = factories.subscriber(email, status="canceled", days=-3)
    else:
        user = factories.user(email)
    _views(user_key(user.pk), views)
    return signed_in_cookie(user)


def _csrf(cookie: str) -> str:
    return f"{cookie}; {settings.CSRF_COOKIE_NAME}={CSRF_SECRET}"


def _normal(response, sent_cookie: str) -> tuple:
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    text = body.decode()
    text = _TOKEN.sub(lambda m: f"csrf:{_unmask_cipher_token(m.group(1))}", text)
    cookies = {}
    for name, morsel in response.cookies.items():
        value = morsel.output(header="").strip()
        value = _EXPIRES.sub("expires=(clock);", value)
        if f"{name}=" not in sent_cookie:  # minted by this response: random
            value = value.replace(morsel.value, "(new)")
            text = text.replace(f"csrf:{morsel.value}", "csrf:(new)")
        cookies[name] = value
    headers = {k.lower(): v for k, v in response.items() if k.lower() != "date"}
    if response.get("Content-Encoding") == "gzip":
        headers["content-length"] = "(gzip: random padding)"
    return response.status_code, headers, cookies, text


def _compare(path, make_cookie, method="get", query=None, **extra):
    django, reader = Client(), ReaderClient()
    answers = []
    for client in (django, reader):
        cookie = make_cookie()
        response = getattr(client, method)(path, query or {}, HTTP_COOKIE=cookie, **extra)
        answers.append((response, cookie))
    assert reader.answered == 1, "the reader path let Django answer"
    ours, theirs = _normal(*answers[1]), _normal(*answers[0])
    assert ours == theirs
    return answers[0][0]


def test_anonymous_counted(page):
    response = _compare(page.public_path, lambda: "")
    assert 'data-meter-remaining="2"' in response.content.decode()
    assert COOKIE_NAME in response.cookies


def test_counted_last_article(page):
    html = _compare(page.public_path, lambda: _device(2)).content.decode()
    assert 'data-meter-remaining="0"' in html and CANARY in html


def test_walled(page):
    html = _compare(page.public_path, lambda: _device(3)).content.decode()
    assert 'data-paywall="registration"' in html and CANARY not in html


def test_registered(page):
    html = _compare(page.public_path, lambda: _signed_in("registered", 4)).content.decode()
    assert 'data-meter-remaining="5"' in html


def test_registered_walled_with_offers(page):
    cookie = lambda: _csrf(_signed_in("registered", 10))  # noqa: E731
    html = _compare(page.public_path, cookie).content.decode()
    assert 'data-paywall="subscription"' in html and 'data-offer="intro"' in html
    assert CANARY not in html


@pytest.mark.parametrize("csrf", [True, False], ids=["csrf-cookie", "no-csrf-cookie"])
def test_subscriber(page, csrf):
    make = (lambda: _csrf(_signed_in("subscriber"))) if csrf else lambda: _signed_in("subscriber")
    response = _compare(page.public_path, make)
    assert CANARY in response.content.decode() and "gift-form" in response.content.decode()
    assert settings.CSRF_COOKIE_NAME in response.cookies


@pytest.mark.parametrize("kind", ["trial-expired", "access-expired"])
def test_lapsed(page, kind):
    html = _compare(page.public_path, lambda: _csrf(_signed_in(kind, 10))).content.decode()
    assert f'data-paywall="{kind}"' in html and CANARY not in html


def test_gift_link(page):
    link, _ = create_gift_link(factories.subscriber("giver@example.org"), page)
    response = _compare(page.public_path, lambda: _device(3), query={"gift": link.token})
    assert CANARY in response.content.decode() and response["X-Robots-Tag"] == "noindex"


def test_promotion_day(page):
    now = timezone.now()
    Promotion.objects.create(
        name="Open day",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=1),
        banner_text="Free access for everyone today",
    )
    html = _compare(page.public_path, lambda: _device(3)).content.decode()
    assert CANARY in html and "data-promotion" in html


def test_crawler(page):
    agent = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    _compare(page.public_path, lambda: "", HTTP_USER_AGENT=agent)


def test_print_view(page):
    html = _compare(page.public_path + "print/", lambda: _device(1)).content.decode()
    assert 'data-meter-remaining="1"' in html


@pytest.mark.parametrize("who", ["anonymous", "subscriber"])
def test_head(page, who):
    make = (lambda: "") if who == "anonymous" else lambda: _csrf(_signed_in("subscriber"))
    response = _compare(page.public_path, make, method="head")
    assert response.content == b"" and int(response["Content-Length"]) > 1000


def test_gzip(page):
    response = _compare(page.public_path, lambda: _device(1), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_utm_tags_and_referrer(page):
    query = {"utm_source": "news", "utm_medium": "email"}
    _compare(page.public_path, lambda: _device(1), query=query, HTTP_REFERER="https://t.co/x")
