"""Imports from the admin's Import page, run by a task worker.

``import_request`` stores the uploaded file under ``DATA_DIR/imports/`` and queues a **dry
run** of it (after the transaction commits); the editor reads its report and confirms with
``import_confirm``, which queues the real run of the same file and options. The task
(``run_import``) calls ``import_execute``: it claims the run (queued -> running, so a task
delivered twice runs once), runs the same code as ``masthead import`` — the importers' own
checks refuse an unusable or hostile file before anything is written (status ``refused``,
with their one line) — and stores the report.

Resuming is idempotence: a run whose worker died (no heartbeat for ``STALE``) or that failed
can be queued again with ``import_resume``; every item or row already committed is found
again and counted ``unchanged``, the one in flight had been rolled back. Progress (``done`` of
``total``: items, or bytes of a member CSV) is written at most once a ``HEARTBEAT``. A content
dry run is one transaction rolled back at its end, so it has no progress to show until then
(and a longer ``STALE``). The file is deleted once the real run has finished, or when it was
refused; an upload nobody ran, or whose run failed and was never resumed, is deleted
``KEEP_UPLOADS`` after its last run ended (``prune_uploads``, on the schedule); the runs and
their reports stay.
"""

import logging
import re
import secrets
import shutil
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from .errors import UnusableInput
from .models import ImportRun, ImportStatus

logger = logging.getLogger(__name__)

SOURCES = ("wordpress", "ghost", "substack", "members")
HEARTBEAT = 1.0  # seconds between two progress writes
STALE = timedelta(minutes=2)  # a running real run without a heartbeat for this long died
STALE_DRY = timedelta(minutes=30)  # a content dry run writes no heartbeat (one transaction)
KEEP_UPLOADS = timedelta(days=7)  # an upload whose runs all ended this long ago is deleted


def upload_root() -> Path:
    return Path(settings.DATA_DIR) / "imports"


def safe_name(name: str) -> str:
    """The uploaded file's own name, reduced to a harmless one (no folder, no odd byte)."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".")[-100:]
    return base or "upload"


def store_upload(upload) -> Path:  # noqa: ANN001 - a Django UploadedFile
    folder = upload_root() / secrets.token_hex(12)
    folder.mkdir(parents=True, mode=0o700)
    path = folder / safe_name(upload.name or "")
    with path.open("wb") as fh:
        for chunk in upload.chunks():
            fh.write(chunk)
    return path


def _queue(run: ImportRun) -> None:
    transaction.on_commit(lambda: run_import.enqueue(run.pk))


def import_request(*, source: str, upload, options: dict, user) -> ImportRun:  # noqa: ANN001
    """Store the file and queue its dry run."""
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    path = store_upload(upload)
    run = ImportRun.objects.create(
        source=source,
        file_name=(upload.name or path.name)[-200:],
        path=str(path),
        options=options,
        dry_run=True,
        created_by=user if getattr(user, "pk", None) else None,
    )
    _queue(run)
    return run


def import_confirm(dry: ImportRun, user) -> ImportRun | None:  # noqa: ANN001
    """Queue the real run of a finished dry run's file (None when there is nothing to run)."""
    if not dry.dry_run or dry.status != ImportStatus.DONE or not Path(dry.path).is_file():
        return None
    run = ImportRun.objects.create(
        source=dry.source,
        file_name=dry.file_name,
        path=dry.path,
        options=dry.options,
        dry_run=False,
        checked_by=dry,
        total=dry.total,
        created_by=user if getattr(user, "pk", None) else None,
    )
    _queue(run)
    return run


def interrupted(run: ImportRun, now=None) -> bool:  # noqa: ANN001
    """A run that says it is running but whose worker has stopped writing its heartbeat."""
    if run.status != ImportStatus.RUNNING:
        return False
    quiet = STALE_DRY if run.dry_run and run.source != "members" else STALE
    return run.updated_at < (now or timezone.now()) - quiet


def resumable(run: ImportRun) -> bool:
    return (run.status == ImportStatus.FAILED or interrupted(run)) and Path(run.path).is_file()


def import_resume(run: ImportRun) -> bool:
    """Queue a failed or interrupted run again; it skips what the first attempt wrote."""
    if not resumable(run):
        return False
    claimed = ImportRun.objects.filter(pk=run.pk, status=run.status, updated_at=run.updated_at)
    if not claimed.update(status=ImportStatus.QUEUED, error="", updated_at=timezone.now()):
        return False  # someone else resumed it (or it woke up) in the meantime
    _queue(run)
    return True


