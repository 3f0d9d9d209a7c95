"""The cache of readers' entitlements: where an answer is kept, and how a change forgets it.

A signed-in reader's entitlement is read on every page they open and changes a few times a
year, so ``billing.entitlements`` keeps each answer in Django's cache (Redis, or the database's
cache table: shared by every server process). Two keys per reader::

    billing:entitlement:gen:v1:<user id>   a random token, the reader's generation
    billing:entitlement:v1:<user id>       (token, checked at, next change, grace days, answer)

A caller that reads other keys of the same cache anyway (the reader path reads the session)
may fetch these two with them, in one round trip, and hand them over with ``prefetched``.

An answer is used only with the generation it was computed under. ``forget_entitlements``
deletes the generation of the readers whose subscriptions or grants changed, at once and again
when the transaction commits: a read that raced the change (it read the rows before the commit
and stores its answer after) stored it under a generation no reader will see again.
"""

import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

ENTITLEMENT_SECONDS = 60  # a bound for changes made without Django (raw SQL)
GENERATION_SECONDS = 24 * 3600  # outlives every answer stored under it


def generation_key(user_id) -> str:
    return f"billing:entitlement:gen:v1:{user_id}"


def answer_key(user_id) -> str:
    return f"billing:entitlement:v1:{user_id}"


def read_keys(user_id) -> tuple[str, str]:
    """The two keys ``read`` reads, for a caller that fetches them with its own."""
    return generation_key(user_id), answer_key(user_id)


_prefetched: ContextVar[tuple[str, dict] | None] = ContextVar("entitlement_prefetch", default=None)


@contextmanager
def prefetched(user_id, found: dict) -> Iterator[None]:
    """Within this block, ``read(user_id)`` takes ``found`` (what ``cache.get_many`` returned
    for ``read_keys(user_id)`` a moment ago) instead of reading the cache. A read for any other
    user id reads the cache as before."""
    token = _prefetched.set((str(user_id), found))
    try:
        yield
    finally:
        _prefetched.reset(token)


def read(user_id) -> tuple[str | None, tuple | None]:
    """The reader's generation (a new one when they have none) and their stored answer.

    The generation is None when it could not be set (a concurrent change, the cache away): the
    answer computed now must not be stored then."""
    keys = read_keys(user_id)
    given = _prefetched.get()
    found = given[1] if given is not None and given[0] == str(user_id) else cache.get_many(keys)
    token, answer = found.get(keys[0]), found.get(keys[1])
    if token is None:
        token = secrets.token_hex(8)
        if not cache.add(keys[0], token, GENERATION_SECONDS):
            return None, None
        answer = None
    return token, answer


def store(user_id, token: str, answer: tuple, seconds: float) -> None:
    seconds = min(seconds, ENTITLEMENT_SECONDS)
    if seconds >= 1:
        cache.set(answer_key(user_id), (token, *answer), int(seconds))


def forget_entitlements(user_ids: Iterable) -> None:
    """The next read of these readers' entitlements goes to the database."""
    keys = sorted({generation_key(user_id) for user_id in user_ids if user_id is not None})
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
