"""Dense numbers for reader keys (``ReaderIndex``), so a day's readers fit in a bitmap."""

from datetime import date

from django.db import connection

from .models import ReaderIndex


def _chunks(items: list[str]):
    size = 500 if connection.vendor == "sqlite" else 10_000  # SQLite: 999 parameters at most
    for i in range(0, len(items), size):
        yield items[i : i + size]


def numbers_for(keys: set[str], day: date) -> dict[str, int]:
    """The number of every key, creating the missing ones; marks them seen on ``day``."""
    keys_list = sorted(keys)
    numbers: dict[str, int] = {}
    for chunk in _chunks(keys_list):
        numbers.update(ReaderIndex.objects.filter(key__in=chunk).values_list("key", "id"))
    missing = [k for k in keys_list if k not in numbers]
    if missing:
        ReaderIndex.objects.bulk_create(
            [ReaderIndex(key=k, last_day=day) for k in missing],
            batch_size=2000 if connection.vendor != "sqlite" else 400,
            ignore_conflicts=True,
        )
        for chunk in _chunks(missing):
            numbers.update(ReaderIndex.objects.filter(key__in=chunk).values_list("key", "id"))
    for chunk in _chunks(keys_list):
        ReaderIndex.objects.filter(key__in=chunk, last_day__lt=day).update(last_day=day)
    return numbers
