"""The database meter store takes a write transaction only for a view that may count.

On SQLite a write transaction holds the database's one write lock (``BEGIN IMMEDIATE``), and
on PostgreSQL the store's count takes an advisory lock: a re-read or a walled view that took
them queued behind every counted view of every process. Both are one read, outside any
transaction; what it saw stays true for the month, since a month's views are only added.
"""

import pytest
from django.db import connection

from masthead.access.stores.database import DatabaseMeterStore

pytestmark = pytest.mark.django_db
MONTH = "2026-12"


def _queries(call):
    """``call()``'s result and its queries as (transactions deep, SQL): the test itself runs
    in one transaction, so depth 0 is no transaction of the store's own."""
    base = len(connection.savepoint_ids)
    seen = []

    def wrapper(execute, sql, params, many, context):
        seen.append((len(connection.savepoint_ids) - base, sql))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        result = call()
    return result, seen


def test_a_re_read_is_one_read_outside_any_transaction():
    store = DatabaseMeterStore()
    store.record("d:reread", MONTH, 1, 3)
    result, queries = _queries(lambda: store.record("d:reread", MONTH, 1, 3))
    assert (result.allowed, result.used, result.newly_counted) == (True, 1, False)
    assert [depth for depth, _ in queries] == [0], queries


def test_a_view_over_the_limit_is_one_read_outside_any_transaction():
    store = DatabaseMeterStore()
    for article in (1, 2):
        store.record("d:walled", MONTH, article, 2)
    result, queries = _queries(lambda: store.record("d:walled", MONTH, 3, 2))
    assert (result.allowed, result.used, result.newly_counted) == (False, 2, False)
    assert [depth for depth, _ in queries] == [0], queries


def test_a_view_that_counts_reads_again_and_writes_in_its_transaction():
    store = DatabaseMeterStore()
    result, queries = _queries(lambda: store.record("d:counted", MONTH, 1, 3))
    assert (result.allowed, result.used, result.newly_counted) == (True, 1, True)
    inside = [sql for depth, sql in queries if depth == 1]
    assert queries[0][0] == 0  # the read before it
    assert any(sql.lstrip().upper().startswith("INSERT") for sql in inside), queries
    assert sum("COUNT(*)" in sql for sql in inside) >= 1, queries  # counted again, locked
