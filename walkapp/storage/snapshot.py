"""Consistent copies of a SQLite database file (SQLite's online backup API).

A plain file copy of a database in WAL mode can miss committed pages that still sit in the
-wal file; the backup API copies a consistent snapshot even while the app is writing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path


def copy_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` atomically (temp file + rename), readable by the user only."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = target.with_name(f".{target.name}.part")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    # A URI built by pathlib, so that "?", "#" or "%" in a folder name cannot change it.
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(temporary)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            dst.commit()
        finally:
            dst.close()
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    finally:
        src.close()
    if os.name == "posix":
        os.chmod(temporary, stat.S_IRUSR | stat.S_IWUSR)
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    fsync_folder(target.parent)
    return target


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
