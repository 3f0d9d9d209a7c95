"""Backup and restore times: ``masthead backup`` and ``masthead restore`` on a built site.

Builds a site with ``masthead demo --no-serve`` (the demo, or ``--scale N`` articles) in its own
data dir on SQLite, backs it up, restores it into a fresh data dir and prints the times and
sizes (``--json`` for one JSON object). Nothing is served; 127.0.0.1 only::

    .venv/bin/python benchmarks/backup.py                    # the demo
    .venv/bin/python benchmarks/backup.py --scale 10000      # a 10,000-article site
    .venv/bin/python benchmarks/backup.py --scale 10000 --data-dir /tmp/mh-10k  # reuse a build
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MASTHEAD = str(Path(sys.executable).with_name("masthead"))


def _env(data_dir: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MASTHEAD_", "DATABASE_URL", "REDIS_URL", "DJANGO_", "PYTEST_"))
    }
    env["MASTHEAD_DATA_DIR"] = str(data_dir)
    return env


def _timed(args: list[str], data_dir: Path) -> float:
    started = time.monotonic()
    result = subprocess.run([MASTHEAD, *args], env=_env(data_dir), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"masthead {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return time.monotonic() - started


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=0, help="articles (0: the demo)")
    parser.add_argument("--data-dir", type=Path, help="build here, or reuse a build found here")
    parser.add_argument("--gzip", action="store_true", help="write a .tar.gz archive")
    parser.add_argument("--json", action="store_true")
    opts = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="masthead-backup-bench-"))
    source = opts.data_dir or work / "source"
    built = None
    if not (source / "masthead.sqlite3").exists():
        source.mkdir(parents=True, exist_ok=True)
        demo = ["demo", "--no-serve"] + (["--scale", str(opts.scale)] if opts.scale else [])
        built = _timed(demo, source)
    archive = work / ("site.tar.gz" if opts.gzip else "site.tar")
    target = work / "restored"
    try:
        backup_s = _timed(["backup", str(archive)], source)
        restore_s = _timed(["restore", str(archive)], target)
        report = {
            "site": f"--scale {opts.scale}" if opts.scale else "demo",
            "build_s": round(built, 1) if built is not None else None,
            "database_bytes": _size(source / "masthead.sqlite3"),
            "media_bytes": _size(source / "media"),
            "archive_bytes": _size(archive),
            "backup_s": round(backup_s, 2),
            "restore_s": round(restore_s, 2),
        }
    finally:
        shutil.rmtree(work / "restored", ignore_errors=True)
        archive.unlink(missing_ok=True)
    if opts.json:
        print(json.dumps(report))
        return
    mb = 1024 * 1024
    print(f"site: {report['site']}   (built in {report['build_s']} s)")
    print(
        f"database {report['database_bytes'] / mb:.1f} MB, "
        f"media {report['media_bytes'] / mb:.1f} MB"
    )
    print(f"archive  {report['archive_bytes'] / mb:.1f} MB")
    print(f"backup   {report['backup_s']:.2f} s   (masthead backup, one command, cold process)")
    print(f"restore  {report['restore_s']:.2f} s   (masthead restore into an empty data dir)")


if __name__ == "__main__":
    main()
