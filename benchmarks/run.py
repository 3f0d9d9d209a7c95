"""Masthead's article-page benchmark (``make bench``; see benchmarks/README.md).

In one run, on 127.0.0.1 only, with wrk:

* ``nginx``       the anonymous article page's bytes as a static file (the limit)
* ``raw-wsgi``    the same bytes from a raw WSGI app under the same granian command line as
                  ``masthead serve`` (the Python floor)
* and per meter store (database, Redis), ``masthead serve`` answering:
  ``anon``         an anonymous reader with no cookie: a new device every request, view counted
  ``anon-session`` anonymous readers keeping a device for a walk of 10 articles (3 counted, 7
                   walled), one reader per connection
  ``subscriber``   a signed-in subscriber (session cookie), full text
  ``walled``       an anonymous device whose allowance is used up

It prints req/s, p50, p99, the ratios to raw WSGI and nginx, and the peak resident memory of a
server process, checks them against the targets, and writes benchmarks/out/last.json.
``--flat`` measures the anonymous case at 1,000 articles and at a large site instead.

Everything it creates lives in benchmarks/out/ (git-ignored), plus, with ``--database
postgres``, the database ``masthead_bench`` and, with the Redis store, Redis database 13
(flushed, and only that one).
"""

import argparse
import contextlib
import http.cookiejar
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
SITES = OUT / "sites"
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
REDIS_URL = "redis://127.0.0.1:6379/13"
PG_DB = "masthead_bench"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
DEMO_PASSWORD = "masthead-demo"  # noqa: S105 - the demo's public password
SUBSCRIBER = "subscriber@example.com"
ALLOWANCE = 3  # the demo's anonymous allowance (MeterSettings default)
WALK = 10  # articles in one anon-session walk

TARGETS = {
    "ratio_raw": 0.15,  # throughput at least 15% of raw WSGI, same bytes, same run
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 90.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(
                f"server exited with {proc.returncode} before answering {url}"
                f" (see the logs in {OUT.relative_to(ROOT)}/)"
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                response.read()
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"no answer from {url} after {timeout:.0f}s")


# -- processes and memory -------------------------------------------------------------------------


class Server:
    """A process group we start (``start_new_session``) and stop by its id."""

    def __init__(self, name: str, command: list[str], env: dict, log_path: Path, cwd=ROOT):
        self.name = name
        self.log_path = log_path
        self.log_file = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.pgid = self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pgid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.pgid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        # Workers may outlive the supervisor for a moment: wait for the group to be gone.
        for _ in range(50):
            if not group_pids(self.pgid):
                break
            time.sleep(0.1)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pgid, signal.SIGKILL)
        self.log_file.close()


def group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid:
            pids.append(int(entry))
    return pids


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


class MemorySampler:
    """Samples the RSS of every granian process of a server's group, every 0.2 s."""

    def __init__(self, pgid: int):
        self.pgid = pgid
        self.peak: dict[int, int] = {}
        self.window_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in group_pids(self.pgid):
                if "granian" not in cmdline(pid):
                    continue  # the `masthead serve` wrapper, not a server process
                kb = rss_kb(pid)
                self.peak[pid] = max(self.peak.get(pid, 0), kb)
                self.window_peak = max(self.window_peak, kb)
            self._stop.wait(0.2)

    def start_window(self) -> None:
        self.window_peak = 0

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


# -- wrk ------------------------------------------------------------------------------------------


def wrk_script(name: str) -> Path:
    path = OUT / "lua" / f"{name}.lua"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = (
        (HERE / "wrk" / f"{name}.lua").read_text()
        + "\n"
        + (HERE / "wrk" / "report.lua").read_text()
    )
    path.write_text(body)
    return path


