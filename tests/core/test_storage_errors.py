"""Storage errors are told apart by SQLite's result code, never by words in its message.

Each case makes SQLite really fail (a lock held by another process, a table that is not
there, damaged bytes, a file moved away…) and checks what the user is told: disk full always
says so with the free space, a file that is gone says so (never "read-only"), and a
programmer's mistake is not dressed up as a damaged database: it stays an exception (a bug),
so it reaches the crash dialog or the CLI's internal-error line.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from tests.helpers.one_walk import FREE, draft
from tests.helpers.sqlite_faults import LockHolder, injected, locked_within_one_connection, raised
from walkapp import domain as d
from walkapp.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    DatabaseMissingError,
    DiskFullError,
    ReadOnlyError,
    StorageError,
)
from walkapp.events import Change
from walkapp.services import Services
from walkapp.storage.db import translate_error
from walkapp.storage.types import new_id


def _scratch(tmp_path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(tmp_path / "scratch.sqlite3", isolation_level=None)
    connection.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, x NOT NULL)")
    return connection


# -- disk full ----------------------------------------------------------------------------------
def test_a_real_sqlite_full_says_disk_full_with_the_free_space(
        services: Services, walk: d.Walk, changes: list[Change]) -> None:
    note_id = new_id()
    services.notes.save_note(draft(walk, "Pairs talk", note_id))
    changes.clear()
    with services.db.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def cap(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    event.listen(services.db.engine, "connect", cap)
    services.db.engine.dispose()  # connections are kept per thread: open a capped one
    with pytest.raises(DiskFullError) as caught:
        services.notes.save_note(draft(walk, "counting aloud " * 60_000, note_id))
    message = caught.value.message
    assert "disk is full" in message and FREE.search(message), message
    assert "text you typed is still here" in message and "Nothing was saved or changed" in message
    assert changes == []


@pytest.mark.parametrize("name", ["SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_WRITE",
                                  "SQLITE_IOERR_FSYNC"])
def test_a_disk_io_error_on_a_full_disk_is_disk_full(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite reports ENOSPC while growing the -shm or syncing as a "disk I/O error"."""
    from walkapp.storage import os_errors

    database = tmp_path / "walkapp.sqlite3"
    database.touch()
    monkeypatch.setattr(os_errors, "free_bytes", lambda path: 12 * 1024)
    translated = translate_error(injected(name), "saving the note", path=database)
    assert isinstance(translated, DiskFullError), translated
    assert "disk is full" in translated.message and "12 KB free" in translated.message


def test_a_disk_io_error_with_space_left_is_an_honest_io_error() -> None:
    translated = translate_error(injected("SQLITE_IOERR_READ"), "saving the note")
    assert type(translated) is StorageError, translated
    assert "could not read or write the disk" in translated.message
    assert "disk is full" not in translated.message
    assert "another program" not in translated.message


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_os_errors_for_a_full_disk_say_disk_full_with_free_space(code: int,
                                                                 tmp_path: Path) -> None:
    error = OSError(code, os.strerror(code), str(tmp_path / "backups" / "x.sqlite3"))
    translated = translate_error(error, "making a backup")
    assert isinstance(translated, DiskFullError)
    assert "disk is full" in translated.message and FREE.search(translated.message)


def test_os_errors_keep_their_mapping(tmp_path: Path) -> None:
    target = str(tmp_path / "x")
    assert isinstance(translate_error(OSError(errno.EROFS, "ro", target)), ReadOnlyError)
    assert "read-only" in str(translate_error(OSError(errno.EROFS, "ro", target)))
    for code in (errno.EACCES, errno.EPERM):
        translated = translate_error(OSError(code, "denied", target))
        assert isinstance(translated, ReadOnlyError) and "permission" in str(translated)
    missing = translate_error(OSError(errno.ENOENT, "No such file", target))
    assert isinstance(missing, StorageError) and "moved or deleted" in str(missing)
    assert translate_error(OSError(errno.EINVAL, "bad")) is None


