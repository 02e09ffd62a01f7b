"""Backups of the database: consistent copies in the data folder's `backups/`.

`backup_now` is the one entry point other parts call (before a migration, an import, a
restore). Rotation, scheduling and restore build on it.
"""

from __future__ import annotations

import re
from pathlib import Path

from walkapp.errors import StorageError
from walkapp.storage.db import Database, timestamp_for_filename, translate_error
from walkapp.storage.snapshot import copy_database

_REASON = re.compile(r"[^a-z0-9-]+")


def backup_now(db: Database, reason: str = "manual") -> Path | None:
    """Copy the database to backups/<reason>-<UTC time>.sqlite3; None if not a file db."""
    if db.path is None or not db.path.exists():
        return None
    slug = _REASON.sub("-", reason.lower()).strip("-") or "backup"
    target = db.settings.backup_dir / f"{slug}-{timestamp_for_filename()}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = db.settings.backup_dir / f"{slug}-{timestamp_for_filename()}-{counter}.sqlite3"
    try:
        return copy_database(db.path, target)
    except Exception as error:
        translated = translate_error(error, "making a backup")
        if translated is not None:
            raise translated from error
        if isinstance(error, OSError):
            raise StorageError(f"The backup could not be written to {target.parent}: "
                               f"{error.strerror or error}.") from error
        raise
