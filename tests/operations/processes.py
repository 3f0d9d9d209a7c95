"""Helpers for tests that start `masthead` as a subprocess: a clean production environment and
process checks through /proc (no psutil)."""

import os
import sys
from pathlib import Path

MASTHEAD = str(Path(sys.executable).with_name("masthead"))


def production_env(data_dir, **extra) -> dict:
    """The environment of an operator's shell: none of the test run's settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MASTHEAD_", "PYTEST_", "STRIPE_", "DATABASE_URL", "REDIS_URL"))
        and k != "DJANGO_SETTINGS_MODULE"
    }
    env.update({"MASTHEAD_DATA_DIR": str(data_dir), **extra})
    return env


def _stat(pid: int) -> tuple[str, int] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = text.rsplit(")", 1)[1].split()
    return fields[0], int(fields[1])  # state, parent pid


def alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped has stopped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")


def descendants(root: int) -> set[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None:
                parents.setdefault(stat[1], []).append(int(entry.name))
    found, todo = set(), [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""
