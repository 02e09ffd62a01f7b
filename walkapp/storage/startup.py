"""The check before the database is opened, and what to do when it finds damage.

`check_database` looks without touching: the file's SQLite header, SQLite's `quick_check`
on a read-only connection, and the schema revision. Its report says plainly what is wrong.
`quick_check` reads every page of the file (0.6 s for 800 MB), so the app asks for it only
when `walkapp.storage.check_schedule` says so (after an unclean exit, once a week, or
after it found damage) and runs it in the background; every start makes the other checks.
On a damaged (or missing) database, `recover` first moves the damaged file aside untouched
(`damaged-<time>.sqlite3` in the data folder), then restores the newest *good* backup or
creates a fresh, empty database in its place. Nothing is overwritten silently: the caller
asks the user which of the two they want (or to quit, leaving everything as it is).

The first look (missing, empty, cut short, unreadable) is the same as the one every open
makes (`walkapp.storage.guard`): what the app offers to restore, commands refuse.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from walkapp import formatting as fmt
from walkapp.config import Settings
from walkapp.errors import CorruptDatabaseError, StorageError
from walkapp.storage.backup import BackupInfo, check_backup_dir, newest_good_backup
from walkapp.storage.db import Database
from walkapp.storage.guard import FileState, expected_backups, look_at_database_file
from walkapp.storage.restore import RestoreResult, restore, set_aside_damaged
from walkapp.storage.translate import translate_error


class StartupStatus(StrEnum):
    OK = "ok"                # open it
    NEW = "new"              # no database and no backups: a first start
    MISSING = "missing"      # no database, but backups exist: it was moved or deleted
    DAMAGED = "damaged"      # offer: restore newest good backup / start empty / quit
    NEWER = "newer"          # written by a newer walkapp: quit, leave it alone
    UNREADABLE = "unreadable"  # cannot be read (permissions, a folder…): with backups,
    #                            offer as for DAMAGED; without, quit


class RecoveryChoice(StrEnum):
    RESTORE_BACKUP = "restore"
    START_EMPTY = "empty"


@dataclass(frozen=True)
class StartupReport:
    status: StartupStatus
    path: Path | None
    problems: tuple[str, ...] = ()
    revision: str | None = None
    backups: int = 0
    seconds: float = 0.0

    @property
    def needs_recovery(self) -> bool:
        if self.status is StartupStatus.UNREADABLE:
            # Moving it aside needs only the folder; with a backup to put back, offer it.
            return self.backups > 0
        return self.status in (StartupStatus.DAMAGED, StartupStatus.MISSING)

    @property
    def can_open(self) -> bool:
        return self.status in (StartupStatus.OK, StartupStatus.NEW)

    @property
    def message(self) -> str:
        """What happened, in a sentence or two for the user."""
        where = str(self.path)
        first = self.problems[0] if self.problems else ""
        offer = fmt.tr("You can restore the newest good backup, or start with an empty "
                       "database.")
        if self.status is StartupStatus.DAMAGED:
            if not self.backups:
                offer = fmt.tr("There is no backup to restore; you can start with an empty "
                               "database.")
            return fmt.tr("walkapp's database {path} is damaged ({problem}). The damaged file "
                          "will be kept aside, untouched. {offer}").format(
                path=where, problem=first, offer=offer)
        if self.status is StartupStatus.MISSING:
            return fmt.plural(self.backups,
                              "walkapp's database {path} is missing (moved or deleted?), but "
                              "{n} backup exists. {offer}",
                              "walkapp's database {path} is missing (moved or deleted?), but "
                              "{n} backups exist. {offer}").format(path=where, offer=offer)
        if self.status is StartupStatus.NEWER:
            return fmt.tr("The database {path} was written by a newer walkapp (schema "
                          "{revision}). Install the newer walkapp to open it; it was left as "
                          "it is.").format(path=where, revision=self.revision)
        if self.status is StartupStatus.UNREADABLE:
            if self.backups:
                return fmt.tr("walkapp cannot read its database {path}: {problem}. It will be "
                              "kept aside, untouched. {offer}").format(
                    path=where, problem=first, offer=offer)
            return fmt.tr("walkapp cannot read its database {path}: {problem}.").format(
                path=where, problem=first)
        return fmt.tr("The database is fine.")


@dataclass(frozen=True)
class RecoveryResult:
    choice: RecoveryChoice
    damaged_copy: Path | None
    restored: RestoreResult | None
    backup: BackupInfo | None


def check_database(settings: Settings, *, quick_check: bool = True) -> StartupReport:
    """Look at the database before opening it; never writes to it. With `quick_check`
    False only the cheap checks are made (the header, the tables, the schema revision):
    damage inside the file's pages is then not looked for."""
    started = time.perf_counter()
    path = settings.sqlite_path
    if path is None:
        return StartupReport(StartupStatus.OK, None)
    check_backup_dir(settings.backup_dir)  # a backups/ that is a link: refused, said why
    backups = expected_backups(settings.backup_dir)

    def report(status: StartupStatus, *problems: str, revision: str | None = None
               ) -> StartupReport:
        return StartupReport(status, path, tuple(problems), revision, backups,
                             time.perf_counter() - started)

    look = look_at_database_file(path)
    if look.state is FileState.ABSENT:
        return report(StartupStatus.MISSING if backups else StartupStatus.NEW)
    if look.state in (FileState.EMPTY, FileState.NO_TABLES):
        # What a first start leaves if it stopped before creating tables; with backups
        # around it more likely means the file was truncated or replaced.
        return report(StartupStatus.DAMAGED if backups else StartupStatus.NEW, look.problem)
    if look.state in (FileState.NOT_A_FILE, FileState.UNREADABLE):
        return report(StartupStatus.UNREADABLE, look.problem)
    if look.state is not FileState.PRESENT:
        return report(StartupStatus.DAMAGED, look.problem)
    try:
        status, problems, revision = _inspect(path, backups, quick_check)
    except sqlite3.Error as error:
        # By result code: a full disk, a lock held by another program or a failing disk
        # says nothing about the file, and "damaged" would offer to set it aside.
        translated = translate_error(error, fmt.N_("checking the database"), path=path)
        if translated is not None and not isinstance(translated, CorruptDatabaseError):
            return report(StartupStatus.UNREADABLE, translated.message.rstrip("."))
        return report(StartupStatus.DAMAGED, str(error))
    return report(status, *problems, revision=revision)