def run_wrk(
    opts,
    url: str,
    *,
    script: str = "static",
    env_extra: dict | None = None,
    threads: int | None = None,
    duration: float | None = None,
) -> dict:
    threads = threads or opts.threads
    duration = duration if duration is not None else opts.duration
    command = [
        opts.tools["wrk"],
        "-t",
        str(threads),
        "-c",
        str(opts.connections),
        "-d",
        f"{max(1, round(duration))}s",
        "--timeout",
        "10s",
        "-s",
        str(wrk_script(script)),
        url,
    ]
    env = dict(os.environ, BENCH_THREADS=str(threads), **(env_extra or {}))
    done = subprocess.run(  # bounded: wrk stops itself after `duration`
        command, env=env, capture_output=True, text=True, timeout=duration + 60, check=False
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout}\n{done.stderr}")
    result = json.loads(line.split(" ", 1)[1])
    seconds = result["duration_us"] / 1e6
    result["rps"] = result["requests"] / seconds if seconds else 0.0
    result["p50_ms"] = result["p50_us"] / 1000
    result["p99_ms"] = result["p99_us"] / 1000
    result["errors"] = sum(result[k] for k in result if k.startswith("err_"))
    result["threads"] = threads
    return result


def measure(
    opts,
    label: str,
    url: str,
    sampler: MemorySampler | None = None,
    *,
    counter=None,
    warmup_env: dict | None = None,
    env_extra: dict | None = None,
    **kwargs,
) -> dict:
    """A warm-up run, then the measured run; ``counter()`` (views counted) is read around the
    measured run only."""
    if opts.warmup > 0:
        run_wrk(opts, url, duration=opts.warmup, env_extra=warmup_env or env_extra, **kwargs)
    before = counter() if counter else 0
    if sampler:
        sampler.start_window()
    result = run_wrk(opts, url, env_extra=env_extra, **kwargs)
    if sampler:
        time.sleep(0.3)
        result["peak_rss_mb"] = sampler.window_peak / 1024
    if counter:
        result["counted"] = counter() - before
    log(
        f"{label:<28} {result['rps']:>9.0f} req/s  p50 {result['p50_ms']:.1f} ms  "
        f"p99 {result['p99_ms']:.1f} ms  errors {result['errors']}"
    )
    return result


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


# -- sites ----------------------------------------------------------------------------------------


def site_env(opts, data_dir: Path, store: str | None = None, port: int | None = None) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not (k.startswith("MASTHEAD_") or k in {"DATABASE_URL", "REDIS_URL"})
    }
    env["MASTHEAD_DATA_DIR"] = str(data_dir)
    env["DJANGO_SETTINGS_MODULE"] = "masthead.settings"
    if port:
        env["MASTHEAD_SITE_URL"] = f"http://{HOST}:{port}"
    if opts.database == "postgres":
        env["DATABASE_URL"] = PG_URL
    if store == "redis":
        env["REDIS_URL"] = REDIS_URL
    return env


def djhelp(opts, data_dir: Path, *args: str, timeout: float = 3600) -> dict:
    done = subprocess.run(
        [sys.executable, str(HERE / "djhelp.py"), *args],
        env=site_env(opts, data_dir),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"djhelp {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def build_site(opts, data_dir: Path, articles: int) -> None:
    """``masthead demo --no-serve --scale N`` into data_dir (adds only what is missing)."""
    log(f"building the demo site with {articles:,} articles in {data_dir.relative_to(ROOT)} ...")
    started = time.monotonic()
    command = [opts.tools["masthead"], "demo", "--no-serve", "--scale", str(articles)]
    with open(OUT / "build.log", "a") as fh:
        done = subprocess.run(
            command,
            env=site_env(opts, data_dir) | {"TQDM_DISABLE": "1"},
            cwd=ROOT,
            stdout=fh,
            stderr=subprocess.STDOUT,
            timeout=6 * 3600,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"building the demo site failed; see {OUT / 'build.log'}")
    log(f"built in {time.monotonic() - started:.0f}s")


def psql(*sql: str, db: str = "postgres") -> None:
    for statement in sql:
        subprocess.run(
            [
                "psql",
                "-h",
                HOST,
                "-p",
                "5432",
                "-U",
                "postgres",
                "-d",
                db,
                "-v",
                "ON_ERROR_STOP=1",
                "-qc",
                statement,
            ],
            check=True,
            timeout=600,
            capture_output=True,
        )


def copy_sqlite_site(src: Path, dst: Path) -> None:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)


