"""What the window shows while a walk it opens is read off the GUI thread: a way back to the
list of walks and, when the read takes long enough to be seen (a database held by another
program), a line saying the walk is being opened; nothing that could act on the walk
before its pages are there (walkapp.ui.main_window opens the walk; this only shows it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from walkapp.ui.page import Stoppable

# Most walks are read in a few milliseconds: the line appears only after this, so that a
# quick open does not flash it.
MESSAGE_AFTER_MS = 300


class OpeningScreen(QWidget, Stoppable):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openingScreen")
        # The one control here: it gives the keyboard focus somewhere to be while the walk
        # is read, so that it moves on into the walk's page when the walk is shown (as it
        # did from the list of walks before).
        self.back_button = QPushButton(self.tr("← All walks"))
        self.back_button.setAccessibleName(self.tr("Stop opening the walk and go back to "
                                                   "all walks"))
        self.back_button.clicked.connect(self.back_requested)
        self.message = QLabel(self.tr("Opening the walk…"))
        self.message.setObjectName("subtitle")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAccessibleName(self.tr("Opening the walk"))
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addStretch(2)
        self.message.hide()
        self._reveal = QTimer(self, singleShot=True, interval=MESSAGE_AFTER_MS)
        self._reveal.timeout.connect(self.message.show)

    def start(self) -> None:
        """A walk starts to be read: the line shows if the read is still going soon."""
        self.message.hide()
        self._reveal.start()

    def stop(self) -> None:
        """The walk is open, or no longer wanted."""
        self._reveal.stop()
        self.message.hide()

    def shutdown(self) -> None:
        self.stop()
