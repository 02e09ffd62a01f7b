"""Real SQLite errors for the error-classification tests, and one injected kind.

Most helpers make SQLite itself fail (a lock held by another process, a table that is not
there, bytes that are not a database…), so the exception carries the result code SQLite
really gives. `injected` builds the exception type `_sqlite3` raises for a code that needs a
broken disk to happen for real (the real-disk tests cover those in a private mount).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

# The numbers are fixed by SQLite's C API (sqlite3.h); extended codes are primary | n << 8.
CODES = {
    "SQLITE_FULL": 13,
    "SQLITE_IOERR_WRITE": 778,
    "SQLITE_IOERR_FSYNC": 1034,
    "SQLITE_IOERR_SHMSIZE": 4874,
    "SQLITE_IOERR_READ": 266,
    "SQLITE_CANTOPEN": 14,
    "SQLITE_READONLY": 8,
    "SQLITE_READONLY_DBMOVED": 1032,
    "SQLITE_PERM": 3,
    "SQLITE_AUTH": 23,
    "SQLITE_PROTOCOL": 15,
}


def injected(name: str, message: str = "disk I/O error") -> sqlite3.OperationalError:
    """An OperationalError as `_sqlite3` raises it for the result code `name`."""
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = CODES[name]  # type: ignore[attr-defined]
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


def raised(connection: sqlite3.Connection, sql: str,
           parameters: tuple[object, ...] = ()) -> sqlite3.Error:
    """Run `sql` and return the sqlite3 error it raises (fails the test if it raises none)."""
    try:
        connection.execute(sql, parameters).fetchall()
    except sqlite3.Error as error:
        return error
    raise AssertionError(f"{sql!r} did not fail")


def locked_within_one_connection(path: Path) -> sqlite3.Error:
    """SQLITE_LOCKED: a DROP TABLE while a read on the same connection is still open."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
        connection.executemany("INSERT INTO scratch VALUES (?)", [(1,), (2,), (3,)])
        cursor = connection.execute("SELECT x FROM scratch")
        cursor.fetchone()
        return raised(connection, "DROP TABLE scratch")
    finally:
        connection.close()


HOLD_LOCK_SCRIPT = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    # Readers too are shut out (even in WAL mode) until this connection lets go.
    connection.execute("PRAGMA locking_mode = EXCLUSIVE")
    connection.execute("BEGIN EXCLUSIVE")
    connection.execute("CREATE TABLE lock_holder_scratch (x)")
else:
    connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()          # hold the write lock until the test closes our stdin
connection.execute("ROLLBACK")
"""


class LockHolder:
    """Another process holding the database's write lock (what "another program" means);
    `exclusive` also keeps readers out. The holder rolls back: the file is left as it was."""

    def __init__(self, path: Path, *, exclusive: bool = False) -> None:
        mode = "exclusive" if exclusive else "write"
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK_SCRIPT, str(path), mode], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()   # blocks until the lock is really held
        assert line.strip() == "locked", line

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> LockHolder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
