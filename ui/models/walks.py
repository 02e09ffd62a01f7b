"""Table model for the walks library."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from walkapp import formatting as fmt
from walkapp.domain import WalkStatus, WalkSummary
from walkapp.ui.models.rows import Index, RowsTableModel


class WalksTableModel(RowsTableModel[WalkSummary]):
    COLUMNS = ("Date", "Title", "Protocol", "Walkers", "Visits", "Notes", "Status")
    IdRole = Qt.ItemDataRole.UserRole + 1

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
        values = (fmt.short_date(walk.walk_date), walk.title, walk.protocol_id or "—",
                  fmt.number(walk.walker_count), fmt.number(walk.visit_count),
                  fmt.number(walk.note_count),
                  status[walk.status])
        return values[column]
