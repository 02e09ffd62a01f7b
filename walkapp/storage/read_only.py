"""Make an open Database refuse every change: the guard behind commands that only read.

Commands that only read (`list`, `show`, `report`…) run without the data folder lock, so
they work while the app is open. If one of them wrote after all (a wrong declaration, or a
read path that later learns to record something), its change would race the app's. So
their database refuses writes outright: SQLite's authorizer denies any statement that
would change a table when it is prepared, and `query_only` catches anything else (a pragma
that writes). A refused write is a programmer error, not something the user did, so it
surfaces as a bug rather than as one of the storage messages.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import event

from walkapp.storage.db import Database

# What a read may do: read rows, call functions, run pragmas (the connection set-up and
# `PRAGMA integrity_check` are pragmas; `query_only` stops a pragma that would write), and
# open and close its transaction.
_ALLOWED = frozenset({
    sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
    sqlite3.SQLITE_PRAGMA, sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_SAVEPOINT,
    getattr(sqlite3, "SQLITE_RECURSIVE", 33),
})


def _authorize(action: int, table: str | None = None, *_: Any) -> int:
    if action in _ALLOWED:
        return sqlite3.SQLITE_OK
    # SQLite asks this while it connects a virtual table (the search index, migration
    # 0012) for its first read: nothing is written (query_only would refuse it anyway).
    if action == sqlite3.SQLITE_UPDATE and table == "sqlite_master":
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _guard_connection(dbapi_connection: Any, connection_record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    dbapi_connection.execute("PRAGMA query_only = ON")
    dbapi_connection.set_authorizer(_authorize)


def make_read_only(db: Database) -> Database:
    """From now on, every new connection of `db` refuses changes (call after open()).

    walkapp keeps one connection per thread for a database file: the ones already open
    are closed here, so every later transaction runs on a guarded one. Only SQLite is
    guarded; a server has its own roles.
    """
    if db.engine.dialect.name == "sqlite":
        event.listen(db.engine, "connect", _guard_connection)
        if db.path is not None:  # (an in-memory database lives in its one connection)
            db.engine.dispose()
    return db
