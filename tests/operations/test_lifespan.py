"""One ASGI lifespan handler (``masthead.lifespan``) for ``masthead serve`` and the
benchmark's raw app and floors: it acknowledges startup and shutdown, and importing it (and
the raw app) loads no Django."""

import asyncio
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Plain asyncio, no asgiref: the same script runs in a process that must not load Django.
TALK = """
import asyncio

async def lifespan_messages(app):
    inbox, outbox = asyncio.Queue(), asyncio.Queue()
    task = asyncio.ensure_future(
        app({"type": "lifespan", "asgi": {"version": "3.0"}}, inbox.get, outbox.put)
    )
    await inbox.put({"type": "lifespan.startup"})
    started = await asyncio.wait_for(outbox.get(), 5)
    await inbox.put({"type": "lifespan.shutdown"})
    stopped = await asyncio.wait_for(outbox.get(), 5)
    await asyncio.wait_for(task, 5)  # the handler returns after shutdown
    return [started["type"], stopped["type"]]
"""
ACKS = ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def test_masthead_serve_acknowledges_startup_and_shutdown():
    from masthead.asgi import application

    space: dict = {}
    exec(TALK, space)  # noqa: S102 - our own constant
    assert asyncio.run(space["lifespan_messages"](application)) == ACKS


def test_the_raw_app_shares_the_handler_and_loads_no_django(tmp_path):
    page = tmp_path / "article"
    page.write_bytes(b"<p>bytes</p>")
    script = TALK + (
        "import sys\n"
        "from benchmarks import raw_app\n"
        "from masthead import lifespan\n"
        "assert raw_app.lifespan is lifespan.lifespan\n"
        "print(asyncio.run(lifespan_messages(raw_app.application)))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'wagtail')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"BENCH_HTML": str(page), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    messages, modules = done.stdout.splitlines()
    assert messages == str(ACKS)
    assert modules == "[]", modules
