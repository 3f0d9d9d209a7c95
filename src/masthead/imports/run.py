"""One import run: items in, a batch of them per transaction, counted in the report.

Items are written ``BATCH`` at a time inside one ``transaction.atomic()``, each item in a
savepoint of its own: a bad item is rolled back alone (and listed), the others go in. New
published items are planned by the writer and inserted in bulk at the end of the batch
(``Writer.flush``), still inside its transaction, with their source keys. So a batch is there
entirely or not at all: a run killed at any point leaves every earlier batch committed (with
its ``ImportedItem`` keys) and the one in flight rolled back, and running the same command
again finds the earlier items unchanged and finishes the rest — resuming is idempotence.
Should a batch fail as a whole (its bulk insert refused), it is rolled back and written
again item by item, one transaction each, the way every item was written before batches.
A dry run is the same run inside one transaction that is rolled back at the end, with no
publishing and no image files stored.
"""

import copy
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
BATCH = 100  # items per transaction


def import_items(
    source: str,
    items: Iterable[Item | Rejected],
    report: Report,
    media: Media,
    progress: Progress | None = None,
) -> Report:
    writer = Writer(source, report, media, dry_run=report.dry_run)
    with transaction.atomic() if report.dry_run else nullcontext():
        batch: list[Item | Rejected] = []
        for item in items:
            batch.append(item)
            if len(batch) >= BATCH:
                write_batch(writer, batch, report, progress)
                batch = []
        write_batch(writer, batch, report, progress)
        writer.finish()
        if report.dry_run:
            transaction.set_rollback(True)
    return report


def write_batch(
    writer: Writer, batch: list[Item | Rejected], report: Report, progress: Progress | None
) -> None:
    if not batch:
        return
    before = copy.deepcopy((report.counts, report.rejected, report.missing_media, report._seen))
    try:
        with transaction.atomic():
            for item in batch:
                if isinstance(item, Rejected):
                    report.reject(item.where, item.reason, kind=item.kind)
                else:
                    write_one(writer, item, report)
            writer.flush()
    except Exception:  # noqa: BLE001 - the batch again, item by item
        logger.warning("import: a batch failed; writing it item by item", exc_info=True)
        report.counts, report.rejected, report.missing_media, report._seen = before
        writer.forget()
        writer.bulk = False
        try:
            for item in batch:
                if isinstance(item, Rejected):
                    report.reject(item.where, item.reason, kind=item.kind)
                else:
                    write_one(writer, item, report, alone=True)
        finally:
            writer.bulk = True
    if progress is not None:
        progress(len(batch))


def write_one(writer: Writer, item: Item, report: Report, alone: bool = False) -> None:
    listed = len(report.rejected)
    mark = writer.mark()
    try:
        with transaction.atomic():
            writer.write(item)
            if alone:
                writer.flush()
    except Exception as exc:  # noqa: BLE001 - one bad item never stops the others
        logger.warning("import: %s rejected", item.where, exc_info=True)
        del report.rejected[listed:]  # its repairs went with it
        reason = " ".join(str(exc).split()) or type(exc).__name__
        report.reject(item.where, f"not imported: {reason[:300]}", kind=item.kind)
        writer.forget(mark)