def prepare_site(opts, articles: int, meter_rows: int = 0) -> Path:
    """A site with ``articles`` articles and ``meter_rows`` extra meter rows; returns its data dir.

    SQLite: built once into benchmarks/out/sites/ (kept between runs: building is the slow
    part), then copied into benchmarks/out/run/ so every run starts with the same meter.
    PostgreSQL: the database masthead_bench, dropped and created when its recorded size differs
    (or with --rebuild).
    """
    if opts.database == "sqlite":
        base = SITES / f"sqlite-{articles}"
        if opts.rebuild and base.exists():
            shutil.rmtree(base)
        if not (base / "built.json").exists():
            # A smaller site's articles are the first ones of a larger one: start from the
            # largest smaller site there is and let the builder add the rest.
            smaller = sorted(
                (int(p.name.split("-")[1]), p)
                for p in SITES.glob("sqlite-*")
                if re.fullmatch(r"sqlite-\d+", p.name)
                and (p / "built.json").exists()
                and int(p.name.split("-")[1]) < articles
            )
            tmp = SITES / f"sqlite-{articles}.partial"
            if not tmp.exists():
                if smaller:
                    shutil.copytree(smaller[-1][1], tmp)
                    (tmp / "built.json").unlink()
                else:
                    tmp.mkdir(parents=True)
            build_site(opts, tmp, articles)
            (tmp / "built.json").write_text(json.dumps({"articles": articles}))
            tmp.rename(base)
        site = base
        if meter_rows:
            site = SITES / f"sqlite-{articles}-m{meter_rows}"
            if not (site / "built.json").exists():
                tmp = SITES / f"{site.name}.partial"
                copy_sqlite_site(base, tmp)
                log(f"inserting {meter_rows:,} meter rows (one INSERT ... SELECT) ...")
                info = djhelp(opts, tmp, "insert-views", str(meter_rows))
                log(f"inserted in {info['seconds']}s")
                (tmp / "built.json").write_text(
                    json.dumps({"articles": articles, "meter_rows": meter_rows})
                )
                tmp.rename(site)
        run_dir = OUT / "run" / "sqlite"
        log(f"copying {site.name} to a fresh run directory ...")
        copy_sqlite_site(site, run_dir)
        migrate(opts, run_dir)
        return run_dir

    # PostgreSQL
    data_dir = SITES / "postgres"
    marker = data_dir / "built.json"
    wanted = {"articles": articles, "meter_rows": meter_rows}
    recorded = json.loads(marker.read_text()) if marker.exists() else None
    if recorded == wanted and not opts.rebuild:
        migrate(opts, data_dir)
        return data_dir
    grow = (
        recorded is not None
        and not opts.rebuild
        and recorded["articles"] <= articles
        and recorded["meter_rows"] <= meter_rows
    )
    if not grow:
        log(f"dropping and creating the PostgreSQL database {PG_DB} ...")
        psql(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)", f"CREATE DATABASE {PG_DB}")
        if data_dir.exists():
            shutil.rmtree(data_dir)
        data_dir.mkdir(parents=True)
        recorded = {"articles": 0, "meter_rows": 0}
    marker.unlink(missing_ok=True)
    if recorded["articles"] < articles:
        build_site(opts, data_dir, articles)
    if recorded["meter_rows"] < meter_rows:
        extra = meter_rows - recorded["meter_rows"]
        log(f"inserting {extra:,} meter rows (COPY) ...")
        info = djhelp(opts, data_dir, "insert-views", str(extra))
        log(f"inserted in {info['seconds']}s")
    marker.write_text(json.dumps(wanted))
    migrate(opts, data_dir)
    return data_dir


def migrate(opts, data_dir: Path) -> None:
    """Apply migrations newer than the stored site (the code moves on; the site is kept)."""
    done = subprocess.run(
        [opts.tools["masthead"], "manage", "migrate", "--no-input", "-v", "0"],
        env=site_env(opts, data_dir),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"migrate failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")


# -- one Masthead server: the reader cases ---------------------------------------------------------


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # database 13 only


