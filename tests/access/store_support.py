"""Helpers for the meter store tests: the Redis test database, and a worker that records views
from another OS process (started with the ``spawn`` context, so it sets Django up itself)."""

import os
import threading
import uuid
from urllib.parse import urlsplit

import pytest

REDIS_TEST_DB = 15


def redis_test_url() -> str:
    """``redis://127.0.0.1:6379/15``, or the host of ``REDIS_URL`` with the same test db."""
    base = urlsplit(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0")
    return base._replace(path=f"/{REDIS_TEST_DB}").geturl()


def redis_store_or_skip():
    """A RedisMeterStore under a fresh random prefix; skip only if Redis is truly unreachable."""
    from masthead.access.stores import MeterStoreUnavailable
    from masthead.access.stores.redis import RedisMeterStore

    url = redis_test_url()
    store = RedisMeterStore(url=url, prefix=f"mh:test:{uuid.uuid4().hex}")
    try:
        store.count("probe", "2000-01")
    except MeterStoreUnavailable as exc:
        pytest.skip(f"Redis is not reachable at {url}: {exc}")
    return store


def drop_redis_keys(store) -> None:
    for key in store.client.scan_iter(match=f"{store.prefix}:*"):
        store.client.delete(key)


def record_in_threads(job: dict, start, results) -> None:
    """Run in a spawned process: ``len(job["articles"])`` threads each record one article.

    ``start`` is a multiprocessing barrier shared by every thread of every worker process, so
    all the calls go out together once each thread holds a warm connection.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = job["db_name"]  # the test database, not the real one
    import django

    django.setup()
    from django.db import connections

    if job["store"] == "redis":
        from masthead.access.stores.redis import RedisMeterStore

        store = RedisMeterStore(url=job["redis_url"], prefix=job["prefix"])
    else:
        from masthead.access.stores.database import DatabaseMeterStore

        store = DatabaseMeterStore()

    outcomes = []

    def view(article_id: int) -> None:
        try:
            store.count(job["reader"], job["month"])  # open this thread's connection first
            start.wait(timeout=60)
            result = store.record(job["reader"], job["month"], article_id, job["limit"])
            outcomes.append((article_id, result.allowed, result.used, result.newly_counted))
        except Exception as exc:  # reported to the parent, which fails the test
            outcomes.append((article_id, "error", repr(exc), None))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=view, args=(a,)) for a in job["articles"]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(outcomes)
