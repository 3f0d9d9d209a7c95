"""ASGI entry point of ``masthead serve``: the request body is read first, with a deadline.

Under a WSGI server the body is read by the thread that runs Django, so a client that sends
``Content-Length: 1000`` and then nothing holds that thread until it gives up; a handful of
them stalled every worker (issue 11). Here the server's event loop reads the whole body before
Django sees the request: a slow client costs one idle coroutine, never a thread, and one that
has not finished its body within ``BODY_SECONDS`` gets 408. A body larger than ``MAX_BODY``
gets 413 without being read to the end.

The application itself is Django's (``masthead.wsgi``): ``masthead.bridge.ThreadBridge`` runs it
with the body already in memory, in one thread per process, as the WSGI server did, with one
thread hop per response, and closes every response (README, Operations: the measurement). In
front of both, the reader path (``masthead.readerpath``) answers article GET and HEAD inline on
the event loop and hands everything else on unchanged (a GET with a body goes to
``BodyDeadline`` too).
"""

import asyncio
import gc
from importlib import import_module

from masthead.lifespan import lifespan

BODY_SECONDS = 10.0
MAX_BODY = 12 * 1024 * 1024  # Wagtail's image uploads are up to 10 MB


class BodyDeadline:
    """ASGI middleware: buffer the request body within ``seconds``, then call ``app``."""

    def __init__(self, app, seconds: float = BODY_SECONDS, max_body: int = MAX_BODY):
        self.app, self.seconds, self.max_body = app, seconds, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            return await lifespan(receive, send, on_startup=settle)
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        messages: list[dict] = []
        size = 0
        try:
            async with asyncio.timeout(self.seconds):
                while True:
                    message = await receive()
                    messages.append(message)
                    if message["type"] != "http.request":
                        return  # the client went away before its body was complete
                    size += len(message.get("body", b""))
                    if size > self.max_body:
                        return await _plain(send, 413, b"Request body too large.\n")
                    if not message.get("more_body"):
                        break
        except TimeoutError:
            return await _plain(send, 408, b"The request body did not arrive in time.\n")
        pending = iter(messages)

        async def replay():
            message = next(pending, None)
            return message if message is not None else await receive()

        async def forward(message):  # a coroutine function, as asgiref expects of send
            await send(message)

        return await self.app(scope, replay, forward)


async def _plain(send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def settle() -> None:
    """Take what start-up built out of the cyclic garbage collector's reach (at the server's
    lifespan startup, before the first request).

    Django, Wagtail and the URLconf are about 190,000 objects that live as long as the
    process. Each full collection walked them all, about 65 ms with the event loop stopped:
    every request in flight waited (the benchmark's p99). ``gc.freeze()`` moves them to the
    permanent generation, so a full collection walks only what requests made since, about
    10,000 objects on a warm server. The URLconf is loaded first so that it is frozen too.
    """
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports the URLconf
    gc.collect()
    gc.freeze()


def _application():
    from masthead.bridge import ThreadBridge  # one thread hop per response (masthead.bridge)
    from masthead.wsgi import application as wsgi_application  # sets Django up

    # Only now: the reader path imports models, which need Django set up.
    reader_path = import_module("masthead.readerpath.app").ReaderPath
    return reader_path(BodyDeadline(ThreadBridge(wsgi_application)))


application = _application()