def counted_views(opts, data_dir: Path, store: str) -> int:
    if store == "redis":
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(match="mh:meter:*", count=10_000))
        pipe = client.pipeline(transaction=False)
        for key in keys:
            pipe.scard(key)
        return sum(pipe.execute()) if keys else 0
    return djhelp(opts, data_dir, "count-views")["meter_rows"]


def devices_for(seconds: float) -> int:
    return max(2_000, int(20_000 * seconds / WALK))


def start_masthead(opts, data_dir: Path, store: str) -> tuple[Server, str]:
    port = free_port()
    if store == "redis":
        flush_redis()
    env = site_env(opts, data_dir, store, port)
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
    server = Server(f"masthead-{store}", command, env, OUT / f"serve-{store}.log")
    base = f"http://{HOST}:{port}"
    try:
        wait_http(f"{base}/robots.txt", proc=server.proc)
    except Exception:
        server.stop()
        raise
    return server, base


def masthead_cases(opts, data_dir: Path, store: str, site: dict, cases) -> dict:
    article = site["article"]["path"]
    others = [a["path"] for a in site["articles"] if a["path"] != article]
    server, base = start_masthead(opts, data_dir, store)
    sampler = MemorySampler(server.pgid)
    results: dict[str, dict] = {}
    try:
        # Warm both workers' caches and check what each case is served before measuring.
        status, headers, body = fetch(base + article)
        if status != 200 or page_state(body) != "metered" or not device_cookie(headers):
            raise RuntimeError(f"anonymous first view: {status} {page_state(body)}")

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
        result["server_peak_rss_mb"] = peak
    return results


