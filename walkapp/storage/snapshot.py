"""Consistent copies of a SQLite database file (SQLite's online backup API).

A plain file copy of a database in WAL mode can miss committed pages that still sit in the
-wal file; the backup API copies a consistent snapshot even while the app is writing.

The copy is made in a fresh private temporary file beside the target (see
`walkapp.storage.safe_files`): walkapp creates it with O_EXCL|O_NOFOLLOW and SQLite only
opens it (`mode=rw`), so a link planted at a predictable name is never written through.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from walkapp.storage.safe_files import (
    CLOEXEC,
    NOFOLLOW,
    create_temp_beside,
    fsync_folder,
    make_private_dirs,
)

__all__ = ["copy_database", "fsync_folder", "stage_database_copy"]


def stage_database_copy(source: Path, target: Path) -> Path:
    """Copy `source` into a new private temporary file beside `target`, flushed to disk;
    return its path. The caller renames it into place (or removes it)."""
    make_private_dirs(target.parent)
    fd, temporary = create_temp_beside(target)
    os.close(fd)
    try:
        # A URI built by pathlib, so that "?", "#" or "%" in a folder name cannot change it.
        src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(f"{temporary.absolute().as_uri()}?mode=rw", uri=True)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
        handle = os.open(temporary, os.O_RDONLY | NOFOLLOW | CLOEXEC)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()  # our own fresh name: safe to remove
        raise
    return temporary


def copy_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` atomically (temp file + rename), readable by the user only.

    A link at `target` is replaced by the copy, not followed."""
    temporary = stage_database_copy(source, target)
    try:
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    fsync_folder(target.parent)
    return target
