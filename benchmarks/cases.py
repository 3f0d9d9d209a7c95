"""Masthead's own rows: ``masthead serve`` answering each reader case, per meter store.

``anon``         an anonymous reader with no cookie: a new device every request, view counted
``anon-session`` anonymous readers keeping a device for a walk of 10 articles (3 counted, 7
                 walled), one reader per connection
``subscriber``   a signed-in subscriber (session cookie), full text
``walled``       an anonymous device whose allowance is used up
"""

from pathlib import Path

import redis

from masthead.supervisor import granian_command, worker_command

from .common import (
    ALLOWANCE,
    HOST,
    OUT,
    REDIS_URL,
    ROOT,
    WALK,
    ProcessGroup,
    device_cookie,
    fetch,
    free_port,
    login,
    page_state,
    wait_http,
)
from .memory import MemorySampler
from .sites import djhelp, site_env
from .wrk import measure


def flush_redis() -> None:
    redis.Redis.from_url(REDIS_URL).flushdb()  # database 13 only


def counted_views(opts, data_dir: Path, store: str) -> int:
    if store == "redis":
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(match="mh:meter:*", count=10_000))
        pipe = client.pipeline(transaction=False)
        for key in keys:
            pipe.scard(key)
        return sum(pipe.execute()) if keys else 0
    return djhelp(opts, data_dir, "count-views")["meter_rows"]


def devices_for(seconds: float) -> int:
    return max(2_000, int(20_000 * seconds / WALK))


# Variants of the server for the comparison rows (the default is ``masthead serve`` itself).
VARIANTS = {
    "asgi": "masthead serve (granian ASGI)",
    "wsgi": "granian WSGI (masthead.wsgi)",
    "wagtail": "Wagtail's routing (MASTHEAD_FAST_ARTICLES=0)",
}


class Servers:
    """Several process groups stopped together (granian WSGI and a task worker)."""

    def __init__(self, groups: list[ProcessGroup]):
        self.groups = groups
        self.pgid = groups[0].pgid
        self.proc = groups[0].proc

    def stop(self) -> None:
        for group in self.groups:
            group.stop()


def start_masthead(
    opts, data_dir: Path, store: str, variant: str = "asgi"
) -> tuple[ProcessGroup | Servers, str]:
    port = free_port()
    if store == "redis":
        flush_redis()
    env = site_env(opts, data_dir, store, port)
    if variant == "wagtail":
        env["MASTHEAD_FAST_ARTICLES"] = "0"
    log_path = OUT / f"serve-{store}-{variant}.log"
    base = f"http://{HOST}:{port}"
    server: ProcessGroup | Servers
    if variant == "wsgi":
        # What ``masthead serve`` starts, with granian's WSGI interface instead of ASGI: the
        # same flags and workers, and the same task worker beside it.
        metrics = OUT / "metrics-wsgi"
        metrics.mkdir(parents=True, exist_ok=True)
        env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics)
        command = granian_command(
            HOST, port, opts.workers, app="masthead.wsgi:application", interface="wsgi"
        )
        groups = [ProcessGroup(command, env=env, log_path=log_path, cwd=ROOT)]
        worker_log = OUT / f"worker-{store}-wsgi.log"
        groups.append(ProcessGroup(worker_command(), env=env, log_path=worker_log, cwd=ROOT))
        server = Servers(groups)
        try:
            wait_http(f"{base}/robots.txt", proc=server.proc, log_path=log_path)
        except Exception:
            server.stop()
            raise
        return server, base
    command = [
        opts.tools["masthead"],
        "serve",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(opts.workers),
    ]
    server = ProcessGroup(command, env=env, log_path=log_path, cwd=ROOT)
    try:
        wait_http(f"{base}/robots.txt", proc=server.proc, log_path=log_path)
    except Exception:
        server.stop()
        raise
    return server, base


def _keep(fixtures: dict | None, store: str, case: str, cookie: str | None, body: bytes) -> None:
    """What a floor needs for this case: the request's cookie and the bytes Masthead served."""
    if fixtures is None:
        return
    path = OUT / "www" / f"{store}-{case}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    fixtures[case] = {"cookie": cookie, "html": path}


