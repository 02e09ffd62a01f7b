"""The check before the database is opened, and what to do when it finds damage.

`check_database` looks without touching: the file's SQLite header, SQLite's `quick_check`
on a read-only connection, and the schema revision. Its report says plainly what is wrong.
On a damaged (or missing) database, `recover` first moves the damaged file aside untouched
(`damaged-<time>.sqlite3` in the data folder), then restores the newest *good* backup or
leaves the place empty for a fresh database. Nothing is overwritten silently: the caller
asks the user which of the two they want (or to quit, leaving everything as it is).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from walkapp.config import Settings
from walkapp.errors import CorruptDatabaseError, StorageError
from walkapp.storage.backup import SQLITE_MAGIC, BackupInfo, list_backups, newest_good_backup
from walkapp.storage.db import translate_error
from walkapp.storage.restore import RestoreResult, restore, set_aside_damaged


class StartupStatus(StrEnum):
    OK = "ok"                # open it
    NEW = "new"              # no database and no backups: a first start
    MISSING = "missing"      # no database, but backups exist: it was moved or deleted
    DAMAGED = "damaged"      # offer: restore newest good backup / start empty / quit
    NEWER = "newer"          # written by a newer walkapp: quit, leave it alone
    UNREADABLE = "unreadable"  # cannot even be read (permissions, a folder…): quit


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
        return self.status in (StartupStatus.DAMAGED, StartupStatus.MISSING)

    @property
    def can_open(self) -> bool:
        return self.status in (StartupStatus.OK, StartupStatus.NEW)

    @property
    def message(self) -> str:
        """What happened, in a sentence or two for the user."""
        where = str(self.path)
        first = self.problems[0] if self.problems else ""
        if self.status is StartupStatus.DAMAGED:
            offer = ("You can restore the newest good backup, or start with an empty "
                     "database." if self.backups else
                     "There is no backup to restore; you can start with an empty database.")
            return (f"walkapp's database {where} is damaged ({first}). The damaged file "
                    f"will be kept aside, untouched. {offer}")
        if self.status is StartupStatus.MISSING:
            return (f"walkapp's database {where} is missing (moved or deleted?), but "
                    f"{self.backups} backup(s) exist. You can restore the newest good "
                    "backup, or start with an empty database.")
        if self.status is StartupStatus.NEWER:
            return (f"The database {where} was written by a newer walkapp (schema "
                    f"{self.revision}). Install the newer walkapp to open it; it was left "
                    "as it is.")
        if self.status is StartupStatus.UNREADABLE:
            return f"walkapp cannot read its database {where}: {first}."
        return "The database is fine."


@dataclass(frozen=True)
class RecoveryResult:
    choice: RecoveryChoice
    damaged_copy: Path | None
    restored: RestoreResult | None
    backup: BackupInfo | None


def check_database(settings: Settings) -> StartupReport:
    """Look at the database before opening it; never writes to it."""
    started = time.perf_counter()
    path = settings.sqlite_path
    if path is None:
        return StartupReport(StartupStatus.OK, None)
    backups = len(list_backups(settings.backup_dir))

    def report(status: StartupStatus, *problems: str, revision: str | None = None
               ) -> StartupReport:
        return StartupReport(status, path, tuple(problems), revision, backups,
                             time.perf_counter() - started)

    if not path.exists():
        return report(StartupStatus.MISSING if backups else StartupStatus.NEW)
    if not path.is_file():
        return report(StartupStatus.UNREADABLE, "it is not a file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as error:
        return report(StartupStatus.UNREADABLE, error.strerror or str(error))
    if not header:
        # An empty file is what a first start leaves if it stopped before creating tables;
        # with backups around it more likely means the file was truncated.
        return report(StartupStatus.DAMAGED if backups else StartupStatus.NEW,
                      "the file is empty")
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        return report(StartupStatus.DAMAGED, "the file is not a SQLite database")
    try:
        status, problems, revision = _inspect(path)
    except sqlite3.Error as error:
        # By result code: a full disk, a lock held by another program or a failing disk
        # says nothing about the file, and "damaged" would offer to set it aside.
        translated = translate_error(error, "checking the database", path=path)
        if translated is not None and not isinstance(translated, CorruptDatabaseError):
            return report(StartupStatus.UNREADABLE, translated.message.rstrip("."))
        return report(StartupStatus.DAMAGED, str(error))
    return report(status, *problems, revision=revision)


def _inspect(path: Path) -> tuple[StartupStatus, list[str], str | None]:
    # Read-only: a damaged file must reach the "set aside" step exactly as it was found.
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        rows = [str(r[0]) for r in connection.execute("PRAGMA quick_check").fetchall()]
        if rows != ["ok"]:
            return StartupStatus.DAMAGED, rows[:20], None
        tables = {str(r[0]) for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return StartupStatus.NEW, [], None
        if "alembic_version" not in tables:
            return StartupStatus.DAMAGED, ["it is not a walkapp database"], None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    if row is None:
        return StartupStatus.DAMAGED, ["it has no schema revision"], None
    revision = str(row[0])
    if not _known_revision(revision):
        return StartupStatus.NEWER, [], revision
    return StartupStatus.OK, [], revision


def _known_revision(revision: str) -> bool:
    from walkapp.storage import migrate

    try:
        return migrate.script_directory().get_revision(revision) is not None
    except Exception:
        return False


def recover(settings: Settings, report: StartupReport, choice: RecoveryChoice
            ) -> RecoveryResult:
    """Act on the user's choice after a DAMAGED or MISSING report.

    The damaged file is moved aside first in both cases. RESTORE_BACKUP restores the newest
    backup that passes the full integrity check (damaged backups are skipped); if there is
    none it raises StorageError and the damaged file stays aside, the place left empty.
    """
    path = settings.sqlite_path
    if path is None or not report.needs_recovery:
        raise ValueError(f"nothing to recover for a {report.status.value} database")
    damaged: Path | None = None
    if path.exists():
        damaged = set_aside_damaged(path, settings.data_dir)
    if choice is RecoveryChoice.START_EMPTY:
        return RecoveryResult(choice, damaged, None, None)
    good = newest_good_backup(settings.backup_dir)
    if good is None:
        kept = f" The damaged file is kept as {damaged}." if damaged else ""
        raise StorageError("No good backup was found to restore." + kept +
                           " Start with an empty database, or copy a backup into "
                           f"{settings.backup_dir} and try again.")
    restored = restore(path, good.path, settings.backup_dir)
    return RecoveryResult(choice, damaged, restored, good)