@task()
def run_import(run_id: int) -> str:
    return import_execute(run_id)


def forget_old_uploads(now=None) -> int:  # noqa: ANN001
    """Delete the uploads whose every run ended more than ``KEEP_UPLOADS`` ago (a dry run
    never confirmed, a failed run never resumed); the number of folders deleted."""
    cutoff = (now or timezone.now()) - KEEP_UPLOADS
    in_use = set(
        ImportRun.objects.filter(
            Q(updated_at__gte=cutoff) | Q(status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING])
        ).values_list("path", flat=True)
    )
    forgotten = 0
    for run in ImportRun.objects.filter(updated_at__lt=cutoff).exclude(path__in=in_use):
        if Path(run.path).exists():
            forget_upload(run)
            forgotten += 1
            in_use.add(run.path)  # a path shared by several runs is deleted once
    return forgotten


@task()
def prune_uploads() -> int:
    return forget_old_uploads()


class Progress:
    """The progress callback the importers take: counts, and writes at most once a second."""

    def __init__(self, run_id: int, live: bool = True):
        self.run_id, self.live = run_id, live
        self.done = 0
        self.last = time.monotonic()

    def set_total(self, total: int) -> None:
        ImportRun.objects.filter(pk=self.run_id).update(total=total, updated_at=timezone.now())

    def __call__(self, n: int = 1) -> None:
        self.done += n
        if self.live and time.monotonic() - self.last >= HEARTBEAT:
            self.last = time.monotonic()
            ImportRun.objects.filter(pk=self.run_id).update(
                done=self.done, updated_at=timezone.now()
            )


def content_run(run: ImportRun, progress: Progress) -> dict:
    from .command import source_items
    from .media import Media
    from .report import Report
    from .run import import_items

    opts = SimpleNamespace(
        source=run.source,
        file=run.path,
        access_tag=run.options.get("access_tag", ""),
    )
    report = Report(run.source, dry_run=run.dry_run)
    media = Media(report, None, fetch=False, dry_run=run.dry_run)
    items, total = source_items(opts, report, media)
    progress.set_total(total)
    progress.live = not run.dry_run  # a dry run's writes are inside its one transaction
    import_items(run.source, items, report, media, progress=progress)
    return report.as_dict()


def members_run(run: ImportRun, progress: Progress) -> dict:
    from masthead.memberimport.run import MemberImport, Unusable

    try:
        job = MemberImport(
            Path(run.path),
            fmt=run.options.get("format") or None,
            dry_run=run.dry_run,
        )
    except Unusable as exc:
        raise UnusableInput(str(exc)) from None
    progress.set_total(job.size)
    progress.done = job.source.read_bytes  # the header line, read already
    return job.execute(progress=progress)


def import_execute(run_id: int) -> str:
    claimed = ImportRun.objects.filter(pk=run_id, status=ImportStatus.QUEUED).update(
        status=ImportStatus.RUNNING, attempts=F("attempts") + 1, done=0, updated_at=timezone.now()
    )
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None or not claimed:
        return run.status if run else "missing"  # done already, or another worker has it
    progress = Progress(run.pk)
    report, error = None, ""
    try:
        if not Path(run.path).is_file():
            raise UnusableInput(f"{run.file_name}: the uploaded file is no longer there")
        worker = members_run if run.source == "members" else content_run
        report = worker(run, progress)
        status = ImportStatus.DONE
    except UnusableInput as exc:
        status, error = ImportStatus.REFUSED, str(exc)
    except Exception as exc:  # noqa: BLE001 - shown as failed, resumable, never retried blindly
        logger.exception("import run %s failed", run_id)
        status, error = ImportStatus.FAILED, f"{type(exc).__name__}: {exc}"
    ImportRun.objects.filter(pk=run.pk).update(
        status=status,
        report=report,
        error=" ".join(error.split())[:500],
        done=progress.done,
        updated_at=timezone.now(),
    )
    if status == ImportStatus.REFUSED or (status == ImportStatus.DONE and not run.dry_run):
        forget_upload(run)  # nothing more can be done with it
    return status


def forget_upload(run: ImportRun) -> None:
    path = Path(run.path)
    root = upload_root().resolve()
    folder = path.parent.resolve()
    if folder.parent == root:  # only ever a folder this module made
        shutil.rmtree(folder, ignore_errors=True)
