"""Clients that announce a body and never send it hold no worker: with 100 of them connected,
other readers are served, and each of them gets 408 once the body deadline passes (issue 11,
item 1). Run against the production server's command line (``supervisor.granian_command``)."""

import socket
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from masthead.asgi import BODY_SECONDS
from tests.support.live import running_server

HELD = 100
READERS = 40
STALL = (
    b"POST /api/v1/tokens/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
)


def _read(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status == 200
    except OSError:
        return False


def test_a_hundred_stalled_bodies_leave_other_readers_served():
    with running_server({}, ready_path="/robots.txt") as base:
        port = int(base.rsplit(":", 1)[1])
        stalled = []
        try:
            for _ in range(HELD):
                s = socket.create_connection(("127.0.0.1", port), timeout=BODY_SECONDS + 10)
                s.sendall(STALL)
                stalled.append(s)
            time.sleep(0.5)
            started = time.monotonic()
            with ThreadPoolExecutor(10) as pool:
                served = list(pool.map(_read, [base + "/robots.txt"] * READERS))
            assert all(served), f"{served.count(True)}/{READERS} readers served"
            # The server still holds the stalled connections (nothing was refused) ...
            assert time.monotonic() - started < BODY_SECONDS
            # ... and answers each of them 408 when the body deadline passes.
            first = stalled[0].recv(200)
            assert first.startswith(b"HTTP/1.1 408"), first
        finally:
            for s in stalled:
                s.close()
