"""Django's Redis cache, made to degrade: when Redis cannot be reached, a read is a miss and a
write is dropped, instead of an exception in the reader's request (issue 11: with Redis gone,
92% of requests were 500s).

Everything on the request path that uses Django's cache (the two-level cache of
``masthead.caching``, cached-database sessions, allauth's rate limits, callouts) goes through
this backend, so each of them falls back to what it does on a miss: sessions are read from the
database, cached pages are rebuilt. Connections time out after half a second, so an outage
slows nothing for long, and redis-py reconnects by itself once Redis is back. ``/healthz``
asks ``ping()`` directly and answers 503 meanwhile. A failure is logged at most once per
``LOG_EVERY`` seconds per process, and counted (``masthead_cache_failures`` in ``/metrics``).

One client (and so one connection pool) per process and settings: Django keeps its cache
objects per async context, and under ``masthead serve`` (ASGI) each request is a context of its
own, so each request built a new pool and opened a new Redis connection (a signed-in reader's
session read paid a connect, its handshake and ``CLIENT SETINFO`` on every page).
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
from redis.exceptions import RedisError

from masthead import observability

logger = logging.getLogger(__name__)
LOG_EVERY = 10.0
TIMEOUTS = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5}
_last_logged = 0.0
_clients: dict[tuple, object] = {}
_clients_lock = threading.Lock()


def _failed(operation: str, exc: Exception) -> None:
    global _last_logged
    observability.cache_failed(operation)
    now = time.monotonic()
    if now - _last_logged > LOG_EVERY:
        _last_logged = now
        logger.warning("cache unavailable (%s): %s; serving without it", operation, exc)


def _degrade(name: str, fallback):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(ResilientRedisCache, self), name)(*args, **kwargs)
        except RedisError as exc:
            _failed(name, exc)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    method.__name__ = name
    return method


def _default(key, default=None, *args, **kwargs):
    return default


class SharedRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one ``redis.Redis`` per connection pool: Django builds a new
    one (retry policy, driver info, response callbacks) for every cache call."""

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients.setdefault(index, self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        for name, value in TIMEOUTS.items():
            options.setdefault(name, value)
        super().__init__(server, params)
        self._class = SharedRedisCacheClient

    @cached_property
    def _cache(self):
        """This process's client for these servers and options (redis-py's pool is thread-safe
        and opens new connections after a fork by itself)."""
        key = (tuple(self._servers), repr(sorted(self._options.items())))
        with _clients_lock:
            client = _clients.get(key)
            if client is None:
                client = _clients[key] = self._class(self._servers, **self._options)
        return client

    get = _degrade("get", _default)
    get_many = _degrade("get_many", {})
    has_key = _degrade("has_key", False)
    set = _degrade("set", None)
    add = _degrade("add", False)
    touch = _degrade("touch", False)
    set_many = _degrade("set_many", lambda data, *a, **k: list(data))
    delete = _degrade("delete", False)
    delete_many = _degrade("delete_many", None)
    clear = _degrade("clear", False)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as exc:
            _failed("incr", exc)
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from None

    def ping(self) -> bool:
        """True when Redis answers; for the health check."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError:
            return False
