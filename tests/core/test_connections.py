"""One SQLite connection per thread, kept between transactions (walkapp.storage.pool).

Each thread opens its connection (and runs the pragmas) once and reuses it; two threads
never share one, nor do two transactions open at once in one thread; the connections of
threads that ended are closed; closing the database closes them all (and SQLite folds the
WAL back into the file). Every case uses a real database file and real threads.
"""

from __future__ import annotations

import _thread
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete as sa_delete
from sqlalchemy import event, text

from tests.helpers.one_walk import draft
from walkapp import domain as d
from walkapp.config import resolve_settings
from walkapp.services import Services
from walkapp.storage import pool as pool_module
from walkapp.storage.db import Database
from walkapp.storage.pool import ThreadConnectionPool


@pytest.fixture()
def db(tmp_path: Path) -> Any:
    database = Database(resolve_settings(tmp_path / "data"), backup_on_migrate=False).open()
    yield database
    database.close()


def _connection_of_transaction(db: Database) -> sqlite3.Connection:
    """The sqlite3 connection a transaction runs on (after a read on it)."""
    with db.transaction() as session:
        session.execute(text("SELECT 1"))
        raw = session.connection().connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        return raw


def _count_connects(db: Database) -> list[object]:
    made: list[object] = []
    event.listen(db.engine, "connect", lambda conn, record: made.append(conn))
    return made


def _pool(db: Database) -> ThreadConnectionPool:
    pool = db.engine.pool
    assert isinstance(pool, ThreadConnectionPool)
    return pool


def _is_closed(connection: sqlite3.Connection) -> bool:
    try:
        connection.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


def _in_thread(work: Callable[[], Any]) -> Any:
    """`work()` in a new Python thread, which has ended when this returns."""
    out: list[Any] = []
    thread = threading.Thread(target=lambda: out.append(work()))
    thread.start()
    thread.join()
    return out[0]


def test_one_connection_per_thread_reused_and_the_pragmas_run_once(db: Database) -> None:
    made = _count_connects(db)
    first = _connection_of_transaction(db)
    for _ in range(5):
        assert _connection_of_transaction(db) is first
    assert len(made) == 1
    # The pragmas hold on the kept connection.
    assert first.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert first.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert first.execute("PRAGMA secure_delete").fetchone() == (1,)


def test_saves_through_the_services_reuse_the_connection(services: Services,
                                                         walk: d.Walk) -> None:
    made = _count_connects(services.db)
    note = services.notes.save_note(draft(walk, "first words"))
    for i in range(5):
        services.notes.save_note(draft(walk, f"first words and {i}", note.id))
        services.notes.get_note(note.id)
    assert len(made) <= 1


