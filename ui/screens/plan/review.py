"""Review at the pre-brief: open "I will try" commitments and action items from earlier
walks, so that what the group promised is followed up, not forgotten."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.events import Change, Entity
from walkapp.services import Services
from walkapp.services.commands import DebriefEdit
from walkapp.services.reminders import DueState, due_state
from walkapp.ui.page import Page
from walkapp.ui.screens.library_reminders import due_words, reminder_line
from walkapp.ui.widgets.nudge_field import NudgeField, NudgeSetup, hint_under, walk_nudge
from walkapp.ui.widgets.write_notice import WriteNotice
from walkapp.ui.writer import Writer


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table


class ReviewPanel(QWidget, Page):
    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None, nudge: NudgeSetup | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.walk_id = walk_id
        nudge = nudge if nudge is not None else walk_nudge(services, walk_id)
        # The window's one writer (a panel built alone makes its own).
        self.writer = writer if writer is not None else Writer(services, self)

        self.commitments = _table([self.tr("Walker"), self.tr("I will try…"),
                                   self.tr("From")], self.tr("Open commitments"))
        self.tried_button = QPushButton(self.tr("We tried it"))
        self.tried_button.setAccessibleName(self.tr("Mark commitment as tried"))
        self.tried_button.clicked.connect(lambda: self._review(d.CommitmentStatus.TRIED))
        self.dropped_button = QPushButton(self.tr("Let it go"))
        self.dropped_button.setAccessibleName(self.tr("Mark commitment as dropped"))
        self.dropped_button.clicked.connect(lambda: self._review(d.CommitmentStatus.DROPPED))
        self.commitment_note = QLineEdit()
        self.commitment_note.setPlaceholderText(self.tr("What happened? (optional)"))
        self.commitment_note.setAccessibleName(self.tr("Note on the commitment"))
        self.commitment_nudge = NudgeField(self.commitment_note, nudge, "follow_up")

        # Not `actions`: that would hide QWidget.actions().
        self.action_items = _table([self.tr("Owner"), self.tr("Action item"), self.tr("Due")],
                              self.tr("Open action items"))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setAccessibleName(self.tr("Mark action item done"))
        self.done_button.clicked.connect(lambda: self._follow_up(d.ActionStatus.DONE))
        self.still_open_button = QPushButton(self.tr("Still open"))
        self.still_open_button.setAccessibleName(self.tr("Note progress, keep it open"))
        self.still_open_button.clicked.connect(lambda: self._follow_up(d.ActionStatus.OPEN))
        self.drop_button = QPushButton(self.tr("Drop"))
        self.drop_button.setAccessibleName(self.tr("Drop action item"))
        self.drop_button.clicked.connect(lambda: self._follow_up(d.ActionStatus.DROPPED))
        self.action_note = QLineEdit()
        self.action_note.setPlaceholderText(self.tr("Follow-up note (optional)"))
        self.action_note.setAccessibleName(self.tr("Follow-up note"))
        self.action_nudge = NudgeField(self.action_note, nudge, "follow_up")
        # Why a change was not saved (with Retry), or that it waits for the database.
        self.message = WriteNotice(self.writer, self)

        # Where the review comes from: the earlier walks of this walk's series, or why
        # there is nothing (a walk in no series reviews nothing from other walks).
        self.series_line = QLabel()
        self.series_line.setObjectName("hint")
        self.series_line.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.series_line)
        self.commitments_title = QLabel()
        layout.addWidget(self.commitments_title)
        layout.addWidget(self.commitments, 1)
        row = QHBoxLayout()
        row.addWidget(self.commitment_note, 1)
        row.addWidget(self.tried_button)
        row.addWidget(self.dropped_button)
        layout.addLayout(row)
        layout.addWidget(hint_under(self.commitment_note, self.commitment_nudge))
        self.actions_title = QLabel()
        layout.addWidget(self.actions_title)
        layout.addWidget(self.action_items, 1)
        row = QHBoxLayout()
        row.addWidget(self.action_note, 1)
        row.addWidget(self.done_button)
        row.addWidget(self.still_open_button)
        row.addWidget(self.drop_button)
        layout.addLayout(row)
        layout.addWidget(hint_under(self.action_note, self.action_nudge))
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        debrief = self._services.debrief
        place = self._services.series.place_of(self.walk_id)
        if place is None:
            self.series_line.setText(self.tr(
                "This walk is not part of a series, so nothing carries over from other walks. "
                "To bring a group's open commitments and action items to its next walk, plan "
                "that walk with “Plan again…” (in the File menu or the list of walks)."))
        elif place.number == 1:
            self.series_line.setText(self.tr(
                "The first walk of the series “{0}”: nothing to carry over yet.").format(
                    place.name))
        else:
            self.series_line.setText(self.tr(
                "From the earlier walks of the series “{0}” (this is walk {1} of {2}).").format(
                    place.name, fmt.number(place.number), fmt.number(place.count)))
        walks = {w.id: w for w in self._services.walks.list_walks()}
        carried = debrief.open_commitments_before(self.walk_id)
        self.commitments.setRowCount(len(carried))
        for row, (name, commitment) in enumerate(carried):
            origin = walks.get(commitment.walk_id)
            cells = [name, commitment.text,
                     fmt.short_date(origin.walk_date) if origin else ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, commitment.id)
                self.commitments.setItem(row, column, item)
        self.commitments_title.setText(
            self.tr("Commitments from earlier walks ({0} open)").format(
                fmt.number(len(carried)))
            if carried else self.tr("Commitments from earlier walks: none open."))
        items = debrief.open_action_items_before(self.walk_id)
        # Due or overdue by the services' clock, said beside each item (and counted).
        today = self._services.reminders.today()
        states = [due_state(action, today) for action in items]
        self.action_items.setRowCount(len(items))
        for row, (action, state) in enumerate(zip(items, states, strict=True)):
            cells = [action.owner_name or "—", action.text,
                     due_words(action.due_date, state, today)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, action.id)
                if column == 2 and state is DueState.OVERDUE:
                    font = item.font()
                    font.setBold(True)  # not colour alone: the words say it too
                    item.setFont(font)
                self.action_items.setItem(row, column, item)
        late = sum(state is DueState.OVERDUE for state in states)
        soon = sum(state in {DueState.TODAY, DueState.SOON} for state in states)
        title = (self.tr("Action items from earlier walks ({0} open)").format(len(items))
                 if items else self.tr("Action items from earlier walks: none open."))
        if late or soon:
            title += " — " + reminder_line(late, soon)
        self.actions_title.setText(title)
        self.commitments.resizeRowsToContents()
        self.action_items.resizeRowsToContents()

    def on_change(self, change: Change) -> None:
        if change.entity in {Entity.COMMITMENT, Entity.ACTION_ITEM, Entity.PARTICIPANT}:
            self.refresh()

    def save_pending(self) -> bool:
        """Wait (bounded) for this panel's writes; False while one has failed (its notice
        says why and offers Retry), and while a note typed for a review waits for its
        button (tried, done…)."""
        landed = self.writer.flush() and not self.message.has_failed()
        return landed and not (self.commitment_note.text().strip()
                               or self.action_note.text().strip())

    def shutdown(self) -> None:
        """Reviews go to the writer at once; nothing of its own runs in the background."""

    def _selected(self, table: QTableWidget) -> str | None:
        item = table.item(table.currentRow(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _review(self, status: d.CommitmentStatus) -> None:
        commitment_id = self._selected(self.commitments)
        if commitment_id is None:
            self.message.setText(self.tr("Select a commitment first."))
            return
        note = self.commitment_note.text()
        self.message.setText("")
        # The note is cleared once the review is saved; a failure keeps it (and Retry).
        self.message.write(DebriefEdit("review_commitment", (commitment_id, status, note)),
                           lambda _r: self._clear_if(self.commitment_note, note))

    def _follow_up(self, status: d.ActionStatus) -> None:
        item_id = self._selected(self.action_items)
        if item_id is None:
            self.message.setText(self.tr("Select an action item first."))
            return
        note = self.action_note.text()
        self.message.setText("")
        self.message.write(DebriefEdit("follow_up", (item_id, self.walk_id, status, note)),
                           lambda _r: self._clear_if(self.action_note, note))

    @staticmethod
    def _clear_if(field: QLineEdit, text: str) -> None:
        if field.text() == text:  # unless typing has gone on since
            field.clear()
