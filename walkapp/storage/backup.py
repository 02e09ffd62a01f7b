"""Backups of the database: consistent, checked, rotated copies in the data folder's `backups/`.

`backup_now` is the one entry point other parts call (before a migration, an import, a
purge, a restore, and every 30 minutes of use). Each copy is made with SQLite's online
backup API (consistent even while the app writes), checked with `quick_check`, and then the
folder is rotated: the last few copies are kept, plus one a day and one a week for a while
(see `RotationPolicy`). Copies made before a migration, import or restore are ordinary
members of that policy, so old personal data does not pile up in backups forever.

File names say why and when: `<reason>-<YYYYmmddTHHMMSSZ>[-n].sqlite3`. Anything else in the
folder (another name, an impossible time, a sub-folder, a link) is *foreign*: listed so the
user knows it is there, but never restored unless asked for by path, and never deleted.
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
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from walkapp.config import Settings
from walkapp.errors import CorruptDatabaseError, StorageError
from walkapp.formatting import N_, tr
from walkapp.storage import migrate
from walkapp.storage.guard import SQLITE_MAGIC as SQLITE_MAGIC
from walkapp.storage.guard import read_start
from walkapp.storage.safe_files import (
    UnsafePathError,
    link_target,
    make_private_dirs,
    restrict_folder,
)
from walkapp.storage.snapshot import copy_database
from walkapp.storage.translate import translate_error

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".sqlite3"
_REASON = re.compile(r"[^a-z0-9-]+")
# Exactly what `_free_name` writes: ASCII digits only, and a counter from -2 up.
_NAME = re.compile(r"^(?P<reason>[a-z0-9]+(?:-+[a-z0-9]+)*)-(?P<stamp>[0-9]{8}T[0-9]{6}Z)"
                   r"(?:-(?:[2-9]|[1-9][0-9]+))?\.sqlite3$")


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


@dataclass(frozen=True)
class ForeignEntry:
    """Something in the backups folder that walkapp did not write, and why it says so."""

    path: Path
    why: str
    size_bytes: int | None = None  # regular files only

    @property
    def name(self) -> str:
        return self.path.name


class BackupProblem(StrEnum):
    """Why a copy cannot be restored (see `check_backup`)."""

    UNREADABLE = "unreadable"
    NOT_A_FILE = "not-a-file"
    EMPTY = "empty"
    NOT_SQLITE = "not-sqlite"
    DAMAGED = "damaged"
    NOT_WALKAPP = "not-walkapp"
    NEWER = "newer"


class DatabaseFile(Protocol):
    """What `backup_now` needs of a `walkapp.storage.db.Database`.

    Named as a port rather than imported: the Database itself uses this module (it copies the
    file aside before a migration), so importing it here would make a cycle.
    """

    settings: Settings
    path: Path | None

    def verify_file(self, where: str = "") -> None: ...


# -- making copies ----------------------------------------------------------------------------
def backup_now(db: DatabaseFile, reason: str = "manual",
               policy: RotationPolicy = DEFAULT_POLICY) -> Path | None:
    """Copy the database to backups/<reason>-<UTC time>.sqlite3, check it, rotate.

    Returns the copy's path, or None when the database is not a local file (or has no
    file yet). Raises StorageError (with a plain message) when no good copy could be made.
    """
    if db.path is None or not db.path.exists():
        return None
    # A file put in the database's place is not ours to copy: as a "newest" backup it
    # would push the good copies out of the rotation.
    db.verify_file(N_("making a backup"))
    target = backup_file(db.path, db.settings.backup_dir, reason)
    rotate_quietly(db.settings.backup_dir, policy)
    return target


def backup_file(source: Path, backup_dir: Path, reason: str = "manual",
                now: datetime | None = None) -> Path:
    """Copy the database file `source` into `backup_dir`; usable without a Database."""
    check_backup_dir(backup_dir)
    try:
        make_private_dirs(backup_dir)
    except OSError as error:
        translated = translate_error(error, N_("making a backup"))
        raise (translated or StorageError(
            tr("The backups folder {backup_dir} could not be created: {value}.").format(
                backup_dir=backup_dir, value=error.strerror or error))) from error
    target = _free_name(backup_dir, reason, now)
    try:
        copy_database(source, target)
    except Exception as error:
        translated = translate_error(error, N_("making a backup"), path=source,
                                     space_of=target.parent)
        if translated is not None:
            raise translated from error
        if isinstance(error, OSError):
            raise StorageError(tr("The backup could not be written to {parent}: {value}.").format(
                                   parent=target.parent, value=error.strerror or error)) from error
        raise
    problems = verify_backup(target, quick=True)
    if problems:
        # A damaged copy would push good ones out of the rotation; keep none at all.
        with contextlib.suppress(OSError):
            target.unlink()
        raise CorruptDatabaseError(
            tr("The database has problems, so no backup was made ({problems}). Run `walkapp "
               "check`, or restore a backup with `walkapp restore`.").format(
                problems=problems[0]))
    restrict_folder(backup_dir)  # 0700, and never through a link
    return target


def timestamp_for_filename(moment: datetime | None = None) -> str:
    moment = moment or datetime.now(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _free_name(backup_dir: Path, reason: str, now: datetime | None) -> Path:
    slug = _REASON.sub("-", reason.lower()).strip("-") or "backup"
    stamp = timestamp_for_filename(now)
    target = backup_dir / f"{slug}-{stamp}{BACKUP_SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = backup_dir / f"{slug}-{stamp}-{counter}{BACKUP_SUFFIX}"
    return target


def check_backup_dir(backup_dir: Path) -> None:
    """Refuse a `backups/` that is a symbolic link: backups hold every note, so they are
    made and read only in walkapp's own folder, never wherever a link points (and that
    folder is never chmod-ed)."""
    target = link_target(backup_dir)
    if target is not None:
        raise UnsafePathError(
            tr("walkapp's backups folder {backup_dir} is a symbolic link (to {target}), so "
               "walkapp neither makes backups there nor reads them, and nothing was changed. "
               "Move the link out of the data folder (walkapp then makes a real backups folder "
               "itself) and try again.").format(backup_dir=backup_dir, target=target))


# -- finding and checking copies --------------------------------------------------------------
def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """The copies walkapp made in `backup_dir`, newest first (foreign entries are left out)."""
    return scan_backups(backup_dir)[0]


def foreign_entries(backup_dir: Path) -> list[ForeignEntry]:
    """What else is in `backup_dir` (see `ForeignEntry`), by name."""
    return scan_backups(backup_dir)[1]


def scan_backups(backup_dir: Path) -> tuple[list[BackupInfo], list[ForeignEntry]]:
    """walkapp's copies (newest first) and the foreign entries (by name) in `backup_dir`.

    Never raises for what is in the folder: any name, any kind of entry is sorted into one
    of the two lists; an unreadable or absent folder has neither. A `backups/` that is a
    link is refused (UnsafePathError): its target is not walkapp's to read or change.
    """
    check_backup_dir(backup_dir)
    found: list[BackupInfo] = []
    foreign: list[ForeignEntry] = []
    try:
        entries = list(backup_dir.iterdir())
    except OSError:
        return [], []
    for path in entries:
        try:
            info = path.lstat()  # a link is not followed: it is foreign, whatever it names
        except OSError:
            continue
        mode = info.st_mode
        size = info.st_size if stat.S_ISREG(mode) else None
        why = _not_ours(path.name, mode)
        if why is not None:
            foreign.append(ForeignEntry(path, why, size))
            continue
        match = _NAME.match(path.name)
        assert match is not None  # _not_ours checked it
        created = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        found.append(BackupInfo(path=path, reason=match["reason"], created_at=created,
                                size_bytes=info.st_size))
    # Same second: the numbered suffix (-2, -3…) is newer; mtime settles the rest.
    found.sort(key=lambda b: (b.created_at, _mtime(b.path), b.name), reverse=True)
    foreign.sort(key=lambda f: f.name)
    return found, foreign


def _not_ours(name: str, mode: int) -> str | None:
    """Why an entry is not one of walkapp's copies, or None if it is one."""
    if stat.S_ISLNK(mode):
        return tr("a symbolic link (walkapp never makes one here, so it is not followed)")
    if stat.S_ISDIR(mode):
        return tr("a folder")
    if not stat.S_ISREG(mode):
        return tr("not a regular file")
    if name.startswith(".") and name.endswith(".part"):
        return tr("an unfinished copy (a backup that was interrupted)")
    match = _NAME.match(name)
    if match is None:
        return tr("not a name walkapp gives its backups")
    try:
        datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ")
    except ValueError:
        return tr("named like a backup, but its date or time is impossible")
    return None


