"""One contract, every meter store: memory, database and Redis behave exactly alike."""

import pytest

from masthead.access.stores import MeterResult
from masthead.access.stores.memory import MemoryMeterStore
from tests.access.store_support import drop_redis_keys, redis_store_or_skip

MONTH = "2026-11"
READER = "d:3f2a"


# The mark (not a dynamic ``db`` request) tells pytest-django to create the test database.
@pytest.fixture(params=["memory", pytest.param("database", marks=pytest.mark.django_db), "redis"])
def store(request):
    if request.param == "memory":
        yield MemoryMeterStore()
    elif request.param == "database":
        from masthead.access.stores.database import DatabaseMeterStore

        yield DatabaseMeterStore()
    else:
        redis_store = redis_store_or_skip()
        yield redis_store
        drop_redis_keys(redis_store)


def counted(used: int) -> MeterResult:
    return MeterResult(allowed=True, used=used, newly_counted=True)


def reread(used: int) -> MeterResult:
    return MeterResult(allowed=True, used=used, newly_counted=False)


def denied(used: int) -> MeterResult:
    return MeterResult(allowed=False, used=used, newly_counted=False)


def test_counts_up_to_the_limit_then_denies_without_storing(store):
    assert [store.record(READER, MONTH, a, limit=3) for a in (11, 12, 13)] == [
        counted(1),
        counted(2),
        counted(3),
    ]
    assert store.record(READER, MONTH, 14, limit=3) == denied(3)
    assert store.record(READER, MONTH, 15, limit=3) == denied(3)
    assert store.count(READER, MONTH) == 3
    assert store.has_read(READER, MONTH, 14) is False
    assert store.has_read(READER, MONTH, 15) is False


def test_rereads_are_free_before_and_after_the_allowance_runs_out(store):
    assert store.record(READER, MONTH, 11, limit=2) == counted(1)
    assert store.record(READER, MONTH, 11, limit=2) == reread(1)
    assert store.record(READER, MONTH, 12, limit=2) == counted(2)
    assert store.record(READER, MONTH, 13, limit=2) == denied(2)
    assert store.record(READER, MONTH, 11, limit=2) == reread(2)
    assert store.record(READER, MONTH, 12, limit=0) == reread(2)  # even under a lower limit
    assert store.count(READER, MONTH) == 2


def test_limit_zero_denies_the_first_view(store):
    assert store.record(READER, MONTH, 11, limit=0) == denied(0)
    assert store.count(READER, MONTH) == 0
    assert store.has_read(READER, MONTH, 11) is False


def test_months_are_independent(store):
    assert store.record(READER, "2026-10", 11, limit=1) == counted(1)
    assert store.record(READER, "2026-10", 12, limit=1) == denied(1)
    assert store.record(READER, MONTH, 12, limit=1) == counted(1)
    assert store.record(READER, MONTH, 11, limit=1) == denied(1)
    assert store.has_read(READER, "2026-10", 12) is False
    assert (store.count(READER, "2026-10"), store.count(READER, MONTH)) == (1, 1)


def test_readers_are_independent(store):
    assert store.record(READER, MONTH, 11, limit=1) == counted(1)
    assert store.record("u:7", MONTH, 11, limit=1) == counted(1)
    assert store.record("u:7", MONTH, 12, limit=1) == denied(1)
    assert store.has_read("u:8", MONTH, 11) is False
    assert store.count("u:8", MONTH) == 0


def test_count_and_has_read(store):
    assert store.count(READER, MONTH) == 0
    assert store.has_read(READER, MONTH, 11) is False
    store.record(READER, MONTH, 11, limit=5)
    store.record(READER, MONTH, 12, limit=5)
    assert store.count(READER, MONTH) == 2
    assert store.has_read(READER, MONTH, 11) is True
    assert store.has_read(READER, MONTH, 13) is False


def test_merge_is_a_union_and_returns_the_count(store):
    for article in (11, 12):
        store.record("d:phone", MONTH, article, limit=5)
    for article in (12, 13):
        store.record("u:7", MONTH, article, limit=5)
    store.record("d:phone", "2026-10", 99, limit=5)

    assert store.merge("d:phone", "u:7", MONTH) == 3
    assert store.count("u:7", MONTH) == 3
    assert [store.has_read("u:7", MONTH, a) for a in (11, 12, 13)] == [True, True, True]
    assert store.has_read("u:7", MONTH, 99) is False  # other months stay where they are
    assert store.count("d:phone", MONTH) == 2  # the source is left as it was
    assert store.merge("d:phone", "u:7", MONTH) == 3  # merging again changes nothing
    assert store.merge("d:nobody", "u:7", MONTH) == 3
    assert store.merge("d:nobody", "u:new", MONTH) == 0
    assert store.record("u:7", MONTH, 14, limit=3) == denied(3)


def test_clear_forgets_one_reader_month(store):
    store.record(READER, MONTH, 11, limit=5)
    store.record(READER, "2026-10", 11, limit=5)
    store.record("u:7", MONTH, 11, limit=5)
    store.clear(READER, MONTH)
    assert store.count(READER, MONTH) == 0
    assert store.has_read(READER, MONTH, 11) is False
    assert (store.count(READER, "2026-10"), store.count("u:7", MONTH)) == (1, 1)
    assert store.record(READER, MONTH, 11, limit=1) == counted(1)
    store.clear("d:nobody", MONTH)  # clearing nothing is fine


def test_prune_forgets_closed_months_only(store):
    for month in ("2026-09", "2026-10", MONTH):
        store.record(READER, month, 11, limit=3)
        store.record("u:7", month, 12, limit=3)
    pruned = store.prune(before_month=MONTH)
    assert pruned == 4  # two readers' months (or rows) in each of two closed months
    assert store.count(READER, "2026-09") == store.count("u:7", "2026-10") == 0
    assert store.count(READER, MONTH) == store.count("u:7", MONTH) == 1
    assert store.prune(before_month=MONTH) == 0
