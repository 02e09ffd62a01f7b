"""Autosave without a Save button: commits run one at a time, off the GUI thread.

Why off the GUI thread: a commit takes a few milliseconds, but a database held by another
program waits up to the busy timeout (seconds) before it fails — typing must never wait
for that.

Why one at a time: two commits of the same note must reach the database in the order they
were typed, so that an older snapshot can never overwrite a newer one. `SerialSaver` keeps
at most one commit in flight; while it runs, newer snapshots wait, and a newer snapshot of
the same document replaces the waiting older one (only the newest text matters).

`AutosaveTracker` follows one document (a note, a reflection): it counts edits, debounces
them into commits (after a pause, and at least every `MAX_WAIT_MS` while the typing goes
on: see `debounce.py`), and says "Saved" only after the commit of the *latest* edit
succeeded.
A failed commit keeps everything in the editor and is retried on the next edit or on
Retry. `SaveIndicator` is the quiet line that shows that state.
"""

from __future__ import annotations

import collections
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from walkapp.errors import WalkappError
from walkapp.ui.page import Stoppable, stamped
from walkapp.ui.widgets.debounce import DEBOUNCE_MS, MAX_WAIT_MS, Debouncer, Pace

__all__ = ["DEBOUNCE_MS", "MAX_WAIT_MS", "AutosaveTracker", "Commit", "Pace", "SaveIndicator",
           "SerialSaver", "describe_failure"]

log = logging.getLogger(__name__)

Commit = Callable[[], Any]


def describe_failure(error: BaseException) -> str:
    """What to tell the user about a failed commit, in one or two sentences."""
    if isinstance(error, WalkappError):
        return error.message
    return QCoreApplication.translate(
        "Autosave", "An unexpected error stopped the save ({0}). Your text is still here; "
        "try again, and if it keeps failing, copy it somewhere safe.").format(
        type(error).__name__)


class _JobSignals(QObject):
    done = Signal(object)  # the _Job


class _Job(QRunnable):
    """One commit. Keeps its outcome on itself so `flush` can read it without the event
    loop; the `done` signal tells the saver when the GUI thread is free to look."""

    def __init__(self, key: str, generation: int, commit: Commit) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.key = key
        self.generation = generation
        self.commit = commit
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = threading.Event()
        self.signals = _JobSignals()

    def run(self) -> None:
        self.run_inline()
        self.signals.done.emit(self)

    def run_inline(self) -> None:
        try:
            self.result = self.commit()
        except BaseException as error:  # reported to the GUI thread, never swallowed
            self.error = error
            if not isinstance(error, WalkappError):
                log.error("autosave of %s failed unexpectedly:\n%s", self.key,
                          traceback.format_exc())
        finally:
            self.finished.set()


