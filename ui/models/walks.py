"""Table model for the walks library.

The Series column says where a walk stands in its series ("2 of 3 · Questioning, autumn");
it is empty for a walk in none. The last column marks a walk with unresolved conflicts
(notes and the like changed on two laptops) with how many; it is empty for the others, so
the mark stands out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from walkapp import formatting as fmt
from walkapp.domain import WalkStatus, WalkSummary
from walkapp.protocol.library import readable_id
from walkapp.services.series import SeriesPlace
from walkapp.ui.models.rows import Index, RowsTableModel
from walkapp.ui.words import QT_TRANSLATE_NOOP


class WalksTableModel(RowsTableModel[WalkSummary]):
    COLUMNS = (
        QT_TRANSLATE_NOOP("WalksTableModel", "Date"),
        QT_TRANSLATE_NOOP("WalksTableModel", "Title"),
        QT_TRANSLATE_NOOP("WalksTableModel", "Protocol"),
        QT_TRANSLATE_NOOP("WalksTableModel", "Walkers"),
        QT_TRANSLATE_NOOP("WalksTableModel", "Visits"),
        QT_TRANSLATE_NOOP("WalksTableModel", "Notes"),
        QT_TRANSLATE_NOOP("WalksTableModel", "Status"),
        QT_TRANSLATE_NOOP("WalksTableModel", "Series"),
        QT_TRANSLATE_NOOP("WalksTableModel", "Conflicts"),
    )
    SERIES = 7
    CONFLICTS = 8
    IdRole = Qt.ItemDataRole.UserRole + 1
    ConflictsRole = Qt.ItemDataRole.UserRole + 2  # unresolved conflicts of the walk

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._conflicts: dict[str, int] = {}
        self._places: dict[str, SeriesPlace] = {}
        # A row's texts, made when the view first asks for one of its cells: the view asks
        # for the rows on screen only, and for each several times (size, paint, roles).
        self._texts: dict[int, tuple[str, ...]] = {}
        self._numbers: dict[int, str] = {}   # a count as shown (the locale's digits)
        self._dates: dict[date, str] = {}
        # A protocol's title from its id (the window's protocol library sets it).
        self._protocol_title: Callable[[str], str] = readable_id
        self._statuses = {WalkStatus.PLANNED: self.tr("Planned"),
                          WalkStatus.RUNNING: self.tr("In progress"),
                          WalkStatus.CLOSED: self.tr("Closed")}

    def set_protocol_titles(self, title_of: Callable[[str], str]) -> None:
        """Show each walk's protocol by its title (`title_of(protocol_id)`), not its id."""
        self._protocol_title = title_of
        self._texts.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_rows(self, rows: Sequence[WalkSummary],
                 conflicts: Mapping[str, int] | None = None,
                 places: Mapping[str, SeriesPlace] | None = None) -> None:
        """`conflicts`: unresolved conflicts per walk id (a walk left out has none);
        `places`: each walk's place in its series (a walk left out is in none)."""
        self._conflicts = {k: v for k, v in (conflicts or {}).items() if v > 0}
        self._places = dict(places or {})
        self._texts, self._numbers, self._dates = {}, {}, {}
        super().set_rows(rows)

    def append_rows(self, rows: Sequence[WalkSummary],
                    conflicts: Mapping[str, int] | None = None) -> None:
        """More rows after those shown (the rest of a list whose first rows came first):
        inserted, not a reset, so the view keeps its place and its selection."""
        if not rows:
            return
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._conflicts.update({k: v for k, v in (conflicts or {}).items() if v > 0})
        self.endInsertRows()

    def ids(self) -> list[str]:
        """The ids of the rows, in order."""
        return [r.id for r in self._rows]

    def texts(self, row: int) -> tuple[str, ...]:
        """What each column shows on `row` (the conflicts column: nothing)."""
        texts = self._texts.get(row)
        if texts is None:
            walk = self._rows[row]
            texts = self._texts[row] = self._display(walk)
        return texts

    def conflicts(self, walk_id: str) -> int:
        return self._conflicts.get(walk_id, 0)

    def place(self, walk_id: str) -> SeriesPlace | None:
        return self._places.get(walk_id)

    def places(self) -> dict[str, SeriesPlace]:
        return dict(self._places)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED:
            return None  # most of what a view asks a cell (font, colours, icon…): at once
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
            return self.texts(index.row())[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and walk.school:
            return walk.school
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) \
                and column == self.SERIES:
            place = self.place(walk.id)
            return None if place is None else self.tr(
                "Walk {0} of {1} in the series “{2}”").format(
                    fmt.number(place.number), fmt.number(place.count), place.name)
        return None

    def _conflict_data(self, walk: WalkSummary, role: int) -> Any:
        count = self.conflicts(walk.id)
        if not count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"⚠ {fmt.number(count)}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{0} to resolve: open the walk, then the post-brief's Conflicts "
                           "tab.").format(fmt.plural(count, "{n} conflict", "{n} conflicts"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, walk: WalkSummary) -> tuple[str, ...]:
        count = self.conflicts(walk.id)
        return (self._date(walk.walk_date), walk.title,
                self._protocol_title(walk.protocol_id) if walk.protocol_id else "—",
                self._number(walk.walker_count), self._number(walk.visit_count),
                self._number(walk.note_count), self._statuses[walk.status],
                self._series(walk.id), f"⚠ {self._number(count)}" if count else "")

    def _series(self, walk_id: str) -> str:
        place = self.place(walk_id)
        if place is None:
            return ""
        return self.tr("{0} of {1} · {2}").format(self._number(place.number),
                                                   self._number(place.count), place.name)

    def _number(self, value: int) -> str:
        # Babel formats a number in about 0.1 ms; the same counts come back row after row.
        text = self._numbers.get(value)
        if text is None:
            text = self._numbers[value] = fmt.number(value)
        return text

    def _date(self, day: date) -> str:
        text = self._dates.get(day)
        if text is None:
            text = self._dates[day] = fmt.short_date(day)
        return text


# The roles `WalksTableModel.data` answers; every other role it is asked is None.
_ANSWERED = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
    WalksTableModel.IdRole, WalksTableModel.ConflictsRole))
