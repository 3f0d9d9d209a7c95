"""The ASGI side of the reader path: try ``page.answer`` inline, else call Django.

The work is synchronous and short (a cookie, a cache read, the meter's one write, a join of
bytes), so it runs on the event loop itself, as the benchmark's floors do: no thread hop. It
runs in one ``contextvars`` context for the life of the process, so Django keeps one database
connection for it (``asgiref.local`` keeps connections per context), beside the one of the
thread that runs Django. Any error before the answer is sent means Django answers; a database
error also closes that connection, so the next request opens a fresh one.
"""

import asyncio
import contextvars
import logging

from django.db import DatabaseError, connections

from masthead import observability

from .page import answer

logger = logging.getLogger(__name__)


def _close_broken() -> None:
    for conn in connections.all(initialized_only=True):
        if conn.errors_occurred or conn.connection is None:
            conn.close_if_unusable_or_obsolete()


def _answer(scope):
    try:
        return answer(scope)
    except DatabaseError:
        logger.warning("reader path: database error; Django answers", exc_info=True)
        observability.note_failure()
        _close_broken()
        for conn in connections.all(initialized_only=True):
            conn.close()
        return None
    except Exception:
        observability.note_failure()
        logger.exception("reader path failed; Django answers %s", scope.get("path"))
        return None


def _synchronously(fn, *args):
    """Call ``fn`` as the synchronous code it is: no running event loop is visible to it.

    Django's guard (``async_unsafe``) refuses an ORM call where it sees a running loop. The
    reader path's short, blocking work on the loop's thread is deliberate, so the loop is hidden
    for that one call. Setting DJANGO_ALLOW_ASYNC_UNSAFE instead would turn the guard off for
    the whole process and for every process it starts (they inherit the environment, and
    Django's async.E001 check then stops their ``check`` and ``migrate``).
    """
    loop = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        return fn(*args)
    finally:
        asyncio._set_running_loop(loop)


class ReaderPath:
    """ASGI middleware: article GET and HEAD by ``page.answer``, everything else by ``app``."""

    def __init__(self, app):
        self.app = app
        self.context = contextvars.copy_context()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        result = self.context.run(_synchronously, _answer, scope)
        if result is None:
            return await self.app(scope, receive, send)
        await send(
            {
                "type": "http.response.start",
                "status": result.status,
                "headers": [
                    (name.lower().encode("latin-1"), value.strip().encode("latin-1"))
                    for name, value in result.headers
                ],
            }
        )
        await send({"type": "http.response.body", "body": result.body})
