"""Buffered writing of high-volume events (views, wall clicks, offers shown): cheap on the
article path, and never lost when a process idles, restarts or stops.

``append`` adds rows (``bulk.event_row``: tuples, no model instances) to a per-process buffer.
The buffer is written in one transaction of plain inserts (``bulk.insert_rows``, no ORM
compiling) by a daemon thread, woken when it holds ``BATCH_SIZE`` events and otherwise every
``FLUSH_SECONDS`` (so an idle worker does not sit on events), and at exit (``atexit``, and the
finalizers of a multiprocessing worker such as granian's, which leaves through ``os._exit``).
A failed write is logged and the batch kept for the next attempt, up to ``MAX_BUFFER``
events (then the oldest go: analytics must never take a server's memory). With
``MASTHEAD_EVENTS_IMMEDIATE=1`` (the test suite's default) every event is written at once.
"""

import atexit
import logging
import multiprocessing.util
import os
import threading

from django.conf import settings
from django.db import close_old_connections, connection

from .bulk import insert_rows

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
FLUSH_SECONDS = 2.0
MAX_BUFFER = 50_000

_lock = threading.Lock()
_buffer: list = []
_timer_pid: int | None = None
_wake = threading.Event()


def _immediate() -> bool:
    return bool(getattr(settings, "MASTHEAD_EVENTS_IMMEDIATE", False))


def append(events: list[tuple]) -> None:
    """Queue event rows for writing; written now in tests, in batches otherwise."""
    if _immediate():
        write(events)
        return
    _ensure_timer()
    with _lock:
        _buffer.extend(events)
        if len(_buffer) > MAX_BUFFER:
            del _buffer[: len(_buffer) - MAX_BUFFER]
        due = len(_buffer) >= BATCH_SIZE
    if due:
        _wake.set()  # the flushing thread writes them: a page view never waits for it


def pending() -> int:
    with _lock:
        return len(_buffer)


def write(batch: list[tuple]) -> bool:
    try:
        insert_rows(batch)
    except Exception:  # analytics must never break a page view
        logger.exception("could not write %d reader events", len(batch))
        return False
    return True


def flush() -> int:
    """Write everything buffered in this process now; returns how many were written."""
    with _lock:
        batch = _buffer[:]
        _buffer.clear()
    if not batch:
        return 0
    if write(batch):
        return len(batch)
    with _lock:  # keep them for the next attempt, oldest first
        _buffer[:0] = batch[-MAX_BUFFER:]
    return 0


def _run_timer() -> None:
    while True:
        _wake.wait(FLUSH_SECONDS)
        _wake.clear()
        if pending():
            flush()
            close_old_connections()


def _ensure_timer() -> None:
    """Start this process's flushing thread (again after a fork: threads do not survive it)."""
    global _timer_pid
    pid = os.getpid()
    if _timer_pid == pid:
        return
    with _lock:
        if _timer_pid == pid:
            return
        _timer_pid = pid
    # A multiprocessing worker (granian's) leaves through os._exit, skipping atexit; its
    # finalizers still run on a graceful stop.
    multiprocessing.util.Finalize(None, _flush_at_exit, exitpriority=100)
    threading.Thread(target=_run_timer, name="masthead-events-flush", daemon=True).start()


def _flush_at_exit() -> None:
    if pending():
        flush()
        connection.close()


def install_exit_flush() -> None:
    """Flush whatever is left when the interpreter exits (a worker's graceful stop)."""
    atexit.register(_flush_at_exit)
