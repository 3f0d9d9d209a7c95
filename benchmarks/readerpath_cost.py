"""Server CPU per article view, in process: the reader path against Django's handler.

    MASTHEAD_DATA_DIR=benchmarks/out/run/sqlite python benchmarks/readerpath_cost.py [N]

On a built benchmark site (``run.py`` leaves one in ``benchmarks/out/run/``), for the
benchmark's article and three readers — a new anonymous reader (counted, a new device each
time), the demo subscriber (signed in), a walled device — it times ``N`` views through
``masthead.readerpath.page.answer`` (what ``masthead serve`` runs first) and ``N`` through
Django's test client (the handler and every middleware, as the fall-through gets them), in
turns, and prints the median milliseconds of each. No sockets and no server: what is left
is each path's own work, so the figures say more than wrk's on a shared machine.
"""

import os
import statistics
import sys
import time
from importlib import import_module

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from masthead.access.identity import COOKIE_NAME, device_cookie_value, new_device_id  # noqa: E402
from masthead.access.policy import current_policy  # noqa: E402
from masthead.access.stores import get_meter_store  # noqa: E402
from masthead.metering import month_key  # noqa: E402
from masthead.metering.keys import device_key  # noqa: E402
from masthead.readerpath.page import answer  # noqa: E402

PATH = "/world/calderra-farmers-count-losses-as-waters-recede-21/"
HOST = "127.0.0.1"


def _session_cookie() -> str:
    user = get_user_model().objects.get(email="subscriber@example.com")
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}; csrftoken={'a' * 32}"


def _walled_cookie() -> str:
    device = new_device_id()
    month = month_key(timezone.now(), current_policy().time_zone)
    for i in range(current_policy().anonymous_allowance):
        get_meter_store().record(device_key(device), month, 10**9 + i, 100)
    return f"{COOKIE_NAME}={device_cookie_value(device)}"


def _scope(cookie: str) -> dict:
    headers = [(b"host", HOST.encode())]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return {"type": "http", "method": "GET", "path": PATH, "query_string": b"",
            "headers": headers, "scheme": "http", "root_path": ""}  # fmt: skip


def _time(call, n: int) -> float:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main(n: int) -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    cookies = {"anon": lambda: "", "subscriber": _session_cookie, "walled": _walled_cookie}
    print(f"{'case':12} {'reader path ms':>15} {'Django ms':>10} {'ratio':>6}")
    for case, make in cookies.items():
        fixed = None if case == "anon" else make()
        cookie = (lambda: "") if fixed is None else (lambda fixed=fixed: fixed)
        client = Client(HTTP_HOST=HOST)

        def reader(cookie=cookie):
            assert answer(_scope(cookie())).status == 200

        def django_path(cookie=cookie, client=client):
            client.cookies.clear()
            assert client.get(PATH, HTTP_COOKIE=cookie()).status_code == 200

        for call in (reader, django_path):  # warm both: shells, fragments, connections
            _time(call, 20)
        ours = statistics.median(_time(reader, n // 3) for _ in range(3))
        theirs = statistics.median(_time(django_path, n // 3) for _ in range(3))
        print(f"{case:12} {ours:15.2f} {theirs:10.2f} {theirs / ours:6.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
