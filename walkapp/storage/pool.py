"""One SQLite connection per thread, kept between transactions; never shared by two threads.

Opening a SQLite connection and setting its pragmas costs several times what a small
commit does, so `Database` keeps each thread's connection between its transactions
instead of opening one per transaction. The rules this pool keeps:

- A connection is only ever used by the thread that opened it; a thread that asks while
  its own connection is already in use (a transaction inside a transaction) gets a second
  one, so two transactions never share one connection either. Threads are told apart by
  `threading.get_ident()`, which no two live threads share.
- A thread keeps one idle connection at most; a connection given back by a thread that
  has ended is closed, and the idle connections of threads that ended are closed the next
  time any thread opens a new connection (nothing leaks as threads come and go). A new
  thread given the ident of one that ended never inherits its connection: that one is
  closed and the new thread opens its own.
- In a process made by fork() the parent's connections are left alone and new ones
  opened (walkapp's own child processes are spawned, not forked; this is a safeguard).
- `dispose()` (Database.close, Engine.dispose) closes every idle connection at once, and
  each one in use when it is given back, so a restore or a checkpoint on close finds the
  file with no connection of ours left open.

When has a thread ended? A thread started by Python says so (`Thread.is_alive`). A thread
Python did not start — Qt's QThreadPool workers, where the serial writer runs — is known
to Python only as a `_DummyThread` that always claims to be alive, and Python drops its
per-thread state after every call into Python, so a thread-local cannot tell either. On
Linux the kernel's list of the process's threads (/proc/self/task) says whether that
thread still runs; elsewhere such a connection is closed as soon as it is given back
(one connection per transaction on those threads, as before).
"""

from __future__ import annotations

import os
import sys
import threading
import weakref
from typing import Any

from sqlalchemy.pool import ConnectionPoolEntry, Pool

# Can we ask the kernel whether a thread Python did not start still runs?
_TASKS = "/proc/self/task"
_CAN_SEE_FOREIGN_THREADS = sys.platform.startswith("linux") and os.path.isdir(_TASKS)


class _Home:
    """The thread a connection belongs to, and how to tell whether it still runs."""

    __slots__ = ("ident", "native_id", "thread")

    def __init__(self) -> None:
        current = threading.current_thread()
        self.ident = threading.get_ident()
        self.native_id = threading.get_native_id()
        # A thread Python started says when it ends; a weak reference so we keep no
        # finished Thread object alive.
        self.thread: weakref.ref[threading.Thread] | None = (
            None if isinstance(current, threading._DummyThread)
            else weakref.ref(current))

    def keeps_connections(self) -> bool:
        """May this thread keep an idle connection (can we tell when it ends)?"""
        return self.thread is not None or _CAN_SEE_FOREIGN_THREADS

    def alive(self) -> bool:
        if self.thread is not None:
            thread = self.thread()
            return thread is not None and thread.is_alive()
        if not _CAN_SEE_FOREIGN_THREADS:
            return False
        # The kernel thread id; a new thread given the same id later keeps the entry
        # until it ends too (a connection kept a little longer, never a shared one).
        return os.path.exists(f"{_TASKS}/{self.native_id}")


class ThreadConnectionPool(Pool):
    """Keeps each thread's SQLite connection between its transactions (see module doc)."""

    def __init__(self, creator: Any, **kw: Any) -> None:
        super().__init__(creator, **kw)
        self._lock = threading.Lock()
        self._idle: dict[int, ConnectionPoolEntry] = {}  # thread ident -> its connection
        self._homes: dict[int, _Home] = {}  # id(record) -> the thread that opened it
        self._records: dict[int, ConnectionPoolEntry] = {}  # id(record) -> record
        self._disposed = False
        self._pid = os.getpid()

    # -- what SQLAlchemy's Pool asks of a pool ------------------------------------------
    def recreate(self) -> ThreadConnectionPool:
        self.logger.info("Pool recreating")
        return self.__class__(
            self._creator, recycle=self._recycle, echo=self.echo, pre_ping=self._pre_ping,
            logging_name=self._orig_logging_name, reset_on_return=self._reset_on_return,
            _dispatch=self.dispatch, dialect=self._dialect)

    def dispose(self) -> None:
        """Close every idle connection now; one in use is closed when it is given back."""
        with self._lock:
            self._disposed = True
            idle = list(self._idle.values())
            self._idle.clear()
            for record in idle:
                self._forget(record)
        for record in idle:
            record.close()
        self.logger.info("Pool disposed. %s", self.status())

    def status(self) -> str:
        with self._lock:
            return (f"ThreadConnectionPool id:{id(self)} connections: {len(self._records)} "
                    f"idle: {len(self._idle)}")

    def _do_get(self) -> ConnectionPoolEntry:
        if self._pid != os.getpid():
            self._forget_after_fork()
        ident = threading.get_ident()
        stale = None
        with self._lock:
            record = self._idle.pop(ident, None)
            if record is not None:
                home = self._homes[id(record)]
                if home.native_id != threading.get_native_id() or (
                        home.thread is not None
                        and home.thread() is not threading.current_thread()):
                    # The thread it was kept for ended, and a new one was given the same
                    # ident: a connection serves only the thread that opened it.
                    self._forget(record)
                    stale, record = record, None
        if stale is not None:
            stale.close()
        if record is not None:
            return record
        self._close_ended()
        record = self._create_connection()
        with self._lock:
            self._homes[id(record)] = _Home()
            self._records[id(record)] = record
        return record

    def _do_return_conn(self, record: ConnectionPoolEntry) -> None:
        with self._lock:
            home = self._homes.get(id(record))
            keep = (home is not None and not self._disposed and home.keeps_connections()
                    and home.ident == threading.get_ident()
                    and home.ident not in self._idle)
            if keep:
                assert home is not None
                self._idle[home.ident] = record
            else:
                self._forget(record)
        if not keep:
            # Given back after dispose(), by another thread (a garbage collector), or a
            # thread's second one: this connection is not kept.
            record.close()

    # -- internals ----------------------------------------------------------------------
    def _forget_after_fork(self) -> None:
        """In a child made by fork(): the parent's connections are the parent's (SQLite
        must not be used across a fork, nor closed there); this process opens its own."""
        with self._lock:
            self._pid = os.getpid()
            self._idle.clear()
            self._homes.clear()
            self._records.clear()

    def _forget(self, record: ConnectionPoolEntry) -> None:
        self._homes.pop(id(record), None)
        self._records.pop(id(record), None)

    def _close_ended(self) -> None:
        """Close the idle connections of threads that have ended."""
        with self._lock:
            ended = [ident for ident, record in self._idle.items()
                     if not self._homes[id(record)].alive()]
            records = [self._idle.pop(ident) for ident in ended]
            for record in records:
                self._forget(record)
        for record in records:
            record.close()

    # -- for the tests ------------------------------------------------------------------
    def idle_threads(self) -> set[int]:
        """The idents of the threads that have an idle connection here."""
        with self._lock:
            return set(self._idle)

    def open_connections(self) -> int:
        """Connections this pool opened and has not closed (idle or in use)."""
        with self._lock:
            return len(self._records)
