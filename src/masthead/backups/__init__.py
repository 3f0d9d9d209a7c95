"""Backups: ``masthead backup FILE`` and ``masthead restore FILE [--force]``.

One tar archive holds a consistent copy of the database (SQLite's online backup API, or
``pg_dump -Fc`` for PostgreSQL), the media files, the data dir's secret key (signed cookies,
sessions and devices' meters stay valid after a restore), the meter's Redis sets when Redis is
the meter store, and ``manifest.json``: the format version, the database kind and the row
counts taken from the same snapshot as the database copy. A restore refuses a target that
already holds accounts, articles or media unless ``--force``, and checks the restored counts
against the manifest.
"""
