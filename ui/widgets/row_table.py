"""A read-only table of rows with ids: one whole row selected at a time, found by its id.

The walks library and the Trash show their rows this same way; `selected_row_id` and
`select_row_id` work on any table whose model is a `RowsTableModel`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

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