def masthead_cases(
    opts,
    data_dir: Path,
    store: str,
    site: dict,
    cases,
    variant: str = "asgi",
    fixtures: dict | None = None,
) -> dict:
    """Measure ``cases`` on one server; ``fixtures`` (a dict) receives each case's cookie and
    page for the floors."""
    article = site["article"]["path"]
    others = [a["path"] for a in site["articles"] if a["path"] != article]
    server, base = start_masthead(opts, data_dir, store, variant)
    sampler = MemorySampler(server.pgid)
    results: dict[str, dict] = {}
    try:
        # Warm both workers' caches and check what each case is served before measuring.
        status, headers, body = fetch(base + article)
        if status != 200 or page_state(body) != "metered" or not device_cookie(headers):
            raise RuntimeError(f"anonymous first view: {status} {page_state(body)}")
        _keep(fixtures, store, "anon", None, body)

        if "anon" in cases:
            result = measure(
                opts,
                f"{store}: anon",
                base + article,
                sampler,
                counter=lambda: counted_views(opts, data_dir, store),
            )
            result["note"] = f"{result['counted']} of {result['requests']} views counted"
            results["anon"] = result

        if "anon-session" in cases:
            walk = others[:WALK]
            devices, warm_devices = OUT / "devices.txt", OUT / "devices-warmup.txt"
            # Enough new devices for every walk at up to 20,000 req/s (checked: reused_devices).
            djhelp(opts, data_dir, "mint-devices", str(devices_for(opts.duration)), str(devices))
            djhelp(opts, data_dir, "mint-devices", str(devices_for(opts.warmup)), str(warm_devices))
            paths = " ".join(walk)
            result = measure(
                opts,
                f"{store}: anon-session",
                base + walk[0],
                sampler,
                script="anon_session",
                threads=opts.connections,
                counter=lambda: counted_views(opts, data_dir, store),
                env_extra={"BENCH_PATHS": paths, "BENCH_DEVICES": str(devices)},
                warmup_env={"BENCH_PATHS": paths, "BENCH_DEVICES": str(warm_devices)},
            )
            share = result["counted"] / result["requests"] if result["requests"] else 0
            result["note"] = f"{share:.0%} of views counted"
            if result.get("reused_devices"):
                result["note"] += f", {result['reused_devices']} walks reused a device"
            results["anon-session"] = result

        if "subscriber" in cases:
            cookie = login(base)
            status, _, body = fetch(base + article, cookie)
            if status != 200 or page_state(body) != "full":
                raise RuntimeError(f"subscriber view: {status} {page_state(body)}")
            _keep(fixtures, store, "subscriber", cookie, body)
            result = measure(
                opts,
                f"{store}: subscriber",
                base + article,
                sampler,
                env_extra={"BENCH_COOKIE": cookie},
            )
            result["note"] = "full text"
            results["subscriber"] = result

        if "walled" in cases:
            status, headers, body = fetch(base + others[0])
            cookie = device_cookie(headers)
            for path in others[1:ALLOWANCE]:
                fetch(base + path, cookie)
            status, _, body = fetch(base + article, cookie)
            state = page_state(body)
            if status != 200 or not state.startswith("walled"):
                raise RuntimeError(f"walled view: {status} {state}")
            _keep(fixtures, store, "walled", cookie, body)
            result = measure(
                opts,
                f"{store}: walled",
                base + article,
                sampler,
                env_extra={"BENCH_COOKIE": cookie},
            )
            result["note"] = state.replace("walled:", "") + " wall"
            results["walled"] = result
    finally:
        sampler.stop()
        server.stop()
    peak = max(sampler.peak.values(), default=0) / 1024
    for result in results.values():
        result["store"] = store
        result["variant"] = variant
        result["server_peak_rss_mb"] = peak
    return results


def capture_page(opts, data_dir: Path) -> tuple[dict, bytes]:
    """The site's article list and the bytes a new anonymous reader gets for the article."""
    info = djhelp(opts, data_dir, "articles", "40")
    candidates = info["articles"]
    if len(candidates) < WALK + 1:
        raise RuntimeError("the benchmark site needs at least 11 metered articles")
    # The article closest to 1,000 words, among the first 40 (the same one at every scale).
    article = min(candidates, key=lambda a: abs(a["words"] - 1000))
    server, base = start_masthead(opts, data_dir, "db")
    try:
        status, _, body = fetch(base + article["path"])
    finally:
        server.stop()
    if status != 200:
        raise RuntimeError(f"article {article['path']} answered {status}")
    site = {"article": article, "articles": candidates, "total_articles": info["total_articles"]}
    return site, body
