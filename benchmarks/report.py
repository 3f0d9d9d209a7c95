"""The printed table and the verdicts against the targets."""

import contextlib
import os
import platform
import re
import shutil
import subprocess
from pathlib import Path

from .common import TARGETS


def machine() -> dict:
    def out(*command):
        try:
            return subprocess.run(
                command, capture_output=True, text=True, timeout=10
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    cpu = ""
    with contextlib.suppress(OSError):
        match = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = match.group(1) if match else ""
    mem = out("free", "-h").splitlines()
    return {
        "loadavg_at_start": os.getloadavg(),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem[1].split()[1] if len(mem) > 1 else "",
        "uname": " ".join(platform.uname()),
        "python": platform.python_version(),
        "wrk": out("wrk", "-v").splitlines()[0] if out("wrk", "-v") else "",
        "nginx": subprocess.run(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-v"],
            capture_output=True,
            text=True,
            check=False,
        ).stderr.strip(),
    }


def fmt_rows(rows: list[dict], raw_rps: float | None, nginx_rps: float | None) -> str:
    width = max(26, *(len(row["label"]) for row in rows))
    header = (
        f"{'case':<{width}} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'x raw':>6} "
        f"{'x nginx':>7} {'peak RSS':>9}  notes"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        ratio_raw = f"{row['rps'] / raw_rps:.3f}" if raw_rps else "-"
        ratio_nginx = f"{row['rps'] / nginx_rps:.3f}" if nginx_rps else "-"
        rss = f"{row['peak_rss_mb']:.0f} MB" if row.get("peak_rss_mb") else "-"
        note = row.get("note", "")
        if row.get("errors"):
            note += f"; {row['errors']} errors"
        lines.append(
            f"{row['label']:<{width}} {row['rps']:>8.0f} {row['p50_ms']:>7.1f} "
            f"{row['p99_ms']:>7.1f} {ratio_raw:>6} {ratio_nginx:>7} {rss:>9}  {note}"
        )
    return "\n".join(lines)


def verdicts(rows: list[dict], raw_rps: float | None) -> list[str]:
    out = []
    for row in rows:
        if not row.get("masthead") or row["case"] == "anon-session":
            continue
        checks = []
        if raw_rps:
            ok = row["rps"] / raw_rps >= TARGETS["ratio_raw"]
            checks.append(
                f"throughput {'ok' if ok else 'FAIL'} ({row['rps'] / raw_rps:.1%} of raw)"
            )
        ok = row["p99_ms"] < TARGETS["p99_ms"]
        checks.append(f"p99 {'ok' if ok else 'FAIL'} ({row['p99_ms']:.1f} ms)")
        rss = row.get("server_peak_rss_mb", 0)
        ok = rss <= TARGETS["rss_mb"]
        checks.append(f"memory {'ok' if ok else 'FAIL'} ({rss:.0f} MB)")
        out.append(f"  {row['label']:<26} " + "; ".join(checks))
    return out


def print_report(report: dict, opts, when, load: float) -> None:
    """The run's table, as printed at the end of ``make bench``."""
    m = report["machine"]
    print()
    print(
        f"Masthead article page, {when:%Y-%m-%d %H:%M %Z}; {m['nproc']} CPUs ({m['cpu']}), "
        f"{m['memory']} RAM; wrk {opts.connections} connections, {opts.duration:g}s "
        f"(+{opts.warmup:g}s warm-up), {opts.threads} threads; {opts.workers} server processes; "
        f"database {opts.database}"
    )
    if opts.flat:
        print(
            f"Flat cost: anonymous metered reader, new device per request "
            f"(article {report['site']['article']['path']})\n"
        )
        print(fmt_rows(report["rows"], None, None))
        print()
        for f in report["flat"]:
            ok = f["p50_ratio"] <= TARGETS["flat"] and f["p99_ratio"] <= TARGETS["flat"]
            print(
                f"  {f['store']}: large/small p50 x{f['p50_ratio']:.2f}, "
                f"p99 x{f['p99_ratio']:.2f}, req/s x{f['rps_ratio']:.2f}  "
                f"-> {'ok' if ok else 'FAIL'} "
                f"(target: latency within {TARGETS['flat'] - 1:.0%})"
            )
    else:
        site = report["site"]
        print(
            f"{site['total_articles']:,} articles; article of {site['article']['words']} words, "
            f"{report['page_bytes']:,} bytes\n"
        )
        print(fmt_rows(report["rows"], report["raw_rps"], report["nginx_rps"]))
        print(
            f"\nTargets: >= {TARGETS['ratio_raw']:.0%} of raw WSGI req/s, p99 < "
            f"{TARGETS['p99_ms']:g} ms, <= {TARGETS['rss_mb']:g} MB per server process "
            "(peak RSS column: the largest granian process during that case)"
        )
        print("\n".join(verdicts(report["rows"], report["raw_rps"])))
