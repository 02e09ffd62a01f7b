"""Removal for good from the Trash, off the GUI thread: one at a time, with no widget.

The Trash screen ("Delete now", "Empty Trash") and the 30-day expiry at start-up share one
`TrashRemoval`, so a removal never overlaps another and `shutdown()` waits for whichever
runs. It owns no widget: the expiry runs at every start, while the Trash screen is built
only when it is first shown. What it says goes through its signals (`message`, `finished`,
`failed`) and the Asker (a backup that could not be rewritten, an error), in the order the
screen has always said it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.services.trash import TRASH_DAYS, RemovalResult, TrashService
from walkapp.ui.dialogs import Asker


class TrashRemoval(QObject):
    # A line for the Trash screen's message (the removal started, or what it did).
    message = Signal(str)
    # The removal is over and its result shown: (RemovalResult, what it did in a sentence).
    finished = Signal(object, str)
    # It failed: the message shown.
    failed = Signal(str)
    # Running or not changed (the screen's buttons follow it).
    running_changed = Signal()

    def __init__(self, trash: TrashService, asker: Asker,
                 dialog_parent: Callable[[], QWidget | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._trash = trash
        self._asker = asker
        # Where a warning is shown: the Trash screen once built, else the main window.
        self._dialog_parent = dialog_parent
        # Set by the worker thread when the removal's work is over (shutdown waits on it);
        # `_running` is the GUI's view, cleared only once the result has been shown.
        self._done = threading.Event()
        self._done.set()
        self._running = False
        self._closed = False

    def is_idle(self) -> bool:
        """True when no removal is running (and the last one's result has been shown)."""
        return not self._running

    def empty(self, walk_ids: list[str] | None = None) -> None:
        """Remove for good the walks `walk_ids` (every walk in the Trash when None)."""
        self._start(lambda: self._trash.empty(walk_ids))

    def expire(self) -> None:
        """Remove for good the walks whose 30 days are over (the app calls this at start)."""
        if self.is_idle():
            self._start(lambda: self._trash.expire(), quiet=True, describe=describe_expiry)

    def shutdown(self) -> None:
        """Wait for a removal still running (the database must not close under it) and
        ignore its result from then on."""
        self._done.wait()
        self._closed = True
        self._running = False

    def _start(self, work: Callable[[], RemovalResult], *, quiet: bool = False,
               describe: Callable[[RemovalResult], str] | None = None) -> None:
        from walkapp.ui.workers import run_in_background

        done = threading.Event()
        self._done = done
        self._running = True

        def run(_progress: object) -> RemovalResult:
            try:
                return work()
            finally:
                done.set()

        if not quiet:
            self.message.emit(self.tr("Removing for good, and from the backups…"))
        self.running_changed.emit()
        self._task = run_in_background(
            run, on_done=lambda result: self._finished(result, describe or describe_removal),
            on_error=self._failed)

    def _finished(self, result: object, describe: Callable[[RemovalResult], str]) -> None:
        if self._closed or not isinstance(result, RemovalResult):
            return
        text = ""
        if result.walk_ids or (result.scrub is not None and result.scrub.outcomes):
            text = describe(result)
            self.message.emit(text)
        if result.scrub is not None and result.scrub.failed:
            self._asker.warn(self._dialog_parent(), self.tr("Some backups still hold the walk"),
                             failed_backups(result))
        self.finished.emit(result, text)
        self._running = False
        self.running_changed.emit()

    def _failed(self, error: BaseException, details: str) -> None:
        if self._closed:
            return
        if isinstance(error, WalkappError):
            message = error.message
            self._asker.warn(self._dialog_parent(), self.tr("Nothing was removed"), message)
        else:
            message = self.tr("An unexpected error stopped the removal.")
            self._asker.error(self._dialog_parent(), self.tr("Nothing was removed"), details)
        self.message.emit(message)
        self.failed.emit(message)
        self._running = False
        self.running_changed.emit()


def describe_removal(result: RemovalResult) -> str:
    count = len(result.walk_ids)
    what = (f"“{result.titles[0]}” was removed for good" if count == 1 and result.titles
            else f"{count} walks were removed for good" if count else
            "Backups that still held removed walks were tried again")
    scrub = result.scrub
    tail = f"; {scrub.summary()}." if scrub is not None and scrub.outcomes else "."
    return what + tail


def describe_expiry(result: RemovalResult) -> str:
    count = len(result.walk_ids)
    if not count:
        return describe_removal(result)
    scrub = result.scrub
    tail = f"; {scrub.summary()}." if scrub is not None and scrub.outcomes else "."
    return fmt.plural(count, "{n} walk whose %d days in the Trash were over was removed "
                      "for good", "{n} walks whose %d days in the Trash were over were "
                      "removed for good") % TRASH_DAYS + tail


def failed_backups(result: RemovalResult) -> str:
    assert result.scrub is not None
    lines = [f"{o.path.name}: {o.problem}" for o in result.scrub.failed]
    return ("These backups could not be rewritten, so they may still hold the removed text. "
            "walkapp tries again the next time the Trash is emptied or the app starts; you "
            "can also delete them.\n\n" + "\n".join(lines))
