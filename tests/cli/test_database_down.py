"""With the database unreachable: `masthead serve` says so in one line, the API answers its JSON
error (503) and pages a plain 503, never a traceback or an HTML 500 (issue 11, item 4)."""

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from tests.operations.processes import production_env
from tests.support.live import free_port, running_server

MASTHEAD = str(Path(sys.executable).with_name("masthead"))


def _dead_database_url() -> str:
    return f"postgres://postgres@127.0.0.1:{free_port()}/masthead_nowhere"


def _get(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def test_serve_with_an_unreachable_database_prints_one_line_and_exits(tmp_path):
    env = production_env(tmp_path, DATABASE_URL=_dead_database_url())
    proc = subprocess.run(
        [MASTHEAD, "serve", "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert "DATABASE_URL" in lines[0] and "database" in lines[0].lower()


def test_api_and_pages_answer_503_when_the_database_is_down():
    with running_server({"DATABASE_URL": _dead_database_url()}, ready_path="/robots.txt") as base:
        for path in ("/api/v1/articles/", "/api/v1/articles/1/", "/api/v1/me/"):
            status, headers, body = _get(base + path, Authorization="Bearer abc")
            assert status == 503, (path, status, body[:300])
            assert headers["Content-Type"] == "application/json"
            assert json.loads(body)["error"]["code"] == "service_unavailable"
        status, headers, body = _get(base + "/world/some-story/")
        assert status == 503
        assert b"Traceback" not in body
        status, _, body = _get(base + "/healthz")
        assert status == 503 and json.loads(body)["database"] == "down"
