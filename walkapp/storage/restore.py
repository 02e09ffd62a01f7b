"""Put a backup back in place of the database, and set damaged files aside.

Nothing is overwritten silently: before a restore the current database is copied to
`backups/pre-restore-…` (or, if it is too damaged to copy, moved aside untouched as
`damaged-<time>.sqlite3` in the data folder). The backup is checked first, copied next to
the database, flushed to disk and renamed over it in one step, so a crash or power cut
leaves either the old database or the restored one, never a mix.

The caller holds the data folder lock (`walkapp.storage.lock`) and has closed its
`Database`: a program with the old file open would keep writing into it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from walkapp.errors import CorruptDatabaseError, StorageError
from walkapp.formatting import N_, tr
from walkapp.storage.backup import (
    backup_file,
    check_backup_dir,
    rotate_quietly,
    timestamp_for_filename,
    verify_backup,
)
from walkapp.storage.guard import FileState, look_at_database_file
from walkapp.storage.safe_files import restrict_file
from walkapp.storage.snapshot import fsync_folder, stage_database_copy
from walkapp.storage.translate import translate_error

SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: where from, where the old database went, how long it took."""

    restored_from: Path
    previous_copy: Path | None
    previous_set_aside: Path | None
    seconds: float


def restore(db_path: Path, backup_path: Path, backup_dir: Path) -> RestoreResult:
    """Replace the database at `db_path` with the backup at `backup_path`.

    Raises CorruptDatabaseError if the backup is not a good walkapp database (the current
    database is then left exactly as it was), StorageError if the files cannot be written.
    """
    started = time.perf_counter()
    check_backup_dir(backup_dir)  # before anything: a pre-restore copy must be possible
    problems = verify_backup(backup_path)
    if problems:
        raise CorruptDatabaseError(
            tr("This backup cannot be restored: {problems}. The database was not changed. "
               "Choose another backup (`walkapp backups --check` says which are good).").format(
                problems=problems[0]))
    previous_copy: Path | None = None
    set_aside: Path | None = None
    try:
        look = look_at_database_file(db_path)
        if look.state is FileState.PRESENT:
            try:
                previous_copy = backup_file(db_path, backup_dir, "pre-restore")
            except CorruptDatabaseError:
                # Too damaged to copy consistently: keep its bytes exactly as they are.
                # Only damage: a full disk or a lock is no reason to move a good file away.
                set_aside = set_aside_damaged(db_path, db_path.parent)
        elif look.state is not FileState.ABSENT:
            # Empty, cut short, not SQLite, a folder, a dangling link…: nothing SQLite could
            # copy, so it is moved aside exactly as it is.
            set_aside = set_aside_damaged(db_path, db_path.parent)
        # A fresh private file with an unpredictable name (never a fixed `.restoring` name
        # that a planted link could occupy), renamed over the database in one step.
        staged = stage_database_copy(backup_path, db_path.with_name(f"{db_path.name}.restoring"))
        try:
            _remove_side_files(db_path)
            os.replace(staged, db_path)
        except BaseException:
            with contextlib.suppress(OSError):
                staged.unlink()
            raise
        fsync_folder(db_path.parent)
    except (OSError, sqlite3.Error) as error:
        translated = translate_error(error, N_("restoring a backup"), path=db_path)
        raise (translated or StorageError(
            tr("The backup could not be put in place: {value}. The database was not "
               "changed.").format(
                value=getattr(error, 'strerror', None) or error))) from error
    rotate_quietly(backup_dir)
    return RestoreResult(restored_from=backup_path, previous_copy=previous_copy,
                         previous_set_aside=set_aside,
                         seconds=time.perf_counter() - started)


def _remove_side_files(db_path: Path) -> None:
    """A -wal left beside the restored file would be replayed into it and corrupt it."""
    for suffix in SIDE_FILES:
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


def set_aside_damaged(db_path: Path, folder: Path, now: datetime | None = None) -> Path:
    """Move a damaged database (with its -wal/-shm) to `damaged-<time>.sqlite3`, untouched.

    A rename, not a copy: the bytes stay exactly as they were for anyone who wants to try
    to rescue them, and the database's place is free for a backup or a fresh start.
    """
    stamp = timestamp_for_filename(now)
    target = folder / f"damaged-{stamp}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"damaged-{stamp}-{counter}.sqlite3"
    try:
        # Side files first: a main file without its -wal is still one piece of evidence;
        # a -wal left behind would be replayed into whatever file comes next.
        for suffix in SIDE_FILES:
            side = Path(f"{db_path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{target}{suffix}"))
                _private(Path(f"{target}{suffix}"))
        os.replace(db_path, target)
        fsync_folder(folder)
    except OSError as error:
        translated = translate_error(error, N_("setting the damaged database aside"))
        raise (translated or StorageError(
            tr("The damaged database could not be moved aside to {target}: {value}. Nothing was "
               "changed.").format(target=target, value=error.strerror or error))) from error
    _private(target)
    return target


def _private(path: Path) -> None:
    restrict_file(path)  # 0600, never through a link
