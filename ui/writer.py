"""The one write path of the window: every write asked for from a screen runs here, one at
a time, in the order asked, on a private worker thread — never on the GUI thread.

Why off the GUI thread: a commit takes milliseconds, but a database held by another
program waits up to the busy timeout (seconds) before it fails; a click or a keystroke
must never wait for that. Why one at a time: two writes of the same thing must reach the
database in the order they were made, so an older one can never overwrite a newer one,
and runner actions (Start, Next…) must land in the order they were pressed.

What is queued is a `Command` (walkapp.services.commands) — or, for the autosave trackers
and older callers, a plain callable. A waiting write whose key equals a newer one's is
replaced by the newer (only the latest text matters: "latest wins per key"); a write
without a key always runs in its place in the line. Each command runs inside
`walkapp.events.acting_for(origin)`, so the `Change` it publishes carries the token of
the screen that asked for it.

Results come back on the GUI thread: `succeeded`/`failed` (key, generation, result or
error) for the autosave trackers, `done(ticket)` for everyone, and each ticket's own
`on_done`/`on_failed`. `waiting_changed(ticket, bool)` says when the write in flight has
taken longer than `WAIT_NOTICE_MS` (e.g. another program holds the database) and when it
ended, so a screen can say "Waiting for the database…" while nothing freezes.

One writer serves one open database: the main window makes it and hands it to the
screens; a screen built alone (tests, the screenshot tool) makes its own. `flush()`
finishes the queue on the calling thread with a bounded wait (closing, signals);
`shutdown()` then refuses anything more, so nothing touches a database once it closes.
The writer keeps the ordered history of the commands it applied (`history`), and the undo
stacks of every walk (`undo_stacks`, walkapp.ui.undo): a command runs by its `perform`,
which refuses a write to a closed walk and hands back the command that reverses it; the
writer outlives every page, so a walk's stack survives leaving the walk and coming back.
"""

from __future__ import annotations

import collections
import itertools
import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from walkapp.errors import WalkappError
from walkapp.events import acting_for
from walkapp.services import Services
from walkapp.services.commands import Command, Performed
from walkapp.ui.page import Stoppable

__all__ = ["WAIT_NOTICE_MS", "Applied", "Ticket", "Writer", "any_writing", "asked_by",
           "describe_failure"]

log = logging.getLogger(__name__)

# How long a write may take before the screen says it is waiting: longer than a commit on
# a slow disk, short enough that nobody wonders whether the click was heard.
WAIT_NOTICE_MS = 300
HISTORY_SIZE = 200

Work = Callable[[], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]

_ids = itertools.count(1)
# Every writer alive, for `any_writing()` (walkapp.ui.gc_policy asks it).
_writers: weakref.WeakSet[Writer] = weakref.WeakSet()


def any_writing() -> bool:
    """A write is running on some writer's thread right now."""
    return any(writer._inflight is not None for writer in list(_writers))


def describe_failure(error: BaseException) -> str:
    """What to tell the user about a failed write, in one or two sentences."""
    if isinstance(error, WalkappError):
        return error.message
    return QCoreApplication.translate(
        "Autosave", "An unexpected error stopped the save ({0}). Your text is still here; "
        "try again, and if it keeps failing, copy it somewhere safe.").format(
        type(error).__name__)


def asked_by(ticket: object, origin: object) -> bool:
    """Was `ticket` (from a `Writer` signal, which carries it as a plain object) asked for
    by `origin`?"""
    return isinstance(ticket, Ticket) and ticket.origin is origin


class _TicketSignals(QObject):
    done = Signal(object)  # the Ticket


