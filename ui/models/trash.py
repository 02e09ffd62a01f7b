"""Table model for the Trash: deleted walks and when each goes for good."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from walkapp import formatting as fmt
from walkapp.services.trash import TrashedWalk
from walkapp.ui.models.rows import Index, RowsTableModel
from walkapp.ui.words import QT_TRANSLATE_NOOP


def local_day(moment: datetime) -> str:
    """A UTC moment as the date on this computer's calendar."""
    return fmt.short_date(moment.astimezone().date())


class TrashTableModel(RowsTableModel[TrashedWalk]):
    COLUMNS = (
        QT_TRANSLATE_NOOP("TrashTableModel", "Date"),
        QT_TRANSLATE_NOOP("TrashTableModel", "Title"),
        QT_TRANSLATE_NOOP("TrashTableModel", "Notes"),
        QT_TRANSLATE_NOOP("TrashTableModel", "Deleted"),
        QT_TRANSLATE_NOOP("TrashTableModel", "Removed for good on"),
    )

    def row_text(self, row: int) -> str:
        """Everything a row shows, in one line (for screen readers' summaries and tests)."""
        return "  ".join(str(self.data(self.index(row, c))) for c in range(len(self.COLUMNS)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        walk = self.row_at(index.row())
        if walk is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            values = (fmt.short_date(walk.walk_date), walk.title, fmt.number(walk.note_count),
                      local_day(walk.trashed_at), local_day(walk.expires_at))
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and walk.school:
            return walk.school
        return None