class SerialSaver(QObject, Stoppable):
    """Runs commits in submission order, one at a time, on a private one-thread pool.

    `succeeded(key, generation, result)` / `failed(key, generation, error)` arrive on the
    GUI thread. Many documents can share one saver; each tracker filters on its own key.
    """

    succeeded = Signal(str, int, object)
    failed = Signal(str, int, object)

    def __init__(self, parent: QObject | None = None, *, origin: object | None = None) -> None:
        """`origin`: the screen whose saves these are; the changes they publish carry it
        (walkapp.events.acting_for, entered on the thread that runs each commit)."""
        super().__init__(parent)
        self._origin = origin
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: dict[str, tuple[int, Commit]] = {}
        self._inflight: _Job | None = None
        # A finished job may still be returning from run() on the worker thread when the
        # GUI thread is done with it; keep the last few alive rather than race the GC.
        self._recent: collections.deque[_Job] = collections.deque(maxlen=4)
        self._closed = False

    def submit(self, key: str, generation: int, commit: Commit) -> None:
        """Queue a commit; a waiting commit of the same key is replaced by this newer one.
        After `shutdown()` nothing is queued: the database may be closed by now."""
        if self._closed:
            log.debug("autosave of %s after shutdown: not run", key)
            return
        if self._origin is not None:
            commit = stamped(self._origin, commit)
        self._pending[key] = (generation, commit)
        self._kick()

    def shutdown(self, timeout_s: float = 15.0) -> None:
        """Stop for good (the screen is closing, the database is still open): run what is
        queued now, wait for the commit in flight, then accept nothing more. Its results
        are still reported, on this thread, before this returns."""
        if self._closed:
            return
        self.flush(timeout_s)
        self._closed = True
        self._pending.clear()
        # The worker may still be returning from the last run(); let it, so no thread of
        # this saver touches anything once the caller goes on to close the database.
        self._pool.waitForDone(int(timeout_s * 1000))

    def is_closed(self) -> bool:
        return self._closed

    def is_idle(self) -> bool:
        return self._inflight is None and not self._pending

    def has_work_for(self, key: str) -> bool:
        return key in self._pending or (self._inflight is not None
                                        and self._inflight.key == key)

    def flush(self, timeout_s: float = 15.0) -> bool:
        """Finish every queued commit now, in order, on the calling (GUI) thread.

        Used when the walker moves on (next visit, another note, closing). Returns False
        only if a commit in flight did not finish within `timeout_s`; failures are
        reported through `failed` as usual.
        """
        job = self._inflight
        if job is not None:
            if not job.finished.wait(timeout_s):
                return False
            self._finish(job)
        while self._pending:
            key = next(iter(self._pending))
            generation, commit = self._pending.pop(key)
            job = _Job(key, generation, commit)
            self._inflight = job
            job.run_inline()
            self._finish(job)
        return True

    def _kick(self) -> None:
        if self._inflight is not None or not self._pending or self._closed:
            return
        key = next(iter(self._pending))
        generation, commit = self._pending.pop(key)
        job = _Job(key, generation, commit)
        job.signals.done.connect(self._on_done)
        self._inflight = job
        self._pool.start(job)

    def _on_done(self, job: _Job) -> None:
        if job is not self._inflight:
            return  # already handled by flush()
        self._finish(job)
        self._kick()

    def _finish(self, job: _Job) -> None:
        self._inflight = None
        self._recent.append(job)
        if job.error is None:
            self.succeeded.emit(job.key, job.generation, job.result)
        else:
            self.failed.emit(job.key, job.generation, job.error)


class SaveIndicator(QWidget):
    """A quiet status line: "Saved" only after a commit succeeded; a clear reason and a
    Retry button when it failed. States: idle, editing, saving, saved, failed."""

    retry_requested = Signal()

    def __init__(self, what: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveIndicator")
        self.label = QLabel()
        self.label.setObjectName("saveStatus")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Save status: {0}").format(what) if what
                                     else self.tr("Save status"))
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setAccessibleName(self.tr("Retry saving: {0}").format(what) if what
                                     else self.tr("Retry saving"))
        self.retry.setToolTip(self.tr("Try to save this text again"))
        self.retry.clicked.connect(self.retry_requested)
        self.retry.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry)
        self._state = ""
        self.set_state("idle")

    def state(self) -> str:
        return self._state

    def set_state(self, state: str, message: str = "") -> None:
        texts = {
            "idle": self.tr("Autosave is on"),
            "editing": self.tr("Editing…"),
            "saving": self.tr("Saving…"),
            "saved": self.tr("Saved"),
            "failed": "⚠ " + self.tr("Not saved: {0}").format(message),
        }
        self._state = state
        self.label.setText(texts[state])
        self.label.setAccessibleDescription(self.label.text())
        self.retry.setVisible(state == "failed")
        # A property, so the stylesheet colours a failure without hard-coded colours here.
        self.label.setProperty("saveState", state)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)


