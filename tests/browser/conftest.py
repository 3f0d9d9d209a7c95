"""Browser journeys: Playwright for Python driving Debian's Chromium against a live Masthead.

One session-scoped server per test run: ``masthead demo --no-serve`` builds the demo into a
throwaway data dir, then ``masthead serve --workers 2`` serves it in production mode, exactly as
operators run it. Each reader gets a fresh browser context (the meter is per device).

* Chromium: ``/usr/bin/chromium`` (``apt-get install chromium``); never ``playwright install``.
  Without it every browser test is skipped with that instruction.
* Database: SQLite in the data dir, or, when ``DATABASE_URL`` is set (the CI's PostgreSQL pass),
  a dedicated database ``<name>_browser`` on the same server, dropped and created fresh here.
  With ``REDIS_URL`` the server uses Redis database 14, reserved for these journeys (flushed
  at the start, so that user ids reused by the fresh database never meet old meter counts).
* Screenshots: ``tests/browser/screenshots/<test>/NN-step.png`` (git-ignored), folder printed in
  the terminal summary.
* Accessibility: axe-core from the npm registry (``fetch_axe.sh``, into the git-ignored
  ``vendor/``), run inside the page.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.processes import ProcessGroup, free_port, wait_http

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE / "screenshots"
AXE_JS = HERE / "vendor" / "axe.min.js"
FETCH_AXE = HERE / "fetch_axe.sh"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BROWSER_REDIS_DB = 14
DEMO_PASSWORD = "masthead-demo"
NO_CHROMIUM = (
    f"Debian's Chromium is not installed at {CHROMIUM}: the browser journeys need it. "
    "Install it with `apt-get install chromium` (do not use `playwright install`)."
)
_session_started = time.time()


# ---------------------------------------------------------------------------------------------
# Reporting: where the screenshots are
# ---------------------------------------------------------------------------------------------


def _screenshots_this_run() -> list[Path]:
    if not SCREENSHOTS.is_dir():
        return []
    return [p for p in SCREENSHOTS.rglob("*.png") if p.stat().st_mtime >= _session_started - 1]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller reports
    shots = _screenshots_this_run()
    if shots:
        folders = len({p.parent for p in shots})
        terminalreporter.write_sep("-", "browser journeys")
        terminalreporter.write_line(
            f"browser screenshots: {SCREENSHOTS} ({len(shots)} files in {folders} folders)"
        )


def _controller_loaded_this_conftest(config) -> bool:
    """Under xdist only the workers collect. The controller imports this conftest (and so
    runs the summary hook above) only when its command line names tests/browser or a path
    inside it; otherwise the workers fall back to a warning, which xdist relays."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        return True
    argv = workerinput.get("mainargv") or []
    for arg in argv[1:]:
        if arg.startswith("-"):
            continue
        path = Path(arg.split("::", 1)[0]).resolve()
        if path == HERE or HERE in path.parents:
            return True
    return False


class BrowserScreenshots(UserWarning):
    """Carries the screenshot folder into the terminal summary of an xdist run."""


