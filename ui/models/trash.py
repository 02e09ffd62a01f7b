"""Table model for the Trash: deleted walks and when each goes for good."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from walkapp.services.trash import TrashedWalk

Index = QModelIndex | QPersistentModelIndex


def local_day(moment: datetime) -> str:
    """A UTC moment as the date on this computer's calendar."""
    return moment.astimezone().date().isoformat()


class TrashTableModel(QAbstractTableModel):
    COLUMNS = ("Date", "Title", "Notes", "Deleted", "Removed for good on")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TrashedWalk] = []

    def set_rows(self, rows: list[TrashedWalk]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> TrashedWalk | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, walk_id: str) -> int:
        return next((i for i, w in enumerate(self._rows) if w.id == walk_id), -1)

    def row_text(self, row: int) -> str:
        """Everything a row shows, in one line (for screen readers' summaries and tests)."""
        return "  ".join(str(self.data(self.index(row, c))) for c in range(len(self.COLUMNS)))

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
        if role == Qt.ItemDataRole.DisplayRole:
            values = (walk.walk_date.isoformat(), walk.title, str(walk.note_count),
                      local_day(walk.trashed_at), local_day(walk.expires_at))
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and walk.school:
            return walk.school
        return None
