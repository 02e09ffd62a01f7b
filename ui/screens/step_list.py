"""The step guide's list of steps: one row per step (its title, its planned minutes with
the extensions "+1 min" gave it, a mark for how it went), then, under "More", the panels
no step shows. A click, or the arrow keys and Enter, picks a row (`step_chosen`,
`more_chosen`); what that does is the guide's business (it prepares the step).

Each row's height is worked out here for the list's width (`fit_rows`), on every change
of the words and every change of width: Qt's own wrapping kept a row's first height and
cut a title that later grew a mark or turned bold.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyleOptionViewItem, QWidget

__all__ = ["MARKS", "StepList"]

# How each step went, from the phase log's outcomes.
MARKS = {"done": "✓ ", "skipped": "↷ ", "running": "▶ ", "paused": "❚❚ "}
# An item's side padding and focus border in the style sheet (2 + 2 px a side, app.qss
# QListWidget::item), and a little to spare.
_SIDES = 12


class StepList(QListWidget):
    step_chosen = Signal(int)   # a step's position
    more_chosen = Signal(str)   # a "More" panel's name
    escaped = Signal()          # Escape in the list (the guide goes back to the running step)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Steps of this phase"))
        self.setObjectName("stepList")
        # About 20 characters (long titles wrap): a small window keeps room for the step.
        self.setMinimumWidth(max(150, self.fontMetrics().averageCharWidth() * 20))
        self.setMaximumWidth(260)
        self.setWordWrap(True)
        # Long titles wrap (a mark in front of a bold title must not add a scroll bar).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip(self.tr(
            "Click a step (or use the arrow keys and Enter) to prepare it: its script and "
            "prompts show without starting its timer."))
        self._step_count = 0
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)

    def fill(self, texts: Sequence[str], more: Sequence[tuple[str, str]]) -> None:
        """One row per step (`texts`), then the "More" heading and its (name, title)."""
        self.clear()
        self._step_count = len(texts)
        for text in texts:
            self.addItem(QListWidgetItem(text))
        if more:
            heading = QListWidgetItem(self.tr("More"))
            heading.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not a place to go
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.addItem(heading)
            for name, title in more:
                item = QListWidgetItem(title)
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setToolTip(self.tr("Not a step of the protocol: open it at any time."))
                self.addItem(item)
        self.fit_rows()

    def set_step(self, position: int, text: str, *, bold: bool) -> bool:
        """A step row's words and weight; True if they changed (call `fit_rows` then)."""
        item = self.item(position)
        font = item.font()
        if text == item.text() and font.bold() == bold:
            return False
        item.setText(text)
        font.setBold(bold)
        item.setFont(font)
        return True

    def more_item(self, name: str) -> QListWidgetItem | None:
        """The "More" entry of panel `name`."""
        for row in range(self._step_count, self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                return item
        return None

    def set_more_title(self, name: str, title: str) -> None:
        item = self.more_item(name)
        if item is not None and item.text() != title:
            item.setText(title)
            self.fit_rows()

    def show_row(self, position: int, more: str | None) -> None:
        """Select the row on screen: the "More" entry `more`, else step `position`."""
        item = self.more_item(more) if more is not None else None
        if item is not None:
            self.setCurrentItem(item)
        else:
            self.setCurrentRow(position)

    def fit_rows(self) -> None:
        width = self.viewport().width()
        if width <= 40:
            return  # not laid out yet: the first resize fits them
        # Measured by the list's own delegate at the list's width, so the style sheet's
        # padding and focus border around an item are counted (worked out by hand they
        # were 4 px short, and the row's second line, its minutes, was cut to "…").
        delegate = self.itemDelegate()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        # The style sheet's side padding and border are added to the size but not taken
        # from the width the words wrap in: measured that wide, a title that wraps on
        # screen ("Próximos pasos y acciones acordadas") was given one line too few.
        option.rect = QRect(0, 0, max(1, width - _SIDES), 1)
        for row in range(self.count()):
            item = self.item(row)
            item.setData(Qt.ItemDataRole.SizeHintRole, None)  # measure the words, not it
            needed = delegate.sizeHint(option, self.indexFromItem(item))
            item.setSizeHint(QSize(width, needed.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_rows()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def _chosen(self, item: QListWidgetItem) -> None:
        row = self.row(item)
        if row < self._step_count:
            self.step_chosen.emit(row)
        elif item.data(Qt.ItemDataRole.UserRole):
            self.more_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
