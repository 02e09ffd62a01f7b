"""Tables of rows: read-only ones with ids, and editable ones typed into like a spreadsheet.

A read-only table (`row_table`) selects one whole row at a time, found by its id: the walks
library and the Trash show their rows this way; `selected_row_id` and `select_row_id` work
on any table whose model is a `RowsTableModel`.

An editable table (the route, the roster) gets `spreadsheet_keys(table)`: typing on a cell
replaces what it holds, Tab and Shift+Tab commit and move along the row and on to the next
or the previous row, Enter commits and moves down, Esc drops what was typed into the cell,
F2 or a double click edits what is there. Tab from the last cell of the last row asks for
a new row (`on_past_end`), as a spreadsheet would, when that row holds something; from an
empty last row (or a table that adds no rows) Tab goes on to the next control, and Shift+Tab
from the first cell to the one before: Tab never traps the keyboard in a table.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from walkapp.ui.models.rows import RowsTableModel

# How many rows past those on screen a column's width is fitted to. Qt's default (1,000)
# asked a library of 10,000 walks for 192,000 cells at start-up and at every search; the
# rows on screen and a few more say as much about how wide a date or a count is.
SIZED_FROM_ROWS = 30


def row_table(model: RowsTableModel[Any], accessible_name: str, *,
              stretch_column: int) -> QTableView:
    """A table of `model` that selects one row, cannot be edited, and gives the spare width
    to `stretch_column` (the others fit their heading and the rows on screen, never every
    row: see SIZED_FROM_ROWS)."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setShowGrid(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(SIZED_FROM_ROWS)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table


def _rows_model(table: QTableView) -> RowsTableModel[Any]:
    model = table.model()
    assert isinstance(model, RowsTableModel)
    return model


def selected_row_id(table: QTableView) -> str | None:
    """The id of the selected row, or None when no row is selected."""
    selection = table.selectionModel()
    rows = selection.selectedRows() if selection else []
    row = _rows_model(table).row_at(rows[0].row()) if rows else None
    return row.id if row else None


def select_row_id(table: QTableView, row_id: str) -> None:
    """Select the row showing `row_id`; nothing changes when no row shows it."""
    row = _rows_model(table).row_of(row_id)
    if row >= 0:
        table.selectRow(row)


# -- editable tables, typed into like a spreadsheet -------------------------------------------
class Move(Enum):
    NEXT = "next"          # Tab: the next cell along, then the next row's first
    PREVIOUS = "previous"  # Shift+Tab: back along, then the previous row's last
    DOWN = "down"          # Enter: the same column, one row down


_EDIT_KEYS = {Qt.Key.Key_Tab: Move.NEXT, Qt.Key.Key_Backtab: Move.PREVIOUS,
              Qt.Key.Key_Return: Move.DOWN, Qt.Key.Key_Enter: Move.DOWN}


