"""The revenue dashboard at 10 million reader events: how long the page takes to render, and how
many queries it costs, with its rollups built.

    .venv/bin/python benchmarks/revenue_dashboard.py                 # 10,000,000 events, 90 days
    .venv/bin/python benchmarks/revenue_dashboard.py --events 1000000 --runs 5

PostgreSQL only (the database ``<DATABASE_URL's name>_bench``, default
``masthead_revenue_bench`` on 127.0.0.1, is dropped and created). The events are written by one
``INSERT ... SELECT generate_series`` (a plausible mix of kinds, 1,000 articles, a million
readers over 90 days; not a meter-exact history, which the demo's generator provides), then
``rebuild_rollups`` aggregates them, and a signed-in revenue analyst requests
``/admin/revenue/?period=90`` ``--runs`` times through Django's test client (no HTTP server:
this is the page's own cost). Prints one JSON object and writes it to
``benchmarks/out/revenue_dashboard.json``.
"""

import argparse
import json
import os
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent

INSERT = """
INSERT INTO events_readerevent (kind, created_at, reader_key, article_id, channel, status,
  access, sponsored, gift, promotion, month, outcome, wall, counted, remaining, reason,
  anonymous_allowance, registered_allowance, preview_paragraphs, variant, propensity, source,
  utm_source, utm_medium, utm_campaign, offer, plan, trial, amount, currency, ref, merged_key)
SELECT kind, at, 'd:' || lpad(to_hex(g %% 1000000), 32, '0'), 1 + (g * 7919) %% 1000, 'web',
  'anonymous', 'metered', false, false, false, to_char(at, 'YYYY-MM'),
  CASE WHEN kind = 'wall_shown' THEN 'walled' WHEN kind LIKE 'view_%%' THEN 'metered' ELSE '' END,
  CASE WHEN kind = 'wall_shown' THEN (CASE WHEN g %% 3 = 0 THEN 'subscription'
       ELSE 'registration' END) ELSE '' END,
  kind = 'view_counted', NULL, 'metered', 3, 10, 2, NULL, NULL,
  (ARRAY['direct','search','social','email','internal','other'])[1 + g %% 6], '', '', '',
  CASE WHEN kind IN ('offer_shown', 'subscription_started') THEN 'intro' ELSE '' END,
  '', false, CASE WHEN kind = 'subscription_started' THEN 0.99 END, '', '', ''
FROM (
  SELECT g, now() - ((g * 104729) %% (%(days)s * 86400)) * interval '1 second' AS at,
    CASE WHEN r < 0.62 THEN 'view_counted' WHEN r < 0.70 THEN 'view_reread'
         WHEN r < 0.74 THEN 'view_free' WHEN r < 0.80 THEN 'view_subscriber'
         WHEN r < 0.97 THEN 'wall_shown' WHEN r < 0.985 THEN 'offer_shown'
         WHEN r < 0.995 THEN 'wall_click_register' WHEN r < 0.998 THEN 'signup'
         ELSE 'subscription_started' END AS kind
  FROM (SELECT g::bigint AS g, random() AS r FROM generate_series(1, %(events)s) AS g) AS numbers
) AS rows
"""


def _bench_url(base: str, *, reuse: bool) -> str:
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(base)
    name = (parts.path.lstrip("/") or "masthead_revenue") + "_bench"
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if reuse and exists:
            return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def _profiler(folder: str | None):
    """A context manager factory: ``with profile("name"):`` writes ``<folder>/<name>.prof``."""
    import contextlib

    @contextlib.contextmanager
    def profile(name: str):
        if not folder:
            yield
            return
        import cProfile

        Path(folder).mkdir(parents=True, exist_ok=True)
        with cProfile.Profile() as prof:
            yield
        prof.dump_stats(str(Path(folder) / f"{name}.prof"))

    return profile


