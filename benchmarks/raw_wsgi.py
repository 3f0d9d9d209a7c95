"""The Python floor: a raw WSGI app returning the captured bytes of the article page.

Served by ``benchmarks/run.py`` with the same granian command line as ``masthead serve``
(``granian --interface wsgi --workers N --blocking-threads 1 --no-ws``). The page is the one
Masthead served to a new anonymous reader in the same run, read once at import from
``BENCH_HTML`` (default ``benchmarks/out/www/article.html``).
"""

import os
from pathlib import Path

_PATH = os.environ.get("BENCH_HTML") or str(Path(__file__).parent / "out" / "www" / "article.html")
_BODY = Path(_PATH).read_bytes()
_HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(_BODY))),
]


def application(environ, start_response):
    start_response("200 OK", _HEADERS)
    return [_BODY]
