"""``masthead import wordpress|ghost|substack``: its arguments. ``cli.py`` hands this module
its ``import`` sub-parsers (``add_parsers``); Django is set up only when the command runs
(``command.run_command``; README, "Import")."""

from masthead.boot import django_setup

SOURCES = [
    ("wordpress", "a WordPress export (WXR 1.1/1.2), FILE.xml"),
    ("ghost", "a Ghost export (versions 4-6), FILE.json"),
    ("substack", "a Substack export (posts.csv + posts/*.html), a zip or its folder"),
]


def cmd_import(opts) -> int:
    django_setup()
    from .command import run_command

    return run_command(opts)


def add_parsers(import_sub) -> None:
    for source, what in SOURCES:
        cmd = import_sub.add_parser(source, help=f"import {what}")
        cmd.add_argument("file", metavar="ZIP_OR_DIR" if source == "substack" else "FILE")
        cmd.add_argument("--media", metavar="DIR", help="a local folder of the export's images")
        cmd.add_argument("--fetch-media", action="store_true", help="fetch images over HTTP(S)")
        if source == "wordpress":
            cmd.add_argument("--access-tag", metavar="TAG", help="this tag → subscribers-only")
        cmd.add_argument("--dry-run", action="store_true", help="read and check; write nothing")
        cmd.add_argument("--report", metavar="FILE.json", help="write the report as JSON")
        cmd.set_defaults(func=cmd_import)
