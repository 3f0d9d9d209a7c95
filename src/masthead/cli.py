"""The ``masthead`` command: demo, serve, grant, manage, check (see README)."""

import argparse
import datetime
import os
import shutil
import sys
import time
from pathlib import Path

from masthead import datadir
from masthead.boot import django_setup
from masthead.config import ConfigError
from masthead.imports.parser import add_parsers as add_content_parsers
from masthead.memberimport.command import add_parsers as add_member_parsers
from masthead.supervisor import become_supervisor, granian_command, worker_command


def cmd_demo(opts) -> int:
    django_setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    build_args = ["build_demo", "--url", f"http://{opts.host}:{opts.port}"]
    if opts.reset:
        build_args.append("--reset")
    if opts.scale:
        build_args += ["--scale", str(opts.scale)]
    call_command(*build_args)  # ends by printing the accounts and addresses
    if opts.no_serve:
        print("\nDemo built. Serve it with: masthead serve")
        return 0
    return cmd_serve(opts)


def cmd_serve(opts) -> int:
    django_setup(production=True)
    from django.conf import settings
    from django.core.management import call_command

    from masthead.worker import uses_database_backend

    call_command("collectstatic", interactive=False, verbosity=0)
    _check_migrations()
    _sync_site_record()
    workers = opts.workers or max(2, os.cpu_count() or 2)
    task_workers = opts.task_workers if uses_database_backend() else 0
    url = f"http://{opts.host}:{opts.port}"
    print(
        f"Serving {settings.WAGTAIL_SITE_NAME} on {url} with {workers} workers"
        f" and {task_workers} task workers (Ctrl-C stops)",
        flush=True,
    )
    env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ["DJANGO_SETTINGS_MODULE"])
    # /metrics adds up every process's values from files here (masthead.observability);
    # emptied at each start, as prometheus-client's multiprocess mode requires.
    metrics_dir = os.path.join(settings.DATA_DIR, "metrics")
    shutil.rmtree(metrics_dir, ignore_errors=True)
    os.makedirs(metrics_dir)
    env["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    commands = [granian_command(opts.host, opts.port, workers)]
    commands += [worker_command() for _ in range(task_workers)]
    # The processes that serve load Django themselves; this one need not keep it.
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()
    become_supervisor(commands, env)


def cmd_worker(opts) -> int:
    django_setup(production=True)
    from masthead.worker import run, uses_database_backend

    if not uses_database_backend():
        print(
            "masthead worker: tasks run inside requests (MASTHEAD_TASKS_IMMEDIATE=1); "
            "there is nothing to work on.",
            file=sys.stderr,
        )
        return 0
    run(until_idle=opts.until_idle)
    return 0


def _check_migrations() -> None:
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        s = connection.settings_dict
        where = s["NAME"] if connection.vendor == "sqlite" else f"{s['HOST']}:{s['PORT']}"
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        print(
            f"masthead serve: cannot reach the database (DATABASE_URL, {where}): {reason}",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    if pending:
        print("Unapplied migrations: run `masthead manage migrate` first.", file=sys.stderr)
        raise SystemExit(2)


def _sync_site_record() -> None:
    from masthead.newsroom.site_record import site_record_sync

    site_record_sync()


def cmd_grant(opts) -> int:
    django_setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command("grant_access", opts.email, days=opts.days, note=opts.note or "")
    except CommandError as exc:
        print(f"masthead grant: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_newsletter(opts) -> int:
    django_setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command("newsletter_send", opts.slug, article=opts.article, test=opts.test or "")
    except CommandError as exc:
        print(f"masthead newsletter send: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_manage(opts) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    datadir.prepare()  # Django's own command runner sets Django up; the directory comes first
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead manage", *opts.args])
    return 0


def cmd_check(opts) -> int:
    django_setup(production=True)
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    try:
        call_command("check", deploy=True, fail_level="WARNING")
    except SystemCheckError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("Configuration check passed.")
    return 0


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 10_000:
        raise argparse.ArgumentTypeError(f"must be between 0 and 10000, got {value}")
    return value


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_simulate(opts) -> int:
    """Replay the recorded views of a period under a candidate policy (revenue.simulation)."""
    django_setup()
    import json

    from tqdm import tqdm

    from masthead.metering import Candidate
    from masthead.revenue.simulation import simulation_period, simulation_run, view_count
    from masthead.revenue.simulation_table import simulation_table

    try:
        period = simulation_period(opts.since, opts.until)
    except ValueError as exc:
        print(f"masthead simulate: {exc}", file=sys.stderr)
        return 2
    candidate = Candidate(
        anonymous=opts.anonymous, registered=opts.registered, preview=opts.preview
    )
    bar = tqdm(
        total=view_count(period),
        unit=" events",
        file=sys.stderr,
        disable=opts.json or not sys.stderr.isatty(),
        desc="replaying",
    )
    with bar:
        simulation = simulation_run(period, candidate, progress=bar.update)
    if opts.json:
        print(json.dumps(simulation.report))
    else:
        print(simulation_table(simulation.report))
    return 0


def cmd_backup(opts) -> int:
    django_setup(production=True)
    from masthead.backups.archive import backup_create
    from masthead.backups.database import BackupError

    started = time.monotonic()
    try:
        outcome = backup_create(Path(opts.file))
    except (BackupError, OSError) as exc:
        print(f"masthead backup: {exc}", file=sys.stderr)
        return 1
    m = outcome.manifest
    counts = ", ".join(f"{k} {v}" for k, v in m["counts"].items())
    print(
        f"Backed up the {m['database']['kind']} database ({counts}) and "
        f"{m['media']['files']} media files to {opts.file} "
        f"in {time.monotonic() - started:.1f} s"
    )
    return 0


def cmd_restore(opts) -> int:
    django_setup(production=True)
    from masthead.backups.archive import backup_restore, mismatches
    from masthead.backups.database import BackupError

    started = time.monotonic()
    try:
        outcome = backup_restore(Path(opts.file), force=opts.force)
    except (BackupError, OSError) as exc:
        print(f"masthead restore: {exc}", file=sys.stderr)
        return 2
    wrong = mismatches(outcome)
    if wrong:
        for name, (expected, found) in wrong.items():
            print(f"masthead restore: {name}: {found}, the backup had {expected}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{k} {v}" for k, v in outcome.counts.items())
    print(f"Restored {opts.file} ({counts}) in {time.monotonic() - started:.1f} s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="masthead", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="build the demo publication and serve it")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--workers", type=int, default=0)
    demo.add_argument("--task-workers", type=int, default=1)
    demo.add_argument("--reset", action="store_true", help="delete the demo content first")
    demo.add_argument("--no-serve", action="store_true", help="build only")
    demo.add_argument("--scale", type=int, default=0, help="build N articles (benchmarks)")
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="production server (multi-process)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=0)
    serve.add_argument(
        "--task-workers", type=int, default=1, help="background task workers (0 for none)"
    )
    serve.set_defaults(func=cmd_serve)

    worker = sub.add_parser("worker", help="background task workers alone")
    worker.add_argument("--until-idle", action="store_true", help="exit once no task is ready")
    worker.set_defaults(func=cmd_worker)

    grant = sub.add_parser("grant", help="complimentary full access for a reader")
    grant.add_argument("email")
    grant.add_argument("--days", type=int, required=True)
    grant.add_argument("--note", default="")
    grant.set_defaults(func=cmd_grant)

    newsletter = sub.add_parser("newsletter", help="newsletters: send an article as an issue")
    newsletter_sub = newsletter.add_subparsers(dest="action", required=True)
    send = newsletter_sub.add_parser("send", help="queue an article as an issue")
    send.add_argument("slug")
    send.add_argument("--article", type=int, required=True, metavar="ID")
    send.add_argument("--test", default="", metavar="EMAIL", help="send only to this address")
    send.set_defaults(func=cmd_newsletter)

    manage = sub.add_parser("manage", help="any Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)

    simulate = sub.add_parser(
        "simulate", help="replay recorded reader views under a candidate meter policy"
    )
    simulate.add_argument("--anonymous", type=_count, help="free articles a month, anonymous")
    simulate.add_argument("--registered", type=_count, help="free articles a month, registered")
    simulate.add_argument("--preview", type=_count, help="paragraphs shown above a wall")
    simulate.add_argument("--since", type=_day, help="first day (default: the first recorded)")
    simulate.add_argument("--until", type=_day, help="last day, included (default: today)")
    simulate.add_argument("--json", action="store_true", help="print one JSON object")
    simulate.set_defaults(func=cmd_simulate)

    backup = sub.add_parser("backup", help="archive the database and media files")
    backup.add_argument("file", help="the archive to write (.tar, or .tar.gz to compress)")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="put a backup back into an empty site")
    restore.add_argument("file")
    restore.add_argument("--force", action="store_true", help="replace a site that has content")
    restore.set_defaults(func=cmd_restore)

    imports = sub.add_parser("import", help="import content or readers from another platform")
    import_sub = imports.add_subparsers(dest="source", required=True)
    add_content_parsers(import_sub)  # import wordpress, ghost, substack
    export = sub.add_parser("export", help="export readers")
    export_sub = export.add_subparsers(dest="what", required=True)
    add_member_parsers(import_sub, export_sub)  # import members, export members

    check = sub.add_parser("check", help="configuration check (production mode)")
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    opts = build_parser().parse_args(argv)
    try:
        return opts.func(opts) or 0
    except ConfigError as exc:  # a bad environment variable: one line, no traceback
        print(f"masthead: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
