"""Refusing hostile input before anything is written.

- XML is parsed by defusedxml's ``iterparse`` (expat underneath) with DTDs forbidden: a
  ``<!DOCTYPE`` (the carrier of entity expansion, "billion laughs", and of external entities)
  stops the import with exit status 2. Nothing is fetched over the network while parsing.
- Zip archives are checked member by member before a byte is used: a path outside the
  archive's folder (absolute, ``..``, a drive letter), too many members, too large a total
  once uncompressed, or a compression ratio no real export has (a zip bomb) stops the import.
- Files larger than ``MAX_FILE_BYTES`` are refused outright.
"""

import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .errors import UnusableInput

MAX_FILE_BYTES = 4 * 1024**3  # an export larger than 4 GB is not one we can stream sensibly
MAX_MEMBER_BYTES = 256 * 1024**2  # one file inside an archive
MAX_ARCHIVE_BYTES = 2 * 1024**3  # all of an archive's files, uncompressed
MAX_MEMBERS = 200_000
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MB


def check_file(path: Path, what: str) -> None:
    if not path.exists():
        raise UnusableInput(f"{path}: no such file")
    if not path.is_file():
        raise UnusableInput(f"{path}: not a file ({what} expected)")
    size = path.stat().st_size
    if size == 0:
        raise UnusableInput(f"{path}: the file is empty, not {what}")
    if size > MAX_FILE_BYTES:
        raise UnusableInput(f"{path}: {size} bytes is larger than the {MAX_FILE_BYTES} allowed")


def xml_events(path: Path) -> Iterator[tuple[str, Element]]:
    """``(event, element)`` for "start" and "end", streamed; hostile or broken XML raises
    ``UnusableInput`` naming the problem (and the line, where expat knows it)."""
    try:
        with path.open("rb") as fh:
            yield from iterparse(fh, events=("start", "end"), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UnusableInput(
            f"{path.name}: refused hostile XML ({type(exc).__name__}: DOCTYPE, entity "
            "declarations and external entities are not allowed in an export)"
        ) from None
    except ParseError as exc:
        raise UnusableInput(f"{path.name}: not well-formed XML ({exc})") from None
    except OSError as exc:
        raise UnusableInput(f"{path.name}: cannot be read ({exc.strerror or exc})") from None


def safe_member_name(name: str) -> bool:
    if "\\" in name or name.startswith("/") or "\x00" in name:
        return False
    parts = PurePosixPath(name).parts
    return not any(p == ".." for p in parts) and not (parts and ":" in parts[0])


def open_zip(path: Path) -> zipfile.ZipFile:
    """The archive, once every member has passed the checks above."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnusableInput(f"{path.name}: not a readable zip archive ({exc})") from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnusableInput(f"{path.name}: {len(infos)} files in the archive is too many")
    total = 0
    for info in infos:
        if not safe_member_name(info.filename):
            raise UnusableInput(
                f"{path.name}: refused the archive: {info.filename!r} is outside its folder"
            )
        if info.file_size > MAX_MEMBER_BYTES:
            raise UnusableInput(f"{path.name}: {info.filename!r} is too large once unpacked")
        if info.file_size > 1024**2 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnusableInput(
                f"{path.name}: refused the archive: {info.filename!r} unpacks to "
                f"{info.file_size} bytes from {info.compress_size} (a zip bomb)"
            )
        total += info.file_size
    if total > MAX_ARCHIVE_BYTES:
        raise UnusableInput(f"{path.name}: the archive unpacks to {total} bytes, too large")
    return archive


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, never more than its declared (and checked) size."""
    info = archive.getinfo(name)
    with archive.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise UnusableInput(f"{name!r} in the archive is larger than it says")
    return data
