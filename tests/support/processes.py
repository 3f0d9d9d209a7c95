"""Servers started for a while and stopped for sure: one helper for the tests and benchmarks.

The tests' live servers (``tests/support/live.py``), the browser journeys' demo site
(``tests/browser/conftest.py``) and ``make bench`` all start real servers — ``masthead serve``,
granian, nginx — and must stop every process they started, workers included, even when a
test fails half-way. Standard library only, so the benchmarks can use it without Django::

    with ProcessGroup(["masthead", "serve", "--port", str(port)], env=env, log_path=log) as p:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc=p.proc, log_path=log)
        ...                                  # p.pids() lists the group's processes
    # left: SIGTERM to the whole group, SIGKILL after ``grace`` seconds, then reaped

A group is the session made for the command (``start_new_session``); SIGTERM goes to it (and
``masthead serve`` passes it on to the server and task workers it started in groups of their
own), and whatever of the family is still alive after the grace period gets SIGKILL.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _processes() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, process group) of every live (non-zombie) process, from /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z":
            table[int(entry)] = (int(fields[1]), int(fields[2]))
    return table


def group_pids(pgid: int) -> list[int]:
    """The processes of process group ``pgid`` and all their descendants: ``masthead serve``
    starts its server and task workers in process groups of their own."""
    table = _processes()
    found = {pid for pid, (_, group) in table.items() if group == pgid}
    grew = True
    while grew:
        children = {pid for pid, (parent, _) in table.items() if parent in found} - found
        found |= children
        grew = bool(children)
    return sorted(found)


class ProcessGroup:
    """``command`` in a session of its own, its output in ``log_path`` (never a pipe that
    could fill up); ``stop()`` ends the whole group."""

    def __init__(
        self,
        command: list[str],
        *,
        env: dict | None = None,
        log_path: Path | None = None,
        cwd: Path | str | None = None,
        grace: float = 15.0,
    ):
        self.grace = grace
        self.log_path = log_path
        self._log = open(log_path, "w") if log_path else None  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.pgid = self.proc.pid

    def pids(self) -> list[int]:
        return group_pids(self.pgid)

    def log_tail(self, chars: int = 4000) -> str:
        if not self.log_path:
            return ""
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self) -> None:
        """SIGTERM to the group; SIGKILL to whatever is left after ``grace`` seconds."""
        for sig, wait in ((signal.SIGTERM, self.grace), (signal.SIGKILL, 5.0)):
            stragglers = self.pids() if sig == signal.SIGKILL else []
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pgid, sig)
            for pid in stragglers:  # descendants in groups of their own
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, sig)
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                self.proc.poll()  # reap the leader, so that a zombie does not keep the group
                if not self.pids():
                    break
                time.sleep(0.1)
            else:
                continue
            break
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        if self._log:
            self._log.close()

    def __enter__(self) -> ProcessGroup:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_http(
    url: str,
    *,
    timeout: float = 90.0,
    proc: subprocess.Popen | None = None,
    log_path: Path | None = None,
) -> None:
    """Until ``url`` answers 200; an error with the log's tail if ``proc`` exits first or
    the time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                response.read()
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
            exited = proc is not None and proc.poll() is not None
            if exited or time.monotonic() > deadline:
                tail = ""
                if log_path:
                    with contextlib.suppress(OSError):
                        tail = Path(log_path).read_text(errors="replace")[-3000:]
                why = f"exited with {proc.returncode}" if exited else f"after {timeout:.0f}s"
                raise RuntimeError(f"no answer from {url} ({why}):\n{tail}") from exc
        time.sleep(0.25)
