"""What a list shows when it has nothing in it: an icon, a one-line title, one line of help
and, if there is one, the thing to do about it (a button, or quieter links).

    empty = EmptyState("inbox", self.tr("No notes yet"), self.tr("Notes taken …"))
    empty.add_action(self.tr("Create the sample walk"), self.sample_requested.emit)
    empty.add_link(self.tr("How a walk runs"), open_guide)
    empty.setText(self.tr("No walk matches\nTry other words."))  # as a QLabel's: title, help

Shared by the walks library, the evidence wall, action items, commitments, a walk's
Reports with no notes… so every empty place in walkapp reads the same way. The words are
the caller's (already translated); the look is app.qss's (#emptyStateBox,
#emptyStateTitle, #emptyStateText, #emptyStateLink).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.ui import theme

ICON_SIZE = 48
# The widest the words run (px at the body font's average character: about 60 characters).
TEXT_CHARS = 60


class EmptyState(QFrame):
    """An empty list's message. `icon` is a bundled icon's name (walkapp.ui.icons), a
    QIcon, or None for no icon."""

    def __init__(self, icon: str | QIcon | None, title: str, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStateBox")
        self.icon_label = QLabel()
        self.icon_label.setObjectName("emptyStateIcon")
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._icon: QIcon | None = None
        self.title_label = QLabel(title)
        self.title_label.setObjectName("emptyStateTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.text_label = QLabel(text)
        self.text_label.setObjectName("emptyStateText")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)
        self.action_buttons: list[QPushButton] = []
        self.link_buttons: list[QPushButton] = []
        self._action_row = QHBoxLayout()
        self._action_row.setSpacing(theme.SPACE["sm"])
        self._action_row.addStretch(1)
        self._action_row.addStretch(1)
        self._link_row = QHBoxLayout()
        self._link_row.setSpacing(theme.SPACE["xs"])
        self._link_row.addStretch(1)
        self._link_row.addStretch(1)

        # The words run in a column of at most TEXT_CHARS, centred: the labels fill the
        # column (so their wrapped height is asked for at its width, never cut), and the
        # column sits between two stretches.
        self._column = QWidget()
        self._column.setObjectName("emptyStateColumn")
        self._column.setMaximumWidth(self.fontMetrics().averageCharWidth() * TEXT_CHARS)
        column = QVBoxLayout(self._column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.SPACE["sm"])
        column.addWidget(self.icon_label)
        column.addWidget(self.title_label)
        column.addWidget(self.text_label)
        column.addSpacing(theme.SPACE["xs"])
        column.addLayout(self._action_row)
        column.addLayout(self._link_row)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self._column, 100)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        margin = theme.SPACE["xl"]
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)  # a little above the middle reads as centred
        # Only once the labels are in the layout (a parentless label shown is a window).
        self.text_label.setVisible(bool(text))
        self.set_icon(icon)

    def set_icon(self, icon: str | QIcon | None) -> None:
        if isinstance(icon, str):
            from walkapp.ui.icons import icon as bundled

            icon = bundled(icon, "muted")
        self._icon = icon
        self.icon_label.setVisible(icon is not None)
        if icon is not None:
            self.icon_label.setPixmap(icon.pixmap(QSize(ICON_SIZE, ICON_SIZE),
                                                  self.devicePixelRatioF()))

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)

    def set_text(self, text: str) -> None:
        self.text_label.setText(text)
        self.text_label.setVisible(bool(text))

    # Like a QLabel's, so that an empty state can take the place of a label that said it:
    # the first line is the title, the rest the line of help.
    def setText(self, text: str) -> None:
        title, _, rest = text.partition("\n")
        self.set_title(title)
        self.set_text(rest.strip())

    def text(self) -> str:
        rest = self.text_label.text()
        return self.title_label.text() + (f"\n{rest}" if rest else "")

    def add_action(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """A button under the words (the first one is the screen's primary action)."""
        button = QPushButton(text)
        button.setProperty("primary", not self.action_buttons)
        button.clicked.connect(lambda _=False: slot())
        self._action_row.insertWidget(self._action_row.count() - 1, button)
        self.action_buttons.append(button)
        return button

    def add_link(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """A quiet link-like button under the actions (a guide, a help page)."""
        link = QPushButton(text)
        link.setObjectName("emptyStateLink")
        link.setFlat(True)
        link.setCursor(Qt.CursorShape.PointingHandCursor)
        link.clicked.connect(lambda _=False: slot())
        self._link_row.insertWidget(self._link_row.count() - 1, link)
        self.link_buttons.append(link)
        return link

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The icon's pixmap is drawn once; a new palette (light ↔ dark) draws it again.
        if event.type() in {QEvent.Type.PaletteChange, QEvent.Type.StyleChange} \
                and self._icon is not None:
            self.set_icon(self._icon)


class _Cover(QObject):
    """Keeps an empty state over a list's viewport, the viewport's size."""

    def __init__(self, view: QAbstractScrollArea, empty: EmptyState) -> None:
        super().__init__(empty)
        self._view, self._empty = view, empty
        view.viewport().installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        self._empty.setGeometry(self._view.viewport().rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


def over_view(view: QAbstractScrollArea, empty: EmptyState) -> EmptyState:
    """Show `empty` inside `view` (a table or list) while it has no rows: the view, its
    headings and its place in the tab order stay; call `empty.setVisible(...)` as the rows
    come and go. Clicks on the empty state reach nothing behind it but its own buttons."""
    empty.setParent(view.viewport())
    _Cover(view, empty)
    empty.hide()
    return empty
