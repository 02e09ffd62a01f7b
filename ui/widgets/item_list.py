"""An editable, ordered list of short texts (look-fors, norms…) with add, edit, remove and
reorder, optionally with a check box per item. Storage goes through callbacks, so the widget
never knows about services; it is refreshed with `set_items`. With `send`, the callbacks
return a write (a command) instead of doing it, and `send(write, then)` hands it to the
window's writer: the list never waits for the database, and `then` (e.g. clearing the
new item's field) runs only once the write is committed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.errors import WalkappError


@dataclass(frozen=True)
class ListEntry:
    id: str
    text: str
    checked: bool | None = None  # None: no check box
    tooltip: str = ""


class ItemList(QWidget):
    """Emits nothing itself; calls `on_add(text)`, `on_edit(id, text)`, `on_remove(id)`,
    `on_move(id, new_position)` and `on_check(id, checked)`. Errors from them (a
    WalkappError) are shown in `error_shown`."""

    error_shown = Signal(str)
    _SAVED_TEXT = Qt.ItemDataRole.UserRole + 1
    _SAVED_CHECK = Qt.ItemDataRole.UserRole + 2

    def __init__(self, *, noun: str, placeholder: str,
                 on_add: Callable[[str], object], on_edit: Callable[[str, str], object],
                 on_remove: Callable[[str], object],
                 on_move: Callable[[str, int], object] | None = None,
                 on_check: Callable[[str, bool], object] | None = None,
                 send: Callable[[Any, Callable[[Any], None] | None], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._send = send
        self._on_add, self._on_edit, self._on_remove = on_add, on_edit, on_remove
        self._on_move, self._on_check = on_move, on_check
        self._loading = False

        self.list = QListWidget()
        self.list.setAccessibleName(noun)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self._item_changed)

        self.new_text = QLineEdit()
        self.new_text.setPlaceholderText(placeholder)
        self.new_text.setAccessibleName(self.tr("New {0}").format(noun.lower()))
        self.new_text.returnPressed.connect(self._add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add {0}").format(noun.lower()))
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove selected {0}").format(noun.lower()))
        self.remove_button.clicked.connect(self._remove)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setAccessibleName(self.tr("Move selected {0} up").format(noun.lower()))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setAccessibleName(
            self.tr("Move selected {0} down").format(noun.lower()))
        self.down_button.clicked.connect(lambda: self._move(1))
        for button in (self.up_button, self.down_button):
            button.setVisible(on_move is not None)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._remove)

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_text, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(add_row)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_items(self, entries: list[ListEntry]) -> None:
        current = self.current_id()
        self._loading = True
        try:
            self.list.clear()
            for entry in entries:
                item = QListWidgetItem(entry.text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                item.setData(self._SAVED_TEXT, entry.text)
                item.setData(self._SAVED_CHECK, entry.checked)
                flags = item.flags() | Qt.ItemFlag.ItemIsEditable
                if entry.checked is not None:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(Qt.CheckState.Checked if entry.checked
                                       else Qt.CheckState.Unchecked)
                item.setFlags(flags)
                if entry.tooltip:
                    item.setToolTip(entry.tooltip)
                self.list.addItem(item)
                if entry.id == current:
                    self.list.setCurrentItem(item)
        finally:
            self._loading = False
        self._update_buttons()

    def save_pending(self) -> bool:
        """Edits are saved as they are made; text typed into the Add box is not saved
        until it is added, so it counts as not saved."""
        return not self.new_text.text().strip()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _call(self, action: Callable[[], object],
              then: Callable[[Any], None] | None = None) -> None:
        try:
            result = action()
        except WalkappError as error:
            self.error_shown.emit(error.message)
            return
        if result is None and self._send is not None:
            return  # nothing to send: the user thought better of it (a question said no)
        if self._send is not None:
            self._send(result, then)  # a write: `then` once it is committed
        elif then is not None:
            then(result)

    def _add(self) -> None:
        text = self.new_text.text().strip()

        def added(_result: object) -> None:
            # Only if the field still holds what was added (typing may have gone on).
            if self.new_text.text().strip() == text:
                self.new_text.clear()

        if text:
            self._call(lambda: self._on_add(text), added)

    def _remove(self) -> None:
        item_id = self.current_id()
        if item_id:
            self._call(lambda: self._on_remove(item_id))

    def _move(self, step: int) -> None:
        item_id = self.current_id()
        row = self.list.currentRow()
        if item_id and self._on_move is not None and 0 <= row + step < self.list.count():
            self._call(lambda: self._on_move(item_id, row + step + 1))  # type: ignore[misc]

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        item_id = str(item.data(Qt.ItemDataRole.UserRole))
        new_check: bool | None = None
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and self._on_check is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            if checked != item.data(self._SAVED_CHECK):
                new_check = checked
        text = item.text().strip()
        new_text = text if text and text != item.data(self._SAVED_TEXT) else None
        self._loading = True
        try:
            if not text:
                # An emptied item is not saved as empty; show what is stored.
                item.setText(str(item.data(self._SAVED_TEXT)))
            if new_check is not None:
                item.setData(self._SAVED_CHECK, new_check)
            if new_text is not None:
                item.setData(self._SAVED_TEXT, new_text)
        finally:
            self._loading = False
        # Saving may rebuild the list (the item is then gone): do not touch it after this.
        if new_check is not None and self._on_check is not None:
            on_check = self._on_check
            self._call(lambda: on_check(item_id, new_check))
        if new_text is not None:
            self._call(lambda: self._on_edit(item_id, new_text))

    def _update_buttons(self, *_: object) -> None:
        row = self.list.currentRow()
        has = row >= 0
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.list.count() - 1)
