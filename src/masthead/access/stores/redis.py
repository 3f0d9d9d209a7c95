"""The Redis meter store: one Redis set of article ids per reader and month.

Check-and-count is a single Lua script run on the server, and Redis runs one script at a time,
so no other command can slip between the check and the count, from any number of processes::

    mh:meter:2026-11:d:3f2a = {7, 19}          limit 3
    record(article 19) -> SISMEMBER: yes       -> (allowed, 2, not counted)   a re-read
    record(article 23) -> SCARD 2 < 3, SADD    -> (allowed, 3, counted)
    record(article 31) -> SCARD 3 >= 3         -> (denied, 3, not counted)    nothing stored

Sets expire about 40 days after their last new article, so old months clean themselves up.
Any Redis error (refused, timed out) is logged and raised as ``MeterStoreUnavailable``; the gate
then applies ``METER_STORE_FAILURE``. The constructor does not connect.
"""

import logging
from contextlib import contextmanager

import redis

from .base import MeterResult, MeterStore, MeterStoreUnavailable

logger = logging.getLogger(__name__)

# KEYS[1]: the reader's month set. ARGV: article id, limit, expiry in seconds.
RECORD_SCRIPT = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
  return {1, redis.call('SCARD', KEYS[1]), 0}
end
local used = redis.call('SCARD', KEYS[1])
if used >= tonumber(ARGV[2]) then
  return {0, used, 0}
end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return {1, used + 1, 1}
"""


class RedisMeterStore(MeterStore):
    supports_concurrency = True

    def __init__(self, *, url: str, prefix: str = "mh:meter", ttl_days: int = 40, **options):
        super().__init__(url=url, prefix=prefix, ttl_days=ttl_days, **options)
        self.prefix = prefix
        self.ttl_seconds = int(ttl_days * 86400)
        # Neither call connects: the pool opens a connection on the first command.
        self.client = redis.Redis.from_url(
            url, socket_timeout=0.25, socket_connect_timeout=0.25, health_check_interval=30
        )
        self._record = self.client.register_script(RECORD_SCRIPT)

    def _key(self, reader_key: str, month: str) -> str:
        return f"{self.prefix}:{month}:{reader_key}"

    @contextmanager
    def _reaching(self, operation: str):
        try:
            yield
        except redis.exceptions.RedisError as exc:
            logger.warning("meter store unavailable during %s: %s", operation, exc)
            raise MeterStoreUnavailable(str(exc)) from exc

    def record(self, reader_key: str, month: str, article_id: int, limit: int) -> MeterResult:
        key = self._key(reader_key, month)
        with self._reaching("record"):
            allowed, used, counted = self._record(
                keys=[key], args=[article_id, limit, self.ttl_seconds]
            )
        return MeterResult(allowed=bool(allowed), used=int(used), newly_counted=bool(counted))

    def count(self, reader_key: str, month: str) -> int:
        with self._reaching("count"):
            return int(self.client.scard(self._key(reader_key, month)))

    def has_read(self, reader_key: str, month: str, article_id: int) -> bool:
        with self._reaching("has_read"):
            return bool(self.client.sismember(self._key(reader_key, month), article_id))

    def merge(self, from_key: str, to_key: str, month: str) -> int:
        target = self._key(to_key, month)
        with self._reaching("merge"):
            pipe = self.client.pipeline(transaction=True)  # MULTI/EXEC: one atomic step
            pipe.sunionstore(target, [target, self._key(from_key, month)])
            pipe.expire(target, self.ttl_seconds)
            size, _ = pipe.execute()
        return int(size)

    def clear(self, reader_key: str, month: str) -> None:
        with self._reaching("clear"):
            self.client.delete(self._key(reader_key, month))

    def prune(self, before_month: str) -> int:
        """Unlink the sets of closed months (keys ``<prefix>:<YYYY-MM>:<reader>``). Their
        expiry would drop them within 40 days; pruning returns the memory at once."""
        start = len(self.prefix) + 1
        removed = 0
        with self._reaching("prune"):
            closed: list[bytes] = []
            for key in self.client.scan_iter(match=f"{self.prefix}:*", count=1000):
                if key[start : start + 7].decode(errors="replace") < before_month:
                    closed.append(key)
                if len(closed) >= 500:
                    removed += int(self.client.unlink(*closed))
                    closed = []
            if closed:
                removed += int(self.client.unlink(*closed))
        return removed
