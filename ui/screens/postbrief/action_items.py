"""Action items: who does what by when, so the group can hold itself to it next time.

A small form adds an item (the text stays in the form if saving fails); the table edits
items in place with fitting editors: a calendar for the due date, a list for the status,
name suggestions from the roster for the owner.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from walkapp.domain import ActionItem, ActionStatus
from walkapp.events import Entity
from walkapp.services.commands import DebriefEdit
from walkapp.services.debrief import DebriefService
from walkapp.services.reminders import ReminderService
from walkapp.services.walks import WalkService
from walkapp.ui.dialogs import Asker
from walkapp.ui.models.action_items import (
    DUE,
    OWNER,
    STATUS,
    ActionItemsModel,
)
from walkapp.ui.screens.postbrief.base import Panel, heading, wrap_label
from walkapp.ui.screens.postbrief.padded import PaddedTextDelegate
from walkapp.ui.widgets.date_field import DateField
from walkapp.ui.widgets.empty_state import EmptyState, over_view
from walkapp.ui.widgets.note_text import ElidedLabel
from walkapp.ui.widgets.nudge_field import OFF, NudgeField, NudgeSetup, hint_under
from walkapp.ui.widgets.row_table import select_row_id, selected_row_id
from walkapp.ui.writer import Writer

Index = QModelIndex | QPersistentModelIndex


class DueDateDelegate(PaddedTextDelegate):
    """The due date typed in the user's locale (walkapp.formatting.parse_date), or picked
    from a calendar; one that cannot be read is not saved, and the cell says why."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget:
        editor = DateField(self.tr("Due date"), parent=parent)
        editor.setAutoFillBackground(True)
        # Keys typed go to the field's line edit: Tab, Enter and Esc reach the delegate too.
        editor.edit.installEventFilter(self)
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = watched.parent() if isinstance(watched, QLineEdit) else None
        if isinstance(parent, DateField):
            return super().eventFilter(parent, event)
        return super().eventFilter(watched, event)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), editor.sizeHint().width()),
                           rect.height())

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        assert isinstance(editor, DateField)
        valid = isinstance(value, QDate) and value.isValid()
        editor.set_date(date(value.year(), value.month(), value.day()) if valid else None)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, DateField)
        if not editor.edit.text().strip():
            model.setData(index, QDate(), Qt.ItemDataRole.EditRole)  # no due date
            return
        if not editor.read_typed():
            view = self.parent()
            if isinstance(view, QTableView):
                rect = view.visualRect(model.index(index.row(), index.column()))
                QToolTip.showText(view.viewport().mapToGlobal(rect.bottomLeft()),
                                  editor.error.text(), view)
            return
        day = editor.date()
        if day is not None:
            model.setData(index, QDate(day.year, day.month, day.day),
                          Qt.ItemDataRole.EditRole)


