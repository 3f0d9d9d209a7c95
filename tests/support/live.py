"""Start the real production server (granian, several worker processes) on the test database.

Used by tests that must cross process boundaries (parallel meter requests). The server runs
the test settings (``tests/settings.py``) with the test process's environment, so it shares
this worker's data dir (secret key), test database and Redis database.
"""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from masthead.supervisor import granian_command

from .processes import ProcessGroup, free_port, wait_http

ROOT = Path(__file__).resolve().parents[2]  # where the ``tests`` package can be imported from


def test_database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    user = s.get("USER") or "postgres"
    auth = f"{user}:{s['PASSWORD']}@" if s.get("PASSWORD") else f"{user}@"
    return f"postgres://{auth}{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


@contextmanager
def live_server(workers: int = 2, extra_env: dict | None = None):
    """The production server on the test database."""
    env = {"DATABASE_URL": test_database_url(), **(extra_env or {})}
    with running_server(env, workers=workers) as base:
        yield base


@contextmanager
def running_server(
    extra_env: dict, workers: int = 2, ready_path: str = "/healthz", port: int | None = None
):
    """The production server's command line with ``extra_env``; yields its base URL once
    ``ready_path`` answers 200. Its log goes to a file, never a pipe that could fill up."""
    port = port or free_port()
    pythonpath = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    env = dict(
        os.environ, DJANGO_SETTINGS_MODULE="tests.settings", PYTHONPATH=pythonpath, **extra_env
    )
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "server.log"
        with ProcessGroup(granian_command("127.0.0.1", port, workers), env=env, log_path=log) as p:
            base = f"http://127.0.0.1:{port}"
            wait_http(base + ready_path, timeout=60, proc=p.proc, log_path=log)
            yield base


def signed_in_cookie(user) -> str:
    """A ``Cookie`` header value that signs ``user`` in on a live server: a session written to
    the database, which every session engine here reads (cached_db falls back to it)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
