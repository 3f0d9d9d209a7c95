"""Django's cache under ``masthead serve``: one Redis client per process, not one per request.

Django keeps its cache objects per async context, and under granian's ASGI interface every
request runs in a context of its own; each request built a new ``RedisCache`` with a new
connection pool, so a signed-in reader's session read opened (and set up) a new Redis
connection on every page: the Redis subscriber was the slowest reader of the benchmark.
"""

import asyncio
import contextvars
import os

import pytest
import redis
from django.conf import settings
from django.core.cache import caches

from masthead.rediscache import ResilientRedisCache
from tests import factories
from tests.operations.test_asgi_close import _get

pytestmark = pytest.mark.django_db(transaction=True)


def _client_in_fresh_context(location: str):
    return contextvars.Context().run(lambda: ResilientRedisCache(location, {})._cache)


def test_cache_objects_of_separate_contexts_share_one_client():
    # Built with the same settings, in two contexts (two requests under ASGI): one client,
    # so one connection pool. Nothing connects: no Redis is needed.
    first = _client_in_fresh_context("redis://127.0.0.1:6399/3")
    second = _client_in_fresh_context("redis://127.0.0.1:6399/3")
    other = _client_in_fresh_context("redis://127.0.0.1:6399/4")
    assert first is second
    assert other is not first


def _session_cookie_headers(user) -> list[tuple[bytes, bytes]]:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return [(b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())]


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (Redis cache)")
def test_signed_in_pages_under_asgi_reuse_redis_connections(world):
    page = factories.article(world)
    user = factories.subscriber()
    headers = _session_cookie_headers(user)
    info = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"]).info
    asyncio.run(_get(page.public_path, headers))  # the first request may connect
    caches["default"].get("warm")  # and the test's own context
    before = info("stats")["total_connections_received"]
    for _ in range(10):  # each asyncio.run: a new task, a new context, as under granian
        messages = asyncio.run(_get(page.public_path, headers))
        assert messages[0]["status"] == 200
    opened = info("stats")["total_connections_received"] - before
    assert opened <= 1, f"{opened} new Redis connections for 10 requests"


def test_each_cache_call_reuses_one_redis_client_object():
    # Django's client built a new ``redis.Redis`` (retry policy, driver info, callbacks) for
    # every cache call: 10% of a subscriber view's CPU. Nothing connects here.
    client = _client_in_fresh_context("redis://127.0.0.1:6399/5")
    assert client.get_client(write=False) is client.get_client(write=True)
    assert client.get_client("a") is client.get_client("b")
