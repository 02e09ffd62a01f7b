"""Autosave without a Save button: commits run one at a time, off the GUI thread.

The commits go through the window's one `Writer` (walkapp.ui.writer; `SerialSaver` is
its old name): one at a time, in order, off the GUI thread, and a newer snapshot of the
same document replaces a waiting older one (only the newest text matters). A commit that
waits for the database (another program holds it) shows "Waiting for the database…".

`AutosaveTracker` follows one document (a note, a reflection): it counts edits, debounces
them into commits (after a pause, and at least every `MAX_WAIT_MS` while the typing goes
on: see `debounce.py`), and says "Saved" only after the commit of the *latest* edit
succeeded.
A failed commit keeps everything in the editor and is retried on the next edit or on
Retry. `SaveIndicator` is the quiet line that shows that state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from walkapp.services.commands import Command
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.debounce import DEBOUNCE_MS, MAX_WAIT_MS, Debouncer, Pace
from walkapp.ui.widgets.fit_sizes import WrappedLabel
from walkapp.ui.writer import Ticket, Writer, describe_failure

__all__ = ["DEBOUNCE_MS", "MAX_WAIT_MS", "AutosaveTracker", "Commit", "Pace", "SaveIndicator",
           "SerialSaver", "Writer", "describe_failure"]

# What a tracker commits: a command (run by the writer with its services), or a callable.
Commit = Callable[[], Any] | Command

# The writer was this module's SerialSaver; it now serves every write of the window.
SerialSaver = Writer


class SaveIndicator(QWidget):
    """A quiet status line: "Saved" only after a commit succeeded; a clear reason and a
    Retry button when it failed. States: idle, editing, saving,
    waiting (for the database), saved, failed."""

    retry_requested = Signal()

    def __init__(self, what: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveIndicator")
        # Wrapped at its own least height: squeezed to one row, its words ("El guardado
        # automático está activado" in a narrow column) took the rows above them.
        self.label = WrappedLabel()
        self.label.setObjectName("saveStatus")
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
            "waiting": self.tr("Waiting for the database…"),
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

    def __init__(self, saver: Writer, indicator: SaveIndicator | None,
                 build_commit: Callable[[], Commit | None], *, key: str = "",
                 debounce_ms: int = DEBOUNCE_MS, pace: Pace | None = None,
                 origin: object | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._saver = saver
        # Whose save this is, for the changes it publishes (default: the tracker's parent).
        self._origin = origin if origin is not None else parent
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
        saver.waiting_changed.connect(self._on_waiting)
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
        self._saver.submit(self.key, self.generation, commit, origin=self._origin)

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

    def _on_waiting(self, ticket: object, waiting: bool) -> None:
        if (waiting and not self._closed and isinstance(ticket, Ticket) and ticket.key == self.key
                and self.error is None and not self.is_saved()):
            self._show("waiting")

    def _show(self, state: str, message: str = "") -> None:
        # While a window is torn down, focus-out can arrive after the label is gone.
        if self._indicator is not None and shiboken6.isValid(self._indicator.label):
            self._indicator.set_state(state, message)
        self.state_changed.emit(state)
