"""The walks library's reminders: a calm bar above the list when open action items are
overdue or due within a week ("2 action items are overdue, 1 is due within a week"),
with Show them (a list of those items, each with its walk, and Save to calendar…) and
Dismiss (until the next start, or until the items change).

The items are read off the GUI thread (`ReminderBar.read`: once the first window has
settled, then after each change to action items or walks), by the services' clock.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.events import Change, Entity
from walkapp.services.reminders import DueState, Reminders, ReminderService
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Stoppable
from walkapp.ui.words import Words
from walkapp.ui.workers import NewestRead, cancel_owned_by

Due = Words("Due")


def reminder_line(late: int, soon: int) -> str:
    """"2 action items are overdue, 1 is due within a week." ("" when nothing is due)."""
    if late and soon:
        overdue = fmt.plural(late, "{n} action item is overdue", "{n} action items are overdue")
        due = fmt.plural(soon, "{n} is due within a week", "{n} are due within a week")
        return f"{overdue}, {due}."
    if late:
        return fmt.plural(late, "{n} action item is overdue.", "{n} action items are overdue.")
    if soon:
        return fmt.plural(soon, "{n} action item is due within a week.",
                          "{n} action items are due within a week.")
    return ""


class ReminderBar(QFrame, Stoppable):
    open_walk_requested = Signal(str)
    calendar_requested = Signal()

    def __init__(self, reminders: ReminderService, asker: Asker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reminders = reminders
        self._asker = asker
        self._closed = False
        self._dismissed: tuple[str, ...] | None = None
        self.found: Reminders | None = None
        self._read = NewestRead(self, lambda: self._closed)
        self.setObjectName("reminderBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.show_button = QPushButton(self.tr("Show them…"))
        self.show_button.setAccessibleName(self.tr("Show the action items that are due"))
        self.show_button.clicked.connect(self.show_items)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Hide this reminder"))
        self.dismiss_button.clicked.connect(self.dismiss)
        # A reminder must not take the keyboard from the search or the list.
        for button in (self.show_button, self.dismiss_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def read(self) -> None:
        if not self._closed:
            self._read.start(self._reminders.reminders, self.apply)

    def apply(self, found: Reminders) -> None:
        self.found = found
        line = reminder_line(len(found.overdue), len(found.soon))
        self.text.setText(line)
        self.setAccessibleName(line)
        # Dismissed stays dismissed while the same items are due.
        self.setVisible(bool(line) and self._dismissed != _ids(found))

    def dismiss(self) -> None:
        if self.found is not None:
            self._dismissed = _ids(self.found)
        self.hide()

    def on_change(self, change: Change) -> None:
        if change.entity in {Entity.ACTION_ITEM, Entity.WALK} and self.found is not None:
            self.read()

    def show_items(self) -> None:
        if self.found is None:
            return
        dialog = DueItemsDialog(self.found, self)
        dialog.calendar_button.clicked.connect(self.calendar_requested)
        if self._asker.run(dialog) and dialog.chosen_walk:
            self.open_walk_requested.emit(dialog.chosen_walk)

    def shutdown(self) -> None:
        self._closed = True
        cancel_owned_by(self)


def _ids(found: Reminders) -> tuple[str, ...]:
    return tuple(i.id for i in (*found.overdue, *found.soon))


class DueItemsDialog(QDialog):
    """The action items that are overdue or due within a week, soonest first."""

    def __init__(self, found: Reminders, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Action items due"))
        self.chosen_walk: str | None = None
        items = [*found.overdue, *found.soon]
        intro = QLabel(reminder_line(len(found.overdue), len(found.soon)) + " " + self.tr(
            "Follow them up at the next walk of their series, or mark them done in their "
            "walk's post-brief."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(items), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Due"), self.tr("Action item"),
                                              self.tr("Owner"), self.tr("Walk")])
        self.table.setAccessibleName(self.tr("Action items due"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The walk's name wraps in a column of its own width: the item's text has the room.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 200)
        for row, item in enumerate(items):
            cells = [due_words(item.due_date, item.state, found.today), item.text,
                     item.owner_name or "—",
                     f"{item.walk_title} ({fmt.short_date(item.walk_date)})"]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.walk_id)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        if items:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self._open())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("Open the walk"))
        self.open_button.setAccessibleName(self.tr("Open the walk of the selected action item"))
        self.open_button.clicked.connect(self._open)
        self.calendar_button = QPushButton(self.tr("Save to calendar…"))
        self.calendar_button.setAccessibleName(
            self.tr("Save every open action item with a due date to a calendar file"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.calendar_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(880, 400)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # at the columns' shown widths

    def _open(self) -> None:
        cell = self.table.item(self.table.currentRow(), 0)
        if cell is not None:
            self.chosen_walk = str(cell.data(Qt.ItemDataRole.UserRole))
            self.accept()


def due_words(due: date | None, state: DueState, today: date) -> str:
    """The due date and how it stands: "3 Nov — 4 days overdue", "10 Nov — in 3 days"
    (also what the pre-brief's review shows beside each open item); a date due later,
    or an item not open, is its date alone."""
    day = fmt.short_date(due)
    if due is None:
        return day
    days = (due - today).days
    if state is DueState.OVERDUE:
        return f"{day} — " + fmt.plural(-days, "{n} day overdue", "{n} days overdue")
    if state is DueState.TODAY:
        return Due.tr("{0} — due today").format(day)
    if state is DueState.SOON:
        return f"{day} — " + fmt.plural(days, "in {n} day", "in {n} days")
    return day
