"""The benchmark sites: built once with ``masthead demo --scale N`` and kept between runs.

SQLite sites live in benchmarks/out/sites/ and are copied into benchmarks/out/run/ for each
run, so every run starts with the same meter; the PostgreSQL site is the database
``masthead_bench``, rebuilt only when its recorded size differs (or with ``--rebuild``).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .common import HERE, HOST, OUT, PG_DB, PG_URL, REDIS_URL, ROOT, SITES, log


def site_env(opts, data_dir: Path, store: str | None = None, port: int | None = None) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not (k.startswith("MASTHEAD_") or k in {"DATABASE_URL", "REDIS_URL"})
    }
    env["MASTHEAD_DATA_DIR"] = str(data_dir)
    env["DJANGO_SETTINGS_MODULE"] = "masthead.settings"
    if port:
        env["MASTHEAD_SITE_URL"] = f"http://{HOST}:{port}"
    if opts.database == "postgres":
        env["DATABASE_URL"] = PG_URL
    if store == "redis":
        env["REDIS_URL"] = REDIS_URL
    return env


def djhelp(opts, data_dir: Path, *args: str, timeout: float = 3600) -> dict:
    done = subprocess.run(
        [sys.executable, str(HERE / "djhelp.py"), *args],
        env=site_env(opts, data_dir),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"djhelp {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def build_site(opts, data_dir: Path, articles: int) -> None:
    """``masthead demo --no-serve --scale N`` into data_dir (adds only what is missing)."""
    log(f"building the demo site with {articles:,} articles in {data_dir.relative_to(ROOT)} ...")
    started = time.monotonic()
    command = [opts.tools["masthead"], "demo", "--no-serve", "--scale", str(articles)]
    with open(OUT / "build.log", "a") as fh:
        done = subprocess.run(
            command,
            env=site_env(opts, data_dir) | {"TQDM_DISABLE": "1"},
            cwd=ROOT,
            stdout=fh,
            stderr=subprocess.STDOUT,
            timeout=6 * 3600,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"building the demo site failed; see {OUT / 'build.log'}")
    log(f"built in {time.monotonic() - started:.0f}s")


def psql(*sql: str, db: str = "postgres") -> None:
    for statement in sql:
        subprocess.run(
            [
                "psql",
                "-h",
                HOST,
                "-p",
                "5432",
                "-U",
                "postgres",
                "-d",
                db,
                "-v",
                "ON_ERROR_STOP=1",
                "-qc",
                statement,
            ],
            check=True,
            timeout=600,
            capture_output=True,
        )


def copy_sqlite_site(src: Path, dst: Path) -> None:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)


def prepare_site(opts, articles: int, meter_rows: int = 0) -> Path:
    """A site with ``articles`` articles and ``meter_rows`` extra meter rows; returns its data dir.

    SQLite: built once into benchmarks/out/sites/ (kept between runs: building is the slow
    part), then copied into benchmarks/out/run/ so every run starts with the same meter.
    PostgreSQL: the database masthead_bench, dropped and created when its recorded size differs
    (or with --rebuild).
    """
    if opts.database == "sqlite":
        base = SITES / f"sqlite-{articles}"
        if opts.rebuild and base.exists():
            shutil.rmtree(base)
        if not (base / "built.json").exists():
            # A smaller site's articles are the first ones of a larger one: start from the
            # largest smaller site there is and let the builder add the rest.
            smaller = sorted(
                (int(p.name.split("-")[1]), p)
                for p in SITES.glob("sqlite-*")
                if re.fullmatch(r"sqlite-\d+", p.name)
                and (p / "built.json").exists()
                and int(p.name.split("-")[1]) < articles
            )
            tmp = SITES / f"sqlite-{articles}.partial"
            if not tmp.exists():
                if smaller:
                    shutil.copytree(smaller[-1][1], tmp)
                    (tmp / "built.json").unlink()
                else:
                    tmp.mkdir(parents=True)
            build_site(opts, tmp, articles)
            (tmp / "built.json").write_text(json.dumps({"articles": articles}))
            tmp.rename(base)
        site = base
        if meter_rows:
            site = SITES / f"sqlite-{articles}-m{meter_rows}"
            if not (site / "built.json").exists():
                tmp = SITES / f"{site.name}.partial"
                copy_sqlite_site(base, tmp)
                log(f"inserting {meter_rows:,} meter rows (one INSERT ... SELECT) ...")
                info = djhelp(opts, tmp, "insert-views", str(meter_rows))
                log(f"inserted in {info['seconds']}s")
                (tmp / "built.json").write_text(
                    json.dumps({"articles": articles, "meter_rows": meter_rows})
                )
                tmp.rename(site)
        run_dir = OUT / "run" / "sqlite"
        log(f"copying {site.name} to a fresh run directory ...")
        copy_sqlite_site(site, run_dir)
        migrate(opts, run_dir)
        return run_dir

    # PostgreSQL
    data_dir = SITES / "postgres"
    marker = data_dir / "built.json"
    wanted = {"articles": articles, "meter_rows": meter_rows}
    recorded = json.loads(marker.read_text()) if marker.exists() else None
    if recorded == wanted and not opts.rebuild:
        migrate(opts, data_dir)
        return data_dir
    grow = (
        recorded is not None
        and not opts.rebuild
        and recorded["articles"] <= articles
        and recorded["meter_rows"] <= meter_rows
    )
    if not grow:
        log(f"dropping and creating the PostgreSQL database {PG_DB} ...")
        psql(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)", f"CREATE DATABASE {PG_DB}")
        if data_dir.exists():
            shutil.rmtree(data_dir)
        data_dir.mkdir(parents=True)
        recorded = {"articles": 0, "meter_rows": 0}
    marker.unlink(missing_ok=True)
    if recorded["articles"] < articles:
        build_site(opts, data_dir, articles)
    if recorded["meter_rows"] < meter_rows:
        extra = meter_rows - recorded["meter_rows"]
        log(f"inserting {extra:,} meter rows (COPY) ...")
        info = djhelp(opts, data_dir, "insert-views", str(extra))
        log(f"inserted in {info['seconds']}s")
    marker.write_text(json.dumps(wanted))
    migrate(opts, data_dir)
    return data_dir


def migrate(opts, data_dir: Path) -> None:
    """Apply migrations newer than the stored site (the code moves on; the site is kept)."""
    done = subprocess.run(
        [opts.tools["masthead"], "manage", "migrate", "--no-input", "-v", "0"],
        env=site_env(opts, data_dir),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"migrate failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
