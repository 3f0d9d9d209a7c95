"""The embedded default's data directory (``MASTHEAD_DATA_DIR``, default ``./.masthead``):
the SQLite database, the secret key, media, collected static files and the demo's mail.

Importing the settings creates no directory: the entry points (``boot.django_setup`` for every
``masthead`` command, ``wsgi``/``asgi`` for a server started by hand) call ``prepare`` first::

    >>> prepare()                     # doctest: +SKIP
    PosixPath('/srv/site/.masthead')  # it, and its static/, now exist

The secret key, unless ``MASTHEAD_SECRET_KEY`` is set, is generated once into the directory
(``secret_key``): several processes starting at once agree on one key.
"""

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from masthead import config


def data_dir() -> Path:
    """Where the data directory is (nothing is created)."""
    return Path(config.text("MASTHEAD_DATA_DIR", str(Path.cwd() / ".masthead"))).resolve()


def prepare(directory: Path | None = None) -> Path:
    """Create the data directory and its ``static/`` (for WhiteNoise) if they are missing."""
    directory = directory or data_dir()
    (directory / "static").mkdir(parents=True, exist_ok=True)
    return directory


def secret_key(directory: Path) -> str:
    """``MASTHEAD_SECRET_KEY``, else the key in the data directory, written there on first use.

    The key is written whole to a private file and then hard-linked into place: the link fails
    when another process got there first, and no process ever reads a half-written key (with
    ``O_EXCL`` and then ``write()``, a second process could read the file in between, empty)."""
    if key := config.raw("MASTHEAD_SECRET_KEY"):
        return key
    path = directory / "secret_key"
    if (key := _read_key(path)) is not None:
        return key
    if not directory.is_dir():
        raise config.ConfigError(
            "MASTHEAD_DATA_DIR",
            "does not exist (a masthead command creates it); or set MASTHEAD_SECRET_KEY",
            str(directory),
        )
    fd, private = tempfile.mkstemp(dir=directory, prefix=".secret_key.")  # mode 0600
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(50))
            fh.flush()
            os.fsync(fh.fileno())
        # FileExistsError: another process linked its key first, and everyone reads that one.
        with contextlib.suppress(FileExistsError):
            os.link(private, path)
    finally:
        os.unlink(private)
    if (key := _read_key(path)) is None:  # linked above, by this process or another
        raise config.ConfigError("MASTHEAD_DATA_DIR", f"{path.name} vanished", str(directory))
    return key


def _read_key(path: Path) -> str | None:
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        return None
    if not key:
        raise config.ConfigError(
            "MASTHEAD_DATA_DIR",
            f"{path.name} is empty: delete {path} to have a new key written, "
            "or set MASTHEAD_SECRET_KEY",
            str(path.parent),
        )
    return key