def _inspect(path: Path, backups: int, quick_check: bool = True
             ) -> tuple[StartupStatus, list[str], str | None]:
    # Read-only: a damaged file must reach the "set aside" step exactly as it was found.
    # A read-only connection still makes the WAL's side files (-wal, -shm) when they are
    # missing, and leaves them behind. When neither is there, no connection is open on the
    # file (SQLite keeps -shm while any WAL connection is) and no WAL holds changes, so
    # the file is read as it stands (immutable) and nothing is added to the folder.
    immutable = not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))
    connection = sqlite3.connect(
        f"{path.absolute().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}", uri=True)
    try:
        if quick_check:
            rows = [str(r[0]) for r in connection.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                return StartupStatus.DAMAGED, rows[:20], None
        tables = {str(r[0]) for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            if backups:
                empty = fmt.tr("the file is empty, a SQLite file with no tables")
                return StartupStatus.DAMAGED, [empty], None
            return StartupStatus.NEW, [], None
        if "alembic_version" not in tables:
            return StartupStatus.DAMAGED, [fmt.tr("it is not a walkapp database")], None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    if row is None:
        return StartupStatus.DAMAGED, [fmt.tr("it has no schema revision")], None
    revision = str(row[0])
    if not _known_revision(revision):
        return StartupStatus.NEWER, [], revision
    return StartupStatus.OK, [], revision


def _known_revision(revision: str) -> bool:
    from walkapp.storage import migrate

    return migrate.is_known_revision(revision)


def recover(settings: Settings, report: StartupReport, choice: RecoveryChoice
            ) -> RecoveryResult:
    """Act on the user's choice after a DAMAGED, MISSING (or UNREADABLE, with backups) report.

    The damaged file is moved aside first in both cases. RESTORE_BACKUP restores the newest
    backup that passes the full check (damaged ones, and ones this walkapp cannot open, are
    skipped); if there is none it raises StorageError and the damaged file stays aside, the
    place left empty. START_EMPTY creates the fresh database now, on the user's word: every
    later open finds a database and never has to guess whether an empty one is wanted.
    """
    path = settings.sqlite_path
    if path is None or not report.needs_recovery:
        raise ValueError(f"nothing to recover for a {report.status.value} database")
    damaged: Path | None = None
    if os.path.lexists(path):
        damaged = set_aside_damaged(path, settings.data_dir)
    if choice is RecoveryChoice.START_EMPTY:
        Database(settings, create_empty=True).open().close()
        return RecoveryResult(choice, damaged, None, None)
    good = newest_good_backup(settings.backup_dir)
    if good is None:
        parts = [fmt.tr("No good backup was found to restore.")]
        if damaged:
            parts.append(fmt.tr("The damaged file is kept as {path}.").format(path=damaged))
        parts.append(fmt.tr("Start with an empty database, or copy a backup into {folder} and "
                            "try again.").format(folder=settings.backup_dir))
        raise StorageError(" ".join(parts))
    restored = restore(path, good.path, settings.backup_dir)
    return RecoveryResult(choice, damaged, restored, good)
