"""The Coverage screen's lists: one read-only table per list, in the order the core gives
(names as people read them, never by count), each with an empty state, and the tab that
holds it named with how many rows it has.

The tables cannot be sorted: a click on "Visits" turning the list into a ranking of rooms
is exactly what coverage must not be.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.services.coverage import Count, HostList, QuietRoom
from walkapp.ui.widgets.empty_state import EmptyState, over_view
from walkapp.ui.words import Words

CoverageList = Words("CoverageList")

NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ListTable(QWidget):
    """A table of rows of text under its headings, with an empty state over it."""

    def __init__(self, headings: Sequence[str], name: str, empty_title: str,
                 empty_text: str, *, numbers: Sequence[int] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._numbers = set(numbers)
        self.table = QTableWidget(0, len(headings))
        self.table.setHorizontalHeaderLabels(list(headings))
        self.table.setAccessibleName(name)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)  # never a ranking (see the module's note)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionsClickable(False)
        self.empty = over_view(self.table, EmptyState(None, empty_title, empty_text))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def set_headings(self, headings: Sequence[str], numbers: Sequence[int] = (),
                     stretch: int = 0) -> None:
        self._numbers = set(numbers)
        self.table.setColumnCount(len(headings))
        self.table.setHorizontalHeaderLabels(list(headings))
        header = self.table.horizontalHeader()
        for column in range(len(headings)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if column == stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in self._numbers:
                    item.setTextAlignment(NUMBER)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)

    def texts(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and the screenshots)."""
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [[text(r, c) for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


def count_headings(first: str) -> list[str]:
    return [first, CoverageList.tr("Visits"), CoverageList.tr("Planned")]


def count_rows(counts: Sequence[Count]) -> list[list[str]]:
    return [[c.name, fmt.number(c.visits), fmt.number(c.planned) if c.planned else "—"]
            for c in counts]


def over_rows(counts: Sequence[Count], limit: int) -> list[list[str]]:
    return [[c.name, fmt.number(c.visits), fmt.number(c.planned) if c.planned else "—",
             CoverageList.tr("{0} more than the limit of {1}").format(
                 fmt.number(c.total - limit), fmt.number(limit))] for c in counts]


def quiet_rows(rooms: Sequence[QuietRoom]) -> list[list[str]]:
    return [[q.name,
             fmt.short_date(q.last_visit) if q.last_visit else CoverageList.tr("Not yet"),
             fmt.plural(q.days, "{n} day ago", "{n} days ago") if q.days is not None
             else CoverageList.tr("Only on planned walks")] for q in rooms]


def host_headings(names: bool) -> list[str]:
    headings = [CoverageList.tr("Visit"), CoverageList.tr("Room"), CoverageList.tr("Grade"),
                CoverageList.tr("Subject")]
    if names:
        headings.append(CoverageList.tr("Teacher"))
    return [*headings, CoverageList.tr("Visits so far")]


def host_rows(hosts: HostList) -> list[list[str]]:
    rows = []
    for host in hosts.hosts:
        cells = [CoverageList.tr("Visit {0}").format(fmt.number(host.number)),
                 host.room or "—", host.grade or "—", host.subject or "—"]
        if hosts.names_shown:
            cells.append(host.teacher or "—")
        cells.append(fmt.number(host.visits_before) if host.room else "—")
        rows.append(cells)
    return rows
