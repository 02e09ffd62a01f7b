"""Storage failures in plain words: turn a driver's or the OS's exception into a StorageError.

Decided by the driver's result code or the errno (see `translate_error`), with one classifier
per database driver. It lives apart from `walkapp.storage.db` because the modules the
database itself uses while opening (the backups made before a migration) need it too;
`walkapp.storage.db` passes `translate_error` on for its existing callers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from walkapp.errors import StorageError
from walkapp.storage.os_errors import ErrorContext, classify_os_error
from walkapp.storage.sqlite_errors import classify_sqlite_error

# One classifier per database driver: the exception type its errors derive from, and how
# to read them. Only SQLite is built; PostgreSQL (psycopg) gets its own entry when walkapp
# supports it. A driver error no classifier claims is treated as a bug (None).
_DriverClassifier = Callable[[BaseException, ErrorContext], StorageError | None]
DRIVER_CLASSIFIERS: tuple[tuple[type[BaseException], _DriverClassifier], ...] = (
    (sqlite3.Error, classify_sqlite_error),
)


def translate_error(error: BaseException, where: str = "", *, path: Path | None = None,
                    space_of: Path | None = None) -> StorageError | None:
    """Turn a storage exception into a user-facing StorageError, or None if it is a bug.

    Decided by the driver's result code (SQLite's `sqlite_errorcode`) or the OSError's
    errno, never by the words of a message. `where` says what was being done ("saving the
    note"); `path` is the database file involved, `space_of` the file or folder whose
    disk's free space a "disk full" message reports (default: `path`, else the OSError's
    file name).
    """
    if isinstance(error, StorageError):
        return error
    original = error.orig if isinstance(error, DBAPIError) else error
    if original is None:
        return None
    context = ErrorContext(where, path, space_of)
    for kind, classify in DRIVER_CLASSIFIERS:
        if isinstance(original, kind):
            return classify(original, context)
    if isinstance(original, OSError):
        return classify_os_error(original, context)
    return None
