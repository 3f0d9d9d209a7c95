"""The reference rows: the same bytes from nginx (the limit) and from a raw app under the
same granian command line as ``masthead serve`` (the Python floor)."""

import os
import shutil
from pathlib import Path

from masthead.supervisor import granian_command

from .common import HOST, OUT, ROOT, ProcessGroup, fetch, free_port, wait_http
from .memory import MemorySampler
from .wrk import measure


def nginx_case(opts, html: Path) -> dict:
    prefix = OUT / "nginx"
    if prefix.exists():
        shutil.rmtree(prefix)
    (prefix / "logs").mkdir(parents=True)
    port = free_port()
    user = "user root;" if os.geteuid() == 0 else ""
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"""{user}
worker_processes {opts.workers};
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen {HOST}:{port};
        root {html.parent};
        location / {{ default_type "text/html; charset=utf-8"; try_files /{html.name} =404; }}
    }}
}}
"""
    )
    server = ProcessGroup(
        [opts.tools["nginx"], "-p", str(prefix), "-c", str(conf)],
        env=dict(os.environ),
        log_path=prefix / "logs" / "stdout.log",
        cwd=ROOT,
    )
    try:
        wait_http(f"http://{HOST}:{port}/article", proc=server.proc)
        status, _, body = fetch(f"http://{HOST}:{port}/article")
        assert status == 200 and body == html.read_bytes()
        result = measure(opts, "nginx (static file)", f"http://{HOST}:{port}/article")
    finally:
        server.stop()
    result["note"] = "the limit"
    return result


def raw_app_case(opts, html: Path) -> dict:
    """The bytes from ``benchmarks/raw_app.py`` under ``supervisor.granian_command`` itself: the
    same server, interface and flags as ``masthead serve``, with nothing of Masthead's inside."""
    port = free_port()
    command = granian_command(HOST, port, opts.workers, app="benchmarks.raw_app:application")
    pythonpath = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    env = dict(os.environ, BENCH_HTML=str(html), PYTHONPATH=pythonpath)
    log_path = OUT / "raw-app.log"
    server = ProcessGroup(command, env=env, log_path=log_path, cwd=ROOT)
    sampler = MemorySampler(server.pgid)
    try:
        wait_http(f"http://{HOST}:{port}/", proc=server.proc, log_path=log_path)
        status, _, body = fetch(f"http://{HOST}:{port}/")
        assert status == 200 and body == html.read_bytes()
        result = measure(opts, "raw app (granian)", f"http://{HOST}:{port}/", sampler)
    finally:
        sampler.stop()
        server.stop()
    result["note"] = "the Python floor"
    return result


FLOOR_NOTES = {
    "anon": "cookie mint + atomic check-and-count",
    "subscriber": "session cookie + one cache read",
    "walled": "cookie verify + one count read",
}


def floor_case(opts, data_dir: Path, store: str, case: str, fixture: dict, article_id: int):
    """``benchmarks/floor_app.py`` for ``case`` under ``supervisor.granian_command``, with the
    site's settings and ``store``: the least work that case needs (see floor_app's docstring)."""
    from .sites import site_env  # the site's settings (database, Redis) for this store

    port = free_port()
    command = granian_command(HOST, port, opts.workers, app="benchmarks.floor_app:application")
    pythonpath = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    env = site_env(opts, data_dir, store, port) | {
        "BENCH_FLOOR": case,
        "BENCH_HTML": str(fixture["html"]),
        "BENCH_ARTICLE_ID": str(article_id),
        "PYTHONPATH": pythonpath,
    }
    log_path = OUT / f"floor-{store}-{case}.log"
    server = ProcessGroup(command, env=env, log_path=log_path, cwd=ROOT)
    sampler = MemorySampler(server.pgid)
    url = f"http://{HOST}:{port}/"
    extra = {"BENCH_COOKIE": fixture["cookie"]} if fixture.get("cookie") else None
    try:
        wait_http(url + "ready", proc=server.proc, log_path=log_path)
        status, _, body = fetch(url, fixture.get("cookie"))
        if status != 200 or body != fixture["html"].read_bytes():
            raise RuntimeError(f"floor {store}: {case} answered {status}; see {log_path}")
        result = measure(opts, f"floor {store}: {case}", url, sampler, env_extra=extra)
    finally:
        sampler.stop()
        server.stop()
    result["note"] = FLOOR_NOTES[case]
    result["store"] = store
    result["server_peak_rss_mb"] = result.get("peak_rss_mb", 0)
    return result
