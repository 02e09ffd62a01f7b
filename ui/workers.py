"""Run slow work (export, import, backup, big queries) off the GUI thread.

`run_in_background(fn, ...)` runs `fn(progress)` on Qt's global thread pool and delivers
the result, an error, or progress reports back on the GUI thread through signals. An error
with no `on_error` to take it goes to the crash handler; a bug (not a WalkappError) is also
written to the crash log even when a screen handles it. `fn` must
not touch widgets; it gets a `progress(done, total, message)` callable instead. Services are
safe to call from the worker: each transaction opens its own SQLite connection.

A task may name an `owner` (the screen that asked for it). `cancel_owned_by(owner)`, called
from the owner's `shutdown()`, takes the tasks of the owner (and of everything under it)
that have not started off the pool and drops the results of those still running: a
closed screen never hears back, so a late result can never take it to a closed database.
Results for an owner Qt has already deleted are dropped too. `wait_for_background()` lets
the main window finish the work still running before the database is closed.

`run_in_process(services, job, *args, ...)` is the same for work that is CPU-heavy in
Python (rendering a PDF, parsing and merging an import): the job runs in a child process
(walkapp.services.offload), so it cannot hold this process's interpreter lock, and a
worker thread here only waits for its answers. Cancelling such a task (its owner's
shutdown, `stop_processes()` when the window closes) ends the child at once.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
)

from walkapp.errors import WalkappError
from walkapp.services import Services
from walkapp.services.offload import ChildBugError, ChildJob, Job, can_run_in_child

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
T = TypeVar("T")


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)        # the result
    failed = Signal(object, str)     # the exception, formatted traceback


class Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], owner: QObject | None = None,
                 pool: QThreadPool | None = None,
                 stop: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.fn = fn
        self.owner = owner
        self.stop = stop         # ends the work itself on cancel (a child process)
        self.pool = pool or QThreadPool.globalInstance()
        self.cancelled = False   # set on the GUI thread: deliver nothing any more
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # we keep a reference until finished/failed fire

    def release(self) -> None:
        """The task has reported (or never will): let go of its work, its owner and its
        callbacks. PySide's thread pool keeps a reference to every runnable it was given
        that does not delete itself, so a spent task must not hold the screen that asked
        for it (through `fn` and the slots of `signals`) or the data it read."""
        self.fn = _spent
        self.owner = None
        self.stop = None
        self.signals.deleteLater()  # its connections hold on_done, on_error, on_progress

    def wanted(self) -> bool:
        """Should the result still be delivered? Not once cancelled or its owner is gone."""
        return not self.cancelled and (self.owner is None or shiboken6.isValid(self.owner))

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except BaseException as error:  # reported to the GUI thread, never swallowed
            details = traceback.format_exc()
            if isinstance(error, ChildBugError):  # where it went wrong: in the child
                details = f"{error.details}\n(in a child process, reported by)\n{details}"
            self.signals.failed.emit(error, details)
        else:
            self.signals.finished.emit(result)


def _spent(_progress: Progress) -> None:
    """What a released task would run (never: it has run, or was taken off its pool)."""


_running: set[Task] = set()


def run_in_background(fn: Callable[[Progress], Any], *,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException, str], None] | None = None,
                      on_progress: Callable[[int, int, str], None] | None = None,
                      pool: QThreadPool | None = None,
                      owner: QObject | None = None,
                      stop: Callable[[], None] | None = None) -> Task:
    task = Task(fn, owner, pool, stop)
    _running.add(task)

    def _finish(result: Any) -> None:
        _running.discard(task)
        try:
            if on_done is not None and task.wanted():
                on_done(result)
        finally:
            task.release()

    def _fail(error: BaseException, details: str) -> None:
        _running.discard(task)
        try:
            if on_error is None:
                # Nobody asked to hear about it, so it must not vanish: the crash handler
                # (installed as sys.excepthook by the app) logs it and shows it.
                sys.excepthook(type(error), error, error.__traceback__)
                return
            if not isinstance(error, WalkappError):
                # A bug, whatever the screen says about it: its details go to the crash
                # log, even when the screen that asked has closed meanwhile.
                log.error("a background task failed unexpectedly:\n%s", details)
            if task.wanted():
                on_error(error, details)
        finally:
            task.release()

    def _progress(done: int, total: int, message: str) -> None:
        if on_progress is not None and task.wanted():
            on_progress(done, total, message)

    task.signals.finished.connect(_finish)
    task.signals.failed.connect(_fail)
    task.signals.progress.connect(_progress)
    task.pool.start(task)
    return task


def run_in_process(services: Services, job: Job, *args: Any,
                   on_done: Callable[[Any], None] | None = None,
                   on_error: Callable[[BaseException, str], None] | None = None,
                   on_progress: Callable[[int, int, str], None] | None = None,
                   owner: QObject | None = None,
                   cleanup: Callable[[], None] | None = None) -> Task:
    """Run `job(services, progress, *args)` in a child process (see the module docstring);
    the changes it publishes there are published on `services.bus` before `on_done`.
    `cleanup` runs (on the worker thread) after a child that was stopped or died has
    ended. A database only this process can open (in memory) runs it on a worker thread."""
    settings = services.db.settings
    if not can_run_in_child(settings):
        return run_in_background(lambda progress: job(services, progress, *args),
                                 on_done=on_done, on_error=on_error,
                                 on_progress=on_progress, owner=owner)
    child = ChildJob(settings, services.bus, job, *args, cleanup=cleanup)
    return run_in_background(child.run, on_done=on_done, on_error=on_error,
                             on_progress=on_progress, owner=owner, stop=child.stop)


# How long a screen may wait for a read before it shows "Loading…" instead: below what a
# person notices (and well below the 50 ms a stall may last), so a small walk still shows
# at once, without a flash of a loading state.
# (Tests that do not look at the loading state raise it, so that they read as before.)
QUICK_READ_MS = 20
# A read that follows a write's result (a screen re-reading what changed, or a runner
# step's body built when the runner moves on) never waits: several of them can come in
# one turn of the event loop, and their waits would add up. What was on screen stays, and
# the new data appears when the read comes back. (The ui tests raise it, with
# QUICK_READ_MS, so that they read as before.)
FOLLOW_READ_MS = 0
# Opening a walk never waits for its read: the window shows "Opening…" at once, and the
# walk's pages are built in a turn of their own when the read is in, so neither turn holds
# the GUI thread for the read and the build together. (The ui tests raise it, so that a
# walk is open when `open_walk()` returns, as it was when it read on the GUI thread.)
OPEN_READ_MS = 0
# Reads have threads of their own: they never queue behind long work (an export, an
# import, a removal for good) on the global pool.
_read_pool: QThreadPool | None = None


def read_in_background(read: Callable[[], Any], apply: Callable[[Any], None], *,
                       owner: QObject,
                       on_error: Callable[[BaseException, str], None] | None = None,
                       wait_ms: int | None = None) -> bool:
    """Read with `read()` on a worker thread and show the result with `apply(result)` on
    the GUI thread. A read done within `wait_ms` is applied before this returns (True):
    small walks look as if read at once. A longer one is applied when it comes back
    (False: show a loading state meanwhile); the GUI thread never waits longer than
    `wait_ms`. Errors go to `on_error` (or the crash handler), as with run_in_background.
    Cancelled with the owner's other tasks (`cancel_owned_by`)."""
    finished = threading.Event()
    box: list[Any] = []

    def work(_progress: Progress) -> Any:
        try:
            value = read()
            box.append(value)
            return value
        finally:
            finished.set()

    global _read_pool
    if _read_pool is None:
        _read_pool = QThreadPool()
        _read_pool.setMaxThreadCount(2)
    task = run_in_background(work, on_done=apply, on_error=on_error, owner=owner,
                             pool=_read_pool)
    # Waiting on an Event lets go of the interpreter lock: the read runs meanwhile.
    wait = QUICK_READ_MS if wait_ms is None else wait_ms
    # 0: not at all, even when the read happens to be done already (a busy machine can
    # finish it before this line): what it is shown with must not depend on the timing.
    if wait > 0 and finished.wait(wait / 1000) and box:
        task.cancelled = True  # delivered here and now, not once more from the queue
        apply(box[0])
        return True
    return False