def pytest_runtest_makereport(item, call):
    # Attach the tail of the live server's log to failing browser tests.
    if (
        call.when == "call"
        and call.excinfo is not None
        and _LIVE is not None
        and HERE in Path(str(item.path)).parents
    ):
        item.add_report_section("call", "masthead server log (tail)", _LIVE.log_tail())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Keep the browser journeys on one xdist worker (one live server) under ``--dist
    loadgroup``.

    pytest-xdist 3.8 groups tests by appending ``@<group>`` to ``item._nodeid``; pytest 9.2
    keeps the node id in ``item._id`` (a ``NodeId``), so that write is lost and the group is
    silently ignored (every worker would build its own demo). Where that happened, the suffix
    is added here, for this folder's tests only; with versions where xdist's own works, the
    suffix is already there and nothing changes."""
    if not getattr(config.option, "loadgroup", False) or not hasattr(config, "workerinput"):
        return
    try:
        from _pytest.nodeid import NodeId
    except ImportError:  # pytest before 9.2: xdist's own suffix works
        return
    for item in items:
        if HERE not in Path(str(item.path)).parents:
            continue
        mark = item.get_closest_marker("xdist_group")
        if mark is None:
            continue
        group = str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
        if item.nodeid.endswith(f"@{group}") or not isinstance(getattr(item, "_id", None), NodeId):
            continue
        item._id = NodeId.parse(f"{item.nodeid}@{group}")


# ---------------------------------------------------------------------------------------------
# The live demo site
# ---------------------------------------------------------------------------------------------


def _browser_database_url(url: str) -> str:
    """The same PostgreSQL server as DATABASE_URL, database ``<name>_browser``, made fresh."""
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") or "masthead"
    browser_name = f"{name}_browser"
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(browser_name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(browser_name)))
    return urllib.parse.urlunsplit(parts._replace(path=f"/{browser_name}"))


def _drop_browser_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(parts.path.lstrip("/"))
                )
            )
    except Exception as exc:  # cleanup only: never fail the run here
        print(f"could not drop the browser database: {exc}", file=sys.stderr)


def _browser_redis_url(url: str) -> str:
    import redis

    browser_url = urllib.parse.urlunsplit(
        urllib.parse.urlsplit(url)._replace(path=f"/{BROWSER_REDIS_DB}")
    )
    client = redis.Redis.from_url(browser_url)
    try:
        client.flushdb()  # database 14 belongs to the browser journeys alone
    finally:
        client.close()
    return browser_url


@dataclass
class LiveSite:
    url: str
    data_dir: Path
    log_path: Path
    database: str
    articles: list[dict] = field(default_factory=list)

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def path_of(self, absolute: str) -> str:
        return urllib.parse.urlsplit(absolute).path

    def get_json(self, path: str):
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return json.load(r)

    def get_html(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return r.read().decode()

    def email_code(self, email: str, timeout: float = 10) -> str:
        """The verification code of the newest e-mail to ``email`` (console e-mail backend:
        the server's stdout is this site's log)."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.log_path.read_text(errors="replace")
            messages = text.split(f"To: {email}")
            if len(messages) > 1:
                body = messages[-1].split("-" * 20, 1)[0]
                match = re.search(r"^\s*([A-Z0-9]{3,8}(?:-[A-Z0-9]{3,8})*)\s*$", body, re.M)
                if match:
                    return match.group(1)
            if time.monotonic() > deadline:
                raise AssertionError(f"no verification code e-mailed to {email}:\n{text[-2000:]}")
            time.sleep(0.1)

    # The demo's catalogue, from the JSON API (listing never touches the meter).
    def metered(self) -> list[str]:
        return [
            self.path_of(a["url"])
            for a in self.articles
            if a["access"] == "metered" and not a["sponsored"]
        ]

    def subscribers_only(self) -> list[str]:
        return [self.path_of(a["url"]) for a in self.articles if a["access"] == "subscribers"]

    def sponsored(self) -> list[str]:
        return [self.path_of(a["url"]) for a in self.articles if a["sponsored"]]

    def free(self) -> list[str]:
        return [
            self.path_of(a["url"])
            for a in self.articles
            if a["access"] == "free" and not a["sponsored"]
        ]

    def sections(self) -> list[str]:
        seen: dict[str, None] = {}
        for a in self.articles:
            if a.get("section"):
                seen.setdefault(f"/{a['section']['slug']}/")
        return list(seen)


_LIVE: LiveSite | None = None


