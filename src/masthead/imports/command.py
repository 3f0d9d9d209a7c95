"""``masthead import wordpress|ghost|substack``: the command line's side of an import.

The CLI (``masthead.cli``) parses the options and calls ``run_command`` once Django is set
up. Exit status (CONTRACT.md, "Import"): 0 all imported or already there, 1 some items
rejected or repaired (the report lists them), 2 unusable input: one line on stderr,
nothing written.
"""

import sys
from pathlib import Path

from tqdm import tqdm

from .errors import UnusableInput
from .media import Media
from .report import Report
from .run import import_items


def source_items(opts, report: Report, media: Media):
    """``(items, total)`` of the chosen source; raises ``UnusableInput`` before any write."""
    path = Path(opts.file)
    if opts.source == "wordpress":
        from .sources import wordpress

        tables = wordpress.scan(path)
        media.base_url = tables.link
        return wordpress.read(path, tables, access_tag=opts.access_tag or ""), tables.items
    if opts.source == "ghost":
        from .sources import ghost

        export = ghost.load(path)
        return ghost.read(export), export.total
    from .sources import substack

    export = substack.load(path)
    media.folder = media.folder or export.folder
    return substack.read(export), export.total


def run_command(opts) -> int:
    name = f"masthead import {opts.source}"
    report = Report(opts.source, dry_run=opts.dry_run)
    folder = Path(opts.media) if getattr(opts, "media", None) else None
    if folder is not None and not folder.is_dir():
        print(f"{name}: --media {folder}: not a folder", file=sys.stderr)
        return 2
    media = Media(report, folder, fetch=getattr(opts, "fetch_media", False), dry_run=opts.dry_run)
    try:
        items, total = source_items(opts, report, media)
        bar = tqdm(
            total=total,
            desc=f"importing {opts.source}",
            unit=" items",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
            dynamic_ncols=True,
        )
        with bar:
            import_items(opts.source, items, report, media, progress=bar.update)
    except UnusableInput as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 2
    if opts.report:
        report.write(Path(opts.report))
    print(report.summary())
    return report.exit_code
