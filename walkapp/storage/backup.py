"""Backups of the database: consistent, checked, rotated copies in the data folder's `backups/`.

`backup_now` is the one entry point other parts call (before a migration, an import, a
purge, a restore, and every 30 minutes of use). Each copy is made with SQLite's online
backup API (consistent even while the app writes), checked with `quick_check`, and then the
folder is rotated: the last few copies are kept, plus one a day and one a week for a while
(see `RotationPolicy`). Copies made before a migration, import or restore are ordinary
members of that policy, so old personal data does not pile up in backups forever.

File names say why and when: `<reason>-<YYYYmmddTHHMMSSZ>[-n].sqlite3`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from walkapp.errors import CorruptDatabaseError, StorageError
from walkapp.storage.db import Database, timestamp_for_filename, translate_error
from walkapp.storage.snapshot import copy_database

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".sqlite3"
SQLITE_MAGIC = b"SQLite format 3\x00"
_REASON = re.compile(r"[^a-z0-9-]+")
_NAME = re.compile(r"^(?P<reason>[a-z0-9-]+?)-(?P<stamp>\d{8}T\d{6}Z)(?:-\d+)?\.sqlite3$")


@dataclass(frozen=True)
class RotationPolicy:
    """Which copies survive a rotation.

    `keep_recent` newest copies whatever their age; the newest copy of each of the last
    `keep_daily` days; the newest copy of each of the last `keep_weekly` ISO weeks.
    Everything else in `backups/` that walkapp made is deleted.
    """

    keep_recent: int = 10
    keep_daily: int = 7
    keep_weekly: int = 8


DEFAULT_POLICY = RotationPolicy()


@dataclass(frozen=True)
class BackupInfo:
    """One copy in the backups folder."""

    path: Path
    reason: str
    created_at: datetime
    size_bytes: int

    @property
    def name(self) -> str:
        return self.path.name


# -- making copies ----------------------------------------------------------------------------
def backup_now(db: Database, reason: str = "manual",
               policy: RotationPolicy = DEFAULT_POLICY) -> Path | None:
    """Copy the database to backups/<reason>-<UTC time>.sqlite3, check it, rotate.

    Returns the copy's path, or None when the database is not a local file (or has no
    file yet). Raises StorageError (with a plain message) when no good copy could be made.
    """
    if db.path is None or not db.path.exists():
        return None
    # A file put in the database's place is not ours to copy: as a "newest" backup it
    # would push the good copies out of the rotation.
    db.verify_file("making a backup")
    target = backup_file(db.path, db.settings.backup_dir, reason)
    rotate_quietly(db.settings.backup_dir, policy)
    return target


def backup_file(source: Path, backup_dir: Path, reason: str = "manual",
                now: datetime | None = None) -> Path:
    """Copy the database file `source` into `backup_dir`; usable without a Database."""
    target = _free_name(backup_dir, reason, now)
    try:
        copy_database(source, target)
    except Exception as error:
        translated = translate_error(error, "making a backup", path=source,
                                     space_of=target.parent)
        if translated is not None:
            raise translated from error
        if isinstance(error, OSError):
            raise StorageError(f"The backup could not be written to {target.parent}: "
                               f"{error.strerror or error}.") from error
        raise
    problems = verify_backup(target, quick=True)
    if problems:
        # A damaged copy would push good ones out of the rotation; keep none at all.
        with contextlib.suppress(OSError):
            target.unlink()
        raise CorruptDatabaseError(
            "The database has problems, so no backup was made "
            f"({problems[0]}). Run `walkapp check`, or restore a backup with "
            "`walkapp restore`.")
    _restrict_folder(backup_dir)
    return target


def _free_name(backup_dir: Path, reason: str, now: datetime | None) -> Path:
    slug = _REASON.sub("-", reason.lower()).strip("-") or "backup"
    stamp = timestamp_for_filename(now)
    target = backup_dir / f"{slug}-{stamp}{BACKUP_SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = backup_dir / f"{slug}-{stamp}-{counter}{BACKUP_SUFFIX}"
    return target


def _restrict_folder(folder: Path) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(folder, stat.S_IRWXU)


# -- finding and checking copies --------------------------------------------------------------
def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """The copies walkapp made in `backup_dir`, newest first (other files are ignored)."""
    found: list[BackupInfo] = []
    try:
        entries = list(backup_dir.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        created = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupInfo(path=path, reason=match["reason"], created_at=created,
                                size_bytes=size))
    # Same second: the numbered suffix (-2, -3…) is newer; mtime settles the rest.
    found.sort(key=lambda b: (b.created_at, _mtime(b.path), b.name), reverse=True)
    return found


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def verify_backup(path: Path, *, quick: bool = False) -> list[str]:
    """Problems found in a copy (empty list: it is a good, restorable walkapp database).

    Checks the SQLite header, SQLite's integrity check (`quick` uses the faster
    quick_check), and that the file carries walkapp's tables and a schema revision.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        return [f"cannot read {path.name}: {error.strerror or error}"]
    if header != SQLITE_MAGIC:
        return [f"{path.name} is not a SQLite database"]
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return [f"cannot open {path.name}: {error}"]
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [str(r[0]) for r in connection.execute(f"PRAGMA {pragma}").fetchall()]
        if rows != ["ok"]:
            return rows[:20]
        tables = {str(r[0]) for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "walks", "notes"} <= tables:
            return [f"{path.name} is not a walkapp database"]
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None:
            return [f"{path.name} has no schema revision"]
    except sqlite3.Error as error:
        return [f"{path.name}: {error}"]
    finally:
        connection.close()
    return []


