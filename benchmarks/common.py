"""What every part of ``make bench`` shares: paths, the targets, tools, loopback HTTP.

Everything the benchmark creates lives in benchmarks/out/ (git-ignored), plus, with
``--database postgres``, the database ``masthead_bench`` and, with the Redis store, Redis
database 13 (flushed, and only that one). Servers are started and stopped through
``tests/support/processes.py``, the one helper the tests' live servers use too.
"""

import http.cookiejar
import os
import re
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.support.processes import ProcessGroup, free_port, group_pids, wait_http

__all__ = ["ProcessGroup", "free_port", "group_pids", "wait_http"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
SITES = OUT / "sites"
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
# Another Redis or database name for a second engineer on the same machine (each their own):
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
PG_DB = os.environ.get("BENCH_PG_DB", "masthead_bench")
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
DEMO_PASSWORD = "masthead-demo"  # noqa: S105 - the demo's public password
SUBSCRIBER = "subscriber@example.com"
ALLOWANCE = 3  # the demo's anonymous allowance (MeterSettings default)
WALK = 10  # articles in one anon-session walk

TARGETS = {
    "ratio_floor": 0.50,  # throughput at least 50% of the case's floor (same store, same run)
    "p99_ms": 20.0,  # p99 under 20 ms at 32 connections
    "rss_mb": 150.0,  # resident memory per server process
    "flat": 1.20,  # latency at the large site within 20% of latency at 1,000 articles
}
MASTHEAD_CASES = ("anon", "anon-session", "subscriber", "walled")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# -- tools ----------------------------------------------------------------------------------------


def find_tools() -> dict[str, str]:
    tools = {
        "wrk": shutil.which("wrk"),
        "nginx": shutil.which("nginx")
        or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None),
        "granian": shutil.which("granian", path=str(BIN)) or shutil.which("granian"),
        "masthead": shutil.which("masthead", path=str(BIN)) or shutil.which("masthead"),
    }
    missing = [name for name in ("wrk", "nginx") if not tools[name]]
    if missing:
        print(
            f"Missing: {', '.join(missing)}. Install them from Debian's packages:\n\n"
            "    sudo apt-get install -y wrk nginx-light\n",
            file=sys.stderr,
        )
        raise SystemExit(2)
    for name in ("granian", "masthead"):
        if not tools[name]:
            print(
                f"{name} not found next to {sys.executable}: run `make demo` first.",
                file=sys.stderr,
            )
            raise SystemExit(2)
    return tools  # type: ignore[return-value]


# -- HTTP helpers (urllib, loopback) --------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, cookie: str | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def device_cookie(headers) -> str | None:
    for value in headers.get_all("Set-Cookie") or []:
        match = re.match(r"\s*(mh_device=[^;]+)", value)
        if match:
            return match.group(1)
    return None


def page_state(body: bytes) -> str:
    """What the reader got: full text with a meter message, full text, or a wall."""
    text = body.decode("utf-8", "replace")
    if "data-paywall=" in text:
        kind = re.search(r'data-paywall="([^"]+)"', text)
        return f"walled:{kind.group(1) if kind else '?'}"
    if "data-meter-remaining=" in text:
        return "metered"
    if "paywalled-content" in text:
        return "full"
    return "other"


def login(base: str) -> str:
    """Sign the demo subscriber in through the login form; returns the Cookie header."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base}/accounts/login/", timeout=30) as response:
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not token:
        raise RuntimeError("no CSRF token on /accounts/login/")
    data = urllib.parse.urlencode(
        {"login": SUBSCRIBER, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    request = urllib.request.Request(
        f"{base}/accounts/login/", data=data, headers={"Referer": f"{base}/accounts/login/"}
    )
    with opener.open(request, timeout=30) as response:
        response.read()
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise RuntimeError("login failed: no session cookie")
    return f"sessionid={cookies['sessionid']}"
