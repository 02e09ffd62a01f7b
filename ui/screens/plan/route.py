"""The route: numbered visits, with a column per visit detail declared in
walkapp.visit_fields (room, grade, subject…). A teacher-name column exists only while the
walk records teacher names (off by default).

The table is typed into like a spreadsheet (walkapp.ui.widgets.row_table.spreadsheet_keys):
"B12 Tab 8 Tab Maths Enter" fills a visit's room, grade and subject; Tab from the last cell
adds a visit and goes on into it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp import visit_fields as vf
from walkapp.events import Change, Entity
from walkapp.services import Services
from walkapp.services.commands import PlanEdit
from walkapp.ui import workers
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Page
from walkapp.ui.widgets.row_table import is_editing, set_cell_text, spreadsheet_keys
from walkapp.ui.widgets.write_notice import WriteNotice
from walkapp.ui.writer import Writer


class RoutePanel(QWidget, Page):  # edits go to the writer at once; on_change reloads
    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None, asker: Asker | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._asker = asker or Asker()
        self.walk_id = walk_id
        # The window's one writer (a panel built alone makes its own).
        self.writer = writer if writer is not None else Writer(services, self)
        self._loading = False

        intro = QLabel(self.tr("Visits are numbered, not named. Room, grade and subject help "
                               "the group find its way; all are optional. Type into the "
                               "table as into a spreadsheet: Tab moves along, Enter moves "
                               "down, Tab from the last cell adds a visit."))
        intro.setWordWrap(True)
        self._fields = vf.VISIT_FIELDS
        self.table = QTableWidget(0, 1 + len(self._fields))
        self.table.setHorizontalHeaderLabels([self.tr("Visit"),
                                              *(fmt.tr(f.label) for f in self._fields)])
        self.table.setAccessibleName(self.tr("Route of visits"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._edited)
        self.keys = spreadsheet_keys(self.table, on_past_end=self._add_one_and_go_on)
        # The row a visit added by Tab from the last cell will appear in: the cursor goes
        # there once the re-read shows it.
        self._go_to_row: int | None = None

        self.count = QSpinBox()
        self.count.setRange(1, 30)
        self.count.setValue(1)
        self.count.setAccessibleName(self.tr("Number of visits to add"))
        self.add_button = QPushButton(self.tr("Add visits"))
        self.add_button.setAccessibleName(self.tr("Add visits"))
        self.add_button.clicked.connect(self._add)
        self.up_button = QPushButton(self.tr("Earlier"))
        self.up_button.setAccessibleName(self.tr("Move selected visit earlier"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Later"))
        self.down_button.setAccessibleName(self.tr("Move selected visit later"))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove selected visit"))
        self.remove_button.clicked.connect(self._remove)
        # Why a change was not saved (with Retry), or that it waits for the database.
        self.message = WriteNotice(self.writer, self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._closed = False
        self._reads = workers.NewestRead(self, lambda: self._closed)
        # Built as part of the Plan page (inside same_reads()): read here and now.
        self._show(services.walks.get_walk(walk_id))

    def refresh(self) -> None:
        """Show the route as the database has it (it changed), read off the GUI thread:
        the table keeps what it shows until the read is in (FOLLOW_READ_MS)."""
        if self._closed:
            return
        self._reads.start(lambda: self._services.walks.get_walk(self.walk_id), self._show)

    def _show(self, walk: d.Walk) -> None:
        # Cells are updated in place (set_cell_text), so the current cell, the selection
        # and a cell being typed into stay where they are while edits land one by one.
        self._loading = True
        try:
            self.table.setRowCount(len(walk.visits))
            read_only = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            for row, visit in enumerate(walk.visits):
                label = set_cell_text(self.table, row, 0, visit.label, read_only)
                label.setData(Qt.ItemDataRole.UserRole, visit.id)
                for column, field in enumerate(self._fields, start=1):
                    if not is_editing(self.table, row, column):
                        set_cell_text(self.table, row, column,
                                      getattr(visit, field.name) or "")
            for column, field in enumerate(self._fields, start=1):
                # Teacher names are not even recorded unless the walk records them.
                self.table.setColumnHidden(column, field.gate is vf.Gate.TEACHER_NAMES
                                           and not walk.show_teacher_names)
            if self._go_to_row is not None and self._go_to_row < len(walk.visits):
                row, self._go_to_row = self._go_to_row, None
                self.keys.go_to(row, self.keys.first_column(row))
        finally:
            self._loading = False

    def save_pending(self) -> bool:
        """Wait (bounded) for this panel's writes; False while one has failed (its notice
        says why and offers Retry)."""
        return self.writer.flush() and not self.message.has_failed()

    def shutdown(self) -> None:
        """Edits go to the writer at once; a re-read still under way is dropped."""
        self._closed = True
        workers.cancel_owned_by(self)

    def on_change(self, change: Change) -> None:
        if change.walk_id == self.walk_id and change.entity in {Entity.VISIT, Entity.WALK}:
            self.refresh()

    def _write(self, method: str, *args: object, then: Callable[[object], None] | None = None,
               changes: dict[str, object] | None = None) -> None:
        """A route edit, run by the writer; a failure keeps what was typed (see message)."""
        self.message.write(PlanEdit(method, args, changes or {}), then)

    def _visit_id(self, row: int) -> str | None:
        item = self.table.item(row, 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _add(self) -> None:
        for _ in range(self.count.value()):
            self._write("add_visit", self.walk_id)

    def _add_one_and_go_on(self) -> None:
        """Tab from the last cell of the last visit: a new visit, and the cursor in it."""
        if self._go_to_row is not None:
            return  # one is on its way already
        self._go_to_row = self.table.rowCount()
        self._write("add_visit", self.walk_id, then=lambda _visit: self.refresh())

    def _remove(self) -> None:
        visit_id = self._visit_id(self.table.currentRow())
        if not visit_id:
            return
        # Its notes here, and walkers holding a kit with it, are told of first.
        warning = self._services.undo.removal_warning("Visit", visit_id)
        if warning is None or self._asker.confirm(
                self, self.tr("Remove this visit?"),
                warning + "\n\n" + self.tr("Remove it?"), self.tr("Remove")):
            self._write("remove_visit", visit_id)

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        visit_id = self._visit_id(row)
        if visit_id and 0 <= row + step < self.table.rowCount():
            self._write("move_visit", visit_id, row + step + 1,
                        then=lambda _r: self.table.selectRow(row + step))

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() == 0:
            return
        visit_id = self._visit_id(item.row())
        field = self._fields[item.column() - 1].name
        # A failure keeps the typed text in the cell; Retry (in the message) saves it.
        if visit_id:
            self._write("update_visit", visit_id, changes={field: item.text()})
