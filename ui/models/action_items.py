"""Table model for a walk's action items: text, owner, due date, status.

Edits do not write to the database here: `setData` shows the new value at once and emits
`edit_requested(item_id, field, value)`; the screen saves it through the service, and the
change event that follows reloads the rows (or, if the save failed, puts back the truth).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette

from walkapp import formatting as fmt
from walkapp.domain import ActionItem, ActionStatus
from walkapp.ui.models.rows import Index, RowsTableModel
from walkapp.ui.words import QT_TRANSLATE_NOOP

TEXT, OWNER, DUE, STATUS = range(4)
# Date editors use the one short date style (walkapp.formatting), read once per run.
DATE_FORMAT = fmt.short_date_pattern()
FIELDS = ("text", "owner_name", "due_date", "status")


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def from_qdate(value: Any) -> date | None:
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None  # type: ignore[return-value]
    if isinstance(value, date):
        return value
    return None


class ActionItemsModel(RowsTableModel[ActionItem]):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ActionItemsModel", "Action item"),
        QT_TRANSLATE_NOOP("ActionItemsModel", "Owner"),
        QT_TRANSLATE_NOOP("ActionItemsModel", "Due"),
        QT_TRANSLATE_NOOP("ActionItemsModel", "Status"),
    )  # TEXT, OWNER, DUE, STATUS
    edit_requested = Signal(str, str, object)  # item id, field, new value
    IdRole = Qt.ItemDataRole.UserRole + 1

    def status_label(self, status: ActionStatus) -> str:
        return {ActionStatus.OPEN: self.tr("Open"), ActionStatus.DONE: self.tr("Done"),
                ActionStatus.DROPPED: self.tr("Dropped")}[status]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == self.IdRole:
            return item.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == TEXT:
                return item.text
            if column == OWNER:
                return item.owner_name or ("—" if role == Qt.ItemDataRole.DisplayRole
                                           else self.tr("no owner"))
            if column == DUE:
                if item.due_date is None:
                    return "—" if role == Qt.ItemDataRole.DisplayRole else self.tr("no date")
                return fmt.short_date(item.due_date)
            return self.status_label(item.status)
        if role == Qt.ItemDataRole.EditRole:
            return (item.text, item.owner_name, to_qdate(item.due_date),
                    item.status.value)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            return item.text
        if role == Qt.ItemDataRole.ForegroundRole and item.status is not ActionStatus.OPEN:
            # Finished items step back so the open ones stand out (system palette colour).
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None or role != Qt.ItemDataRole.EditRole:
            return False
        column = index.column()
        if column == TEXT:
            new_value: Any = str(value).strip()
            if not new_value or new_value == item.text:
                return False  # an emptied cell keeps its text; delete is explicit
            updated = replace(item, text=new_value)
        elif column == OWNER:
            new_value = str(value or "").strip()
            if new_value == item.owner_name:
                return False
            updated = replace(item, owner_name=new_value)
        elif column == DUE:
            new_value = from_qdate(value)
            if new_value == item.due_date:
                return False
            updated = replace(item, due_date=new_value)
        else:
            new_value = ActionStatus(str(value))
            if new_value is item.status:
                return False
            updated = replace(item, status=new_value)
        self._rows[index.row()] = updated
        self.dataChanged.emit(index, index)
        self.edit_requested.emit(item.id, FIELDS[column], new_value)
        return True
