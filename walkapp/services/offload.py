"""Run CPU-heavy work (rendering a PDF, parsing and merging an import) in a child process.

Why a process: pure-Python work on a worker *thread* still holds the interpreter lock for
long stretches, and the GUI thread then stalls for about 100 ms at a time. A child process
has its own interpreter, so the window stays responsive whatever the job does.

A job is a module-level function `job(services, progress, *args)` (it must be importable
by name: the child is a fresh interpreter started with the 'spawn' method, with nothing
of the parent's Qt, threads or open connections). The child opens the database itself,
from the parent's settings, runs the job, and sends back over a pipe its progress, then
its result or its error, together with the changes it published; `ChildJob.run` publishes
those changes on the parent's bus, so the screens refresh as if the parent had written.

Lock rules (walkapp.storage.lock): the data folder's single-writer lock is held by the
parent, and the child works as its delegate under it. The child never takes the lock
itself (it would be refused: the parent holds it), and it ends itself as soon as the
parent goes away (its end of a pipe closes), so it can never write after the lock holder
has gone; the parent waits for the child to end before it closes the database. A child
that dies half-way leaves the database as it was: every write of a job is one SQLite
transaction, which SQLite rolls back.

A database that only lives in this process (SQLite in memory, tests) cannot be opened by a
child: then the job runs in the calling thread, as before.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from walkapp import messages
from walkapp.config import Settings
from walkapp.errors import WalkappError
from walkapp.events import Change, EventBus, acting_for, current_origin
from walkapp.formatting import tr

if TYPE_CHECKING:
    # multiprocessing is imported when a job first starts a child: not at every start of
    # the app, whose window imports this module (through walkapp.ui.workers).
    import multiprocessing.process
    from multiprocessing.connection import Connection

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Job = Callable[..., Any]   # job(services, progress, *args) -> a picklable result

# How long a child asked to stop (or whose work is done) may take to end before it is
# killed outright.
_END_GRACE_S = 2.0


class ChildStoppedError(WalkappError):
    """The job was stopped on purpose (the user cancelled, or the window closed)."""


class ChildCrashedError(WalkappError):
    """The child process ended without an answer (killed, out of memory, a crash)."""


class ChildBugError(RuntimeError):
    """An unexpected error (a bug) inside the child; `details` is its traceback there."""

    def __init__(self, message: str, details: str) -> None:
        super().__init__(message)
        self.details = details


class _RecordingBus(EventBus):
    """The child's bus: keeps every change to send to the parent, tells no one here."""

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[Change] = []

    def publish(self, change: Change) -> None:
        self.changes.append(change)


def can_run_in_child(settings: Settings) -> bool:
    """Can a child process open this database by itself? (Not SQLite in memory.)"""
    url = settings.database_url
    if not url.startswith("sqlite"):
        return True  # a server: anyone with the URL can connect
    return settings.sqlite_path is not None