def _readers_both_ways(days: int, runs: int) -> dict:
    """The period's distinct readers per segment, OR-ing every daily bitmap (the way before
    the week and month unions) and through the unions (``spans.period_bitmaps``), alternated in
    this process: medians of wall and CPU time, and the counts, which must agree."""
    from datetime import timedelta

    from masthead.revenue import bitmaps
    from masthead.revenue.models import DailyReaders
    from masthead.revenue.rollups import today
    from masthead.revenue.selectors import SEGMENTS
    from masthead.revenue.spans import period_bitmaps

    last = today()
    first = last - timedelta(days=days - 1)
    ways = {
        "daily": lambda: list(
            DailyReaders.objects.filter(day__range=(first, last), segment__in=SEGMENTS).values_list(
                "segment", "bitmap"
            )
        ),
        "unions": lambda: period_bitmaps(first, last, SEGMENTS),
    }
    out: dict = {}
    for _ in range(runs):
        for name, rows_of in ways.items():
            wall, cpu = time.perf_counter(), time.process_time()
            merged: dict[str, int] = {}
            rows = rows_of()
            for segment, blob in rows:
                merged[segment] = merged.get(segment, 0) | bitmaps.decode(blob)
            counts = {k: bitmaps.count(v) for k, v in merged.items() if v}
            entry = out.setdefault(name, {"wall": [], "cpu": [], "bitmaps": len(rows)})
            entry["wall"].append(time.perf_counter() - wall)
            entry["cpu"].append(time.process_time() - cpu)
            entry["counts"] = counts
    assert out["daily"]["counts"] == out["unions"]["counts"], out
    return {
        name: {
            "bitmaps": e["bitmaps"],
            "wall_ms_median": round(1000 * statistics.median(e["wall"]), 1),
            "cpu_ms_median": round(1000 * statistics.median(e["cpu"]), 1),
            "readers": e["counts"].get("all", 0),
        }
        for name, e in out.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the events of an earlier run (no insert)"
    )
    parser.add_argument(
        "--profile", metavar="DIR", help="write cProfile stats of the rebuild and a render here"
    )
    args = parser.parse_args()
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/masthead_revenue")
    os.environ["DATABASE_URL"] = _bench_url(base, reuse=args.reuse)
    os.environ.setdefault("MASTHEAD_DATA_DIR", str(HERE / "out" / "revenue-data"))
    os.environ.pop("REDIS_URL", None)
    from masthead.boot import django_setup  # makes the data dir, as every entry point does

    django_setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from masthead.revenue.access import revenue_access_grant

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # production settings
    from masthead.events.models import ReaderEvent

    insert_s = None
    if not (args.reuse and ReaderEvent.objects.exists()):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(INSERT % {"events": int(args.events), "days": int(args.days)})
            cursor.execute("ANALYZE events_readerevent")
        insert_s = round(time.perf_counter() - started, 1)
    events = ReaderEvent.objects.count()
    profile = _profiler(args.profile)
    started = time.perf_counter()
    with profile("rebuild"):
        call_command("rebuild_rollups")
    rollup_s = time.perf_counter() - started

    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username="analyst").first()
    user = user or get_user_model().objects.create_user("analyst", "analyst@example.org", "x")
    user.is_staff = True
    user.save()
    revenue_access_grant(user)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    url = "/admin/revenue/?period=90"
    client.get(url)  # warm caches and imports
    with profile("render"):
        client.get(url)
    times, queries = [], 0
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as captured:
            t0 = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - t0)
        assert response.status_code == 200, response.status_code
        queries = len(captured)
    result = {
        "when": timezone.now().isoformat(timespec="seconds"),
        "events": events,
        "days": args.days,
        "insert_seconds": insert_s,
        "rebuild_rollups_seconds": round(rollup_s, 1),
        "render_ms_median": round(1000 * statistics.median(times), 1),
        "render_ms_max": round(1000 * max(times), 1),
        "queries": queries,
        "readers_both_ways": _readers_both_ways(min(args.days, 90), args.runs),
        "cpu_count": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "revenue_dashboard.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
