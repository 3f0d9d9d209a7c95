"""A Django test client whose GET and HEAD go through the reader path first.

``ReaderClient`` builds the ASGI scope ``masthead serve`` would give the reader path
(``masthead.readerpath.page.answer``) from the request the test client would send; when the
reader path answers, the test gets that answer as a response (status, headers, cookies, body,
HEAD without a body), and the client keeps its cookies as a browser would. When it falls
through, Django's handler answers, as under ``masthead serve``. ``answered`` and ``passed``
count both, so a test can show which path served it.
"""

import asyncio
from http.cookies import SimpleCookie

from django.http import HttpResponse
from django.test import Client

from masthead.readerpath.page import answer, article_route


def scope_from_environ(environ: dict) -> dict:
    headers = []
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            headers.append((key[5:].replace("_", "-").lower().encode(), str(value).encode()))
    if not any(name == b"host" for name, _ in headers):
        host = environ.get("SERVER_NAME", "testserver")
        headers.append((b"host", host.encode()))
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if environ.get(key):
            headers.append((key.replace("_", "-").lower().encode(), str(environ[key]).encode()))
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": environ["REQUEST_METHOD"],
        "scheme": environ.get("wsgi.url_scheme", "http"),
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": environ.get("QUERY_STRING", "").encode("latin-1"),
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }


def serve_asgi(app, scope: dict) -> list[dict]:
    """Run one request through the ASGI ``app`` on a fresh event loop: the messages it sent."""
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def as_response(result) -> HttpResponse:
    response = HttpResponse(result.body, status=result.status)
    del response.headers["Content-Type"]
    for name, value in result.headers:
        if name.lower() == "set-cookie":
            response.cookies.load(value.strip())
        else:
            response.headers[name] = value
    return response


class ReaderClient(Client):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.answered = 0
        self.passed = 0
        self.article_requests = 0

    def request(self, **request):
        environ = self._base_environ(**request)
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
            return super().request(**request)
        scope = scope_from_environ(environ)
        if article_route(scope["path"]) is not None:
            self.article_requests += 1
        result = answer(scope)
        if result is None:
            self.passed += 1
            return super().request(**request)
        self.answered += 1
        response = as_response(result)
        jar = SimpleCookie()
        for morsel in response.cookies.values():
            jar[morsel.key] = morsel
        self.cookies.update(jar)
        response.client = self
        response.request = request
        return response