class AutosaveTracker(QObject, Stoppable):
    """Debounces edits of one document into commits and tracks whether the newest edit
    is committed.

    `build_commit()` is called when a commit is due; it snapshots the document *now* and
    returns a callable to run off-thread, or None when there is nothing to store.
    """

    committed = Signal(object)   # the commit's result, for the newest edit or an older one
    failed = Signal(str)         # the message shown to the user
    state_changed = Signal(str)

    def __init__(self, saver: SerialSaver, indicator: SaveIndicator | None,
                 build_commit: Callable[[], Commit | None], *, key: str = "",
                 debounce_ms: int = DEBOUNCE_MS, pace: Pace | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._saver = saver
        self._indicator = indicator
        self._build_commit = build_commit
        self.key = key
        self.generation = 0          # edits made to the current document
        self.committed_generation = 0
        self._submitted_generation = 0
        self.error: str | None = None
        self._closed = False
        # Due after a pause in the typing, or MAX_WAIT_MS after the first edit not yet
        # submitted: continuous typing is committed at least that often.
        self.debouncer = Debouncer(self.commit_now, pace or Pace(delay_ms=debounce_ms), self)
        saver.succeeded.connect(self._on_succeeded)
        saver.failed.connect(self._on_failed)
        if indicator is not None:
            indicator.retry_requested.connect(self.retry)

    # -- state -----------------------------------------------------------------------------
    def reset(self, key: str, *, saved: bool = False) -> None:
        """Follow another document (already stored if `saved`)."""
        self.debouncer.cancel()
        self.key = key
        self.generation = self.committed_generation = self._submitted_generation = 0
        self.error = None
        self._show("saved" if saved else "idle")

    def is_saved(self) -> bool:
        return self.committed_generation >= self.generation

    def state(self) -> str:
        return self._indicator.state() if self._indicator is not None else ""

    def touch(self) -> None:
        """The document changed: commit it once the typing pauses (or has gone on for
        MAX_WAIT_MS since the last commit was submitted)."""
        if self._closed:
            return
        self.generation += 1
        if self.error is None:
            self._show("editing")
        self.debouncer.touch()

    def retry(self) -> None:
        """The user asked to try again: show that something is happening."""
        self.error = None
        self._submitted_generation = self.committed_generation
        self.commit_now()

    def commit_now(self) -> None:
        self.debouncer.cancel()
        if self._closed or (self.is_saved() and self.error is None):
            return
        if (self._submitted_generation == self.generation and self.error is None
                and self._saver.has_work_for(self.key)):
            return  # this very edit is already on its way
        commit = self._build_commit()
        if commit is None:  # nothing worth storing (e.g. an empty, never-saved note)
            self.committed_generation = self.generation
            self.error = None
            self._show("idle")
            return
        if self.error is None:
            self._show("saving")
        self._submitted_generation = self.generation
        self._saver.submit(self.key, self.generation, commit)

    def flush(self) -> bool:
        """Commit now and wait; True when the newest edit is in the database."""
        self.commit_now()
        self._saver.flush()
        return self.is_saved()

    def stop(self) -> None:
        self.debouncer.cancel()

    def shutdown(self) -> None:
        """Stop for good: no more commits (a focus change or a hide while the window is
        torn down commits nothing) and no more results. Flush first to keep the text."""
        self.debouncer.shutdown()
        self._closed = True

    # -- results ---------------------------------------------------------------------------
    def _on_succeeded(self, key: str, generation: int, result: object) -> None:
        if key != self.key or self._closed:
            return
        self.committed_generation = max(self.committed_generation, generation)
        if self.is_saved():
            self.error = None
            self._show("saved")
        self.committed.emit(result)

    def _on_failed(self, key: str, generation: int, error: object) -> None:
        if key != self.key or generation <= self.committed_generation or self._closed:
            return
        assert isinstance(error, BaseException)
        self.error = describe_failure(error)
        self._show("failed", self.error)
        self.failed.emit(self.error)

    def _show(self, state: str, message: str = "") -> None:
        # While a window is torn down, focus-out can arrive after the label is gone.
        if self._indicator is not None and shiboken6.isValid(self._indicator.label):
            self._indicator.set_state(state, message)
        self.state_changed.emit(state)
