"""``masthead.bridge.ThreadBridge`` (one thread hop per response) gives the client what asgiref's
``WsgiToAsgi`` gave, message for message: the same status, headers and bytes for every reader
case, for errors, HEAD, request bodies and long streamed responses, and closes every response."""

import asyncio
import re

import pytest
from asgiref.testing import ApplicationCommunicator
from asgiref.wsgi import WsgiToAsgi
from django.test import Client

from masthead import bridge
from masthead.bridge import ThreadBridge
from masthead.wsgi import application as django_app
from tests import factories
from tests.factories import CANARY

pytestmark = pytest.mark.django_db(transaction=True)

# Values that differ from one request to the next whatever serves them.
RANDOM = re.compile(
    rb"(mh_device=|csrftoken=|sessionid=|csrfmiddlewaretoken\" value=\"|nonce=\"|nonce-)[^;\"' ]+"
)
# A cookie's expiry is the response's second plus its Max-Age: two runs a second apart differ
# (the PostgreSQL + Redis pass at load 20 met it in the "anonymous, counted" case).
EXPIRES = re.compile(rb"expires=[^;]+")


def _scope(path, method="GET", headers=()):
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


def _exchange(app, path, method="GET", headers=(), chunks=(b"",)):
    async def run():
        talk = ApplicationCommunicator(app, _scope(path, method, headers))
        for i, chunk in enumerate(chunks):
            more = i < len(chunks) - 1
            await talk.send_input({"type": "http.request", "body": chunk, "more_body": more})
        messages = [await talk.receive_output(10)]
        while messages[-1].get("more_body", messages[-1]["type"] == "http.response.start"):
            messages.append(await talk.receive_output(10))
        await talk.wait(10)
        return messages

    return asyncio.run(run())


def _wire(messages) -> tuple:
    """What the client receives: status, headers in order, the body (random tokens blanked)."""
    start, *bodies = messages
    headers = [
        (name, EXPIRES.sub(b"expires=*", RANDOM.sub(rb"\1*", value)))
        for name, value in start["headers"]
    ]
    body = b"".join(m.get("body", b"") for m in bodies)
    return start["status"], headers, RANDOM.sub(rb"\1*", body)


def _bridged(app, *args, **kwargs):
    served = ThreadBridge(app)
    try:
        return _exchange(served, *args, **kwargs)
    finally:
        served.close()  # its thread's database connection, before the test database goes


def _both(app, *args, **kwargs):
    return _exchange(WsgiToAsgi(app), *args, **kwargs), _bridged(app, *args, **kwargs)


def test_every_reader_case_gets_the_same_response(world):
    article = factories.article(world)
    walled = Client()
    for other in [factories.article(world) for _ in range(3)]:
        walled.get(other.public_path)
    device = [(b"cookie", f"mh_device={walled.cookies['mh_device'].value}".encode())]
    signed_in = Client()
    signed_in.force_login(factories.subscriber())
    session = [(b"cookie", f"sessionid={signed_in.cookies['sessionid'].value}".encode())]
    cases = {
        "anonymous, counted": {},
        "walled": {"headers": device},
        "subscriber": {"headers": session},
        "HEAD": {"method": "HEAD"},
        "print": {"path": article.public_path + "print/", "headers": session},
        "404": {"path": "/static/no-such-file.css"},
        "static": {"path": "/static/masthead/css/site.css"},
        "feed": {"path": "/feeds/latest/"},
        "API": {"path": f"/api/v1/articles/{article.pk}/", "headers": session},
    }
    got = {}
    for name, case in cases.items():
        path = case.pop("path", article.public_path)
        old, new = _both(django_app, path, **case)
        assert _wire(old) == _wire(new), name
        assert [m["type"] for m in old] == [m["type"] for m in new], name
        got[name] = _wire(new)
    assert got["subscriber"][0] == 200 and CANARY.encode() in got["subscriber"][2]
    assert b'data-paywall="registration"' in got["walled"][2]
    assert CANARY.encode() not in got["walled"][2] and got["404"][0] == 404


def test_a_request_body_reaches_the_application_whole(world):
    old, new = _both(
        django_app,
        "/api/v1/tokens/",
        method="POST",
        headers=[(b"content-type", b"application/json")],
        chunks=(b'{"email": "nobody@example.org", ', b'"password": "wrong"}'),
    )
    assert _wire(old) == _wire(new)
    assert new[0]["status"] in (400, 401)


def _streaming(total: int, closed: list, length: int | None = None):
    def app(environ, start_response):
        headers = [("Content-Type", "application/octet-stream")]
        if length is not None:
            headers.append(("Content-Length", str(length)))
        start_response("200 OK", headers)

        class Body:
            def __iter__(self):
                for _ in range(total // 1000):
                    yield b"x" * 1000

            def close(self):
                closed.append(True)

        return Body()

    return app


def test_a_long_response_is_streamed_from_the_thread_and_closed(monkeypatch):
    closed: list = []
    sent_from_thread = []
    send = bridge._Sender.send
    monkeypatch.setattr(
        bridge._Sender, "send", lambda self, m: (sent_from_thread.append(len(m)), send(self, m))
    )
    app = _streaming(bridge.STREAM_AFTER * 3, closed)
    old, new = _both(app, "/file")
    assert _wire(old) == _wire(new)
    assert len(_wire(new)[2]) == bridge.STREAM_AFTER * 3 // 1000 * 1000
    assert sent_from_thread, "nothing was sent before the response was complete"
    assert closed == [True], "close() was not called once"


def test_the_body_stops_at_content_length():
    closed: list = []
    old, new = _both(_streaming(5000, closed, length=2500), "/cut")
    assert _wire(old) == _wire(new)
    assert len(_wire(new)[2]) == 2500
    assert closed == [True]


def test_a_page_is_one_hop(monkeypatch, world):
    """The point of the bridge: a page's messages go back to the loop once, not one by one."""
    article = factories.article(world)
    hops = []
    monkeypatch.setattr(bridge._Sender, "send", lambda self, m: hops.append(m))
    messages = _bridged(django_app, article.public_path)
    assert messages[0]["status"] == 200 and not hops