def test_human_sizes() -> None:
    from walkapp.storage import os_errors

    assert os_errors.human_size(0) == "0 bytes"
    assert os_errors.human_size(1) == "1 byte"
    assert os_errors.human_size(12 * 1024) == "12 KB"
    assert os_errors.human_size(3_500_000) == "3.3 MB"
    assert os_errors.human_size(250 * 1024**3) == "250 GB"


# -- locks --------------------------------------------------------------------------------------
def test_a_real_lock_held_by_another_process_is_busy(services: Services, walk: d.Walk,
                                                     changes: list[Change]) -> None:
    assert services.db.path is not None
    event.listen(services.db.engine, "connect",
                 lambda conn, record: conn.execute("PRAGMA busy_timeout = 100"))
    services.db.engine.dispose()  # connections are kept per thread: open a new one
    note_id = new_id()
    with LockHolder(services.db.path), pytest.raises(DatabaseLockedError) as caught:
        services.notes.save_note(draft(walk, "while locked", note_id))
    assert "another program" in caught.value.message
    assert changes == []
    assert services.notes.save_note(draft(walk, "while locked", note_id)).revision == 1


def test_sqlite_locked_is_walkapps_own_bug_not_another_program(tmp_path: Path) -> None:
    """SQLITE_LOCKED is a conflict inside one connection (or a shared cache, which walkapp
    never uses): no other program can cause it, so it is a bug, not "another program"."""
    error = locked_within_one_connection(tmp_path / "x.sqlite3")
    assert error.sqlite_errorcode & 0xFF == 6  # type: ignore[attr-defined]
    assert translate_error(error) is None


# -- programmer errors --------------------------------------------------------------------------
def test_a_missing_table_is_a_bug_not_a_damaged_database(services: Services,
                                                         walk: d.Walk) -> None:
    with pytest.raises(DBAPIError) as caught, services.db.transaction("a bad query") as s:
        s.execute(text("SELECT * FROM no_such_table"))
    assert not isinstance(caught.value, StorageError)
    assert "no such table" in str(caught.value.orig)
    # The database is fine: the next transaction works.
    assert [w.id for w in services.walks.list_walks()] == [walk.id]


@pytest.mark.parametrize("sql,parameters", [
    ("SELECT * FROM corrupt_notes", ()),           # words that once meant "damaged"…
    ("SELECT * FROM readonly_copies", ()),         # … "read-only"
    ("SELECT busy FROM t", ()),                    # … "another program"
    ("SELECT * FROM t WHERE", ()),                 # a syntax error
    ("INSERT INTO t (x) VALUES (NULL)", ()),       # SQLITE_CONSTRAINT
    ("INSERT INTO t (id, x) VALUES ('disk is full', 1)", ()),  # SQLITE_MISMATCH
    ("SELECT ?", (1, 2)),                           # wrong bindings (no result code)
])
def test_sql_mistakes_are_never_translated(sql: str, parameters: tuple[object, ...],
                                           tmp_path: Path) -> None:
    error = raised(_scratch(tmp_path), sql, parameters)
    assert translate_error(error) is None, str(error)


def test_misuse_of_a_closed_connection_is_a_bug(tmp_path: Path) -> None:
    connection = _scratch(tmp_path)
    connection.close()
    with pytest.raises(sqlite3.ProgrammingError) as caught:
        connection.execute("SELECT 1")
    assert translate_error(caught.value) is None


# -- damaged, missing and read-only files -------------------------------------------------------
def test_real_damaged_pages_are_a_damaged_database(services: Services, walk: d.Walk) -> None:
    assert services.db.path is not None
    for i in range(40):
        services.notes.save_note(draft(walk, f"note {i} " + "words " * 200))
    with services.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(services.db.path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page, len(data), 3):    # every page but the first (header, schema)
        data[offset] = (data[offset] * 31 + 17) % 256
    services.db.path.write_bytes(bytes(data))
    # The thread's kept connection may still hold the good pages in SQLite's cache (it
    # reads a damaged page when it next needs it from the file): a new connection, as at
    # the next start, reads them all from the damaged file.
    services.db.engine.dispose()
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        services.notes.list_notes(walk.id)


def test_bytes_that_are_not_a_database_are_a_damaged_database(services: Services) -> None:
    assert services.db.path is not None
    with open(services.db.path, "r+b") as handle:   # in place: the same file, new bytes
        handle.write(b"this is not a database at all " * 200)
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        services.walks.list_walks()


