"""SQLite failures told apart by result code, never by the words of SQLite's message.

Python (3.11+) puts SQLite's extended result code on every error SQLite raised
(`sqlite_errorcode`, e.g. 4874) and its name (`sqlite_errorname`, "SQLITE_IOERR_SHMSIZE");
the primary code is the low byte (`code & 0xFF`, here SQLITE_IOERR). Errors Python's sqlite3
module raises itself (a closed connection, the wrong number of bindings) carry no code.

What each code means for the user:

- BUSY, PROTOCOL: another program holds the database's lock → DatabaseLockedError.
- LOCKED: a conflict *inside one connection* (a DROP while a read on the same connection is
  open) or between connections sharing a cache in one process. walkapp never shares a cache
  and never lets two threads or two transactions share a connection (walkapp.storage.pool),
  so no other program can cause it: it is a bug in walkapp, not "another program" → None
  (the crash path).
- READONLY: ReadOnlyError, except READONLY_DBMOVED (SQLite saw the file moved or replaced
  under an open connection) → DatabaseMissingError.
- FULL → DiskFullError. IOERR: writes, syncs and -shm growth fail this way on a full disk
  too, so the disk is looked at (`os_errors.diagnose_disk`); otherwise an honest "could not
  read or write the disk".
- CORRUPT, NOTADB → CorruptDatabaseError. CANTOPEN: diagnosed from the file system (gone,
  a folder, a read-only disk, no permission, full). PERM → ReadOnlyError.
- AUTH comes only from walkapp's own authorizer (walkapp.storage.read_only): a command
  declared read-only tried to write — a bug → None.
- ERROR (bad SQL, a missing table or column), CONSTRAINT, MISMATCH, MISUSE, RANGE, TOOBIG,
  SCHEMA, INTERRUPT, ABORT, INTERNAL, and anything without a code: a programmer error →
  None, so it is reported as a bug and never as a damaged database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from walkapp.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    DatabaseMissingError,
    StorageError,
)
from walkapp.formatting import tr
from walkapp.storage import os_errors
from walkapp.storage.os_errors import ErrorContext

# Primary result codes, fixed by SQLite's C API (sqlite3.h).
SQLITE_ERROR = 1
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_PROTOCOL = 15
SQLITE_NOLFS = 22
SQLITE_AUTH = 23
SQLITE_NOTADB = 26


def _extended(primary: int, number: int) -> int:
    return primary | (number << 8)


SQLITE_READONLY_DBMOVED = _extended(SQLITE_READONLY, 4)
SQLITE_CANTOPEN_ISDIR = _extended(SQLITE_CANTOPEN, 2)
# The I/O errors a full disk (or quota) can cause: writing, syncing, truncating, growing or
# mapping the -shm file, atomic-write batches. The others (read, lock, stat…) cannot.
SPACE_IOERRS = frozenset(_extended(SQLITE_IOERR, n) for n in (3, 4, 5, 6, 18, 19, 21, 24, 25,
                                                             29, 30))

# The tables every walkapp database has once it has been opened (migrated) once.
WALKAPP_TABLES = frozenset({"alembic_version", "walks", "notes"})


def result_code(error: BaseException) -> int | None:
    """SQLite's extended result code for `error`, or None if SQLite did not raise it."""
    code = getattr(error, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None


def primary_code(error: BaseException) -> int | None:
    code = result_code(error)
    return None if code is None else code & 0xFF


def _name(error: BaseException, code: int) -> str:
    name = getattr(error, "sqlite_errorname", None)
    return name if isinstance(name, str) and name else tr("SQLite error {code}").format(code=code)


def classify_sqlite_error(error: BaseException, context: ErrorContext) -> StorageError | None:
    """The StorageError the user should see for a SQLite error, or None if it is a bug."""
    code = result_code(error)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_PROTOCOL):
        return DatabaseLockedError(
            tr("The walkapp database is busy: another program is using it{place}. Nothing was "
               "changed. Close the other program (or wait for it to finish) and try again.").format(
                place=context.place))
    if primary == SQLITE_FULL:
        return os_errors.disk_full_error(context)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return _damaged(context)
    if primary == SQLITE_READONLY:
        if code == SQLITE_READONLY_DBMOVED:
            return _moved(context)
        diagnosed = os_errors.diagnose_disk(context)
        return diagnosed or os_errors.read_only_error(context)
    if primary == SQLITE_PERM:
        return os_errors.permission_error(context)
    if primary == SQLITE_CANTOPEN:
        return _cannot_open(code, context)
    if primary == SQLITE_IOERR:
        if code in SPACE_IOERRS:
            diagnosed = os_errors.diagnose_disk(context)
            if diagnosed is not None:
                return diagnosed
        return os_errors.io_error(context, tr("SQLite reported {name}").format(
            name=_name(error, code)))
    if primary == SQLITE_NOLFS:
        return StorageError(
            tr("The walkapp database has grown too large for the disk it is on{place}. Nothing "
               "was changed. Move the data folder to another disk with --data-dir.").format(
                place=context.place))
    return None


def _damaged(context: ErrorContext) -> CorruptDatabaseError:
    name = f" {context.path}" if context.path is not None else ""
    return CorruptDatabaseError(
        tr("The walkapp database file{name} is damaged or is not a walkapp database{place}. "
           "Nothing was changed. Run `walkapp check`, or restore a backup with `walkapp "
           "restore`.").format(name=name, place=context.place))


def _moved(context: ErrorContext) -> StorageError:
    path = context.path
    if path is None:
        return DatabaseMissingError(
            tr("The walkapp database file was moved or replaced while walkapp was using "
               "it{place}. Nothing was saved or changed, and any text you typed is still here. "
               "Copy that text somewhere safe, then restart walkapp.").format(
                place=context.place))
    if not path.exists():
        return os_errors.database_gone_error(context, path)
    return os_errors.database_replaced_error(context, path)


def _cannot_open(code: int, context: ErrorContext) -> StorageError:
    path = context.path
    if code == SQLITE_CANTOPEN_ISDIR or (path is not None and path.is_dir()):
        shown = f" {path}" if path is not None else ""
        return StorageError(
            tr("walkapp cannot open its database{shown}{place}: it is a folder, not a file. "
               "Nothing was changed. Move the folder away, or choose another data folder with "
               "--data-dir.").format(shown=shown, place=context.place))
    if path is not None and not path.exists():
        return os_errors.database_gone_error(context, path)
    diagnosed = os_errors.diagnose_disk(context)
    if diagnosed is not None:
        return diagnosed
    shown = f" {path}" if path is not None else ""
    return StorageError(
        tr("walkapp could not open its database{shown}{place}. Nothing was changed. Check that "
           "the file and its folder are there and that you may read and write them, then try "
           "again.").format(shown=shown, place=context.place))


def missing_walkapp_tables(path: Path) -> str | None:
    """Why the file at `path` is no longer a walkapp database, or None if it still is.

    Used after a SQL error on a database that opened (and migrated) fine: if walkapp's own
    tables have gone since, the file was emptied or overwritten under us (damaged), and the
    error is not a bug in walkapp's SQL.
    """
    try:
        if path.stat().st_size == 0:
            return tr("the file is empty")
    except OSError:
        return None
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = {str(row[0]) for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as error:
        return None if primary_code(error) not in (SQLITE_CORRUPT, SQLITE_NOTADB) else (
            tr("it cannot be read"))
    finally:
        connection.close()
    if tables >= WALKAPP_TABLES:
        return None
    return tr("walkapp's tables are gone from it")
