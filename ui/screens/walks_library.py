"""Home screen: the walks library — every walk on this laptop, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from walkapp.events import Change
from walkapp.services.walks import WalkService
from walkapp.ui.models.walks import WalksTableModel


class WalksLibrary(QWidget):
    """Lists walks with search; emits `open_requested(walk_id)` on double-click/Enter."""

    open_requested = Signal(str)

    def __init__(self, walks: WalkService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._walks = walks
        self.setObjectName("walksLibrary")

        title = QLabel(self.tr("Walks"))
        title.setObjectName("screenTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles, focus and schools"))
        self.search.setAccessibleName(self.tr("Search walks"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)

        self.model = WalksTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Walks"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)

        self.empty = QLabel(self.tr(
            "No walks yet.\nCreate one with File → New walk (Ctrl+N)."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyState")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._stack, 1)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_walk_id()
        rows = self._walks.list_walks(self.search.text())
        self.model.set_rows(rows)
        if rows:
            self._stack.setCurrentWidget(self.table)
        else:
            self.empty.setText(self.tr("No walk matches your search.") if self.search.text()
                               else self.tr("No walks yet.\nCreate one with File → New walk "
                                            "(Ctrl+N), or try the sample walk."))
            self._stack.setCurrentWidget(self.empty)
        if selected:
            self.select_walk(selected)

    def on_change(self, change: Change) -> None:
        # The library shows counts of walkers, visits and notes: those changes matter too.
        if change.entity in {"walk", "participant", "visit", "note"}:
            self.refresh()

    def selected_walk_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        walk = self.model.row_at(rows[0].row())
        return walk.id if walk else None

    def select_walk(self, walk_id: str) -> None:
        row = self.model.row_of(walk_id)
        if row >= 0:
            self.table.selectRow(row)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _activated(self, index: object) -> None:
        walk_id = self.selected_walk_id()
        if walk_id:
            self.open_requested.emit(walk_id)
