"""One import run: items in, one transaction each, counted in the report.

Each item is written inside its own ``transaction.atomic()``: it is there entirely or not at
all. A run killed at any point leaves every earlier item committed (with its
``ImportedItem`` key) and the one in flight rolled back, so running the same command again
finds the earlier ones unchanged and finishes the rest — resuming is idempotence, nothing
more. A dry run is the same run inside one transaction that is rolled back at the end, with
no publishing and no image files stored.
"""

import logging
from collections.abc import Callable, Iterable
from contextlib import nullcontext

from django.db import transaction

from .items import Item, Rejected
from .media import Media
from .report import Report
from .writer import Writer

logger = logging.getLogger(__name__)

Progress = Callable[[int], object]


def import_items(
    source: str,
    items: Iterable[Item | Rejected],
    report: Report,
    media: Media,
    progress: Progress | None = None,
) -> Report:
    writer = Writer(source, report, media, dry_run=report.dry_run)
    with transaction.atomic() if report.dry_run else nullcontext():
        for item in items:
            if isinstance(item, Rejected):
                report.reject(item.where, item.reason, kind=item.kind)
            else:
                write_one(writer, item, report)
            if progress is not None:
                progress(1)
        if report.dry_run:
            transaction.set_rollback(True)
    return report


def write_one(writer: Writer, item: Item, report: Report) -> None:
    listed = len(report.rejected)
    try:
        with transaction.atomic():
            writer.write(item)
    except Exception as exc:  # noqa: BLE001 - one bad item never stops the others
        logger.warning("import: %s rejected", item.where, exc_info=True)
        del report.rejected[listed:]  # its repairs went with it
        reason = " ".join(str(exc).split()) or type(exc).__name__
        report.reject(item.where, f"not imported: {reason[:300]}", kind=item.kind)
        writer.forget()