def _server_env(data_dir: Path, site_url: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        # pytest's own variables would put the server in test mode (and move its Redis db).
        if not k.startswith(("PYTEST_", "MASTHEAD_")) and k not in {"DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        MASTHEAD_DATA_DIR=str(data_dir),
        MASTHEAD_DEBUG="0",
        MASTHEAD_SITE_URL=site_url,
        MASTHEAD_EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        PYTHONUNBUFFERED="1",
    )
    return env


def _masthead() -> str:
    exe = Path(sys.executable).with_name("masthead")
    return str(exe) if exe.exists() else (shutil.which("masthead") or "masthead")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(NO_CHROMIUM)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("Playwright for Python is missing: pip install -e '.[test]'")
    return CHROMIUM


# The server and the browser are package-scoped, not session-scoped: they stop as soon as the
# last browser test is done. That frees the CPU for the rest of the suite and, above all, ends
# Playwright's sync API, whose event loop counts as "running" in this thread: Django refuses
# database work while it lives (SynchronousOnlyOperation in every later test of this worker).
@pytest.fixture(scope="package")
def live(chromium_path, tmp_path_factory, request) -> LiveSite:
    """The demo publication, built fresh and served by ``masthead serve`` on a free port."""
    global _LIVE
    data_dir = tmp_path_factory.mktemp("masthead-browser")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = _server_env(data_dir, url)
    database = "sqlite"
    browser_db_url = ""
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if os.environ.get("DATABASE_URL"):
        browser_db_url = _browser_database_url(os.environ["DATABASE_URL"])
        env["DATABASE_URL"] = browser_db_url
        database = "postgresql (" + urllib.parse.urlsplit(browser_db_url).path.lstrip("/") + ")"
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = _browser_redis_url(os.environ["REDIS_URL"])
        database += f" + redis db {BROWSER_REDIS_DB}"

    started = time.monotonic()
    build = subprocess.run(
        [_masthead(), "demo", "--no-serve"],
        env=env,
        cwd=data_dir,
        capture_output=True,
        text=True,
        # On a machine shared with other work the build has needed most of the 300 s this
        # was, and a timeout here fails every browser journey at once.
        timeout=900,
    )
    if build.returncode != 0:
        raise RuntimeError(
            f"masthead demo --no-serve failed ({build.returncode}):\n"
            + (build.stdout + build.stderr)[-4000:]
        )
    built = time.monotonic()

    log_path = data_dir / "server.log"
    server = ProcessGroup(
        [_masthead(), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=data_dir,
        log_path=log_path,
        grace=5,
    )
    site = LiveSite(url=url, data_dir=data_dir, log_path=log_path, database=database)
    try:
        wait_http(url + "/healthz", timeout=90, proc=server.proc, log_path=log_path)
        served = time.monotonic()
        next_page: str | None = "/api/v1/articles/"
        while next_page:
            page = site.get_json(next_page)
            site.articles.extend(page["results"])
            next_page = (
                urllib.parse.urlsplit(page["next"]).path
                + "?"
                + (urllib.parse.urlsplit(page["next"]).query)
                if page.get("next")
                else None
            )
        print(
            f"\nlive demo on {url} [{database}]: built in {built - started:.1f}s, "
            f"serving after {served - built:.1f}s, {len(site.articles)} articles",
            file=sys.stderr,
        )
        _LIVE = site
        yield site
    finally:
        _LIVE = None
        server.stop()
        if browser_db_url:
            _drop_browser_database(browser_db_url)
        if not _controller_loaded_this_conftest(request.config) and _screenshots_this_run():
            warnings.warn(BrowserScreenshots(f"browser screenshots: {SCREENSHOTS}"), stacklevel=1)


# ---------------------------------------------------------------------------------------------
# Browser, contexts, screenshots
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser, live):
    """A factory of fresh browser contexts (a new device each: its own meter cookie)."""
    contexts = []

    def make(**options):
        options.setdefault("base_url", live.url)
        options.setdefault("viewport", {"width": 1280, "height": 900})
        ctx = browser.new_context(**options)
        ctx.set_default_timeout(15_000)
        ctx.set_default_navigation_timeout(30_000)
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def reader_page(new_context):
    """A page in a fresh context: a reader nobody has seen before."""
    return new_context().new_page()


class Shots:
    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, page, name: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def shot(request) -> Shots:
    """``shot(page, "step name")`` saves tests/browser/screenshots/<test>/NN-step-name.png."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    return Shots(SCREENSHOTS / name)


# ---------------------------------------------------------------------------------------------
# Accessibility: axe-core
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.exists():
        if shutil.which("npm") is None:
            pytest.skip(
                "axe-core is not vendored and npm is missing: install npm (apt-get install npm) "
                "and run tests/browser/fetch_axe.sh"
            )
        try:
            result = subprocess.run(
                ["bash", str(FETCH_AXE)], capture_output=True, text=True, timeout=180
            )
        except subprocess.TimeoutExpired:
            pytest.skip(
                "fetching axe-core from the npm registry timed out (tests/browser/fetch_axe.sh)"
            )
        if result.returncode != 0 or not AXE_JS.exists():
            pytest.skip(
                "could not fetch axe-core from the npm registry with tests/browser/fetch_axe.sh: "
                + (result.stderr or result.stdout).strip()[-500:]
            )
    return AXE_JS.read_text()
