"""The band across the top of a closed walk: it says the walk is the record and is
read-only, offers "Edit anyway", and while it is being edited after closing says so and
offers "Done editing".

The lock itself is in the core (walkapp.services.closed_walks: no command changes a closed
walk unless it was unlocked); this band shows it and makes the pages read-only
(walkapp.ui.read_only) so nothing looks editable that is not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from walkapp import domain as d
from walkapp.services.closed_walks import ClosedWalks
from walkapp.ui.read_only import READ_ONLY_SAFE, ReadOnlyGuard
from walkapp.ui.widgets.note_text import shortcut_text

__all__ = ["ClosedWalkBanner"]


class ClosedWalkBanner(QFrame):
    unlocked = Signal(bool)  # True: "Edit anyway"; False: "Done editing"

    def __init__(self, closed: ClosedWalks, walk_id: str,
                 roots: Callable[[], list[QWidget]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closedWalkBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A calm, clear band: the palette's highlight tone, legible in light and dark.
        self.setStyleSheet(
            "#closedWalkBanner { background: palette(alternate-base); "
            "border: 1px solid palette(mid); border-left: 4px solid palette(highlight); "
            "border-radius: 4px; }")
        self._closed = closed
        self.walk_id = walk_id
        self._status: d.WalkStatus | None = None
        self.guard = ReadOnlyGuard(roots, self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setObjectName("closedWalkText")
        self.edit_button = QPushButton(self.tr("Edit anyway"))
        self.edit_button.setToolTip(self.tr(
            "Change this closed walk's record for now. Every change can be undone with "
            "Edit ▸ Undo ({0}).").format(shortcut_text("Ctrl+Z")))
        self.edit_button.clicked.connect(self.edit_anyway)
        self.done_button = QPushButton(self.tr("Done editing"))
        self.done_button.setToolTip(self.tr("Make the walk read-only again."))
        self.done_button.clicked.connect(self.done_editing)
        for button in (self.edit_button, self.done_button):
            button.setProperty(READ_ONLY_SAFE, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.edit_button)
        layout.addWidget(self.done_button)
        self.setAccessibleName(self.tr("This walk is closed"))
        self.hide()

    def show_walk(self, walk: d.Walk) -> None:
        """The walk as last read (its status may have changed)."""
        self._status = walk.status
        self._update()

    def is_locked(self) -> bool:
        return self._status is d.WalkStatus.CLOSED \
            and not self._closed.is_unlocked(self.walk_id)

    def edit_anyway(self) -> None:
        self._closed.edit_anyway(self.walk_id)
        self._update()
        self.unlocked.emit(True)

    def done_editing(self) -> None:
        self._closed.lock_again(self.walk_id)
        self._update()
        self.unlocked.emit(False)

    def refresh(self) -> None:
        """A page built or refreshed since: lock what it shows too."""
        if self.guard.is_on():
            self.guard.apply()

    def _update(self) -> None:
        closed = self._status is d.WalkStatus.CLOSED
        editing = closed and self._closed.is_unlocked(self.walk_id)
        self.setVisible(closed)
        if editing:
            self.text.setText(self.tr(
                "This walk is closed, and you are editing it after closing. Changes are "
                "saved as you make them; Edit ▸ Undo ({0}) takes each one back.").format(
                shortcut_text("Ctrl+Z")))
        else:
            self.text.setText(self.tr(
                "This walk is closed. What it recorded is kept as it was, so nothing here "
                "can be changed. You can still read everything and export reports."))
        self.edit_button.setVisible(closed and not editing)
        self.done_button.setVisible(editing)
        self.guard.set_on(closed and not editing)
