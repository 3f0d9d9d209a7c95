"""wrk, driven from Python: one Lua script per case plus a JSON report (benchmarks/wrk/)."""

import json
import os
import subprocess
import time
from pathlib import Path

from .common import HERE, OUT, log
from .memory import MemorySampler


def wrk_script(name: str) -> Path:
    path = OUT / "lua" / f"{name}.lua"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = (
        (HERE / "wrk" / f"{name}.lua").read_text()
        + "\n"
        + (HERE / "wrk" / "report.lua").read_text()
    )
    path.write_text(body)
    return path


def run_wrk(
    opts,
    url: str,
    *,
    script: str = "static",
    env_extra: dict | None = None,
    threads: int | None = None,
    duration: float | None = None,
) -> dict:
    threads = threads or opts.threads
    duration = duration if duration is not None else opts.duration
    command = [
        opts.tools["wrk"],
        "-t",
        str(threads),
        "-c",
        str(opts.connections),
        "-d",
        f"{max(1, round(duration))}s",
        "--timeout",
        "10s",
        "-s",
        str(wrk_script(script)),
        url,
    ]
    env = dict(os.environ, BENCH_THREADS=str(threads), **(env_extra or {}))
    done = subprocess.run(  # bounded: wrk stops itself after `duration`
        command, env=env, capture_output=True, text=True, timeout=duration + 60, check=False
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout}\n{done.stderr}")
    result = json.loads(line.split(" ", 1)[1])
    seconds = result["duration_us"] / 1e6
    result["rps"] = result["requests"] / seconds if seconds else 0.0
    result["p50_ms"] = result["p50_us"] / 1000
    result["p99_ms"] = result["p99_us"] / 1000
    result["errors"] = sum(result[k] for k in result if k.startswith("err_"))
    result["threads"] = threads
    return result


def measure(
    opts,
    label: str,
    url: str,
    sampler: MemorySampler | None = None,
    *,
    counter=None,
    warmup_env: dict | None = None,
    env_extra: dict | None = None,
    **kwargs,
) -> dict:
    """A warm-up run, then the measured run; ``counter()`` (views counted) is read around the
    measured run only."""
    if opts.warmup > 0:
        run_wrk(opts, url, duration=opts.warmup, env_extra=warmup_env or env_extra, **kwargs)
    before = counter() if counter else 0
    if sampler:
        sampler.start_window()
    result = run_wrk(opts, url, env_extra=env_extra, **kwargs)
    if sampler:
        time.sleep(0.3)
        result["peak_rss_mb"] = sampler.window_peak / 1024
    if counter:
        result["counted"] = counter() - before
    result["load"] = os.getloadavg()[0]  # 1-minute load average as the measurement ended
    log(
        f"{label:<28} {result['rps']:>9.0f} req/s  p50 {result['p50_ms']:.1f} ms  "
        f"p99 {result['p99_ms']:.1f} ms  errors {result['errors']}  load {result['load']:.1f}"
    )
    return result
