"""Serialising writes that a unique constraint alone cannot keep exact.

``serialize(name)`` inside ``transaction.atomic()`` makes every other transaction that asks for
the same name wait until this one ends. On PostgreSQL that is a transaction-scoped advisory lock
keyed on a stable 64-bit hash of the name (not Python's salted ``hash``); on SQLite, where
Masthead opens write transactions with ``BEGIN IMMEDIATE``, the database's write lock already
serialises them, so nothing more is needed::

    with transaction.atomic():
        serialize(f"masthead.gifts:{user.pk}:{month}")
        ...count, then insert only if under the limit...
"""

import hashlib

from django.db import connection


def lock_key(name: str) -> int:
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def serialize(name: str) -> bool:
    """Take the lock for ``name``; False where the database needs none (SQLite)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(name)])
    return True
