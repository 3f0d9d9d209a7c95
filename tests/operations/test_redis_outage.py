"""Redis going away under load: no 5xx except /healthz's 503, sessions from the database, the
meter fails open, and the site recovers by itself when Redis is back (issue 11, item 2)."""

import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from contextlib import contextmanager

import pytest

from tests import factories
from tests.factories import CANARY
from tests.support.live import free_port, running_server, signed_in_cookie
from tests.support.live import test_database_url as database_url

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]


@contextmanager
def redis_server(port: int):
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while (
            subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).stdout
            != b"PONG\n"
        ):
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _get(url: str, cookie: str = "") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_redis_outage_degrades_and_recovers(world):
    article = factories.article(world)
    subscriber = factories.subscriber("outage@example.org")
    cookie = signed_in_cookie(subscriber)
    port = free_port()
    with redis_server(port) as redis_proc:
        env = {"DATABASE_URL": database_url(), "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
        with running_server(env) as base:
            results: Counter = Counter()
            problems: list = []
            stop = threading.Event()

            def load(path: str, cookie: str = "", expect: str = ""):
                while not stop.is_set():
                    status, body = _get(base + path, cookie)
                    results[status] += 1
                    if status >= 500:
                        problems.append((path, status))
                    if expect and status == 200 and expect not in body.decode():
                        problems.append((path, f"{expect!r} missing: session lost"))
                    time.sleep(0.02)

            paths = [
                (article.public_path, ""),
                (article.public_path, cookie, CANARY),  # the subscriber keeps the full text
                ("/", ""),
                (f"/api/v1/articles/{article.pk}/", ""),
                ("/api/v1/me/", cookie, '"status": "subscriber"'),
            ]
            threads = [threading.Thread(target=load, args=p) for p in paths]
            for t in threads:
                t.start()
            time.sleep(2)
            redis_proc.terminate()
            redis_proc.wait(timeout=10)
            time.sleep(1)
            down_status, down_body = _get(base + "/healthz")
            time.sleep(2)
            with redis_server(port):
                restarted = time.monotonic()
                while _get(base + "/healthz")[0] != 200:
                    assert time.monotonic() - restarted < 15, "no recovery within 15 s"
                    time.sleep(0.1)
                recovery = time.monotonic() - restarted
                time.sleep(1)
                stop.set()
                for t in threads:
                    t.join(timeout=10)
            total = sum(results.values())
            print(f"redis outage: {total} requests, {dict(results)}, recovery {recovery:.2f} s")
            assert down_status == 503 and b'"cache": "down"' in down_body
            assert not problems, problems[:10]
            assert total > 20
