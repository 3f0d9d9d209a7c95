"""`masthead serve` passes TERM and INT to every process it started (the web server and its
workers, the task workers), and all of them stop within 10 s (issue 11, item 7)."""

import contextlib
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.live import free_port
from tests.support.live import test_database_url as database_url

from .processes import MASTHEAD, alive, command_line, descendants, production_env

pytestmark = pytest.mark.django_db(transaction=True)


def _wait_for_tree(proc, base: str, task_workers: int, log=None) -> set[int]:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = log.read_text(errors="replace")[-2000:] if log else ""
            raise AssertionError(f"masthead serve exited early ({proc.returncode}): {said}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                ready = r.status == 200
        except OSError:
            ready = False
        tree = descendants(proc.pid)
        workers = [p for p in tree if "masthead.cli worker" in command_line(p)]
        if ready and len(workers) == task_workers:
            return tree
        time.sleep(0.3)
    raise AssertionError("server and task workers did not come up")


def _serve(tmp_path, workers: int, task_workers: int, env: dict | None = None):
    """``masthead serve`` started as an operator would (in ``env``, by default an operator's
    shell), with the process tree it brought up."""
    port = free_port()
    command = [MASTHEAD, "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(
        [*command, "--task-workers", str(task_workers)],
        env=env or production_env(tmp_path, DATABASE_URL=database_url()),
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "serve.log").open("w"),
    )
    try:
        tree = _wait_for_tree(
            proc, f"http://127.0.0.1:{port}", task_workers, log=tmp_path / "serve.log"
        )
    except BaseException:
        proc.kill()
        raise
    return proc, tree


def _left_after(tree: set[int], started: float, seconds: float = 10) -> list[str]:
    """Command lines of the processes of ``tree`` still running ``seconds`` after ``started``."""
    while any(alive(p) for p in tree) and time.monotonic() - started < seconds:
        time.sleep(0.1)
    return [command_line(p) for p in tree if alive(p)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_every_process_it_started_within_10_seconds(tmp_path, signum):
    proc, tree = _serve(tmp_path, workers=2, task_workers=2)
    try:
        assert len(tree) >= 5  # granian, its 2 workers, 2 task workers
        started = time.monotonic()
        proc.send_signal(signum)
        assert proc.wait(timeout=10) == 0
        left = _left_after(tree, started)
        assert not left, left
    finally:
        if proc.poll() is None:
            proc.kill()


def test_everything_serve_started_stops_when_serve_itself_is_killed(tmp_path):
    """SIGKILL cannot be passed on: each child asks the kernel for a TERM when its parent dies
    (PR_SET_PDEATHSIG), so no web server or task worker is left running on its own."""
    proc, tree = _serve(tmp_path, workers=1, task_workers=1)
    try:
        started = time.monotonic()
        proc.kill()
        proc.wait(timeout=5)
        left = _left_after(tree, started)
        assert not left, left
    finally:
        for pid in tree:  # orphans, if the test failed
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").split("=", 1) for item in raw if b"=" in item)


@pytest.mark.parametrize("given", [None, "4"])
def test_serve_starts_its_processes_with_two_malloc_arenas_unless_told(tmp_path, given):
    """glibc's per-thread arenas held ~60 MB more per server process (README, Operations)."""
    env = production_env(tmp_path, DATABASE_URL=database_url())
    env.pop("MALLOC_ARENA_MAX", None)
    if given:
        env["MALLOC_ARENA_MAX"] = given
    proc, tree = _serve(tmp_path, workers=1, task_workers=1, env=env)
    try:
        values = {_environ(pid).get("MALLOC_ARENA_MAX") for pid in tree if alive(pid)}
        assert values == {given or "2"}, values
        assert _environ(proc.pid).get("MALLOC_ARENA_MAX") == given  # serve's own is as given
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=15)
        if proc.poll() is None:
            proc.kill()


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


def test_serve_keeps_no_django_in_memory_once_it_supervises(tmp_path):
    """``masthead serve`` prepares the start with Django, then becomes the standard-library
    supervisor in the same process (same PID): 136 MB resident before, about 13 MB now."""
    proc, tree = _serve(tmp_path, workers=1, task_workers=0)
    try:
        assert "-m masthead.supervisor" in command_line(proc.pid)
        assert _rss_mb(proc.pid) < 40, _rss_mb(proc.pid)
        assert any("granian" in command_line(p) for p in tree)
    finally:
        proc.terminate()
        assert proc.wait(timeout=15) == 0
