"""Table model for the walks library."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from walkapp.domain import WalkStatus, WalkSummary

Index = QModelIndex | QPersistentModelIndex


class WalksTableModel(QAbstractTableModel):
    COLUMNS = ("Date", "Title", "Protocol", "Walkers", "Visits", "Notes", "Status")
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WalkSummary] = []

    def set_rows(self, rows: list[WalkSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> WalkSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, walk_id: str) -> int:
        return next((i for i, w in enumerate(self._rows) if w.id == walk_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        walk = self.row_at(index.row())
        if walk is None:
            return None
        column = index.column()
        if role == self.IdRole:
            return walk.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(walk, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and walk.school:
            return walk.school
        return None

    def _display(self, walk: WalkSummary, column: int) -> str:
        status = {WalkStatus.PLANNED: self.tr("Planned"),
                  WalkStatus.RUNNING: self.tr("In progress"),
                  WalkStatus.CLOSED: self.tr("Closed")}
        values = (walk.walk_date.isoformat(), walk.title, walk.protocol_id or "—",
                  str(walk.walker_count), str(walk.visit_count), str(walk.note_count),
                  status[walk.status])
        return values[column]