# -- the references: nginx and raw WSGI ------------------------------------------------------------


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
    server = Server(
        "nginx",
        [opts.tools["nginx"], "-p", str(prefix), "-c", str(conf)],
        dict(os.environ),
        prefix / "logs" / "stdout.log",
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


def raw_wsgi_case(opts, html: Path) -> dict:
    port = free_port()
    command = [
        opts.tools["granian"],
        "--interface",
        "wsgi",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(opts.workers),
        "--blocking-threads",
        "1",
        "--no-ws",
        "--log-level",
        "warning",
        "--working-dir",
        str(HERE),
        "raw_wsgi:application",
    ]
    env = dict(os.environ, BENCH_HTML=str(html))
    server = Server("raw-wsgi", command, env, OUT / "raw-wsgi.log")
    sampler = MemorySampler(server.pgid)
    try:
        wait_http(f"http://{HOST}:{port}/", proc=server.proc)
        status, _, body = fetch(f"http://{HOST}:{port}/")
        assert status == 200 and body == html.read_bytes()
        result = measure(opts, "raw WSGI (granian)", f"http://{HOST}:{port}/", sampler)
    finally:
        sampler.stop()
        server.stop()
    result["note"] = "the Python floor"
    return result


# -- report ---------------------------------------------------------------------------------------


def machine() -> dict:
    def out(*command):
        try:
            return subprocess.run(
                command, capture_output=True, text=True, timeout=10
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    cpu = ""
    with contextlib.suppress(OSError):
        match = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = match.group(1) if match else ""
    mem = out("free", "-h").splitlines()
    return {
        "loadavg_at_start": os.getloadavg(),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem[1].split()[1] if len(mem) > 1 else "",
        "uname": " ".join(platform.uname()),
        "python": platform.python_version(),
        "wrk": out("wrk", "-v").splitlines()[0] if out("wrk", "-v") else "",
        "nginx": subprocess.run(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-v"],
            capture_output=True,
            text=True,
            check=False,
        ).stderr.strip(),
    }


def fmt_rows(rows: list[dict], raw_rps: float | None, nginx_rps: float | None) -> str:
    width = max(26, *(len(row["label"]) for row in rows))
    header = (
        f"{'case':<{width}} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'x raw':>6} "
        f"{'x nginx':>7} {'peak RSS':>9}  notes"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        ratio_raw = f"{row['rps'] / raw_rps:.3f}" if raw_rps else "-"
        ratio_nginx = f"{row['rps'] / nginx_rps:.3f}" if nginx_rps else "-"
        rss = f"{row['peak_rss_mb']:.0f} MB" if row.get("peak_rss_mb") else "-"
        note = row.get("note", "")
        if row.get("errors"):
            note += f"; {row['errors']} errors"
        lines.append(
            f"{row['label']:<{width}} {row['rps']:>8.0f} {row['p50_ms']:>7.1f} "
            f"{row['p99_ms']:>7.1f} {ratio_raw:>6} {ratio_nginx:>7} {rss:>9}  {note}"
        )
    return "\n".join(lines)


def verdicts(rows: list[dict], raw_rps: float | None) -> list[str]:
    out = []
    for row in rows:
        if not row.get("masthead") or row["case"] == "anon-session":
            continue
        checks = []
        if raw_rps:
            ok = row["rps"] / raw_rps >= TARGETS["ratio_raw"]
            checks.append(
                f"throughput {'ok' if ok else 'FAIL'} ({row['rps'] / raw_rps:.1%} of raw)"
            )
        ok = row["p99_ms"] < TARGETS["p99_ms"]
        checks.append(f"p99 {'ok' if ok else 'FAIL'} ({row['p99_ms']:.1f} ms)")
        rss = row.get("server_peak_rss_mb", 0)
        ok = rss <= TARGETS["rss_mb"]
        checks.append(f"memory {'ok' if ok else 'FAIL'} ({rss:.0f} MB)")
        out.append(f"  {row['label']:<26} " + "; ".join(checks))
    return out


# -- modes ----------------------------------------------------------------------------------------


def run_standard(opts) -> dict:
    stores = ["db", "redis"] if opts.store == "both" else [opts.store]
    data_dir = prepare_site(opts, opts.scale)
    site, page = capture_page(opts, data_dir)
    html = OUT / "www" / "article"
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_bytes(page)
    log(
        f"article {site['article']['path']} ({site['article']['words']} words, "
        f"{len(page):,} bytes as a new anonymous reader sees it); "
        f"{site['total_articles']:,} articles"
    )
    rows: list[dict] = []
    nginx = nginx_case(opts, html)
    rows.append({**nginx, "label": "nginx static", "case": "nginx"})
    raw = raw_wsgi_case(opts, html)
    rows.append({**raw, "label": "raw WSGI (granian)", "case": "raw-wsgi"})
    for store in stores:
        results = masthead_cases(opts, data_dir, store, site, opts.cases)
        for case, result in results.items():
            rows.append(
                {**result, "label": f"masthead {store}: {case}", "case": case, "masthead": True}
            )
    return {
        "site": site,
        "page_bytes": len(page),
        "rows": rows,
        "raw_rps": raw["rps"],
        "nginx_rps": nginx["rps"],
    }


def run_flat(opts) -> dict:
    stores = ["db", "redis"] if opts.store == "both" else [opts.store]
    sizes = [(opts.scale, 0), (opts.flat_articles, opts.flat_meter_rows)]
    rows: list[dict] = []
    site = None
    for articles, meter_rows in sizes:
        data_dir = prepare_site(opts, articles, meter_rows)
        if site is None:
            site, _ = capture_page(opts, data_dir)
        for store in stores:
            results = masthead_cases(opts, data_dir, store, site, ("anon",))
            result = results["anon"]
            label = f"{store}: {articles:,} articles, {meter_rows:,} meter rows"
            rows.append(
                {
                    **result,
                    "label": label,
                    "case": "anon",
                    "store": store,
                    "articles": articles,
                    "meter_rows": meter_rows,
                }
            )
    flat = []
    for store in stores:
        small, large = [r for r in rows if r["store"] == store]
        flat.append(
            {
                "store": store,
                "p50_ratio": large["p50_ms"] / small["p50_ms"],
                "p99_ratio": large["p99_ms"] / small["p99_ms"],
                "rps_ratio": large["rps"] / small["rps"],
            }
        )
    return {"site": site, "rows": rows, "flat": flat}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=1000, help="articles in the site (1000)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up before each (2)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (32)")
    parser.add_argument("--threads", type=int, default=0, help="wrk threads (default: CPUs)")
    parser.add_argument("--workers", type=int, default=2, help="server processes (2)")
    parser.add_argument("--store", choices=["db", "redis", "both"], default="both")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--cases",
        default=",".join(MASTHEAD_CASES),
        help=f"Masthead cases, comma separated ({','.join(MASTHEAD_CASES)})",
    )
    parser.add_argument("--flat", action="store_true", help="scale mode: flat cost as it grows")
    parser.add_argument("--flat-articles", type=int, default=100_000)
    parser.add_argument("--flat-meter-rows", type=int, default=10_000_000)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the site(s) from scratch")
    opts = parser.parse_args(argv)
    opts.cases = tuple(c for c in opts.cases.split(",") if c)
    unknown = set(opts.cases) - set(MASTHEAD_CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    cpus = os.cpu_count() or 2
    opts.threads = opts.threads or max(1, min(opts.connections, cpus))
    opts.tools = find_tools()
    OUT.mkdir(parents=True, exist_ok=True)

    started = time.monotonic()
    when = datetime.now(UTC).astimezone()
    report = {
        "date": when.isoformat(timespec="seconds"),
        "mode": "flat" if opts.flat else "standard",
        "options": {k: v for k, v in vars(opts).items() if k != "tools"},
        "machine": machine(),
        "targets": TARGETS,
    }
    load = report["machine"]["loadavg_at_start"][0]
    if load > 0.5:
        log(
            f"warning: load average {load:.1f} before starting: other work on this machine "
            "shares the CPUs with the benchmark (see the README on noise)"
        )
    if opts.flat:
        report |= run_flat(opts)
    else:
        report |= run_standard(opts)
    report["seconds"] = round(time.monotonic() - started, 1)

    m = report["machine"]
    print()
    print(
        f"Masthead article page, {when:%Y-%m-%d %H:%M %Z}; {m['nproc']} CPUs ({m['cpu']}), "
        f"{m['memory']} RAM; wrk {opts.connections} connections, {opts.duration:g}s "
        f"(+{opts.warmup:g}s warm-up), {opts.threads} threads; {opts.workers} server processes; "
        f"database {opts.database}"
    )
    if opts.flat:
        print(
            f"Flat cost: anonymous metered reader, new device per request "
            f"(article {report['site']['article']['path']})\n"
        )
        print(fmt_rows(report["rows"], None, None))
        print()
        for f in report["flat"]:
            ok = f["p50_ratio"] <= TARGETS["flat"] and f["p99_ratio"] <= TARGETS["flat"]
            print(
                f"  {f['store']}: large/small p50 x{f['p50_ratio']:.2f}, "
                f"p99 x{f['p99_ratio']:.2f}, req/s x{f['rps_ratio']:.2f}  "
                f"-> {'ok' if ok else 'FAIL'} "
                f"(target: latency within {TARGETS['flat'] - 1:.0%})"
            )
    else:
        site = report["site"]
        print(
            f"{site['total_articles']:,} articles; article of {site['article']['words']} words, "
            f"{report['page_bytes']:,} bytes\n"
        )
        print(fmt_rows(report["rows"], report["raw_rps"], report["nginx_rps"]))
        print(
            f"\nTargets: >= {TARGETS['ratio_raw']:.0%} of raw WSGI req/s, p99 < "
            f"{TARGETS['p99_ms']:g} ms, <= {TARGETS['rss_mb']:g} MB per server process "
            "(peak RSS column: the largest granian process during that case)"
        )
        print("\n".join(verdicts(report["rows"], report["raw_rps"])))
    report["loadavg_at_end"] = os.getloadavg()
    print(
        f"\nLoad average (1 min) before the run {load:.2f}, after it "
        f"{report['loadavg_at_end'][0]:.2f} (the benchmark itself loads the CPUs fully)."
    )
    print(f"\nTook {report['seconds']:.0f}s. Results: {(OUT / 'last.json').relative_to(ROOT)}")
    text = json.dumps(report, indent=2, default=str)
    (OUT / "last.json").write_text(text)
    (OUT / f"last-{report['mode']}.json").write_text(text)  # the other mode's stays
    return 0


if __name__ == "__main__":
    sys.exit(main())
