"""Carry walkapp's plain-Python change events onto a Qt signal.

Services publish from whatever thread committed; the signal is delivered in the receiver's
thread by Qt, so views refresh on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from walkapp.events import Change, EventBus


class ChangeBridge(QObject):
    changed = Signal(object)  # walkapp.events.Change

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = bus.subscribe(self._forward)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def _forward(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        self._unsubscribe()
