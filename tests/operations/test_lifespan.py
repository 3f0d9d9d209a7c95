"""One ASGI lifespan handler (``masthead.lifespan``) for ``masthead serve`` and the
benchmark's raw app and floors: it acknowledges startup and shutdown, and importing it (and
the raw app) loads no Django."""

import subprocess
import sys
from pathlib import Path

from tests.operations.processes import production_env

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
# Libraries a server process loads only on the first request that uses them (about 20 MB
# together): DKIM signing and its DNS library, CSS inlining, the Stripe SDK, spreadsheets.
LOADED_ON_FIRST_USE = {"dkim", "dns", "css_inline", "stripe", "openpyxl"}


def test_masthead_serve_acknowledges_startup_and_shutdown_with_start_up_out_of_the_gcs_reach(
    tmp_path,
):
    """In a process of its own: at startup ``masthead.asgi`` freezes what start-up built
    (``gc.freeze``), which the test run's own process must not get; and the libraries only a
    sender, a render or a checkout uses are not loaded yet."""
    script = TALK + (
        "import gc, sys\n"
        f"LATE = {sorted(LOADED_ON_FIRST_USE)}\n"
        "from masthead.asgi import application\n"
        "before = gc.get_freeze_count()\n"
        "print(asyncio.run(lifespan_messages(application)))\n"
        "print(before, gc.get_freeze_count(), len(gc.get_objects()))\n"
        "print(sorted(m for m in LATE if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    messages, counts, late = done.stdout.splitlines()[-3:]
    assert messages == str(ACKS)
    before, frozen, walked = map(int, counts.split())
    assert before == 0
    # Django, Wagtail and the URLconf are frozen; a full collection walks a small rest.
    assert frozen > 100_000 and walked < frozen / 10, (frozen, walked)
    # What only a sender, an import or a checkout needs is not in a server process's memory.
    assert late == "[]", late


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
