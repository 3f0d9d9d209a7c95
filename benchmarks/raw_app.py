"""The Python floor: a raw ASGI app returning the captured bytes of the article page.

Served by ``benchmarks/references.py`` with ``masthead.supervisor.granian_command`` itself — the
same server, interface and flags as ``masthead serve`` — so the row measures what the server
costs with nothing of Masthead's inside. The page is the one Masthead served to a new
anonymous reader in the same run, read once at import from ``BENCH_HTML`` (default
``benchmarks/out/www/article``).
"""

import os
from pathlib import Path

from masthead.lifespan import lifespan

_PATH = os.environ.get("BENCH_HTML") or str(Path(__file__).parent / "out" / "www" / "article")
_BODY = Path(_PATH).read_bytes()
_START = {
    "type": "http.response.start",
    "status": 200,
    "headers": [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(_BODY)).encode()),
    ],
}
_BODY_MESSAGE = {"type": "http.response.body", "body": _BODY}


async def application(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    await send(_START)
    await send(_BODY_MESSAGE)
