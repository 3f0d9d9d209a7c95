"""The floors: the least work each reader case needs, as a small ASGI app.

Served by ``benchmarks/references.py`` under ``masthead.supervisor.granian_command`` itself (the
command line of ``masthead serve``), with the benchmark site's settings, so it reaches the same
database, cache and Redis as Masthead in the same run. Each floor does only what any article
server must do for that reader, with Masthead's own pieces (imported, not copied):

``anon``        verify or mint the signed device cookie (``access.identity``), the store's atomic
                check-and-count (``get_meter_store().record``: the same transaction and SQL, or
                the same Lua script, as the site), the page's bytes and the cookie
``subscriber``  the session cookie, one cache read of the reader's entitlement (Django's cache:
                the database cache table or Redis, as the site's), the page's bytes
``walled``      verify the device cookie, one read of its month's count (the database store's
                own count query, or ``SCARD`` in Redis), the page's bytes

``BENCH_FLOOR`` names the case, ``BENCH_HTML`` the file with the bytes Masthead served for it in
the same run, ``BENCH_ARTICLE_ID`` the article. Nothing here renders, routes or logs: the work
runs inline on the event loop (no thread hop), in one context so that Django keeps one
database connection per process.
"""

import contextvars
import os
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # sync calls on the loop, on purpose

import django  # noqa: E402

from masthead import datadir  # noqa: E402

datadir.prepare()  # an entry point: the settings create no directory
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.sessions.backends.base import VALID_KEY_CHARS  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.http.cookie import parse_cookie  # noqa: E402

from masthead.access.identity import (  # noqa: E402
    COOKIE_MAX_AGE,
    COOKIE_NAME,
    device_cookie_value,
    device_from_cookie,
    new_device_id,
)
from masthead.access.policy import current_policy  # noqa: E402
from masthead.access.stores import get_meter_store  # noqa: E402
from masthead.billing.selectors import entitlement_for  # noqa: E402
from masthead.lifespan import lifespan  # noqa: E402
from masthead.metering import month_key  # noqa: E402
from masthead.metering.keys import device_key  # noqa: E402

CASE = os.environ.get("BENCH_FLOOR", "anon")
BODY = Path(os.environ["BENCH_HTML"]).read_bytes()
ARTICLE_ID = int(os.environ.get("BENCH_ARTICLE_ID", "0"))
LIMIT = current_policy().anonymous_allowance
STORE = get_meter_store()
ENTITLEMENT_KEY = "bench:floor:entitlement:{}"
_HEADERS = [
    (b"content-type", b"text/html; charset=utf-8"),
    (b"content-length", str(len(BODY)).encode()),
]
_BODY_MESSAGE = {"type": "http.response.body", "body": BODY}
_COOKIE_TAIL = f"; HttpOnly; Max-Age={COOKIE_MAX_AGE}; Path=/; SameSite=Lax"


def _cookies(scope) -> dict:
    for name, value in scope["headers"]:
        if name == b"cookie":
            return parse_cookie(value.decode("latin-1"))
    return {}


def _month() -> str:
    return month_key(datetime.now(UTC), settings.TIME_ZONE)


def anon(cookies: dict) -> tuple[int, list]:
    device = device_from_cookie(cookies.get(COOKIE_NAME))
    extra = []
    if device is None:
        device = new_device_id()
        value = f"{COOKIE_NAME}={device_cookie_value(device)}{_COOKIE_TAIL}"
        extra.append((b"set-cookie", value.encode()))
    STORE.record(device_key(device), _month(), ARTICLE_ID, LIMIT)
    return 200, extra


def _entitled(session_key: str) -> bool:
    """The one cache read; on a miss (the first request only) the entitlement is worked out
    from the session and the billing tables and cached, as any cache-aside would."""
    key = ENTITLEMENT_KEY.format(session_key)
    entitled = cache.get(key)
    if entitled is None:
        from django.contrib.auth import get_user_model

        store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
        user_id = store.get("_auth_user_id")
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
        entitled = bool(user and entitlement_for(user, datetime.now(UTC)).entitled)
        cache.set(key, entitled, 3600)
    return entitled


def subscriber(cookies: dict) -> tuple[int, list]:
    session_key = cookies.get(settings.SESSION_COOKIE_NAME, "")
    valid = 8 <= len(session_key) <= 40 and set(session_key) <= set(VALID_KEY_CHARS)
    return (200 if valid and _entitled(session_key) else 403), []


def walled(cookies: dict) -> tuple[int, list]:
    device = device_from_cookie(cookies.get(COOKIE_NAME))
    if device is None:
        return 403, []
    tally = getattr(STORE, "_tally", None)  # the database store's own count query
    if tally is not None:
        used, _ = tally(device_key(device), _month(), ARTICLE_ID)
    else:
        used = STORE.count(device_key(device), _month())
    return (200 if used >= LIMIT else 403), []


HANDLERS = {"anon": anon, "subscriber": subscriber, "walled": walled}
_handle = HANDLERS[CASE]
# Django keeps database connections per async context: run every request's (synchronous,
# await-free) work in one context, so the floor keeps one connection as a server thread does
# instead of opening one per request.
_CONTEXT = contextvars.copy_context()


async def application(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    if scope["path"] == "/ready":  # the harness waits for this: no fixture needed
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ready\n"})
        return
    status, extra = _CONTEXT.run(_handle, _cookies(scope))
    if status != 200:  # a wrong fixture: say so rather than measure the wrong thing
        body = b"floor: this request does not qualify for the case\n"
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
        return
    await send({"type": "http.response.start", "status": 200, "headers": _HEADERS + extra})
    await send(_BODY_MESSAGE)