class ChildJob:
    """One job in a child process. `run(progress)` blocks (call it on a worker thread)
    until the job is done, and returns its result or raises its error; `stop()` (from any
    thread) ends the child at once, and `run` then raises ChildStoppedError."""

    def __init__(self, settings: Settings, bus: EventBus, job: Job, *args: Any,
                 cleanup: Callable[[], None] | None = None) -> None:
        self.settings = settings
        self.bus = bus
        self.job = job
        self.args = args
        # Runs here once a child that was stopped or died has ended for sure: it tidies
        # what the job leaves when it is cut short (an export's unfinished temporary file).
        self.cleanup = cleanup
        # The changes are published later, on a worker thread: keep the origin of the
        # screen that asked, so it can recognise its own write.
        self.origin = current_origin()
        self.process: multiprocessing.process.BaseProcess | None = None
        self.exitcode: int | None = None   # once the child has ended
        self._stopped = False
        self._guard = threading.Lock()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        with self._guard:
            self._stopped = True
            if self.process is not None and self.exitcode is None:
                with contextlib.suppress(OSError, ValueError):
                    self.process.kill()  # nothing of it is kept: SQLite rolls back

    def run(self, progress: Progress | None = None) -> Any:
        report = progress or (lambda _done, _total, _message: None)
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        answers, child_answers = context.Pipe(duplex=False)
        child_alive, parent_alive = context.Pipe(duplex=False)
        process = context.Process(
            target=_child_main, name="walkapp-job", daemon=True,
            args=(self.settings, self.job, self.args, child_answers, child_alive,
                  messages.asked_for()))
        outcome: tuple[str, Any, Any] | None = None
        try:
            with self._guard:
                if self._stopped:
                    raise ChildStoppedError(tr("Stopped before it started."))
                process.start()
                self.process = process
            # Only the child may hold these ends now: a child that dies closes its answer
            # end (we see EOF), and our closing `parent_alive` tells it we are gone.
            child_answers.close()
            child_alive.close()
            while True:
                try:
                    message = answers.recv()
                except (EOFError, OSError):
                    break
                if message[0] == "progress":
                    report(*message[1:])
                else:
                    outcome = message
                    break
        finally:
            self._end(process, answers, parent_alive)
            if (self._stopped or outcome is None) and self.cleanup is not None:
                try:
                    self.cleanup()
                except Exception:  # tidying up must not hide what happened to the job
                    log.exception("tidying up after a job that did not finish failed")
        if self._stopped:
            raise ChildStoppedError(tr("Stopped: nothing was changed."))
        if outcome is None:
            raise ChildCrashedError(_crash_message(self.exitcode))
        kind, value, extra = outcome
        if kind == "failed":
            raise value
        if kind == "bug":
            raise ChildBugError(value, extra)
        with acting_for(self.origin):
            for change in extra:
                self.bus.publish(change)
        return value

    def _end(self, process: multiprocessing.process.BaseProcess, answers: Connection,
             parent_alive: Connection) -> None:
        with contextlib.suppress(OSError):
            parent_alive.close()  # the child's watchdog ends it if it is still there
        if process.pid is not None:
            process.join(_END_GRACE_S)
            if process.exitcode is None:
                with contextlib.suppress(OSError, ValueError):
                    process.kill()
                process.join()
        with contextlib.suppress(OSError):
            answers.close()
        with self._guard:
            self.exitcode = process.exitcode if process.pid is not None else 0
            with contextlib.suppress(ValueError):
                process.close()


def _crash_message(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return tr("The helper process that did this work stopped unexpectedly (it was ended "
                  "by signal {signal}). Nothing was changed; please try again, and if it "
                  "happens again, restart walkapp.").format(signal=-exitcode)
    return tr("The helper process that did this work stopped unexpectedly (exit code {code}). "
              "Nothing was changed; please try again, and if it happens again, restart "
              "walkapp.").format(code=exitcode)


# -- in the child ----------------------------------------------------------------------------

def _watch_parent(alive: Connection) -> None:
    """Block until the parent closes its end (it stopped us, or it died), then end."""
    with contextlib.suppress(BaseException):
        alive.recv()
    os._exit(1)


def _sendable_error(error: WalkappError) -> WalkappError:
    """`error` itself if it survives the pipe, else the nearest walkapp error that does,
    with the same message (a subclass with its own constructor cannot be rebuilt)."""
    with contextlib.suppress(Exception):
        pickle.loads(pickle.dumps(error))
        return error
    for kind in type(error).__mro__[1:]:
        if isinstance(kind, type) and issubclass(kind, WalkappError):
            with contextlib.suppress(Exception):
                candidate = kind(error.message)
                pickle.loads(pickle.dumps(candidate))
                return candidate
    return WalkappError(error.message)


def _child_main(settings: Settings, job: Job, args: tuple[Any, ...], answers: Connection,
                alive: Connection, locale: str | None = None) -> None:
    # The child speaks the parent's language: the app's choice (Preferences, --lang) or
    # a report's walk's, not only the environment's, which is all a fresh process has.
    if locale:
        from walkapp import formatting

        formatting.set_locale(locale)
    threading.Thread(target=_watch_parent, args=(alive,), daemon=True,
                     name="walkapp-parent-watch").start()
    from walkapp.services import Services
    from walkapp.storage.db import Database

    def progress(done: int, total: int, message: str) -> None:
        answers.send(("progress", done, total, message))

    bus = _RecordingBus()
    services = None
    try:
        try:
            # No pre-migration copy here: the parent opened (and migrated) this database.
            db = Database(settings, backup_on_migrate=False).open()
            services = Services.create(db, bus)
            result = job(services, progress, *args)
        finally:
            if services is not None:
                services.close()
        answer: tuple[str, Any, Any] = ("done", result, bus.changes)
    except WalkappError as error:
        answer = ("failed", _sendable_error(error), None)
    except BaseException as error:  # a bug: its traceback goes to the parent's crash log
        answer = ("bug", f"{type(error).__name__}: {error}", traceback.format_exc())
    try:
        answers.send(answer)
    except Exception as error:  # e.g. a result that cannot be pickled: a bug, said so
        answers.send(("bug", f"the result could not be sent back ({error})",
                      traceback.format_exc()))
    answers.close()
