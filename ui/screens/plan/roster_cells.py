"""The roster's cell editors: a choice from a list (a role, a group, a protocol role) and
one line of words with a hint in the empty cell (what a walker's role is about for them).

Both keep the table's spreadsheet keys (walkapp.ui.widgets.row_table): Tab, Shift+Tab and
Enter commit and move on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyleOptionViewItem, QWidget

from walkapp.ui.widgets.row_table import SpreadsheetDelegate, SpreadsheetKeys

Index = QModelIndex | QPersistentModelIndex
Choices = list[tuple[str, str | None]]  # (label shown, value stored)
# A text cell's hint for the empty cell and its editor ("The students you follow").
HINT_ROLE = Qt.ItemDataRole.UserRole + 1


class ChoiceDelegate(SpreadsheetDelegate):
    """A cell edited by picking from a list (a role, a group): a drop-down opened by a
    double click, F2 or a typed letter (which picks the first choice starting with it);
    Tab, Shift+Tab and Enter commit and move on."""

    def __init__(self, keys: SpreadsheetKeys, choices: Callable[[], Choices]) -> None:
        super().__init__(keys)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget:
        editor = QComboBox(parent)
        for label, value in self._choices():
            editor.addItem(label, value)
        editor.setAccessibleName(str(index.model().headerData(
            index.column(), Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.UserRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.UserRole):
            # Both roles in one go: one itemChanged, so one write.
            model.setItemData(index, {Qt.ItemDataRole.UserRole: editor.currentData(),
                                      Qt.ItemDataRole.DisplayRole: editor.currentText()})


class HintDelegate(SpreadsheetDelegate):
    """One line of words; an empty cell shows its hint (HINT_ROLE) greyed, as the editor's
    placeholder does, so the facilitator sees what to write there."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget:
        editor = QLineEdit(parent)
        hint = str(index.data(HINT_ROLE) or "")
        editor.setPlaceholderText(hint)
        editor.setAccessibleName(hint or str(index.model().headerData(
            index.column(), Qt.Orientation.Horizontal)))
        return editor

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        hint = str(index.data(HINT_ROLE) or "")
        if hint and not option.text:
            option.text = hint + "…"
            option.font.setItalic(True)
            muted = option.palette.color(QPalette.ColorRole.PlaceholderText)
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                option.palette.setColor(group, QPalette.ColorRole.Text, muted)
