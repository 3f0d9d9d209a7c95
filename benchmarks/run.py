"""Masthead's article-page benchmark (``make bench``; see benchmarks/README.md).

In one run, on 127.0.0.1 only, with wrk:

* ``nginx``       the anonymous article page's bytes as a static file (the limit)
* ``raw-app``     the same bytes from a raw app under ``supervisor.granian_command`` itself, the
                  command line of ``masthead serve`` (the Python floor)
* and per meter store (database, Redis), ``masthead serve`` answering:
  ``anon``         an anonymous reader with no cookie: a new device every request, view counted
  ``anon-session`` anonymous readers keeping a device for a walk of 10 articles (3 counted, 7
                   walled), one reader per connection
  ``subscriber``   a signed-in subscriber (session cookie), full text
  ``walled``       an anonymous device whose allowance is used up

It prints req/s, p50, p99, the ratios to raw WSGI and nginx, and the peak resident memory of a
server process, checks them against the targets, and writes benchmarks/out/last.json.
``--flat`` measures the anonymous case at 1,000 articles and at a large site instead.

Everything it creates lives in benchmarks/out/ (git-ignored), plus, with ``--database
postgres``, the database ``masthead_bench`` and, with the Redis store, Redis database 13
(flushed, and only that one).
"""

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):  # run as ``python benchmarks/run.py``: import as a package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    __package__ = "benchmarks"  # noqa: A001

from benchmarks.cases import capture_page, masthead_cases  # noqa: E402
from benchmarks.common import MASTHEAD_CASES, OUT, ROOT, TARGETS, find_tools, log  # noqa: E402
from benchmarks.references import floor_case, nginx_case, raw_app_case  # noqa: E402
from benchmarks.report import machine, print_report  # noqa: E402
from benchmarks.sites import prepare_site  # noqa: E402


def run_standard(opts) -> dict:
    stores = ["db", "redis"] if opts.store == "both" else [opts.store]
    data_dir = prepare_site(opts, opts.scale)
    site, page = capture_page(opts, data_dir)
    html = OUT / "www" / "article"
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_bytes(page)
    log(
        f"article {site['article']['path']} ({site['article']['words']} words, "
        f"{len(page):,} bytes as a new anonymous reader sees it); "
        f"{site['total_articles']:,} articles"
    )
    rows: list[dict] = []
    nginx = nginx_case(opts, html)
    rows.append({**nginx, "label": "nginx static", "case": "nginx"})
    raw = raw_app_case(opts, html)
    rows.append({**raw, "label": "raw app (granian)", "case": "raw-app"})
    for store in stores:
        fixtures: dict = {}
        results = masthead_cases(opts, data_dir, store, site, opts.cases, fixtures=fixtures)
        for case, result in results.items():
            rows.append(
                {**result, "label": f"masthead {store}: {case}", "case": case, "masthead": True}
            )
        if "floors" not in opts.skip:
            # Right after Masthead's own rows: the walled device's count and the subscriber's
            # session are still in this store (the next server start flushes Redis).
            for case, fixture in fixtures.items():
                result = floor_case(opts, data_dir, store, case, fixture, site["article"]["id"])
                rows.append(
                    {**result, "label": f"floor {store}: {case}", "case": case, "floor": True}
                )
        if "wsgi" not in opts.skip:
            cases = [c for c in ("anon", "subscriber") if c in opts.cases]
            results = masthead_cases(opts, data_dir, store, site, cases, variant="wsgi")
            for case, result in results.items():
                label = f"masthead {store}: {case} (WSGI)"
                rows.append({**result, "label": label, "case": case, "peer": "wsgi"})
        if "wagtail" not in opts.skip and "anon" in opts.cases:
            results = masthead_cases(opts, data_dir, store, site, ("anon",), variant="wagtail")
            label = f"wagtail routing {store}: anon"
            rows.append({**results["anon"], "label": label, "case": "anon", "peer": "wagtail"})
    return {
        "site": site,
        "page_bytes": len(page),
        "rows": rows,
        "raw_rps": raw["rps"],
        "nginx_rps": nginx["rps"],
    }