class Ticket(QRunnable):
    """One write handed to the writer. Keeps its outcome on itself so `flush` can read it
    without the event loop; `signals.done` tells the writer when the GUI thread may look."""

    def __init__(self, key: str, generation: int, work: Work, *,
                 command: Command | None = None, origin: object | None = None,
                 on_done: Done | None = None, on_failed: Failed | None = None,
                 owner: QObject | None = None, undo_role: str | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.id = next(_ids)
        self.key = key
        self.generation = generation
        self.work = work
        self.command = command
        self.origin = origin
        self.on_done = on_done
        self.on_failed = on_failed
        self.owner = owner
        # None: a new edit; "undo"/"redo": a step of a walk's undo stack (walkapp.ui.undo).
        self.undo_role = undo_role
        self.reverse: Command | None = None  # what undoes it, once it ran
        self.walk_id: str | None = None      # whose record it changed
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = threading.Event()
        self.worker_thread: int | None = None
        self.signals = _TicketSignals()

    def describe(self) -> str:
        return self.command.describe() if self.command is not None else self.key

    def message(self) -> str:
        """The one plain line for a failure ("" when it succeeded)."""
        return describe_failure(self.error) if self.error is not None else ""

    def run(self) -> None:
        self.run_inline()
        self.signals.done.emit(self)

    def run_inline(self) -> None:
        self.worker_thread = threading.get_ident()
        try:
            with acting_for(self.origin):
                result = self.work()
            if isinstance(result, Performed):
                self.reverse, self.walk_id = result.undo, result.walk_id
                result = result.result
            self.result = result
        except BaseException as error:  # reported to the GUI thread, never swallowed
            self.error = error
            if not isinstance(error, WalkappError):
                log.error("the write %r failed unexpectedly:\n%s", self.describe(),
                          traceback.format_exc())
        finally:
            self.finished.set()


@dataclass(frozen=True)
class Applied:
    """A command that was committed, with what it returned: one entry of the history."""

    command: Command
    result: Any
    origin: object | None
    undo: Command | None = None
    walk_id: str | None = None


class Writer(QObject, Stoppable):
    """Runs writes in submission order, one at a time, on a private one-thread pool."""

    succeeded = Signal(str, int, object)  # key, generation, result
    failed = Signal(str, int, object)     # key, generation, error
    done = Signal(object)                 # the Ticket, succeeded or failed
    waiting_changed = Signal(object, bool)  # the Ticket in flight; waiting or not any more

    def __init__(self, services: Services | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: dict[str, Ticket] = {}
        self._inflight: Ticket | None = None
        # A finished ticket may still be returning from run() on the worker thread when
        # the GUI thread is done with it; keep the last few alive rather than race the GC.
        self._recent: collections.deque[Ticket] = collections.deque(maxlen=4)
        self.history: collections.deque[Applied] = collections.deque(maxlen=HISTORY_SIZE)
        self._closed = False
        self._waiting: Ticket | None = None
        self._wait_timer = QTimer(self, singleShot=True, interval=WAIT_NOTICE_MS)
        self._wait_timer.timeout.connect(self._still_running)
        from walkapp.ui.undo import UndoStacks  # it writes through this writer

        self.undo_stacks = UndoStacks(self, self)
        _writers.add(self)

    @classmethod
    def around(cls, parent: QObject, *parts: object) -> Writer:
        """A writer of its own for a panel built alone (tests, the screenshot tool) from
        single services (`parts`: e.g. its DebriefService and WalkService): its commands
        run on those very objects, the rest on new ones over the same database."""
        from dataclasses import fields, replace

        from walkapp.services.base import ServiceBase

        first = next(p for p in parts if isinstance(p, ServiceBase))
        services = Services.create(first.db, first.bus)
        given: dict[str, Any] = {f.name: part for f in fields(services) for part in parts
                                 if type(part) is type(getattr(services, f.name))}
        return cls(replace(services, **given), parent)

    # -- submitting ------------------------------------------------------------------------
    def write(self, command: Command, *, origin: object | None = None,
              on_done: Done | None = None, on_failed: Failed | None = None,
              owner: QObject | None = None, generation: int = 0,
              key: str | None = None, undo_role: str | None = None) -> Ticket | None:
        """Queue `command`; it runs inside `acting_for(origin)`. `on_done(result)` or
        `on_failed(error)` is called on the GUI thread afterwards, unless `owner` (default:
        `origin` when it is a QObject) is gone by then. Returns None after `shutdown()`."""
        services = self.services
        if services is None:
            raise RuntimeError("this writer was made without services: it runs callables only")
        key = key or command.coalesce_key() or f"#{next(_ids)}"
        if owner is None and isinstance(origin, QObject):
            owner = origin
        return self._enqueue(Ticket(key, generation, lambda: command.perform(services),
                                    command=command, origin=origin, on_done=on_done,
                                    on_failed=on_failed, owner=owner, undo_role=undo_role))

    def submit(self, key: str, generation: int, commit: Work | Command,
               origin: object | None = None) -> None:
        """Queue a commit under `key` (the autosave trackers' way): a waiting commit of the
        same key is replaced by this newer one, which keeps its place in the line."""
        if isinstance(commit, Command):
            self.write(commit, origin=origin, generation=generation, key=key)
            return
        self._enqueue(Ticket(key, generation, commit, origin=origin))

    def retry(self, ticket: Ticket) -> Ticket | None:
        """Run a failed write again, with the same callbacks."""
        return self._enqueue(Ticket(ticket.key, ticket.generation, ticket.work,
                                    command=ticket.command, origin=ticket.origin,
                                    on_done=ticket.on_done, on_failed=ticket.on_failed,
                                    owner=ticket.owner, undo_role=ticket.undo_role))

    def _enqueue(self, ticket: Ticket) -> Ticket | None:
        if self._closed:
            log.debug("write %r after shutdown: not run", ticket.describe())
            return None
        self._pending[ticket.key] = ticket
        self._kick()
        return ticket

    # -- state -----------------------------------------------------------------------------
    def is_closed(self) -> bool:
        return self._closed

    def is_idle(self) -> bool:
        return self._inflight is None and not self._pending

    def is_waiting(self) -> bool:
        """Has the write in flight taken longer than WAIT_NOTICE_MS so far?"""
        return self._waiting is not None

    def has_work_for(self, key: str) -> bool:
        return key in self._pending or (self._inflight is not None
                                        and self._inflight.key == key)

    def has_work_from(self, origin: object) -> bool:
        tickets = [*self._pending.values(), *([self._inflight] if self._inflight else [])]
        return any(t.origin is origin for t in tickets)

    # -- finishing -------------------------------------------------------------------------
    def flush(self, timeout_s: float = 15.0) -> bool:
        """Finish every queued write now, in order, on the calling (GUI) thread.

        Used when the walk or the window closes. Returns False only if the write in flight
        did not finish within `timeout_s`; failures are reported as usual."""
        ticket = self._inflight
        if ticket is not None:
            if not ticket.finished.wait(timeout_s):
                return False
            self._finish(ticket)
        while self._pending:
            key = next(iter(self._pending))
            ticket = self._pending.pop(key)
            self._inflight = ticket
            ticket.run_inline()
            self._finish(ticket)
        return True

    def shutdown(self, timeout_s: float = 15.0) -> None:
        """Stop for good (the database is still open): run what is queued now, wait for the
        write in flight, then accept nothing more. Results are still reported, on this
        thread, before this returns."""
        if self._closed:
            return
        self.flush(timeout_s)
        self._closed = True
        self._pending.clear()
        self._wait_timer.stop()
        # The worker may still be returning from the last run(); let it, so no thread of
        # this writer touches anything once the caller goes on to close the database.
        self._pool.waitForDone(int(timeout_s * 1000))

    # -- internals -------------------------------------------------------------------------
    def _kick(self) -> None:
        if self._inflight is not None or not self._pending or self._closed:
            return
        key = next(iter(self._pending))
        ticket = self._pending.pop(key)
        ticket.signals.done.connect(self._on_done)
        self._inflight = ticket
        self._wait_timer.start()
        self._pool.start(ticket)

    def _still_running(self) -> None:
        ticket = self._inflight
        if ticket is not None and not ticket.finished.is_set() and self._waiting is None:
            self._waiting = ticket
            self.waiting_changed.emit(ticket, True)

    def _on_done(self, ticket: Ticket) -> None:
        if ticket is not self._inflight:
            return  # already handled by flush()
        try:
            self._finish(ticket)
        finally:  # a screen's callback that raised (a bug) must not stop the line
            self._kick()

    def _finish(self, ticket: Ticket) -> None:
        self._inflight = None
        self._wait_timer.stop()
        self._recent.append(ticket)
        waited, self._waiting = self._waiting, None
        if waited is not None:
            self.waiting_changed.emit(waited, False)
        if ticket.error is None and ticket.command is not None:
            self.history.append(Applied(ticket.command, ticket.result, ticket.origin,
                                        ticket.reverse, ticket.walk_id))
            self.undo_stacks.record(ticket)
        if ticket.error is None:
            self.succeeded.emit(ticket.key, ticket.generation, ticket.result)
        else:
            self.failed.emit(ticket.key, ticket.generation, ticket.error)
        owner_alive = ticket.owner is None or shiboken6.isValid(ticket.owner)
        if owner_alive:
            if ticket.error is None and ticket.on_done is not None:
                ticket.on_done(ticket.result)
            elif ticket.error is not None and ticket.on_failed is not None:
                ticket.on_failed(ticket.error)
        self.done.emit(ticket)