def _move_of(event: QEvent) -> Move | None:
    """The move a key press asks for: Tab, Shift+Tab, Enter with no Ctrl or Alt."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return None
    held = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                 | Qt.KeyboardModifier.KeypadModifier)
    if held != Qt.KeyboardModifier.NoModifier:
        return None  # Ctrl+Tab leaves the table; Alt+Enter is someone else's
    key = Qt.Key(event.key())
    if key == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
        return Move.PREVIOUS
    return _EDIT_KEYS.get(key)


class SpreadsheetKeys(QObject):
    """Tab, Shift+Tab and Enter for one editable table, in its cells and in their editors.

    Only cells that can be edited and columns that are shown are stopped at. The table's
    delegates must pass editor keys here: `SpreadsheetDelegate` (or a subclass) does."""

    def __init__(self, table: QTableView,
                 on_past_end: Callable[[], None] | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.on_past_end = on_past_end
        table.setTabKeyNavigation(False)  # Tab is ours: Qt's would stop on read-only cells
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.FocusIn and \
                not self.table.currentIndex().isValid() and self.table.model().rowCount():
            # Tabbed into with no cell chosen yet: start at the first one to type into.
            self.go_to(0, self.first_column(0))
        if watched is self.table and self.table.state() != \
                QAbstractItemView.State.EditingState:
            move = _move_of(event)
            if move is not None:
                self.move(move)
                return True
        return super().eventFilter(watched, event)

    def editable_columns(self, row: int) -> list[int]:
        model = self.table.model()
        return [column for column in range(model.columnCount())
                if not self.table.isColumnHidden(column)
                and model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable]

    def move(self, move: Move) -> None:
        """Go to the cell `move` names from the current one (committing is the editor's)."""
        current = self.table.currentIndex()
        rows = self.table.model().rowCount()
        if rows == 0:  # nothing to type into: Tab goes past, Enter does nothing
            if move is not Move.DOWN:
                self._leave(forward=move is Move.NEXT)
            return
        row = max(0, current.row())
        column = current.column()
        if move is Move.DOWN:
            if row + 1 < rows:
                self.go_to(row + 1, column)
            return
        columns = self.editable_columns(row)
        if move is Move.NEXT:
            later = [c for c in columns if c > column]
            if later:
                self.go_to(row, later[0])
            elif row + 1 < rows:
                self.go_to(row + 1, self.first_column(row + 1))
            elif self.on_past_end is not None and self._row_has_text(row):
                self.on_past_end()
            else:
                self._leave(forward=True)
            return
        earlier = [c for c in columns if c < column]
        if earlier:
            self.go_to(row, earlier[-1])
        elif row > 0 and self.editable_columns(row - 1):
            self.go_to(row - 1, self.editable_columns(row - 1)[-1])
        else:
            self._leave(forward=False)

    def _row_has_text(self, row: int) -> bool:
        model = self.table.model()
        return any(str(model.index(row, column).data() or "").strip()
                   for column in self.editable_columns(row))

    def _leave(self, *, forward: bool) -> None:
        """Focus the next (or previous) control after the table, as Tab does elsewhere."""
        widget = self.table.nextInFocusChain() if forward else self.table.previousInFocusChain()
        while widget is not None and widget is not self.table:
            if not self.table.isAncestorOf(widget) and widget.isVisible() and \
                    widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.TabFocusReason if forward
                                else Qt.FocusReason.BacktabFocusReason)
                return
            widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()

    def first_column(self, row: int) -> int:
        columns = self.editable_columns(row)
        return columns[0] if columns else 0

    def go_to(self, row: int, column: int) -> None:
        index = self.table.model().index(row, column)
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)


class SpreadsheetDelegate(QStyledItemDelegate):
    """A cell editor's Tab, Shift+Tab and Enter commit what was typed and move (through
    the table's SpreadsheetKeys); Esc drops it (Qt's own)."""

    def __init__(self, keys: SpreadsheetKeys) -> None:
        super().__init__(keys.table)
        self._keys = keys

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        move = _move_of(event)
        if move is not None and isinstance(editor, QWidget):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._keys.move(move)
            return True
        return super().eventFilter(editor, event)


def spreadsheet_keys(table: QTableView, on_past_end: Callable[[], None] | None = None
                     ) -> SpreadsheetKeys:
    """Make `table` typed into like a spreadsheet (see the module's docstring); its
    default delegate becomes a SpreadsheetDelegate (a column's own delegate should be one
    too, so that its editor's keys move the same way)."""
    keys = SpreadsheetKeys(table, on_past_end)
    table.setItemDelegate(SpreadsheetDelegate(keys))
    return keys


def set_cell_text(table: QTableWidget, row: int, column: int, text: str,
                  flags: Qt.ItemFlag | None = None) -> QTableWidgetItem:
    """Show `text` in a cell, keeping its item (and so the current cell, the selection
    and an editor open on it) when there is one: a table re-read after every edit must
    not move the cursor away from where the user is typing."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem(text)
        if flags is not None:
            item.setFlags(flags)
        table.setItem(row, column, item)
    elif item.text() != text:
        item.setText(text)
    return item


def is_editing(table: QTableView, row: int, column: int) -> bool:
    """Is an editor open on this cell (typing not yet committed)?"""
    index: QModelIndex = table.model().index(row, column)
    return table.state() == QAbstractItemView.State.EditingState and \
        table.currentIndex() == index
