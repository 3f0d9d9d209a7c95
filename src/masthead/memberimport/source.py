"""Reading a member CSV as a stream: one row at a time, each with the line it starts on.

The header is line 1. A file that cannot be a member CSV (binary data, no header, not text, no
e-mail column) raises ``Unusable`` before anything is written; a row that is wrong on its own
(ragged, not UTF-8, a NUL) comes out as a ``BadRow`` with its line, and reading goes on::

    source = CsvSource(Path("members.csv"), fmt=None, maps={})   # the format is guessed
    source.fmt                     # "ghost"
    for item in source.rows():     # Row(line=2, values={"email": "ada@...", ...}) or BadRow
        ...

The delimiter is the header's (comma, semicolon or tab); a leading byte-order mark is dropped
(spreadsheets write one). Memory stays flat: nothing but the current row is held.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .formats import FORMATS, FormatError, columns_for, format_guess

MAX_FIELD = 64 * 1024  # csv's own limit, so an unclosed quote cannot swallow the whole file
MAX_LINE = 1 << 20  # a longer line is rejected unread (memory stays bounded)
OVERLONG = "\x00\n"  # stands for such a line (the file holds no NUL: checked first)
SCAN_CHUNK = 1 << 20
DELIMITERS = (",", ";", "\t")


class Unusable(Exception):
    """The file is not a member CSV at all (exit 2, nothing written)."""


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


def _scan(path: Path) -> int:
    """The file's size; binary data anywhere makes it unusable."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
            if head.startswith((b"PK\x03\x04", b"\x1f\x8b", b"%PDF")):
                raise Unusable("this is an archive or a PDF, not a CSV file")
            f.seek(0)
            while chunk := f.read(SCAN_CHUNK):
                if b"\x00" in chunk:
                    raise Unusable("this is binary data, not a CSV file (it holds NUL bytes)")
    except (IsADirectoryError, FileNotFoundError, PermissionError) as exc:
        raise Unusable(f"cannot read {path}: {exc.strerror}") from None
    except OSError as exc:
        raise Unusable(f"cannot read {path}: {exc}") from None
    return size


def _delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


class CsvSource:
    def __init__(self, path: Path, *, fmt: str | None, maps: dict[str, str]):
        self.path = path
        self.size = _scan(path)
        self._file = path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")
        first = self._file.readline(MAX_LINE)
        if len(first) == MAX_LINE and not first.endswith(("\n", "\r")):
            self._file.close()
            raise Unusable(f"the first line is longer than {MAX_LINE} characters: not a header")
        if not first.strip():
            self._file.close()
            raise Unusable("the file is empty: a member CSV starts with a header line")
        if _has_surrogates(first):
            self._file.close()
            raise Unusable("the header is not UTF-8 text: save the file as UTF-8 CSV")
        self.delimiter = _delimiter(first)
        header = next(csv.reader([first], delimiter=self.delimiter), [])
        self.header = header
        self.fmt = fmt or format_guess(header)
        if self.fmt not in FORMATS:
            raise Unusable(f"unknown format {self.fmt!r}")
        try:
            self.columns = columns_for(self.fmt, header, maps)
        except FormatError as exc:
            self._file.close()
            raise Unusable(str(exc)) from None
        self.read_bytes = len(first.encode("utf-8", "surrogateescape"))

    def close(self) -> None:
        self._file.close()

    def _lines(self, progress) -> Iterator[str]:
        def seen(text: str) -> None:
            if progress is not None:
                progress(len(text.encode("utf-8", "surrogateescape")))

        ends = ("\n", "\r")
        while line := self._file.readline(MAX_LINE):
            seen(line)
            if len(line) < MAX_LINE or line.endswith(ends):
                yield line
                continue
            while more := self._file.readline(MAX_LINE):  # skip the rest of the line unread
                seen(more)
                if len(more) < MAX_LINE or more.endswith(ends):
                    break
            yield OVERLONG

    def rows(self, progress=None) -> Iterator[Row | BadRow]:
        csv.field_size_limit(MAX_FIELD)
        reader = csv.reader(self._lines(progress), delimiter=self.delimiter, strict=True)
        width = len(self.header)
        done = 1  # the header
        while True:
            start = done + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                done = reader.line_num + 1
                yield BadRow(start, f"not readable as CSV ({exc})")
                continue
            done = reader.line_num + 1
            if any("\x00" in f for f in fields):
                yield BadRow(start, f"the line is longer than {MAX_LINE} characters")
                continue
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue  # a blank line
            if len(fields) > width and not any(f.strip() for f in fields[width:]):
                fields = fields[:width]  # trailing empty cells ("a@b.c,")
            if len(fields) != width:
                yield BadRow(start, f"{len(fields)} fields, the header has {width}")
                continue
            if any(_has_surrogates(f) for f in fields):
                yield BadRow(start, "not UTF-8 text")
                continue
            yield Row(start, {field: fields[i] for i, field in self.columns.items()})


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