def test_a_database_emptied_under_the_running_app_is_damaged_not_a_bug(
        services: Services, walk: d.Walk) -> None:
    assert services.db.path is not None
    os.truncate(services.db.path, 0)
    for suffix in ("-wal", "-shm"):
        Path(f"{services.db.path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(CorruptDatabaseError):
        services.walks.list_walks()


def test_cantopen_for_a_deleted_file_says_deleted_not_read_only(tmp_path: Path) -> None:
    database = tmp_path / "walkapp.sqlite3"
    error = raised_on_open(database)
    assert error.sqlite_errorcode == 14  # type: ignore[attr-defined]
    assert not isinstance(translate_error(error, "saving the note"), ReadOnlyError)
    translated = translate_error(error, "saving the note", path=database)
    assert isinstance(translated, DatabaseMissingError), translated
    assert "deleted or moved" in translated.message
    assert "read-only" not in translated.message


def test_cantopen_for_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    database = tmp_path / "gone" / "walkapp.sqlite3"
    assert not isinstance(translate_error(raised_on_open(database)), ReadOnlyError)
    translated = translate_error(raised_on_open(database), path=database)
    assert isinstance(translated, DatabaseMissingError)
    assert str(database.parent) in translated.message


def test_a_database_moved_away_under_a_rollback_journal_is_missing(tmp_path: Path) -> None:
    """SQLite's own check (SQLITE_READONLY_DBMOVED) means moved, not read-only."""
    database = tmp_path / "walkapp.sqlite3"
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("CREATE TABLE t (x)")
    os.replace(database, tmp_path / "away.sqlite3")
    error = raised(connection, "INSERT INTO t VALUES (1)")
    connection.close()
    assert error.sqlite_errorcode == 1032  # type: ignore[attr-defined]
    translated = translate_error(error)
    assert isinstance(translated, DatabaseMissingError), translated
    assert "read-only" not in translated.message
    replaced = translate_error(error, path=database)   # nothing at the path any more
    assert isinstance(replaced, DatabaseMissingError) and "deleted or moved" in str(replaced)


def test_read_only_codes_are_read_only(tmp_path: Path) -> None:
    connection = _scratch(tmp_path)
    connection.execute("PRAGMA query_only = 1")
    error = raised(connection, "INSERT INTO t (x) VALUES (1)")
    assert error.sqlite_errorcode == 8  # type: ignore[attr-defined]
    assert isinstance(translate_error(error), ReadOnlyError)
    assert isinstance(translate_error(injected("SQLITE_PERM", "denied")), ReadOnlyError)
    # Only walkapp's own read-only authorizer says SQLITE_AUTH: a wrong declaration, a bug.
    assert translate_error(injected("SQLITE_AUTH", "not authorized")) is None


def raised_on_open(database: Path) -> sqlite3.Error:
    try:
        sqlite3.connect(f"{database.absolute().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error as error:
        return error
    raise AssertionError("opened a file that is not there")


# -- the seam for other databases ---------------------------------------------------------------
def test_errors_of_other_drivers_are_left_for_their_own_classifier() -> None:
    class OtherDriverError(Exception):
        pass

    wrapped = DBAPIError("SELECT 1", {}, OtherDriverError("disk full, database locked"))
    assert translate_error(wrapped) is None


# -- the check before the app opens the database ------------------------------------------------
def test_a_database_locked_at_start_up_is_not_called_damaged(services: Services,
                                                             walk: d.Walk) -> None:
    """A lock (or a full disk, see test_full_disk) says nothing about the file: calling it
    damaged would offer to set a healthy database aside and start empty."""
    from walkapp.storage.startup import StartupStatus, check_database

    settings = services.db.settings
    services.close()
    assert check_database(settings).status is StartupStatus.OK
    assert services.db.path is not None
    with LockHolder(services.db.path, exclusive=True):
        report = check_database(settings)
    assert report.status is not StartupStatus.DAMAGED, report
    assert not report.needs_recovery and not report.can_open
    assert "another program" in report.message
    assert check_database(settings).status is StartupStatus.OK
