"""The embedded default's data directory (``MASTHEAD_DATA_DIR``, default ``./.masthead``):
the SQLite database, the secret key, media, collected static files and the demo's mail.

Importing the settings creates no directory: the entry points (``boot.django_setup`` for every
``masthead`` command, ``wsgi``/``asgi`` for a server started by hand) call ``prepare`` first::

    >>> prepare()                     # doctest: +SKIP
    PosixPath('/srv/site/.masthead')  # it, and its static/, now exist

The secret key, unless ``MASTHEAD_SECRET_KEY`` is set, is generated once into the directory
(``secret_key``): several processes starting at once agree on one key.
"""

import os
import secrets
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
    """``MASTHEAD_SECRET_KEY``, else the key in the data directory, written there on first use
    (``O_EXCL``: when several processes start at once, exactly one writes it)."""
    if key := config.raw("MASTHEAD_SECRET_KEY"):
        return key
    path = directory / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    if not directory.is_dir():
        raise config.ConfigError(
            "MASTHEAD_DATA_DIR",
            "does not exist (a masthead command creates it); or set MASTHEAD_SECRET_KEY",
            str(directory),
        )
    key = secrets.token_urlsafe(50)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key
