"""``backup_create`` and ``backup_restore``: the archive's layout and the steps, with progress.

Layout of the tar (gzip-compressed when the file name ends in ``.gz``)::

    manifest.json          format, version, database kind, counts, media totals
    database.sqlite3       or database.pgdump (pg_dump's custom format)
    secret_key             the data dir's generated key, when there is one
    meter-redis.json       the meter's Redis sets, when Redis is the meter store
    media/...              MEDIA_ROOT as it was
"""

import io
import json
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.utils import timezone
from tqdm import tqdm

from masthead import __version__

from . import database, meter_sets
from .database import BackupError

FORMAT = "masthead-backup"
VERSION = 1
DB_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


@dataclass
class Outcome:
    manifest: dict
    counts: dict  # what the target holds afterwards (restore) or what was copied (backup)


def _mode(path: Path, write: bool) -> str:
    compressed = path.name.endswith((".gz", ".tgz"))
    return ("w:gz" if compressed else "w") if write else ("r:gz" if compressed else "r")


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
    tar.addfile(info, io.BytesIO(data))


def backup_create(path: Path, progress: bool = True) -> Outcome:
    path = Path(path)
    kind = database.vendor()
    if kind not in DB_MEMBER:
        raise BackupError(f"cannot back up a {kind} database")
    steps = tqdm(total=3, desc="backup", unit="step", disable=not progress)
    with tempfile.TemporaryDirectory(prefix="masthead-backup-") as tmp:
        db_copy = Path(tmp) / DB_MEMBER[kind]
        steps.set_postfix_str("database")
        counts = database.dump(db_copy)
        redis_sets = meter_sets.export_sets()
        steps.update()
        media = _media_files()
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "masthead": __version__,
            "created_at": timezone.now().isoformat(),
            "database": {"kind": kind, "member": DB_MEMBER[kind]},
            "counts": counts,
            "meter_redis": None
            if redis_sets is None
            else {"sets": len(redis_sets), "views": meter_sets.views_in(redis_sets)},
            "media": {"files": len(media), "bytes": sum(p.stat().st_size for p in media)},
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, _mode(path, write=True)) as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
            tar.add(db_copy, arcname=DB_MEMBER[kind])
            key_file = Path(settings.DATA_DIR) / "secret_key"
            if key_file.exists():
                tar.add(key_file, arcname="secret_key")
            if redis_sets is not None:
                _add_bytes(tar, "meter-redis.json", json.dumps(redis_sets).encode())
            steps.set_postfix_str("media")
            root = Path(settings.MEDIA_ROOT)
            for file in tqdm(media, desc="media", unit="file", disable=not progress, leave=False):
                tar.add(file, arcname=f"media/{file.relative_to(root).as_posix()}")
            steps.update()
        partial.replace(path)  # a complete archive or none
        steps.update()
    steps.close()
    return Outcome(manifest=manifest, counts=counts)


def _read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.extractfile("manifest.json")
        manifest = json.load(member) if member else None
    except (KeyError, ValueError) as exc:
        raise BackupError("not a Masthead backup: no readable manifest.json") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("not a Masthead backup: unknown format")
    if manifest.get("version") != VERSION:
        raise BackupError(f"backup format version {manifest.get('version')} is not supported")
    return manifest


def _media_present() -> bool:
    root = Path(settings.MEDIA_ROOT)
    return root.exists() and any(p.is_file() for p in root.rglob("*"))


def backup_restore(path: Path, force: bool = False, progress: bool = True) -> Outcome:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    try:
        tar = tarfile.open(path, _mode(path, write=False))  # noqa: SIM115 - "with tar" below
    except tarfile.TarError as exc:
        raise BackupError(f"{path}: not a readable tar archive ({exc})") from exc
    with tar:
        manifest = _read_manifest(tar)
        kind = manifest["database"]["kind"]
        if kind != database.vendor():
            raise BackupError(
                f"the archive holds a {kind} database; the configured one is "
                f"{database.vendor()} (set DATABASE_URL to match)"
            )
        if not force and (database.target_has_content() or _media_present()):
            raise BackupError(
                "the target already holds accounts, articles or media files; "
                "restore with --force to replace them"
            )
        steps = tqdm(total=3, desc="restore", unit="step", disable=not progress)
        with tempfile.TemporaryDirectory(prefix="masthead-restore-") as tmp:
            steps.set_postfix_str("database")
            tar.extract(manifest["database"]["member"], tmp, filter="data")
            database.load(Path(tmp) / manifest["database"]["member"])
            steps.update()
        steps.set_postfix_str("media")
        media_root = Path(settings.MEDIA_ROOT)
        if force and media_root.exists():
            shutil.rmtree(media_root)
        media_root.mkdir(parents=True, exist_ok=True)
        members = [m for m in tar.getmembers() if m.name.startswith("media/") and m.isfile()]
        for member in tqdm(members, desc="media", unit="file", disable=not progress, leave=False):
            member.name = member.name[len("media/") :]
            tar.extract(member, media_root, filter="data")
        steps.update()
        names = set(tar.getnames())
        if "secret_key" in names:
            key = tar.extractfile("secret_key").read()
            key_file = Path(settings.DATA_DIR) / "secret_key"
            key_file.write_bytes(key)
            key_file.chmod(0o600)
        if "meter-redis.json" in names:
            meter_sets.import_sets(json.load(tar.extractfile("meter-redis.json")))
        if isinstance(caches["default"], DatabaseCache):
            cache.clear()  # the copy's cache rows describe the old site's state
        steps.update()
        steps.close()
    return Outcome(manifest=manifest, counts=database.recount())


def mismatches(outcome: Outcome) -> dict[str, tuple[int, int]]:
    """Counts that differ between the manifest and the restored database."""
    expected = outcome.manifest["counts"]
    return {
        name: (expected[name], outcome.counts.get(name, -1))
        for name in expected
        if expected[name] != outcome.counts.get(name)
    }
