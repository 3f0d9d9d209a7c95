"""``masthead import members`` and ``masthead export members``: the command line's side.

``cli.py`` hands this module its ``import`` and ``export`` sub-parsers (``add_parsers``);
Django is set up only when a command runs. Exit status (README, Import): 0 everything
imported or already there, 1 some rows rejected (the report lists them), 2 the file or the
options are unusable (one line on stderr, nothing written).
"""

import json
import sys
from pathlib import Path

from masthead.boot import django_setup


def _bar(total: int, unit: str, desc: str):
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit=unit,
        unit_scale=True,
        desc=desc,
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
    )


def _write_report(path: str, report: dict) -> None:
    Path(path).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


def cmd_import_members(opts) -> int:
    django_setup()
    from .formats import FormatError, parse_maps
    from .run import MemberImport, Unusable

    try:
        if opts.report:  # writable, before anything is imported (and left as it was)
            report, existed = Path(opts.report), Path(opts.report).exists()
            report.open("a").close()
            if not existed:
                report.unlink()
    except OSError as exc:
        print(f"masthead import members: --report {opts.report}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        maps = parse_maps(opts.map)
        run = MemberImport(
            Path(opts.file),
            fmt=opts.format,
            maps=maps,
            newsletters=opts.newsletter,
            prices=opts.price,
            notify=opts.notify,
            dry_run=opts.dry_run,
        )
    except (FormatError, Unusable) as exc:
        print(f"masthead import members: {opts.file}: {exc}", file=sys.stderr)
        return 2
    with _bar(run.size, "B", "members") as bar:
        report = run.execute(progress=bar.update)
    if opts.report:
        _write_report(opts.report, report)
    counts = "; ".join(
        f"{kind} {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged, "
        f"{c['rejected']} rejected"
        for kind, c in report["counts"].items()
    )
    print(("Dry run (nothing written): " if opts.dry_run else "") + counts)
    for item in report["merged"]:
        print(f"  {item['where']}: {item['reason']}")
    for item in report["rejected"]:
        print(f"  {item['where']}: {item['reason']}", file=sys.stderr)
    return 1 if report["rejected"] else 0


def cmd_export_members(opts) -> int:
    django_setup()
    from .export import members_count, members_export

    try:
        with _bar(members_count(), " readers", "members") as bar:
            written = members_export(Path(opts.file), progress=bar.update)
    except OSError as exc:
        print(f"masthead export members: {opts.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"Exported {written} readers to {opts.file}")
    return 0


def add_parsers(import_sub, export_sub) -> None:
    members = import_sub.add_parser(
        "members", help="import readers, their consent and their Stripe subscriptions (CSV)"
    )
    members.add_argument("file", metavar="FILE.csv")
    members.add_argument(
        "--format", choices=["ghost", "substack", "masthead"], help="default: from the header"
    )
    members.add_argument(
        "--map", action="append", default=[], metavar="SOURCE=FIELD", help="rename a column"
    )
    members.add_argument(
        "--newsletter",
        action="append",
        default=[],
        metavar="SLUG",
        help="newsletters for subscribed_to_emails=true (default: those ticked at sign-up)",
    )
    members.add_argument(
        "--price", action="append", default=[], metavar="PRICE_ID=PLAN", help="Stripe price"
    )
    members.add_argument("--notify", action="store_true", help="e-mail each new reader once")
    members.add_argument("--dry-run", action="store_true", help="write nothing but the report")
    members.add_argument("--report", metavar="FILE.json", help="write the report as JSON")
    members.set_defaults(func=cmd_import_members)

    export = export_sub.add_parser("members", help="every reader, as import members reads it")
    export.add_argument("file", metavar="FILE.csv")
    export.set_defaults(func=cmd_export_members)
