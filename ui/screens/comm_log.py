"""The communication log screen (Go ▸ Communication log): the facilitator's dated notes of
meetings, messages and other exchanges with teachers, each optionally about a walk.

A list (newest first) filtered by period and walk, and beside it the entry being written:
kind, date, with whom, the walk it is about, and what was said or agreed. Entries are read
off the GUI thread; every write — add, save, delete — is a `LogEdit` through the window's
one writer, on the log's own undo stack (Edit ▸ Undo while this screen shows). The log
never leaves the laptop except in a portfolio (File ▸ Export portfolio…).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.events import Change, Entity
from walkapp.services import Services
from walkapp.services.comm_log import KIND_LABELS, LogEntry, LogKind
from walkapp.services.log_commands import LogEdit
from walkapp.ui import theme
from walkapp.ui.dialogs import Asker
from walkapp.ui.models.comm_log import LogTableModel
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.date_field import DateField
from walkapp.ui.widgets.empty_state import EmptyState
from walkapp.ui.widgets.row_table import row_table, select_row_id, selected_row_id
from walkapp.ui.widgets.screen_title import screen_title
from walkapp.ui.workers import cancel_owned_by, read_in_background
from walkapp.ui.writer import Writer


class CommunicationLogView(QWidget, Stoppable):
    back_requested = Signal()
    portfolio_requested = Signal()

    def __init__(self, services: Services, asker: Asker, parent: QWidget | None = None, *,
                 writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._asker = asker
        self.writer = writer if writer is not None else Writer(services, self)
        self._stale = True
        self._editing: str | None = None  # the entry in the form (None: a new one)
        self._walks: list[tuple[str, str]] = []
        self.setObjectName("communicationLogView")

        title = screen_title(self.tr("Communication log"))
        intro = QLabel(self.tr(
            "Your notes of meetings, messages and other exchanges with teachers. They stay "
            "on this laptop: no walk kit, notes file or data export carries them; a "
            "portfolio carries only the entries you choose, with names replaced unless you "
            "say otherwise."))
        intro.setWordWrap(True)

        # -- filters ---------------------------------------------------------------------
        self.from_field = DateField(self.tr("From"))
        self.to_field = DateField(self.tr("To"))
        self.walk_filter = QComboBox()
        self.walk_filter.setAccessibleName(self.tr("Show the entries about"))
        for field in (self.from_field, self.to_field):
            field.date_changed.connect(lambda _day: self.refresh())
        self.walk_filter.activated.connect(lambda _i: self.refresh())
        self.clear_button = QPushButton(self.tr("Show all"))
        self.clear_button.setAccessibleName(self.tr("Show every entry"))
        self.clear_button.clicked.connect(self.clear_filters)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("From"), self.from_field),
                              (self.tr("To"), self.to_field),
                              (self.tr("About"), self.walk_filter)):
            caption = QLabel(label)
            caption.setBuddy(widget.edit if isinstance(widget, DateField) else widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)

        # -- the list --------------------------------------------------------------------
        self.model = LogTableModel(self)
        self.table = row_table(self.model, self.tr("Log entries"), stretch_column=3)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        # The walk's title can be long: its column keeps a share, the words get the rest.
        walk_column = self.table.horizontalHeader()
        walk_column.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        walk_column.resizeSection(4, walk_column.fontMetrics().horizontalAdvance("M" * 11))
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty_state = EmptyState(
            "messages-square", self.tr("No entries yet"),
            self.tr("Write down a meeting, a message or a note: what was said or agreed, "
                    "with whom, and the walk it is about."))
        self.filtered_empty = EmptyState(
            None, self.tr("No entries here"),
            self.tr("No entry matches the period and the walk chosen."))
        self._list = QStackedWidget()
        for shown in (self.table, self.empty_state, self.filtered_empty):
            self._list.addWidget(shown)

        # -- the entry -------------------------------------------------------------------
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of entry"))
        for kind in LogKind:
            self.kind.addItem(fmt.tr(KIND_LABELS[kind]), kind.value)
        self.day = DateField(self.tr("Date of the entry"), date.today())
        self.with_whom = QLineEdit()
        self.with_whom.setAccessibleName(self.tr("With whom"))
        self.with_whom.setPlaceholderText(self.tr("e.g. the Year 4 team"))
        self.walk = QComboBox()
        self.walk.setAccessibleName(self.tr("The walk it is about"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("What was said or agreed"))
        self.text.setPlaceholderText(self.tr("What was said or agreed, and what happens "
                                             "next"))
        self.text.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&With whom"), self.with_whom)
        form.addRow(self.tr("&About the walk"), self.walk)
        form.addRow(self.tr("&What was said"), self.text)
        self.form_title = QLabel(self.tr("New entry"))
        self.form_title.setObjectName("sectionTitle")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What the log did last"))
        self.new_button = QPushButton(self.tr("&New entry"))
        self.new_button.clicked.connect(self.new_entry)
        self.save_button = QPushButton(self.tr("&Save entry"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_entry)
        self.delete_button = QPushButton(self.tr("De&lete entry"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected entry"))
        self.delete_button.clicked.connect(self.delete_entry)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        editor = QWidget()
        editor.setObjectName("logEditor")
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.form_title)
        editor_layout.addLayout(form, 1)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.message)

        body = QHBoxLayout()
        body.setSpacing(theme.SPACE["lg"])
        body.addWidget(self._list, 3)
        body.addWidget(editor, 2)

        self.back_button = QPushButton(self.tr("Back to the walks"))
        self.back_button.clicked.connect(self.back_requested)
        self.portfolio_button = QPushButton(self.tr("Export &portfolio…"))
        self.portfolio_button.clicked.connect(self.portfolio_requested)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addStretch(1)
        actions.addWidget(self.portfolio_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addLayout(body, 1)
        layout.addLayout(actions)
        self.new_entry()

    # -- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the entries (and the walks to choose from) off the GUI thread."""
        start, end = self.from_field.date(), self.to_field.date()
        about = self.walk_filter.currentData()
        log, walks = self._services.log, self._services.walks

        def read() -> tuple[list[LogEntry], list[tuple[str, str]], bool]:
            summaries = [(w.id, f"{fmt.short_date(w.walk_date)} · {w.title}")
                         for w in walks.list_walks()]
            entries = log.list_entries(start, end, about or None)
            return entries, summaries, bool(entries) or bool(log.list_entries())

        read_in_background(read, self._apply, owner=self, on_error=self._read_failed)

    def _apply(self, result: tuple[list[LogEntry], list[tuple[str, str]], bool]) -> None:
        entries, walks, any_entry = result
        selected = selected_row_id(self.table)
        self._set_walks(walks)
        self.model.set_rows(entries)
        self._list.setCurrentWidget(self.table if entries else
                                    self.filtered_empty if any_entry else self.empty_state)
        if selected and self.model.row_of(selected) >= 0:
            select_row_id(self.table, selected)
        self._update_buttons()

    def _read_failed(self, error: BaseException, message: str) -> None:
        self.message.setText(message)

    def _set_walks(self, walks: list[tuple[str, str]]) -> None:
        if walks == self._walks:
            return
        self._walks = walks
        for combo, none in ((self.walk_filter, self.tr("All walks and none")),
                            (self.walk, self.tr("No walk"))):
            keep = combo.currentData()
            combo.clear()
            combo.addItem(none, "")
            for walk_id, label in walks:
                combo.addItem(label, walk_id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))

    def on_change(self, change: Change) -> None:
        if change.entity not in (Entity.LOG_ENTRY, Entity.WALK):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def clear_filters(self) -> None:
        self.from_field.set_date(None)
        self.to_field.set_date(None)
        self.walk_filter.setCurrentIndex(0)
        self.refresh()

    # -- the form --------------------------------------------------------------------------
    def _selected(self) -> None:
        row = self.model.row_at(self.model.row_of(selected_row_id(self.table) or ""))
        if row is not None:
            self._show(row)
        self._update_buttons()

    def _show(self, entry: LogEntry) -> None:
        self._editing = entry.id
        self.form_title.setText(self.tr("Entry of {0}").format(
            fmt.short_date(entry.entry_date)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind.value)))
        self.day.set_date(entry.entry_date)
        self.with_whom.setText(entry.with_whom)
        self.walk.setCurrentIndex(max(0, self.walk.findData(entry.walk_id or "")))
        self.text.setPlainText(entry.text)

    def new_entry(self) -> None:
        self._editing = None
        self.table.clearSelection()
        self.form_title.setText(self.tr("New entry"))
        self.kind.setCurrentIndex(0)
        self.day.set_date(date.today())
        self.with_whom.clear()
        self.walk.setCurrentIndex(0)
        self.text.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self._editing is not None)
        self.save_button.setText(self.tr("&Save entry") if self._editing else
                                 self.tr("&Add entry"))

    def save_entry(self) -> None:
        if not self.day.read_typed():
            return
        day = self.day.date()
        if day is None:
            self.message.setText(self.tr("Give the entry a date."))
            return
        fields = {"kind": self.kind.currentData(), "entry_date": day,
                  "with_whom": self.with_whom.text(), "text": self.text.toPlainText(),
                  "walk_id": self.walk.currentData() or None}
        if self._editing is None:
            command = LogEdit("add_entry", (fields["kind"], day, fields["with_whom"],
                                            fields["text"], fields["walk_id"]))
            done = self.tr("Entry added.")
        else:
            command = LogEdit("update_entry", (self._editing,), fields)
            done = self.tr("Entry saved.")
        self.writer.write(command, origin=self, on_done=lambda entry: self._saved(entry, done),
                          on_failed=self._failed)

    def _saved(self, entry: object, said: str) -> None:
        assert isinstance(entry, LogEntry)
        self.message.setText(said)
        self._editing = entry.id
        self.refresh()
        self._update_buttons()

    def delete_entry(self) -> None:
        if self._editing is None:
            return
        if not self._asker.confirm(self, self.tr("Delete entry"), self.tr(
                "Delete this entry of your communication log? Edit ▸ Undo brings it back."),
                self.tr("Delete")):
            return
        entry_id = self._editing
        self.writer.write(LogEdit("delete_entry", (entry_id,)), origin=self,
                          on_done=lambda _r: self._deleted(), on_failed=self._failed)

    def _deleted(self) -> None:
        self.message.setText(self.tr("Entry deleted. Edit ▸ Undo brings it back."))
        self.new_entry()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, WalkappError):
            raise error
        self.message.setText(error.message)

    def shutdown(self) -> None:
        cancel_owned_by(self)
