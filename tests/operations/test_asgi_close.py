"""Under ``masthead serve`` (granian's ASGI interface, ``masthead.asgi``) every response is
closed as a WSGI server closes it: Django's ``request_finished`` fires (it returns database
connections past their age, and a ``FileResponse`` closes its file). asgiref's ``WsgiToAsgi``
iterates the response but never calls its ``close()``."""

import asyncio

import pytest
from asgiref.testing import ApplicationCommunicator
from django.core.signals import request_finished

from masthead.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)


def _scope(path: str, headers: list | None = None) -> dict:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *(headers or [])],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


async def _get(path: str, headers: list | None = None) -> list[dict]:
    app = ApplicationCommunicator(application, _scope(path, headers))
    await app.send_input({"type": "http.request", "body": b"", "more_body": False})
    messages = [await app.receive_output(10)]
    while messages[-1].get("more_body", messages[-1]["type"] == "http.response.start"):
        messages.append(await app.receive_output(10))
    await app.wait(10)
    return messages


@pytest.mark.parametrize("path", ["/robots.txt", "/static/masthead/css/site.css"])
def test_every_response_is_closed_and_request_finished_fires(path):
    finished = []

    def receiver(sender, **kwargs):
        finished.append(sender)

    request_finished.connect(receiver)
    try:
        messages = asyncio.run(_get(path))
    finally:
        request_finished.disconnect(receiver)
    assert messages[0]["status"] == 200
    assert finished, "request_finished never fired: the response was not closed"