def _mtime(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except OSError:
        return 0.0


def verify_backup(path: Path, *, quick: bool = False) -> list[str]:
    """Problems found in a copy (empty list: it is a good walkapp database this walkapp opens).

    See `check_backup`; the first line says what is wrong in plain words.
    """
    found = check_backup(path, quick=quick)
    return [] if found is None else found[1]


def check_backup(path: Path, *, quick: bool = False
                 ) -> tuple[BackupProblem, list[str]] | None:
    """Why the copy at `path` cannot be restored, or None if it can.

    Refused: anything but a regular file (a folder, a pipe…), an empty or unreadable file, a
    file that is not SQLite, fails SQLite's integrity check (`quick` uses the faster
    quick_check), lacks walkapp's tables or schema revision, or was written by a newer
    walkapp (a revision our migrations do not know: restored, it would not open). An older
    revision is fine: it is migrated when opened. Reads only; never waits on a pipe.
    """
    name = path.name
    try:
        info = os.stat(path)
    except OSError as error:
        return BackupProblem.UNREADABLE, [tr("cannot read {name}: {error}").format(
            name=name, error=error.strerror or error)]
    if stat.S_ISDIR(info.st_mode):
        return BackupProblem.NOT_A_FILE, [tr("{name} is a folder, not a file").format(name=name)]
    if not stat.S_ISREG(info.st_mode):
        return BackupProblem.NOT_A_FILE, [
            tr("{name} is not a file (a pipe, socket or device)").format(name=name)]
    if info.st_size == 0:
        return BackupProblem.EMPTY, [tr("{name} is empty (0 bytes)").format(name=name)]
    try:
        header = read_start(path, len(SQLITE_MAGIC))
    except OSError as error:
        return BackupProblem.UNREADABLE, [tr("cannot read {name}: {error}").format(
            name=name, error=error.strerror or error)]
    if header is None:
        return BackupProblem.NOT_A_FILE, [
            tr("{name} is not a file (a pipe, socket or device)").format(name=name)]
    if header != SQLITE_MAGIC:
        return BackupProblem.NOT_SQLITE, [tr("{name} is not a SQLite database").format(name=name)]
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return BackupProblem.UNREADABLE, [tr("cannot open {name}: {error}").format(
            name=name, error=error)]
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [str(r[0]) for r in connection.execute(f"PRAGMA {pragma}").fetchall()]
        if rows != ["ok"]:
            first = rows[0] if rows else tr("no answer from the integrity check")
            return BackupProblem.DAMAGED, [
                tr("{name} is damaged ({problem})").format(name=name, problem=first), *rows[1:20]]
        tables = {str(r[0]) for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"alembic_version", "walks", "notes"} <= tables:
            return BackupProblem.NOT_WALKAPP, [
                tr("{name} is not a walkapp database").format(name=name)]
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as error:
        return BackupProblem.DAMAGED, [
            tr("{name} is damaged or unreadable ({error})").format(name=name, error=error)]
    finally:
        connection.close()
    if row is None or row[0] is None:
        return BackupProblem.NOT_WALKAPP, [tr("{name} has no schema revision").format(name=name)]
    if not migrate.is_known_revision(str(row[0])):
        return BackupProblem.NEWER, [
            tr("{name} was written by a newer walkapp (schema {revision}), so this walkapp "
               "could not open it").format(name=name, revision=row[0])]
    return None


def newest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The newest of walkapp's copies that passes `verify_backup`, or None.

    Foreign entries are never candidates: a file walkapp did not name is restored only when
    the user gives its path.
    """
    for info in list_backups(backup_dir):
        problems = verify_backup(info.path)
        if not problems:
            return info
        log.warning("skipping backup %s: %s", info.path, problems[0])
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
