"""Substack's export: ``posts.csv`` plus one ``posts/<post_id>.html`` per post, as the zip
Substack sends or its unpacked folder.

Mapping (README, "Import"): ``is_published`` → published (scheduled when its date is still
ahead), else a draft; ``audience`` ``only_paid`` or ``founding``, or a ``paywall-jump`` marker
in the body (Substack's paid cut) → subscribers-only, else metered; ``subtitle`` → deck;
``/p/<slug>`` → redirect. A row whose HTML file is missing is rejected and listed with its
CSV line (the header is line 1); the other rows go in.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from ..errors import UnusableInput
from ..items import Item, Rejected
from ..safety import MAX_MEMBER_BYTES, open_zip, read_member

PAYWALL = re.compile(r"""<div[^>]*class=["'][^"']*\bpaywall-jump\b[^>]*>""", re.I)
PAID = {"only_paid", "founding"}
REQUIRED = {"post_id", "title"}


@dataclass
class Export:
    name: str
    rows: list[tuple[int, dict[str, str]]]
    archive: zipfile.ZipFile | None = None
    prefix: str = ""
    root: Path | None = None
    folder: Path | None = None  # for --media: the folder itself, when one was given
    members: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.rows)

    def html(self, post_id: str) -> str | None:
        name = f"posts/{post_id}.html"
        if self.archive is not None:
            member = self.prefix + name
            if member not in self.members:
                return None
            return read_member(self.archive, member).decode("utf-8", "replace")
        assert self.root is not None
        path = (self.root / name).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        if path.stat().st_size > MAX_MEMBER_BYTES:
            return None
        return path.read_text(encoding="utf-8", errors="replace")


def load(path: Path) -> Export:
    if not path.exists():
        raise UnusableInput(f"{path}: no such file or folder")
    if path.is_dir():
        root = path.resolve()
        csv_path = root / "posts.csv"
        if not csv_path.is_file():
            raise UnusableInput(f"{path}: not a Substack export: no posts.csv in the folder")
        text = csv_path.read_bytes()
        return Export(path.name, parse_rows(path.name, text), root=root, folder=root)
    if not zipfile.is_zipfile(path):
        raise UnusableInput(f"{path.name}: not a Substack export: neither a zip nor a folder")
    archive = open_zip(path)
    names = {i.filename for i in archive.infolist()}
    found = sorted((n for n in names if PurePosixPath(n).name == "posts.csv"), key=len)
    if not found:
        raise UnusableInput(f"{path.name}: not a Substack export: no posts.csv in the archive")
    prefix = found[0][: -len("posts.csv")]
    rows = parse_rows(path.name, read_member(archive, found[0]))
    return Export(path.name, rows, archive=archive, prefix=prefix, members=names)


def parse_rows(name: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnusableInput(f"{name}: posts.csv is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = REQUIRED - set(reader.fieldnames or [])
    if missing:
        raise UnusableInput(f"{name}: not a Substack export: posts.csv has no {sorted(missing)}")
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise UnusableInput(f"{name}: posts.csv is not valid CSV ({exc})") from None


def parse_date(value: str) -> datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def read(export: Export) -> Iterator[Item | Rejected]:
    now = datetime.now(tz=UTC)
    for line, row in export.rows:
        where = f"line {line}"
        post_id = (row.get("post_id") or "").strip()
        if not post_id or "/" in post_id or "\\" in post_id or ".." in post_id:
            yield Rejected(where, f"no usable post_id ({post_id!r})")
            continue
        body = export.html(post_id)
        if body is None:
            yield Rejected(where, f"posts/{post_id}.html is missing from the export")
            continue
        published = (row.get("is_published") or "").strip().lower() == "true"
        try:
            when = parse_date(row.get("post_date", ""))
        except ValueError:
            yield Rejected(where, f"broken date {row.get('post_date')!r}")
            continue
        if published and when is None:
            yield Rejected(where, "no post_date for a published post")
            continue
        status = "draft"
        if published:
            status = "future" if when and when > now else "publish"
        cut = PAYWALL.search(body)
        paid = (row.get("audience") or "").strip() in PAID or bool(cut)
        slug = post_id.split(".", 1)[1] if "." in post_id else post_id
        yield Item(
            source_id=post_id,
            where=where,
            kind="articles",
            title=row.get("title") or "",
            slug=slug,
            excerpt=row.get("subtitle") or "",
            body_html=PAYWALL.sub("", body),
            status=status,
            published_at=when,
            access="subscribers" if paid else "metered",
            old_paths=[f"/p/{slug}"],
            public_html=body[: cut.start()] if cut else None,
        )
