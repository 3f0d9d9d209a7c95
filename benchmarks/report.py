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


def floor_for(rows: list[dict], row: dict) -> dict | None:
    """The floor row of ``row``'s case and store in the same run, if it was measured."""
    for other in rows:
        if (
            other.get("floor")
            and other["case"] == row.get("case")
            and other["store"] == row.get("store")
        ):
            return other
    return None


def fmt_rows(rows: list[dict], raw_rps: float | None, nginx_rps: float | None) -> str:
    width = max(26, *(len(row["label"]) for row in rows))
    header = (
        f"{'case':<{width}} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'x raw':>6} "
        f"{'x floor':>7} {'x nginx':>7} {'peak RSS':>9} {'load':>5}  notes"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        ratio_raw = f"{row['rps'] / raw_rps:.3f}" if raw_rps else "-"
        ratio_nginx = f"{row['rps'] / nginx_rps:.3f}" if nginx_rps else "-"
        floor = floor_for(rows, row)
        ratio_floor = f"{row['rps'] / floor['rps']:.3f}" if floor and floor["rps"] else "-"
        rss = f"{row['peak_rss_mb']:.0f} MB" if row.get("peak_rss_mb") else "-"
        load = f"{row['load']:.1f}" if row.get("load") is not None else "-"
        note = row.get("note", "")
        if row.get("errors"):
            note += f"; {row['errors']} errors"
        lines.append(
            f"{row['label']:<{width}} {row['rps']:>8.0f} {row['p50_ms']:>7.1f} "
            f"{row['p99_ms']:>7.1f} {ratio_raw:>6} {ratio_floor:>7} {ratio_nginx:>7} {rss:>9} "
            f"{load:>5}  {note}"
        )
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    """Per case and store: >= 50% of its floor, p99, memory; and the subscriber case at
    least as fast as the anonymous one."""
    out = []
    for row in rows:
        if not row.get("masthead") or row["case"] == "anon-session":
            continue
        checks = []
        floor = floor_for(rows, row)
        if floor and floor["rps"]:
            share = row["rps"] / floor["rps"]
            ok = share >= TARGETS["ratio_floor"]
            checks.append(f"throughput {'ok' if ok else 'FAIL'} ({share:.0%} of its floor)")
        else:
            checks.append("throughput ? (no floor measured)")
        ok = row["p99_ms"] < TARGETS["p99_ms"]
        checks.append(f"p99 {'ok' if ok else 'FAIL'} ({row['p99_ms']:.1f} ms)")
        rss = row.get("server_peak_rss_mb", 0)
        ok = rss <= TARGETS["rss_mb"]
        checks.append(f"memory {'ok' if ok else 'FAIL'} ({rss:.0f} MB)")
        out.append(f"  {row['label']:<26} " + "; ".join(checks))
    for store in sorted({r["store"] for r in rows if r.get("masthead")}):
        by_case = {r["case"]: r for r in rows if r.get("masthead") and r["store"] == store}
        if "anon" in by_case and "subscriber" in by_case:
            sub, anon = by_case["subscriber"]["rps"], by_case["anon"]["rps"]
            ok = sub >= anon
            out.append(
                f"  masthead {store}: subscriber vs anon {'ok' if ok else 'FAIL'} "
                f"({sub:.0f} against {anon:.0f} req/s)"
            )
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
            f"\nTargets: >= {TARGETS['ratio_floor']:.0%} of the case's floor req/s (same "
            f"store, same run), p99 < {TARGETS['p99_ms']:g} ms, <= {TARGETS['rss_mb']:g} MB "
            "per server process (peak RSS column: the largest granian process during that "
            "case), subscriber at least as fast as anon"
        )
        print("\n".join(verdicts(report["rows"])))