def run_flat(opts) -> dict:
    stores = ["db", "redis"] if opts.store == "both" else [opts.store]
    sizes = [(opts.scale, 0), (opts.flat_articles, opts.flat_meter_rows)]
    rows: list[dict] = []
    site = None
    for articles, meter_rows in sizes:
        data_dir = prepare_site(opts, articles, meter_rows)
        if site is None:
            site, _ = capture_page(opts, data_dir)
        for store in stores:
            results = masthead_cases(opts, data_dir, store, site, ("anon",))
            result = results["anon"]
            label = f"{store}: {articles:,} articles, {meter_rows:,} meter rows"
            rows.append(
                {
                    **result,
                    "label": label,
                    "case": "anon",
                    "store": store,
                    "articles": articles,
                    "meter_rows": meter_rows,
                }
            )
    flat = []
    for store in stores:
        small, large = [r for r in rows if r["store"] == store]
        flat.append(
            {
                "store": store,
                "p50_ratio": large["p50_ms"] / small["p50_ms"],
                "p99_ratio": large["p99_ms"] / small["p99_ms"],
                "rps_ratio": large["rps"] / small["rps"],
            }
        )
    return {"site": site, "rows": rows, "flat": flat}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=1000, help="articles in the site (1000)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up before each (2)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (32)")
    parser.add_argument("--threads", type=int, default=0, help="wrk threads (default: CPUs)")
    parser.add_argument("--workers", type=int, default=2, help="server processes (2)")
    parser.add_argument("--store", choices=["db", "redis", "both"], default="both")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--cases",
        default=",".join(MASTHEAD_CASES),
        help=f"Masthead cases, comma separated ({','.join(MASTHEAD_CASES)})",
    )
    parser.add_argument(
        "--skip",
        default="",
        help="rows to leave out, comma separated: floors, wsgi (granian WSGI), wagtail "
        "(Wagtail's routing)",
    )
    parser.add_argument("--flat", action="store_true", help="scale mode: flat cost as it grows")
    parser.add_argument("--flat-articles", type=int, default=100_000)
    parser.add_argument("--flat-meter-rows", type=int, default=10_000_000)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the site(s) from scratch")
    opts = parser.parse_args(argv)
    opts.cases = tuple(c for c in opts.cases.split(",") if c)
    opts.skip = tuple(c for c in opts.skip.split(",") if c)
    if set(opts.skip) - {"floors", "wsgi", "wagtail"}:
        parser.error(f"unknown --skip rows: {opts.skip}")
    unknown = set(opts.cases) - set(MASTHEAD_CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    cpus = os.cpu_count() or 2
    opts.threads = opts.threads or max(1, min(opts.connections, cpus))
    opts.tools = find_tools()
    OUT.mkdir(parents=True, exist_ok=True)

    started = time.monotonic()
    when = datetime.now(UTC).astimezone()
    report = {
        "date": when.isoformat(timespec="seconds"),
        "mode": "flat" if opts.flat else "standard",
        "options": {k: v for k, v in vars(opts).items() if k != "tools"},
        "machine": machine(),
        "targets": TARGETS,
    }
    load = report["machine"]["loadavg_at_start"][0]
    if load > 0.5:
        log(
            f"warning: load average {load:.1f} before starting: other work on this machine "
            "shares the CPUs with the benchmark (see the README on noise)"
        )
    if opts.flat:
        report |= run_flat(opts)
    else:
        report |= run_standard(opts)
    report["seconds"] = round(time.monotonic() - started, 1)

    print_report(report, opts, when, load)
    report["loadavg_at_end"] = os.getloadavg()
    print(
        f"\nLoad average (1 min) before the run {load:.2f}, after it "
        f"{report['loadavg_at_end'][0]:.2f} (the benchmark itself loads the CPUs fully)."
    )
    print(f"\nTook {report['seconds']:.0f}s. Results: {(OUT / 'last.json').relative_to(ROOT)}")
    text = json.dumps(report, indent=2, default=str)
    (OUT / "last.json").write_text(text)
    (OUT / f"last-{report['mode']}.json").write_text(text)  # the other mode's stays
    return 0


if __name__ == "__main__":
    sys.exit(main())
