"""``masthead serve``'s process supervisor: start the web server (``granian_command``, also what
the tests' live servers and the benchmarks start) and the task workers (``worker_command``), pass
TERM or INT on to every one of them, and make sure all are gone within ``stop_seconds``.

Each child runs in a process group of its own, so a Ctrl-C in the terminal reaches only this
process, which passes it on once (a second INT would make a task worker abandon its task).
When any child exits on its own the others are stopped too and the exit status says so: a
half-running site is worse than a stopped one. If this process is killed outright (SIGKILL,
the OOM killer), each child gets a TERM from the kernel (Linux's ``PR_SET_PDEATHSIG``) and
stops as it would on ``masthead serve``'s own TERM. Standard library only.

``masthead serve`` loads Django to prepare a start (static files, the migration check, the
site record), then ``become_supervisor`` replaces that interpreter with a new one that runs
this module alone (``python -m masthead.supervisor``): the same process, PID and terminal,
holding about 13 MB instead of the 136 MB Django and Wagtail kept resident.
"""

import contextlib
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from typing import NoReturn

POLL = 0.2
# glibc gives each thread that allocates an arena of its own, and a server process has several
# (the event loop's, the thread bridge's, the event buffer's, granian's); freed page-sized
# buffers left in each kept an article server at 209-219 MB where two arenas keep it at 150 MB,
# at the same throughput (README, Operations). An operator's own value is kept.
MALLOC_ARENA_MAX = "2"
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
STOP_SECONDS = 10  # TERM or INT stops every process `masthead serve` started within this


def granian_command(
    host: str,
    port: int,
    workers: int,
    app: str = "masthead.asgi:application",
    interface: str = "asgi",
) -> list[str]:
    """The production server's command line (``masthead serve``, the tests' live servers and
    the benchmarks all start this one).

    granian's ASGI interface with ``masthead.asgi``: the event loop reads each request body
    with a deadline before Django runs, so clients that never send their body cost no thread
    (issue 11; the measurement is in the README, Operations). ``--workers-kill-timeout``
    bounds a graceful stop. ``interface="wsgi"`` (with ``masthead.wsgi:application``) is the
    same command line with granian's WSGI interface, for the benchmark's comparison only.
    """
    beside = os.path.join(os.path.dirname(sys.executable), "granian")
    granian = beside if os.path.exists(beside) else (shutil.which("granian") or "granian")
    return [
        granian,
        "--interface",
        interface,
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--workers-kill-timeout",
        str(STOP_SECONDS - 4),  # room for the supervisor to finish within STOP_SECONDS
        "--no-ws",
        "--log-level",
        "warning",
        app,
    ]


def worker_command() -> list[str]:
    return [sys.executable, "-m", "masthead.cli", "worker"]


def _dies_with(parent: int):
    """A ``preexec_fn``: TERM this child when ``parent`` dies, and exit now if it already has."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def preexec() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died between fork and prctl
            os._exit(1)

    return preexec


def child_env(env: dict) -> dict:
    """The environment of the processes ``masthead serve`` starts: ``env`` with glibc's
    ``MALLOC_ARENA_MAX`` at ``MALLOC_ARENA_MAX`` unless it is set."""
    return {"MALLOC_ARENA_MAX": MALLOC_ARENA_MAX, **env}


def supervise(commands: list[list[str]], env: dict, stop_seconds: float = STOP_SECONDS) -> int:
    children: list[subprocess.Popen] = []
    stopping: list[int] = []

    def on_signal(signum, frame):
        if not stopping:
            stopping.append(signum)
            for child in children:
                _send(child, signum)

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        preexec = _dies_with(os.getpid())
        for command in commands:
            children.append(
                subprocess.Popen(command, env=env, process_group=0, preexec_fn=preexec)  # noqa: S603
            )
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(POLL)
        if not stopping:  # a child died: stop the rest
            stopping.append(signal.SIGTERM)
            for child in children:
                _send(child, signal.SIGTERM)
        _wait_all(children, stop_seconds - 2)  # then SIGKILL: all gone within stop_seconds
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    crashed = [c for c in children if c.returncode not in (0, -signal.SIGTERM, -signal.SIGINT)]
    return 0 if stopping[0] in (signal.SIGTERM, signal.SIGINT) and not crashed else 1


def _send(child: subprocess.Popen, signum: int) -> None:
    if child.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signum)  # the child and anything it started in its group


def _wait_all(children: list[subprocess.Popen], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    for child in children:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=max(deadline - time.monotonic(), 0.01))
    for child in children:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def become_supervisor(commands: list[list[str]], env: dict) -> NoReturn:
    """Replace this process by ``python -m masthead.supervisor`` supervising ``commands``:
    same PID (what a service manager or a terminal waits on), ``env`` as its environment
    (its children get ``child_env`` of it). The caller closes its own connections first;
    what is buffered on stdout and stderr is written before the exec."""
    sys.stdout.flush()
    sys.stderr.flush()
    argv = [sys.executable, "-m", "masthead.supervisor", json.dumps(commands)]
    os.execve(sys.executable, argv, env)  # noqa: S606


def main(argv: list[str]) -> int:
    commands = json.loads(argv[0])
    return supervise(commands, child_env(dict(os.environ)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
