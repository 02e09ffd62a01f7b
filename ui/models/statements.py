"""A list of short statements (pattern statements, next steps) with ids, for a list view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class StatementModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    TextRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None, *, numbered: bool = False) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []
        self._numbered = numbered

    def set_rows(self, rows: Sequence[tuple[str, str]]) -> None:
        """Replace the rows with (id, text) pairs, in display order."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[tuple[str, str]]:
        return list(self._rows)

    def row_of(self, row_id: str) -> int:
        return next((i for i, (rid, _) in enumerate(self._rows) if rid == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row_id, text = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{index.row() + 1}. {text}" if self._numbered else text
        if role == self.IdRole:
            return row_id
        if role == self.TextRole:
            return text
        return None
