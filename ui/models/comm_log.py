"""Table model for the communication log: one row per entry, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from walkapp import formatting as fmt
from walkapp.services.comm_log import KIND_LABELS, LogEntry
from walkapp.ui.models.rows import Index, RowsTableModel
from walkapp.ui.words import QT_TRANSLATE_NOOP


class LogTableModel(RowsTableModel[LogEntry]):
    COLUMNS = (
        QT_TRANSLATE_NOOP("LogTableModel", "Date"),
        QT_TRANSLATE_NOOP("LogTableModel", "Kind"),
        QT_TRANSLATE_NOOP("LogTableModel", "With whom"),
        QT_TRANSLATE_NOOP("LogTableModel", "What was said"),
        QT_TRANSLATE_NOOP("LogTableModel", "Walk"),
    )

    def row_text(self, row: int) -> str:
        return "  ".join(str(self.data(self.index(row, c)) or "")
                         for c in range(len(self.COLUMNS)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index.row())
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            walk = entry.walk_title or ""
            if entry.walk_in_trash:
                walk = self.tr("{0} (in the Trash)").format(walk)
            values = (fmt.short_date(entry.entry_date), fmt.tr(KIND_LABELS[entry.kind]),
                      entry.with_whom, " ".join(entry.text.split())[:160], walk)
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return entry.text[:2000]
        return None
