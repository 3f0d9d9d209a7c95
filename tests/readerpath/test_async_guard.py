"""The reader path works on the event loop without turning Django's async guard off.

It used to set DJANGO_ALLOW_ASYNC_UNSAFE when ``masthead.asgi`` was imported: every process
started after that (a ``masthead check`` or ``migrate`` run from a process that had loaded the
ASGI application) inherited it, and Django's deployment check async.E001 failed them.
"""

import asyncio
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import SynchronousOnlyOperation

from masthead.readerpath.app import ReaderPath
from tests import factories
from tests.support.readerclient import scope_from_environ, serve_asgi

pytestmark = pytest.mark.django_db(transaction=True)


def _scope(path: str) -> dict:
    return scope_from_environ(
        {"REQUEST_METHOD": "GET", "PATH_INFO": path, "SERVER_NAME": "testserver"}
    )


def test_building_the_asgi_application_leaves_the_environment_alone(monkeypatch):
    from masthead import asgi

    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    asgi._application()  # what importing masthead.asgi runs, whether or not it ran already
    assert "DJANGO_ALLOW_ASYNC_UNSAFE" not in os.environ


def test_the_reader_path_answers_on_the_loop_and_the_guard_stays_on(world, monkeypatch):
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    page = factories.article(world)
    fallback_calls = []

    async def django(scope, receive, send):
        fallback_calls.append(scope["path"])
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    sent = serve_asgi(ReaderPath(django), _scope(page.public_path))
    assert fallback_calls == []  # the reader path answered: its ORM calls were allowed
    assert sent[0]["status"] == 200
    assert page.title.encode() in sent[1]["body"]

    async def orm_on_the_loop():
        return get_user_model().objects.count()

    with pytest.raises(SynchronousOnlyOperation):  # elsewhere on the loop, Django still refuses
        asyncio.run(orm_on_the_loop())