class StatusDelegate(PaddedTextDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget:
        editor = QComboBox(parent)
        editor.setAccessibleName(self.tr("Status"))
        model = index.model()
        assert isinstance(model, ActionItemsModel)
        for status in ActionStatus:
            editor.addItem(model.status_label(status), status.value)
        def picked(_index: int) -> None:
            # Picking a status is the whole edit: commit at once.
            self.commitData.emit(editor)
            self.closeEditor.emit(editor)

        editor.activated.connect(picked)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class OwnerDelegate(PaddedTextDelegate):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.names: list[str] = []

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Owner"))
        completer = QCompleter(self.names, editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        editor.setCompleter(completer)
        return editor


class TextDelegate(PaddedTextDelegate):
    """The action item's text, edited in its cell, with the nudge: the hint goes to the
    panel's line under the table (a cell has no room for one)."""

    def __init__(self, parent: QWidget, nudge: NudgeSetup, hint: ElidedLabel) -> None:
        super().__init__(parent)
        self._nudge, self._hint = nudge, hint

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Action item"))
        nudge = NudgeField(editor, self._nudge, "action_item_edit", hint=self._hint,
                           announce=False)
        editor.setProperty("nudgeField", nudge.field)  # (the field lives as its child)
        hint = self._hint
        editor.destroyed.connect(lambda *_: hint.set_full_text(""))
        return editor


class ActionItemsPanel(Panel):
    entities = frozenset({Entity.ACTION_ITEM, Entity.PARTICIPANT})

    def __init__(self, debrief: DebriefService, walks: WalkService, walk_id: str,
                 asker: Asker, parent: QWidget | None = None, *,
                 writer: Writer | None = None, nudge: NudgeSetup = OFF,
                 reminders: ReminderService | None = None) -> None:
        super().__init__(walk_id, parent)
        self._debrief, self._walks, self._asker = debrief, walks, asker
        # Due dates for a calendar file (a panel built alone makes its own reader).
        self._reminders = reminders or ReminderService(debrief.db, debrief.bus, debrief.clock)
        self.use_writer(writer or Writer.around(self, debrief, walks))
        self.setObjectName("actionItemsPanel")
        self.body.addWidget(heading(self.tr("Action items"), self.tr(
            "Who will do what, by when. Open items come back at the pre-brief of this "
            "series' next walk (plan it with File → Plan again…).")))

        form = QHBoxLayout()
        self.new_text = QLineEdit()
        self.new_text.setPlaceholderText(self.tr("New action item"))
        self.new_text.setAccessibleName(self.tr("New action item"))
        self.new_text.returnPressed.connect(self.add_item)
        self.nudge = NudgeField(self.new_text, nudge, "action_item")
        self.new_owner = QLineEdit()
        self.new_owner.setPlaceholderText(self.tr("Owner"))
        self.new_owner.setAccessibleName(self.tr("Owner of the new action item"))
        self.new_owner.returnPressed.connect(self.add_item)
        self._owner_completer = QCompleter([], self.new_owner)
        self._owner_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.new_owner.setCompleter(self._owner_completer)
        self.has_due = QCheckBox(self.tr("Due"))
        self.has_due.setAccessibleName(self.tr("The new action item has a due date"))
        # Typed in the user's locale (15/01/2027 in the UK), or picked from a calendar.
        self.new_due = DateField(self.tr("Due date of the new action item"),
                                 date.today() + timedelta(days=14))
        self.new_due.setEnabled(False)
        self.has_due.toggled.connect(self.new_due.setEnabled)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add the action item"))
        self.add_button.clicked.connect(self.add_item)
        form.addWidget(self.new_text, 3)
        form.addWidget(self.new_owner, 1)
        form.addWidget(self.has_due)
        form.addWidget(self.new_due)
        form.addWidget(self.add_button)
        self.body.addLayout(form)
        self.body.addWidget(hint_under(self.new_text, self.nudge))

        self.model = ActionItemsModel(self)
        self.model.edit_requested.connect(self._save_edit)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Action items of this walk"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(96)  # room for "Dropped" and a date before any exist
        self._rows_timer = QTimer(self, singleShot=True, interval=0)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        self.owner_delegate = OwnerDelegate(self.table)
        self.edit_hint = ElidedLabel()
        self.edit_hint.setObjectName("nudgeHint")
        self.edit_hint.setAccessibleName(self.tr("Wording suggestion for the action item "
                                                 "being edited"))
        self.table.setItemDelegateForColumn(0, TextDelegate(self.table, nudge,
                                                            self.edit_hint))
        self.table.setItemDelegateForColumn(OWNER, self.owner_delegate)
        self.table.setItemDelegateForColumn(DUE, DueDateDelegate(self.table))
        self.table.setItemDelegateForColumn(STATUS, StatusDelegate(self.table))
        self._pending: tuple[list[ActionItem], list[str]] | None = None
        # The view leaves its editing state only after closeEditor: apply a load that
        # waited for the edit on the next turn of the event loop.
        self._apply_timer = QTimer(self, singleShot=True, interval=0)
        self._apply_timer.timeout.connect(self._apply_pending)
        for column in range(4):
            delegate = self.table.itemDelegateForColumn(column)
            if delegate is not None:
                delegate.closeEditor.connect(self._editor_closed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)
        self.body.addWidget(self.table, 1)
        self.empty = over_view(self.table, EmptyState(
            "list-todo", self.tr("No action items yet"),
            self.tr("Type one above: what will be done, by whom and, if it helps, by when.")))
        self.body.addWidget(self.edit_hint)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table,
                  self.delete_selected, context=Qt.ShortcutContext.WidgetShortcut)

        actions = QHBoxLayout()
        self.clear_due_button = QPushButton(self.tr("Remove due date"))
        self.clear_due_button.setAccessibleName(
            self.tr("Remove the due date of the selected action item"))
        self.clear_due_button.clicked.connect(self.clear_due_date)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected action item"))
        self.delete_button.clicked.connect(self.delete_selected)
        actions.addWidget(wrap_label(self.tr(
            "Double-click a cell, or select it and press F2, to change it."),
            name="panelHint"), 1)
        actions.addWidget(self.clear_due_button)
        actions.addWidget(self.delete_button)
        self.calendar_button = QPushButton(self.tr("Save to calendar…"))
        self.calendar_button.setAccessibleName(self.tr(
            "Save the due dates of this series' open action items to a calendar file"))
        self.calendar_button.setToolTip(self.tr(
            "A calendar file (.ics) with one all-day event per open action item that has a "
            "due date, from this walk and the earlier walks of its series."))
        self.calendar_button.clicked.connect(self.save_calendar)
        actions.addWidget(self.calendar_button)
        self.body.addLayout(actions)
        self.calendar_said = wrap_label("", name="panelHint")
        self.calendar_said.setVisible(False)
        self.body.addWidget(self.calendar_said)
        self._update_buttons()

    def save_pending(self) -> bool:
        """An action item is saved when it is added: one still in the form is not saved."""
        return super().save_pending() and not self.new_text.text().strip()

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> tuple[list[ActionItem], list[str]]:
        walk = self._walks.get_walk(self.walk_id)
        return (self._debrief.list_action_items(self.walk_id),
                [p.display_name for p in walk.participants])

    def apply(self, data: tuple[list[ActionItem], list[str]]) -> None:
        if self.table.state() == QAbstractItemView.State.EditingState:
            # Resetting the model would close the open editor and lose the edit: wait.
            self._pending = data
            return
        self._pending = None
        items, names = data
        selected = self.selected_id()
        self.model.set_rows(items)
        self.empty.setVisible(not items)
        self.owner_delegate.names = names
        self._owner_completer.model().setStringList(names)  # type: ignore[attr-defined]
        self.table.resizeRowsToContents()
        if selected:
            select_row_id(self.table, selected)

    def _editor_closed(self, *_args: object) -> None:
        if not self.is_closed():
            self._apply_timer.start()

    def _apply_pending(self) -> None:
        if self._pending is not None and not self.is_closed():
            self.apply(self._pending)

    # -- actions -----------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        return selected_row_id(self.table)

    def reveal_item(self, item_id: str) -> None:
        """Select the action item `item_id` (a search result opened): now if the items
        are in, else once they are."""
        if not self.is_loading() and not self.is_stale():
            select_row_id(self.table, item_id)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return

        def loaded() -> None:
            self.refreshed.disconnect(loaded)
            select_row_id(self.table, item_id)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

        self.refreshed.connect(loaded)

    def add_item(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            self.new_text.setFocus()
            return
        if self.has_due.isChecked() and (not self.new_due.read_typed()
                                         or self.new_due.date() is None):
            self.new_due.setFocus()  # the field says why; nothing is lost
            return
        due = self.new_due.date() if self.has_due.isChecked() else None
        owner = self.new_owner.text()

        def added(_item: object) -> None:
            # The form is emptied once the item is saved (and still shows it): on failure
            # it keeps what was typed, and the notice offers Retry.
            if self.new_text.text().strip() == text and self.new_owner.text() == owner:
                self.new_text.clear()
                self.new_owner.clear()
                self.has_due.setChecked(False)
                self.new_text.setFocus()

        self.write(DebriefEdit("add_action_item", (self.walk_id, text, owner, due)), added)

    def _save_edit(self, item_id: str, field: str, value: object) -> None:
        # On failure the cell keeps what was typed; the notice says why and offers Retry.
        self.write(DebriefEdit("update_action_item", (item_id,), {field: value},
                               key=f"{item_id}.{field}"))

    def clear_due_date(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.model.setData(self.model.index(self.model.row_of(item_id), DUE), None)

    def delete_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        if not self._asker.confirm(self, self.tr("Delete action item"), self.tr(
                "Delete this action item? It will no longer be followed up at later walks."),
                self.tr("Delete")):
            return
        self.write(DebriefEdit("delete_action_item", (item_id,)))

    def save_calendar(self) -> None:
        """Save to calendar…: this series' open items with a due date, as a .ics file."""
        from walkapp.ui.calendar_file import save_to_calendar

        def said(text: str) -> None:
            self.calendar_said.setText(text)
            self.calendar_said.setVisible(True)

        save_to_calendar(self, self._asker, self._reminders, said, walk_id=self.walk_id,
                         series=True)

    def _update_buttons(self, *_args: object) -> None:
        item_id = self.selected_id()
        self.delete_button.setEnabled(item_id is not None)
        item = self.model.row_at(self.model.row_of(item_id)) if item_id else None
        self.clear_due_button.setEnabled(item is not None and item.due_date is not None)