def test_threads_at_work_at_once_get_different_connections(db: Database) -> None:
    both_inside = threading.Barrier(2)
    seen: dict[str, sqlite3.Connection] = {}

    def work(name: str) -> None:
        with db.transaction() as session:
            session.execute(text("SELECT 1"))
            seen[name] = session.connection().connection.dbapi_connection
            both_inside.wait(timeout=30)  # both transactions are open now

    threads = [threading.Thread(target=work, args=(n,)) for n in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen["a"] is not seen["b"]


def test_a_connection_is_never_handed_to_another_live_thread(db: Database) -> None:
    threads_count, rounds = 6, 20
    all_started = threading.Barrier(threads_count)
    all_done = threading.Barrier(threads_count)
    owners: dict[int, set[int]] = {}  # id(connection) -> threads that used it
    keep: list[sqlite3.Connection] = []  # so no id is reused while we look
    lock = threading.Lock()

    def work() -> None:
        all_started.wait(timeout=30)
        for _ in range(rounds):
            with db.transaction() as session:
                session.execute(text("SELECT count(*) FROM walks"))
                raw = session.connection().connection.dbapi_connection
                with lock:
                    keep.append(raw)
                    owners.setdefault(id(raw), set()).add(threading.get_ident())
        all_done.wait(timeout=30)  # every thread is alive until all are done

    threads = [threading.Thread(target=work) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(len(users) == 1 for users in owners.values()), owners
    assert len(owners) == threads_count  # and each thread kept its own


def test_a_transaction_inside_a_transaction_gets_its_own_connection(db: Database) -> None:
    with db.transaction() as outer:
        outer.execute(text("SELECT 1"))
        with db.transaction() as inner:
            inner.execute(text("SELECT 1"))
            assert inner.connection().connection.dbapi_connection \
                is not outer.connection().connection.dbapi_connection
    assert _pool(db).open_connections() == 1  # one kept, the other closed


def test_the_connections_of_ended_threads_are_closed(db: Database) -> None:
    ended = [_in_thread(lambda: _connection_of_transaction(db)) for _ in range(10)]
    # Each new thread's first transaction closed the connections of those that ended.
    assert all(_is_closed(c) for c in ended[:-1])
    assert _pool(db).open_connections() <= 1
    _connection_of_transaction(db)  # this thread's own
    assert _is_closed(ended[-1])
    assert _pool(db).open_connections() == 1


def test_a_thread_python_did_not_start_is_closed_after_it_ended(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's worker threads are such threads; here `_thread` makes one (no Thread object)."""
    out: list[sqlite3.Connection] = []
    finished = threading.Event()

    def work() -> None:
        out.append(_connection_of_transaction(db))
        finished.set()

    _thread.start_new_thread(work, ())
    assert finished.wait(timeout=30)
    [kept] = out
    if pool_module._CAN_SEE_FOREIGN_THREADS:
        assert not _is_closed(kept)  # kept for its next transaction
        # Whether the kernel still lists the thread is a matter of microseconds after
        # it returned: say it is gone, as it soon is.
        monkeypatch.setattr(pool_module._Home, "alive", lambda self: False)
        _connection_of_transaction(db)  # another thread opens one: the sweep runs
    assert _is_closed(kept)


def test_close_closes_every_connection_and_folds_the_wal_back(db: Database,
                                                             tmp_path: Path) -> None:
    assert db.path is not None
    keep_alive = threading.Event()
    ready = threading.Event()
    theirs: list[sqlite3.Connection] = []

    def other() -> None:
        theirs.append(_connection_of_transaction(db))
        ready.set()
        keep_alive.wait(timeout=30)

    thread = threading.Thread(target=other)
    thread.start()
    assert ready.wait(timeout=30)
    with db.transaction() as session:
        session.execute(text("INSERT INTO app_meta (key, value) VALUES ('k', 'v')"))
    mine = _connection_of_transaction(db)
    assert Path(f"{db.path}-wal").exists()
    pool = _pool(db)
    db.close()
    keep_alive.set()
    thread.join()
    assert _is_closed(mine) and _is_closed(theirs[0])
    assert pool.open_connections() == 0
    # The last connection closed: SQLite checkpointed and removed the WAL.
    assert not Path(f"{db.path}-wal").exists()


def test_a_connection_in_use_when_the_database_closes_is_closed_when_given_back(
        db: Database) -> None:
    pool = _pool(db)
    with db.transaction() as session:
        session.execute(text("SELECT 1"))
        raw = session.connection().connection.dbapi_connection
        pool.dispose()
        assert not _is_closed(raw)  # never pulled from under a running transaction
    assert _is_closed(raw)


def test_a_read_only_database_guards_the_connection_already_kept(db: Database) -> None:
    """make_read_only after transactions ran: the kept connection must not stay writable."""
    from walkapp.storage.read_only import make_read_only

    kept = _connection_of_transaction(db)
    make_read_only(db)
    assert _is_closed(kept)
    with pytest.raises(Exception, match=r"not authorized|readonly|read-only"), \
            db.transaction() as session:
        session.execute(text("INSERT INTO app_meta (key, value) VALUES ('k', 'v')"))
    with db.transaction() as session:
        assert session.execute(text("SELECT count(*) FROM app_meta WHERE key = 'k'")
                               ).scalar() == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() here")
def test_a_forked_child_never_uses_the_parents_connections(db: Database) -> None:
    parents = _connection_of_transaction(db)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child: report whether it got a connection of its own
        try:
            mine = _connection_of_transaction(db)
            os.write(write, b"own" if mine is not parents else b"parent's")
        finally:
            os._exit(0)
    os.close(write)
    answer = os.read(read, 16)
    os.close(read)
    os.waitpid(child, 0)
    assert answer == b"own"
    assert _connection_of_transaction(db) is parents  # the parent's is still its own


def test_a_transaction_that_deletes_rows_empties_the_wal(db: Database) -> None:
    """Connections stay open, so the last one closing no longer checkpoints after each
    transaction: one that deleted rows checkpoints itself, so the deleted text leaves the
    database file's pages and the -wal file at once (secure_delete; docs/safety.md)."""
    from walkapp.storage import models as m

    assert db.path is not None
    wal = Path(f"{db.path}-wal")
    with db.transaction() as session:
        session.add(m.AppMeta(key="secret", value="Zanzibar-quokka said Jayden froze"))
    assert wal.stat().st_size > 0  # a save is not followed by a checkpoint
    with db.transaction() as session:
        row = session.get(m.AppMeta, "secret")
        session.delete(row)
    assert wal.stat().st_size == 0
    assert b"Zanzibar-quokka" not in db.path.read_bytes()
    with db.transaction() as session:
        session.add(m.AppMeta(key="other", value="kept"))
    with db.transaction() as session:
        session.execute(sa_delete(m.AppMeta).where(m.AppMeta.key == "other"))
    assert wal.stat().st_size == 0  # a bulk DELETE statement counts too
