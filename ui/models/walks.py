"""Table model for the walks library.

The last column marks a walk with unresolved conflicts (notes and the like changed on two
laptops) with how many; it is empty for the others, so the mark stands out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt

from walkapp import formatting as fmt
from walkapp.domain import WalkStatus, WalkSummary
from walkapp.ui.models.rows import Index, RowsTableModel


class WalksTableModel(RowsTableModel[WalkSummary]):
    COLUMNS = ("Date", "Title", "Protocol", "Walkers", "Visits", "Notes", "Status",
               "Conflicts")
    CONFLICTS = 7
    IdRole = Qt.ItemDataRole.UserRole + 1
    ConflictsRole = Qt.ItemDataRole.UserRole + 2  # unresolved conflicts of the walk

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._conflicts: dict[str, int] = {}

    def set_rows(self, rows: Sequence[WalkSummary],
                 conflicts: Mapping[str, int] | None = None) -> None:
        """`conflicts`: unresolved conflicts per walk id (a walk left out has none)."""
        self._conflicts = {k: v for k, v in (conflicts or {}).items() if v > 0}
        super().set_rows(rows)

    def conflicts(self, walk_id: str) -> int:
        return self._conflicts.get(walk_id, 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        walk = self.row_at(index.row())
        if walk is None:
            return None
        column = index.column()
        if role == self.IdRole:
            return walk.id
        if role == self.ConflictsRole:
            return self.conflicts(walk.id)
        if column == self.CONFLICTS:
            return self._conflict_data(walk, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(walk, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and walk.school:
            return walk.school
        return None

    def _conflict_data(self, walk: WalkSummary, role: int) -> Any:
        count = self.conflicts(walk.id)
        if not count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"⚠ {fmt.number(count)}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{0} to resolve: open the walk, then the post-brief's Conflicts "
                           "tab.").format(fmt.plural(count, "conflict", "conflicts"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
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
