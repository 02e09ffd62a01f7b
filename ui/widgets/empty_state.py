"""A calm empty state: an optional icon, a one-line title, one line of help, and what to do.

Minimal version written by the helper "help" so that the first-run welcome and the guide
links have the shared API to build on; the helper "look" owns this widget and its look
(theirs replaces this one at merge). The API: `EmptyState(icon, title, text, parent=None)`,
`add_action(text, slot)` (a button) and `add_link(text, slot)` (a quieter link-like button).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Says why a place is empty and what can be done about it."""

    def __init__(self, icon: str | None, title: str, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStateBox")
        self.icon_name = icon  # the look's icon helper draws it, where there is one
        self.title = QLabel(title)
        self.title.setObjectName("emptyStateTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(text)
        self.text.setObjectName("emptyStateText")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.text.setVisible(bool(text))
        self._actions = QHBoxLayout()
        self._actions.addStretch(1)
        self._actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(self._actions)

    def add_action(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """A button that does the obvious next thing."""
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(lambda _=False: slot())
        self._actions.insertWidget(self._actions.count() - 1, button)
        return button

    def add_link(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """A quiet, link-like button ("Learn more")."""
        button = self.add_action(text, slot)
        button.setObjectName("emptyStateLink")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        palette = button.palette()  # the link colour, underlined: it reads as a link
        palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link))
        button.setPalette(palette)
        font = button.font()
        font.setUnderline(True)
        button.setFont(font)
        return button
