"""The database: engine set-up, SQLite pragmas, migrations on open, and error mapping.

One `Database` per data folder. Services ask it for a transaction (`with db.transaction()
as session:`); a failure that the user can do something about (locked, read-only, disk
full, damaged file) comes out as a `StorageError` with a plain message, and the transaction
is rolled back so nothing is half-written.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from walkapp.config import Settings, sqlite_path_from_url
from walkapp.errors import CorruptDatabaseError, NewerDatabaseError, StorageError
from walkapp.formatting import N_, tr
from walkapp.storage import guard, migrate
from walkapp.storage.backup import backup_file, rotate_quietly
from walkapp.storage.file_identity import FileIdentity, require_same_file
from walkapp.storage.pool import ThreadConnectionPool
from walkapp.storage.safe_files import make_private_dirs, refuse_links, restrict_file
from walkapp.storage.sqlite_errors import SQLITE_ERROR, missing_walkapp_tables, primary_code
from walkapp.storage.translate import translate_error as translate_error

BUSY_TIMEOUT_MS = 5000


def _set_sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Deleted notes concern colleagues and children: overwrite freed pages.
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


class Database:
    """The app's connection to its store. Safe to share; sessions are per transaction.

    A database file is reached through one SQLite connection per thread, opened (and its
    pragmas set) the first time the thread needs it and kept for its later transactions
    (`walkapp.storage.pool`); `close()` closes them all.
    """

    def __init__(self, settings: Settings, *, backup_on_migrate: bool = True,
                 create_empty: bool = False) -> None:
        self.settings = settings
        self.url = settings.database_url
        self.path: Path | None = sqlite_path_from_url(self.url)
        self._backup_on_migrate = backup_on_migrate
        # The user chose to start with an empty database although backups exist (see
        # walkapp.storage.guard: otherwise only a first start may create one).
        self._create_empty = create_empty
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        # Which file we opened (device, inode): every new connection, every checkout of a
        # kept one and every commit check that the path still leads to it (see
        # walkapp.storage.file_identity).
        self._identity: FileIdentity | None = None

    # -- opening -------------------------------------------------------------------------
    def open(self) -> Database:
        """Create the folder, migrate the schema (after copying the file aside), connect.

        Refuses (StorageError, nothing created) a database that is missing, empty, cut short
        or unreadable where one was expected: see `walkapp.storage.guard`.
        """
        if self._engine is not None:
            return self
        if self.path is not None:
            create = guard.check_database_file(self.path, self.settings.backup_dir,
                                               create_empty=self._create_empty)
            self._prepare_folder(self.path.parent)
            if create:
                # Only when the guard said so: a file that vanished after the check must
                # not come back empty (mode=rw below then fails instead).
                self._create_private_file(self.path)
            # SQLite opens these by name; say plainly why a planted link stops it.
            refuse_links(*(Path(f"{self.path}{suffix}") for suffix in ("-wal", "-shm",
                                                                        "-journal")))
        engine = self._make_engine()
        try:
            migrate.upgrade_to_head(engine, _copy_aside_before_migration(
                self.path, self.settings.backup_dir if self._backup_on_migrate else None))
        except migrate.UnknownRevisionError as error:
            engine.dispose()
            raise NewerDatabaseError(
                tr("This database was written by a newer walkapp (schema {revision}). Install "
                   "the newer walkapp to open it.").format(revision=error.revision)) from None
        except (SQLAlchemyError, sqlite3.Error, OSError) as error:
            engine.dispose()
            translated = translate_error(error, N_("while opening"), path=self.path)
            if translated is not None:
                raise translated from error
            raise
        if self.path is not None:
            self._restrict_file(self.path)
            self._identity = FileIdentity.of(self.path)
            # The connection that migrated was opened before the identity was known (and
            # before make_read_only could guard new ones): the first transaction opens
            # one of its own.
            engine.dispose()
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "after_flush", _note_deletions)
        event.listen(self._sessions, "do_orm_execute", _note_bulk_deletions)
        return self

    def _make_engine(self) -> Engine:
        if self.path is not None:
            # mode=rw: SQLite must never create a fresh, empty file in place of one that was
            # deleted or moved while the app runs (that would look like "all walks gone"
            # and take new notes into the wrong file). open() creates the file once.
            uri = f"{self.path.absolute().as_uri()}?mode=rw"
            engine = create_engine(self.url, poolclass=ThreadConnectionPool,
                                   creator=functools.partial(self._connect, uri))
            event.listen(engine, "connect", _set_sqlite_pragmas)
            event.listen(engine, "checkout", self._on_checkout)
            event.listen(engine, "commit", self._before_commit)
            return engine
        if self.url.startswith("sqlite"):
            # In-memory SQLite: one shared connection, or each session would see an empty db.
            from sqlalchemy.pool import StaticPool

            engine = create_engine(self.url, poolclass=StaticPool,
                                   connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _set_sqlite_pragmas)
            return engine
        return create_engine(self.url, pool_pre_ping=True)

    @staticmethod
    def _prepare_folder(folder: Path) -> None:
        try:
            make_private_dirs(folder)  # missing parents too: 0700 whatever the umask
        except OSError as error:
            translated = translate_error(error, tr("creating {folder}").format(folder=folder))
            raise (translated or StorageError(
                tr("walkapp cannot create its data folder {folder}: {error}").format(
                    folder=folder, error=error))) from error
        if os.name == "posix":
            # The data folder itself, even through a link the user made to put it
            # elsewhere: it holds every note.
            with contextlib.suppress(OSError):
                os.chmod(folder, stat.S_IRWXU)

    @staticmethod
    def _create_private_file(path: Path) -> None:
        """Create an empty database file readable by the user only, if there is none."""
        if path.exists():
            return
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return
        except OSError as error:
            translated = translate_error(error, tr("creating {path}").format(path=path))
            raise (translated or StorageError(
                tr("walkapp cannot create its database {path}: {error}").format(
                    path=path, error=error))) from error
        os.close(handle)

    @staticmethod
    def _restrict_file(path: Path) -> None:
        """Notes concern colleagues and children: only the user may read the files."""
        if os.name != "posix":
            return
        with contextlib.suppress(OSError):
            if path.exists():  # the database itself, even through a link the user made
                os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        for candidate in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            restrict_file(candidate)  # SQLite's side files: never through a link

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("Database.open() was not called")
        return self._engine

    def close(self) -> None:
        """Close every connection (SQLite checkpoints the WAL into the file as the last one
        closes); a connection another thread is using is closed when it gives it back."""
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._sessions = None
        self._identity = None

    def __enter__(self) -> Database:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, where: str = "") -> Iterator[Session]:
        """One unit of work: committed on success, rolled back and explained on failure.

        A database file replaced or moved away since open() is noticed before anything is
        read or committed (DatabaseMissingError, nothing written in either file).
        """
        if self._sessions is None:
            raise RuntimeError("Database.open() was not called")
        session = self._sessions()
        try:
            with self._explained(where), session.begin():
                yield session
        finally:
            session.close()
        if session.info.pop(_DELETED, False):
            self.checkpoint()

    @contextlib.contextmanager
    def connection(self, where: str = "", *, write: bool = False
                   ) -> Iterator[sqlite3.Connection]:
        """This thread's sqlite3 connection itself, without SQLAlchemy: for the work done
        at every pause in typing (a note's autosave), where SQLAlchemy's own work per
        transaction and per statement would cost more than the commit.

        `write`: a write transaction, begun with BEGIN IMMEDIATE so that nothing read in
        it can change before it is written (and a database held by another program is
        noticed before anything is done), committed on success. Otherwise for reading
        only (what is left open is rolled back when the connection goes back).
        The promises of `transaction` hold: the file's identity is checked when the
        connection is taken (the pool's checkout) and just before the COMMIT; a failure
        is rolled back and explained.
        """
        if self._engine is None:
            raise RuntimeError("Database.open() was not called")
        with self._explained(where):
            pooled = self._engine.raw_connection()  # (the checkout checks the file)
            try:
                raw = pooled.dbapi_connection
                if not isinstance(raw, sqlite3.Connection):
                    raise RuntimeError("Database.connection() needs SQLite")
                if not write:
                    yield raw
                    return
                raw.execute("BEGIN IMMEDIATE")
                try:
                    yield raw
                    self._check_file_is_ours(where)  # as _before_commit does for sessions
                    raw.commit()
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        raw.rollback()
                    raise
            finally:
                pooled.close()  # back to the pool (reset: rolled back if still open)

    def checkpoint(self) -> bool:
        """Fold the WAL into the database file and empty it: rows a transaction deleted
        leave the file's pages (secure_delete zeroed them in the new page versions, which
        are in the WAL until a checkpoint) and the older versions leave the -wal file.

        Run after every transaction that deleted rows, since connections stay open (a
        database's last connection closing used to do it after each transaction). False
        if a reader elsewhere kept SQLite from finishing; SQLite's own automatic
        checkpoints and the one on close finish it later.
        """
        if self.path is None or self._engine is None:
            return True
        with contextlib.suppress(SQLAlchemyError, sqlite3.Error, OSError, StorageError), \
                self.connection(N_("emptying the WAL")) as raw:
            row = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return row is None or int(row[0]) == 0
        return False

    @contextlib.contextmanager
    def _explained(self, where: str) -> Iterator[None]:
        """Turn a failure of the work inside into the StorageError it stands for."""
        try:
            yield
        except (SQLAlchemyError, sqlite3.Error, OSError) as error:
            # The file vanishing under us explains most errors (cannot open, I/O error…).
            self._check_file_is_ours(where)
            translated = (translate_error(error, where, path=self.path)
                          or self._damaged_since_open(error, where))
            if translated is not None:
                raise translated from error
            raise

    def verify_file(self, where: str = "") -> None:
        """Raise DatabaseMissingError if the database file is not the one open() opened."""
        self._check_file_is_ours(where)

    def _check_file_is_ours(self, where: str = "") -> None:
        if self.path is None or self._identity is None:
            return  # not a file, or still opening (migrations run on the file just made)
        require_same_file(self.path, self._identity, where)

    def _connect(self, uri: str) -> sqlite3.Connection:
        """A new connection, made only if it opens the very file that open() opened.

        mode=rw: SQLite must never create a fresh, empty file in place of one that was
        deleted or moved (that would look like "all walks gone"); the identity checks
        around the open keep it from reading or writing a file put in its place.
        """
        self._check_file_is_ours()
        # check_same_thread=False only so that close() may close an idle connection from
        # the thread that closes the database: the pool never lets two threads use one.
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            self._check_file_is_ours()
        except BaseException:
            connection.close()
            raise
        return connection

    def _on_checkout(self, dbapi_connection: Any, connection_record: Any,
                     connection_proxy: Any) -> None:
        """The pool's checkout event, each time a thread takes its connection for a
        transaction: the file must still be the one open() opened before anything is
        read. Raising here closes that connection (SQLAlchemy invalidates it), so one
        that was opened on a file since moved away is never used again."""
        self._check_file_is_ours()

    def _before_commit(self, connection: Connection) -> None:
        """SQLAlchemy's commit event, just before the COMMIT: raising rolls the work back.

        A connection opened on the real file keeps writing into it after it is moved away
        (and SQLite does not notice in WAL mode); refusing here means the change lands in
        neither file, and the user is told the truth: nothing was saved.
        """
        self._check_file_is_ours()

    def _damaged_since_open(self, error: BaseException, where: str) -> StorageError | None:
        """A SQL error (SQLITE_ERROR, e.g. "no such table") is a bug in walkapp, unless the
        file itself lost walkapp's tables after open() migrated it: then it was emptied or
        overwritten in place (same inode) and is damaged."""
        original = error.orig if isinstance(error, DBAPIError) else error
        if self.path is None or self._identity is None:
            return None
        if not isinstance(original, sqlite3.Error) or primary_code(original) != SQLITE_ERROR:
            return None
        problem = missing_walkapp_tables(self.path)
        if problem is None:
            return None
        place = f" ({tr(where)})" if where else ""
        return CorruptDatabaseError(
            tr("The walkapp database file {path} is damaged{place}: {problem}. Nothing was "
               "changed, and any text you typed is still here. Run `walkapp check`, or restore "
               "a backup with `walkapp restore`.").format(
                path=self.path, place=place, problem=problem))

    # -- checks --------------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        """Run SQLite's integrity and foreign key checks; return the problems found."""
        problems: list[str] = []
        try:
            with self.engine.connect() as connection:
                if self.engine.dialect.name != "sqlite":
                    return problems
                rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
                problems += [str(row[0]) for row in rows if str(row[0]) != "ok"]
                for row in connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
                    problems.append(tr("row {row} in table {table} points at a missing row "
                                       "of {other}").format(row=row[1], table=row[0],
                                                            other=row[2]))
        except DBAPIError as error:
            # So damaged that SQLite gives up part-way ("malformed"): that is the finding.
            if not isinstance(error.orig, sqlite3.DatabaseError):
                raise
            problems.append(tr("SQLite could not finish the check: {error}").format(
                error=error.orig))
        return problems


# Set in a session's info when its transaction deleted rows (see Database.checkpoint).
_DELETED = "walkapp_deleted_rows"


def _note_deletions(session: Session, flush_context: Any) -> None:
    if session.deleted:
        session.info[_DELETED] = True


def _note_bulk_deletions(state: Any) -> None:
    if state.is_delete:
        state.session.info[_DELETED] = True


def _copy_aside_before_migration(path: Path | None, backup_dir: Path | None
                                 ) -> Callable[[str], str | None] | None:
    """What `migrate.upgrade_to_head` runs before it changes an existing database file."""
    if path is None or backup_dir is None:
        return None

    def copy_aside(current: str) -> str | None:
        if not path.exists():
            return None
        # Checked and rotated like every other copy; a damaged database is not migrated.
        copy_made = str(backup_file(path, backup_dir, f"pre-migration-{current}"))
        rotate_quietly(backup_dir)
        return copy_made

    return copy_aside