def newest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The newest copy that passes `verify_backup`, or None."""
    for info in list_backups(backup_dir):
        if not verify_backup(info.path):
            return info
        log.warning("skipping damaged backup %s", info.path)
    return None


# -- rotation ---------------------------------------------------------------------------------
def backups_to_keep(backups: list[BackupInfo], policy: RotationPolicy = DEFAULT_POLICY,
                    now: datetime | None = None) -> set[Path]:
    """Apply `policy` to `backups` (any order); the paths that stay."""
    now = now or datetime.now(UTC)
    newest_first = sorted(backups, key=lambda b: (b.created_at, _mtime(b.path), b.name),
                          reverse=True)
    keep = {b.path for b in newest_first[:max(policy.keep_recent, 0)]}
    today = now.date()
    first_day = today - timedelta(days=policy.keep_daily - 1)
    this_week = _week_start(today)
    first_week = this_week - timedelta(weeks=policy.keep_weekly - 1)
    seen_days: set[date] = set()
    seen_weeks: set[date] = set()
    for info in newest_first:
        day = info.created_at.date()
        if policy.keep_daily > 0 and first_day <= day <= today and day not in seen_days:
            seen_days.add(day)
            keep.add(info.path)
        week = _week_start(day)
        if (policy.keep_weekly > 0 and first_week <= week <= this_week
                and week not in seen_weeks):
            seen_weeks.add(week)
            keep.add(info.path)
    return keep


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def rotate_backups(backup_dir: Path, policy: RotationPolicy = DEFAULT_POLICY,
                   now: datetime | None = None) -> list[Path]:
    """Delete the copies `policy` does not keep; return what was deleted."""
    backups = list_backups(backup_dir)
    keep = backups_to_keep(backups, policy, now)
    removed: list[Path] = []
    for info in backups:
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


def rotate_quietly(backup_dir: Path, policy: RotationPolicy = DEFAULT_POLICY) -> list[Path]:
    """Rotate, but never let a failure to delete an old copy fail the new backup."""
    try:
        return rotate_backups(backup_dir, policy)
    except OSError:
        log.warning("could not rotate backups in %s", backup_dir, exc_info=True)
        return []
