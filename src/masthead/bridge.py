"""Django's WSGI application under an ASGI server, with one thread hop per response.

asgiref's ``WsgiToAsgi`` runs the application in a thread and hands each response message
back to the event loop with an ``AsyncToSync`` call, and the thread waits for the loop each
time: three round trips for a page (start, body, end), each waiting for a loop that is busy with
every other connection. ``ThreadBridge`` runs the application and iterates its response in its
thread, and returns the messages to the loop at once: one hop for a response of up to
``STREAM_AFTER`` bytes. A longer one (a file, an export) is sent from the thread as it is read,
in batches of that size, as ``WsgiToAsgi`` sends it.

What the application sees and what the client gets do not change: the environ is built by
asgiref's own ``build_environ``, and the messages are the ones ``WsgiToAsgi`` sends (status and
headers from ``start_response``, each chunk as a body message with ``more_body``, a final empty
one; the body cut at ``Content-Length``; 400 for too many duplicate headers). The response is
closed once iterated, as PEP 3333 asks of a server (``WsgiToAsgi`` never calls ``close()``, so
Django's ``request_finished`` would not run).

Django runs in one thread per process (``threads``), as under ``WsgiToAsgi`` and a WSGI server
with one thread per worker, in that thread's own context for its life.
"""

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor

from asgiref.wsgi import WsgiToAsgiInstance

STREAM_AFTER = 256 * 1024  # bytes of response held before they are sent from the thread


class ThreadBridge:
    def __init__(self, wsgi_app, threads: int = 1):
        self.wsgi_app = wsgi_app
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="django")

    def close(self) -> None:
        """Close the thread's database connections and stop the thread (tests: a server's
        bridge lives as long as its process)."""
        from django.db import connections

        self.executor.submit(connections.close_all).result()
        self.executor.shutdown()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            raise ValueError("ThreadBridge takes HTTP scopes only")
        body = io.BytesIO()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before its body was complete
            body.write(message.get("body", b""))
            if not message.get("more_body"):
                break
        body.seek(0)
        loop = asyncio.get_running_loop()
        messages = await loop.run_in_executor(
            self.executor, self._respond, scope, body, _Sender(send, loop)
        )
        for message in messages:
            await send(message)

    def _respond(self, scope, body, sender: "_Sender") -> list[dict]:
        """In the thread: the response's messages, or its last ones (those before were sent
        from here once they passed ``STREAM_AFTER`` bytes)."""
        instance = WsgiToAsgiInstance(self.wsgi_app)
        instance.scope = scope
        try:
            environ = instance.build_environ(scope, body)
        except ValueError:  # too many duplicate headers, as WsgiToAsgi answers it
            return [
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [(b"content-type", b"text/plain")],
                },
                {"type": "http.response.body", "body": b"Bad Request: Too many duplicate headers"},
            ]
        # What the ASGI side tells Django (readerpath: "masthead.view_recorded"); a client
        # cannot set such a key (its headers become HTTP_*).
        environ.update({k: v for k, v in scope.items() if k.startswith("masthead.")})
        messages: list[dict] = []
        held = sent = 0
        response = self.wsgi_app(environ, instance.start_response)
        try:
            for output in response:
                if not instance.response_started:
                    instance.response_started = True
                    messages.append(instance.response_start)
                length = instance.response_content_length
                if length is not None and len(output) > length - sent:
                    output = output[: length - sent]  # never more than Content-Length says
                messages.append({"type": "http.response.body", "body": output, "more_body": True})
                sent += len(output)
                held += len(output)
                if held > STREAM_AFTER:
                    sender.send(messages)
                    messages, held = [], 0
                if sent == length:
                    break
        finally:
            close = getattr(response, "close", None)
            if close is not None:
                close()
        if not instance.response_started:
            messages.append(instance.response_start)
        messages.append({"type": "http.response.body"})
        return messages


class _Sender:
    """Sends messages on the event loop from the application's thread, and waits for them."""

    def __init__(self, send, loop: asyncio.AbstractEventLoop):
        self._send, self._loop = send, loop

    def send(self, messages: list[dict]) -> None:
        async def send_all():
            for message in messages:
                await self._send(message)

        asyncio.run_coroutine_threadsafe(send_all(), self._loop).result()
