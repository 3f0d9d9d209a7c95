"""A consistent copy of the database, and putting one back.

* SQLite: the online backup API (``sqlite3.Connection.backup``) in one step, which reads a
  single snapshot while other processes keep writing (WAL mode); the counts are taken from the
  copy itself.
* PostgreSQL: a ``REPEATABLE READ`` transaction exports its snapshot; ``pg_dump -Fc
  --snapshot`` dumps exactly that snapshot while the same transaction counts the rows, so the
  manifest describes the dump. ``pg_restore --clean --if-exists --single-transaction`` puts it
  back. The client programs are PostgreSQL's own (``/usr/bin``).
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection, connections, transaction

from .counting import count_rows, has_content


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def vendor() -> str:
    return connection.vendor  # "sqlite" or "postgresql"


def _pg_env() -> dict[str, str]:
    s = connection.settings_dict
    env = dict(os.environ)
    env.update(
        PGHOST=str(s.get("HOST") or "127.0.0.1"),
        PGPORT=str(s.get("PORT") or 5432),
        PGUSER=str(s.get("USER") or "postgres"),
        PGDATABASE=str(s["NAME"]),
    )
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    return env


def _program(name: str) -> str:
    found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else "")
    if not found:
        raise BackupError(f"{name} is not installed (PostgreSQL's client programs are needed)")
    return found


def _run(command: list[str]) -> None:
    result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()[-800:]}")


def dump(target: Path) -> dict[str, int]:
    """Write a consistent copy of the database to ``target``; the counts of that copy."""
    if vendor() == "sqlite":
        source = sqlite3.connect(connection.settings_dict["NAME"], timeout=30)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # one step: a single snapshot, never restarted by writers
            return count_rows(copy.cursor())
        finally:
            copy.close()
            source.close()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run([_program("pg_dump"), "-Fc", "--no-owner", f"--snapshot={snapshot}", "-f", target])
        return count_rows(cursor)


def tables() -> set[str]:
    return set(connection.introspection.table_names())


def target_has_content() -> bool:
    with connection.cursor() as cursor:
        return has_content(cursor, tables())


def load(source: Path) -> None:
    """Replace the configured database with the copy at ``source``."""
    if vendor() == "sqlite":
        connections.close_all()
        copy = sqlite3.connect(source)
        target = sqlite3.connect(connection.settings_dict["NAME"], timeout=30)
        try:
            copy.backup(target)
        finally:
            target.close()
            copy.close()
        return
    connections.close_all()
    _run(
        [
            _program("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "-d",
            _pg_env()["PGDATABASE"],
            str(source),
        ]
    )


def recount() -> dict[str, int]:
    with connection.cursor() as cursor:
        return count_rows(cursor)
