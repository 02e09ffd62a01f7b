"""A list of statements with a small editor: add, edit (optional) and delete.

Used for the four pattern sections and for next steps. Text is typed into a box below the
list rather than edited in place, so that when saving fails the text stays where it was
typed and nothing is lost. The widget does not save anything itself: it calls the
callbacks it was given, which return whether the save worked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.ui.models.statements import StatementModel
from walkapp.ui.screens.postbrief.padded import PaddedTextDelegate
from walkapp.ui.widgets.note_text import shortcut_text
from walkapp.ui.widgets.nudge_field import OFF, NudgeField, NudgeSetup, hint_under

# The window's writer runs the writes later, off the GUI thread. The editor is emptied at
# once, so the next statement can be typed; add and edit are handed `restore`, to call if
# the write failed: it puts the text back into the editor (unless something new is being
# typed there — the panel's notice then offers Retry), and `saved`, to call once it is
# committed (after a Retry, it empties the editor again). Delete is handed `done`, to call
# once the statement is gone.
Done = Callable[[], None]
AddFn = Callable[[str, Done, Done], None]
EditFn = Callable[[str, str, Done, Done], None]
DeleteFn = Callable[[str, Done], None]


class StatementList(QWidget):
    def __init__(self, subject: str, placeholder: str, *, on_add: AddFn | None,
                 on_delete: DeleteFn,
                 on_edit: EditFn | None = None, numbered: bool = False,
                 nudge: NudgeSetup = OFF, field: str = "pattern",
                 parent: QWidget | None = None) -> None:
        """`subject` names the list for screen readers, e.g. "Describe statements".
        Without `on_add` the box only edits: it is enabled while an item is edited.
        `nudge` and `field` (one of NUDGED_FIELDS): the language nudge on the box."""
        super().__init__(parent)
        self._on_add, self._on_edit, self._on_delete = on_add, on_edit, on_delete
        self._editing_id: str | None = None

        self.model = StatementModel(self, numbered=numbered)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(subject)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setItemDelegate(PaddedTextDelegate(self.view, pad_y=4))
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMinimumHeight(60)
        self.view.activated.connect(self._activated)
        self.view.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected item of {0}")
                                           .format(subject))
        self.edit_button.clicked.connect(self.begin_edit)
        if on_edit is None:
            # Only ever hidden here: showing a widget that has no parent yet opens it as a
            # window of its own (for a moment, and the app's window loses the focus).
            self.edit_button.hide()
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected item of {0}")
                                             .format(subject))
        self.delete_button.clicked.connect(self.delete_selected)

        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(placeholder)
        self.editor.setAccessibleName(self.tr("New item for {0}").format(subject))
        self.editor.setTabChangesFocus(True)
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setFixedHeight(int(line * 2.6) + 12)
        self.editor.installEventFilter(self)
        self.nudge = NudgeField(self.editor, nudge, field)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add to {0}").format(subject))
        self.add_button.setToolTip(shortcut_text("Ctrl+Return"))
        self.add_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel editing"))
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.cancel_button.hide()

        list_row = QHBoxLayout()
        list_row.addWidget(self.view, 1)
        list_buttons = QVBoxLayout()
        list_buttons.addWidget(self.edit_button)
        list_buttons.addWidget(self.delete_button)
        list_buttons.addStretch(1)
        list_row.addLayout(list_buttons)
        editor_row = QHBoxLayout()
        editor_row.addWidget(self.editor, 1)
        editor_buttons = QVBoxLayout()
        editor_buttons.addWidget(self.add_button)
        editor_buttons.addWidget(self.cancel_button)
        editor_buttons.addStretch(1)
        editor_row.addLayout(editor_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(list_row, 1)
        layout.addLayout(editor_row)
        layout.addWidget(hint_under(self.editor, self.nudge))
        self._set_editing(None)

    def tab_order(self) -> list[QWidget]:
        """Type first, then manage the list. The panel applies this once the widget is in
        its window (a tab order set before reparenting does not survive it)."""
        return [self.editor, self.add_button, self.cancel_button, self.view,
                self.edit_button, self.delete_button]

    # -- data --------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[tuple[str, str]]) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows)
        if selected:
            self.select(selected)
        if self._editing_id and self.model.row_of(self._editing_id) < 0:
            # Deleted elsewhere while being edited: keep the text as a new statement.
            self._set_editing(None)

    def selected_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return str(index.data(StatementModel.IdRole))

    def select(self, row_id: str) -> None:
        row = self.model.row_of(row_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def has_draft(self) -> bool:
        """Text is in the box and not saved yet (typed, or kept after a failed save)."""
        return bool(self.editor.toPlainText().strip())

    def editing_id(self) -> str | None:
        return self._editing_id

    # -- actions -----------------------------------------------------------------------------
    def submit(self) -> None:
        text = self.editor.toPlainText().strip()
        if not text:
            self.editor.setFocus()
            return
        editing = self._editing_id
        self.editor.clear()
        self._set_editing(None)

        def restore() -> None:
            if not self.editor.toPlainText().strip():
                self.editor.setPlainText(text)
                self._set_editing(editing)

        def saved() -> None:
            if self.editor.toPlainText().strip() == text and self._editing_id == editing:
                self.editor.clear()  # put back by a failure, now saved by Retry
                self._set_editing(None)

        if editing is not None and self._on_edit is not None:
            self._on_edit(editing, text, restore, saved)
        elif self._on_add is not None:
            self._on_add(text, restore, saved)
        else:
            restore()
        self.editor.setFocus()

    def begin_edit(self) -> None:
        row_id = self.selected_id()
        if row_id is None or self._on_edit is None:
            return
        text = self.model.data(self.model.index(self.model.row_of(row_id)),
                               StatementModel.TextRole)
        self.editor.setPlainText(str(text))
        self._set_editing(row_id)
        self.editor.setFocus()

    def cancel_edit(self) -> None:
        self.editor.clear()
        self._set_editing(None)

    def delete_selected(self) -> None:
        row_id = self.selected_id()
        if row_id is None:
            return

        def deleted() -> None:
            if row_id == self._editing_id:
                self.cancel_edit()

        self._on_delete(row_id, deleted)

    def _set_editing(self, row_id: str | None) -> None:
        self._editing_id = row_id
        editing = row_id is not None
        self.add_button.setText(self.tr("Save") if editing else self.tr("Add"))
        self.cancel_button.setVisible(editing)
        if self._on_add is None:
            self.editor.setEnabled(editing)
            self.add_button.setEnabled(editing)
        self._update_buttons()

    def _activated(self, _index: QModelIndex) -> None:
        self.begin_edit()

    def _update_buttons(self, *_args: object) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has and self._on_edit is not None)
        self.delete_button.setEnabled(has)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if watched is self.editor and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and mods & Qt.KeyboardModifier.ControlModifier:
                self.submit()
                return True
            if watched is self.editor and key == Qt.Key.Key_Escape and self._editing_id:
                self.cancel_edit()
                return True
            if watched is self.view and key == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)
