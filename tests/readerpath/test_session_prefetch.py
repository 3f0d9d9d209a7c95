"""A returning reader's session and entitlement in one read of the cache (``cached_db``).

The reader path remembers, per process, which user a session key held (``SESSION_USERS``);
the next time, it reads that user's entitlement keys with the session, in one ``get_many``.
The remembered id only chooses what is read: the entitlement is used only for the user the
session holds now, and under the generation the cache holds now. The suite runs this on the
database cache (SQLite) and on Redis (the second pass).
"""

import pytest
from django.core.cache import caches
from django.utils import timezone

from masthead.billing.models import Subscription
from masthead.readerpath import requests as reader_requests
from tests import factories
from tests.factories import CANARY
from tests.support.calls import record_calls
from tests.support.live import signed_in_cookie
from tests.support.readerclient import ReaderClient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cached_db_sessions(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    reader_requests._session_store.cache_clear()
    reader_requests.SESSION_USERS.clear()
    yield
    reader_requests._session_store.cache_clear()
    reader_requests.SESSION_USERS.clear()


@pytest.fixture
def cache_reads(monkeypatch):
    """The reads of the default cache, by method, as they happen."""
    return record_calls(monkeypatch, caches["default"], ("get", "get_many"))


def _view(client, path, cookie) -> str:
    response = client.get(path, HTTP_COOKIE=cookie)
    assert response.status_code == 200
    return response.content.decode()


def _key(cookie: str) -> str:
    return cookie.split("=", 1)[1]


def test_a_returning_subscribers_session_and_entitlement_are_one_cache_read(world, cache_reads):
    path = factories.article(world, access="metered").public_path
    cookie = signed_in_cookie(factories.subscriber("one-read@example.org"))
    client = ReaderClient()
    assert CANARY in _view(client, path, cookie)  # learns the session's user
    cache_reads.clear()
    for _ in range(2):
        assert CANARY in _view(client, path, cookie)
    assert client.answered == 3, "the reader path let Django answer"
    assert cache_reads == ["get_many", "get_many"], cache_reads


def test_a_remembered_id_that_is_not_the_sessions_reads_the_readers_own(world, cache_reads):
    path = factories.article(world, access="subscribers").public_path
    paying = factories.subscriber("pays@example.org")
    client = ReaderClient()
    assert CANARY in _view(client, path, signed_in_cookie(paying))  # its entitlement is cached
    cookie = signed_in_cookie(factories.user("reads-free@example.org"))
    _view(client, path, cookie)  # the session is in the cache now
    reader_requests.SESSION_USERS.set(_key(cookie), str(paying.pk), 60)  # a wrong guess
    cache_reads.clear()
    body = _view(client, path, cookie)
    assert CANARY not in body and "data-paywall=" in body  # the reader's own entitlement
    assert client.answered == 3
    assert cache_reads[0] == "get_many" and len(cache_reads) == 2, cache_reads


def test_an_ended_subscription_is_seen_at_the_next_view(world):
    path = factories.article(world, access="subscribers").public_path
    reader = factories.subscriber("ends@example.org")
    cookie = signed_in_cookie(reader)
    client = ReaderClient()
    for _ in range(2):
        assert CANARY in _view(client, path, cookie)
    Subscription.objects.filter(user=reader).update(
        status="canceled", current_period_end=timezone.now() - timezone.timedelta(days=1)
    )
    body = _view(client, path, cookie)
    assert CANARY not in body and "data-paywall=" in body
    assert client.answered == 3
