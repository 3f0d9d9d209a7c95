"""Benchmark (not a test): ``masthead import members`` of N rows, then the same file again.

    .venv/bin/python benchmarks/member_import.py --rows 100000     # the issue's size
    .venv/bin/python benchmarks/member_import.py --rows 2000       # a quick look
    .venv/bin/python benchmarks/member_import.py --database-url postgres://.../bench_members

A fresh site under ``benchmarks/out/members-<N>/`` (SQLite), or the given PostgreSQL database
(emptied first: give a throwaway one). The file has N readers: half with newsletter consent,
one in 20 (5,000 of 100,000) a Stripe customer with an active subscription on the local
Stripe-shaped server of ``tests/billing/stripe_server.py`` (started here, in this process), one
in 10 complimentary. The import runs as the ``masthead`` command in its own process; the
figures are its wall time, rows per second and peak RSS (``ru_maxrss`` of the child), for the
first run and the re-run (which must create nothing). Targets (issue 21): 100,000 rows in
under 60 s, under 300 MB. Results go to ``benchmarks/out/member-import.json``.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SECRET = "sk_test_member_import_bench"  # noqa: S105 - the local fake's key


def _env(data_dir: Path, database_url: str, stripe_url: str) -> dict:
    env = dict(os.environ, MASTHEAD_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    env.pop("REDIS_URL", None)
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(STRIPE_SECRET_KEY=SECRET, STRIPE_API_BASE=stripe_url)
    return env


def _masthead(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "masthead"), *args], env=env, capture_output=True, text=True
    )


SETUP = """
from django.core.management import call_command
call_command("flush", interactive=False, verbosity=0)
from masthead.billing.models import Plan
from masthead.newsletters.models import Newsletter
Plan.objects.create(name="Monthly", slug="monthly", amount="10")
Newsletter.objects.create(name="Daily", slug="daily", default_on_signup=True)
"""


def write_file(path: Path, rows: int, fake) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write("email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,")
        f.write("created_at,labels\n")
        for i in range(rows):
            email = f"reader{i}@bench.example"
            customer = ""
            if i % 20 == 7:
                customer = fake.existing_subscription(email)["customer"]
            f.write(
                f"{email},Reader {i},,{'true' if i % 2 else 'false'},"
                f"{'true' if i % 10 == 3 else 'false'},{customer},"
                f'2021-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00Z,"import, batch{i % 7}"\n'
            )


def timed(args: list[str], env: dict, log: Path) -> dict:
    """Run the command; its wall time and its own peak RSS (``wait4``'s rusage)."""
    started = time.monotonic()
    with log.open("w") as errors:
        child = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "masthead"), *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        out = child.stdout.read()
        _pid, status, usage = os.wait4(child.pid, 0)
    err = log.read_text()
    child.returncode = os.waitstatus_to_exitcode(status)
    return {
        "exit": child.returncode,
        "seconds": round(time.monotonic() - started, 1),
        "peak_mb": round(usage.ru_maxrss / 1024, 1),
        "summary": (out.strip().splitlines() or [""])[0],
        "stderr": err.strip()[-500:],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", default="")
    opts = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.billing.stripe_server import FakeStripe

    fake = FakeStripe().start()
    data_dir = OUT / f"members-{opts.rows}"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    env = _env(data_dir, opts.database_url, fake.url)
    for step in (("manage", "migrate", "-v0"), ("manage", "shell", "-c", SETUP)):
        done = _masthead(*step, env=env)
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            return 1
    csv_path = data_dir / "members.csv"
    write_file(csv_path, opts.rows, fake)
    args = ["import", "members", str(csv_path), "--price", "price_legacy_monthly=monthly"]
    first = timed([*args, "--report", str(data_dir / "first.json")], env, data_dir / "first.log")
    again = timed([*args, "--report", str(data_dir / "again.json")], env, data_dir / "again.log")
    fake.stop()
    result = {
        "rows": opts.rows,
        "database": "postgresql" if opts.database_url else "sqlite",
        "first": first,
        "rerun": again,
        "rows_per_second": round(opts.rows / first["seconds"]) if first["seconds"] else None,
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "member-import.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