class NewestRead:
    """Re-reads for one part of a screen after a change, off the GUI thread, of which only
    the newest is shown: an older read that comes back late is dropped, and so is any read
    once `closed()` says the screen has closed. A read that fails (the walk went to the
    Trash meanwhile: the window closes it) shows nothing; a bug in it is still logged by
    `run_in_background`."""

    def __init__(self, owner: QObject, closed: Callable[[], bool]) -> None:
        self._owner = owner
        self._closed = closed
        self._asked = 0

    def start(self, read: Callable[[], T], show: Callable[[T], None]) -> None:
        self._asked += 1
        number = self._asked

        def apply(value: T) -> None:
            if number == self._asked and not self._closed():
                show(value)

        read_in_background(read, apply, owner=self._owner,
                           on_error=lambda _error, _details: None, wait_ms=FOLLOW_READ_MS)


def cancel(task: Task) -> None:
    """Never deliver `task`'s result; if it has not started yet, it never runs. Work that
    can be ended (a child process) is ended now."""
    task.cancelled = True
    taken = task.pool.tryTake(task)
    if task.stop is not None:
        task.stop()
    if taken:
        _running.discard(task)  # it will never report, so it is not running any more
        task.release()


def stop_processes() -> None:
    """End every child process still at work (the window is closing): what they were
    doing is dropped whole, and nothing of it is kept in the database."""
    for task in [t for t in _running if t.stop is not None]:
        cancel(task)


def _within(obj: QObject | None, root: QObject) -> bool:
    """Is `obj` `root` or below it? (Compared as Qt objects, not as Python wrappers.)"""
    target = shiboken6.getCppPointer(root)[0]
    while obj is not None and shiboken6.isValid(obj):
        if shiboken6.getCppPointer(obj)[0] == target:
            return True
        obj = obj.parent()
    return False


def cancel_owned_by(owner: QObject) -> None:
    """Cancel every task started by `owner` or by an object under it (call from the
    owner's `shutdown()`)."""
    for task in [t for t in _running if t.owner is not None and _within(t.owner, owner)]:
        cancel(task)


def pending() -> int:
    """Tasks started whose result (or dropped result) has not come back yet."""
    return len(_running)


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """Block until every task has finished and reported (for closing the database after).
    True when none is left; False if some were still running after `timeout_ms`."""
    deadline = QDeadlineTimer(timeout_ms)
    pools = {shiboken6.getCppPointer(task.pool)[0]: task.pool for task in _running}
    for pool in pools.values():
        if not pool.waitForDone(max(int(deadline.remainingTime()), 0)):
            return False
    # Their results are queued for this (the GUI) thread: take them in, so each task is
    # either delivered or dropped now, not in some later turn of the event loop.
    QCoreApplication.sendPostedEvents()
    return not _running
