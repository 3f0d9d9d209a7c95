"""Dense numbers for reader keys (``ReaderIndex``), so a day's readers fit in a bitmap."""

from datetime import date

from .models import ReaderIndex

CHUNK = 500  # SQLite allows 999 parameters per statement


def _chunks(items: list[str]):
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


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
            batch_size=CHUNK,
            ignore_conflicts=True,
        )
        for chunk in _chunks(missing):
            numbers.update(ReaderIndex.objects.filter(key__in=chunk).values_list("key", "id"))
    for chunk in _chunks(keys_list):
        ReaderIndex.objects.filter(key__in=chunk, last_day__lt=day).update(last_day=day)
    return numbers
