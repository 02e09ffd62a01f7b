"""What a start does once the window is up: work that is not needed for the first window
(the Trash's 30-day expiry, the report of broken protocol files, importing the ORM's
models) begins at the first moment the shown window is idle with its list of walks in,
not while it is being built. It all runs off the GUI thread; started earlier, it would
only compete with the window for the interpreter (and, on a busy machine, for the CPU)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractEventDispatcher, QObject, QTimer
from PySide6.QtWidgets import QWidget

from walkapp.services import load_models
from walkapp.ui.workers import run_in_background

# If the window is never seen to settle (shown but hidden behind another at once, on a
# platform that then does not expose it), the work begins this long after the start anyway.
LATEST_MS = 5000


class _WhenSettled(QObject):
    """A child of the window: its watch of the event loop ends with the window."""

    def __init__(self, window: QWidget, ready: Callable[[], bool],
                 then: Callable[[], None], dispatcher: QAbstractEventDispatcher) -> None:
        super().__init__(window)
        self._window = window
        self._ready = ready
        self._then = then
        self._dispatcher = dispatcher
        self._started = False
        dispatcher.aboutToBlock.connect(self._idle)
        QTimer.singleShot(LATEST_MS, self, self._run)

    def _idle(self) -> None:
        # Shown *and painted*: Qt paints a widget window as it is exposed. (Visible alone
        # can be a moment before the first paint, which the work would then slow down.)
        handle = self._window.windowHandle()
        if (handle is None or not handle.isExposed() or not self._window.isVisible()
                or not self._ready()):
            return
        self._dispatcher.aboutToBlock.disconnect(self._idle)
        QTimer.singleShot(0, self, self._run)

    def _run(self) -> None:
        if self._started:
            return
        self._started = True
        if self._window.isVisible():  # not once the window has closed
            self._then()


def when_settled(window: QWidget, ready: Callable[[], bool],
                 then: Callable[[], None]) -> None:
    """Call `then()` once, in a turn of its own, after the first moment the GUI thread is
    about to wait for events with `window` shown and painted and `ready()` true (at the
    latest LATEST_MS after this, if the window is still open). Not at all if the window
    is closed first."""
    dispatcher = QAbstractEventDispatcher.instance()
    if dispatcher is None:  # no event loop yet: nothing can be idle, so now is as good
        then()
        return
    _WhenSettled(window, ready, then, dispatcher)


def import_models_in_background(owner: QWidget) -> None:
    """Import (and map) walkapp.storage.models off the GUI thread, so that the first walk
    opened, or the first write, does not wait for it (see walkapp.storage)."""
    run_in_background(lambda _progress: load_models(), owner=owner)
