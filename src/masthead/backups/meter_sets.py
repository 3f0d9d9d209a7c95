"""The meter's Redis sets, when Redis is the meter store: exported beside the database (the
counts of readers' months live there, not in the database) and written back on restore."""

from masthead.access.stores import get_meter_store
from masthead.access.stores.redis import RedisMeterStore


def export_sets() -> dict[str, list[int]] | None:
    """``{"<month>:<reader>": [article ids]}``, or None when the database is the meter store."""
    store = get_meter_store()
    if not isinstance(store, RedisMeterStore):
        return None
    start = len(store.prefix) + 1
    sets: dict[str, list[int]] = {}
    for key in store.client.scan_iter(match=f"{store.prefix}:*", count=1000):
        members = store.client.smembers(key)
        sets[key.decode()[start:]] = sorted(int(m) for m in members)
    return sets


def import_sets(sets: dict[str, list[int]]) -> int:
    store = get_meter_store()
    if not isinstance(store, RedisMeterStore) or not sets:
        return 0
    pipe = store.client.pipeline(transaction=False)
    for suffix, ids in sets.items():
        key = f"{store.prefix}:{suffix}"
        pipe.delete(key)
        if ids:
            pipe.sadd(key, *ids)
            pipe.expire(key, store.ttl_seconds)
    pipe.execute()
    return len(sets)


def views_in(sets: dict[str, list[int]] | None) -> int:
    return sum(len(ids) for ids in (sets or {}).values())
