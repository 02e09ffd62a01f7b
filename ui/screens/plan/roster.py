"""Roster and groups: who walks, in which group, and the roles the walk's protocol names.

The group sizes and roles are the walk's protocol's (`group_min`/`group_max`, `[[roles]]`,
from its snapshot). A group outside those sizes gets a gentle note, never a block:
the facilitator knows the school. The panel shows on the Plan page and in the pre-brief's
roster step alike.

The table is typed into like a spreadsheet (walkapp.ui.widgets.row_table): a name, Tab,
the role's first letter, Tab, the group's first letter, Enter. Role and Group are as wide
as their longest choice at every window width. Several rows selected (Shift+arrows,
Ctrl+click) go into one group with "Put in group…" (Ctrl+G): one action, one write.
A protocol that gives roles to walkers at planning adds two columns, Protocol role and
Role detail (walkapp.ui.screens.plan.roster_roles).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from walkapp.services.commands import PlanEdit
from walkapp.services.protocol_walks import walk_protocol
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Page
from walkapp.ui.screens.plan.roster_cells import ChoiceDelegate, Choices
from walkapp.ui.screens.plan.roster_roles import WALK_ROLE, RoleColumns
from walkapp.ui.shortcut_keys import PUT_IN_GROUP
from walkapp.ui.widgets.note_text import shortcut_text
from walkapp.ui.widgets.roles_box import RolesBox
from walkapp.ui.widgets.row_table import is_editing, set_cell_text, spreadsheet_keys
from walkapp.ui.widgets.write_notice import WriteNotice
from walkapp.ui.writer import Writer

NAME, ROLE, GROUP = 0, 1, 2


class RosterPanel(QWidget, Page):
    ENTITIES = frozenset({Entity.PARTICIPANT, Entity.GROUP})

    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None, show_roles: bool = True,
                 asker: Asker | None = None) -> None:
        """`show_roles` False: the roles are shown elsewhere (the pre-brief guide names
        them beside its steps)."""
        super().__init__(parent)
        self._services = services
        self._asker = asker or Asker()
        self.walk_id = walk_id
        # The window's one writer (a panel built alone makes its own).
        self.writer = writer if writer is not None else Writer(services, self)
        self._asker = asker or Asker()
        self._loading = False
        self._groups: Choices = []
        self._natural: dict[int, int] = {}  # Role's and Group's widths for their choices

        protocol = walk_protocol(services, walk_id)
        self._show_roles = show_roles
        self._sizes = (protocol.group_min, protocol.group_max)
        intro = QLabel(self.tr("Small groups of {0} let everyone speak. Names stay on this "
                               "laptop.").format(self._sizes_text()))
        intro.setWordWrap(True)
        self.roles_box = RolesBox(protocol.roles, self.tr("Roles in this protocol"))
        self.roles_box.setVisible(bool(protocol.roles) and show_roles)
        self.role_labels = self.roles_box.labels
        # The roles this protocol gives walkers at planning, in two more columns.
        with_roles = RoleColumns.wanted(protocol)
        self.table = QTableWidget(0, 5 if with_roles else 3)
        self.table.setAccessibleName(self.tr("Roster"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once (Shift+arrows, Ctrl+click) for "Put in group…".
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.keys = spreadsheet_keys(self.table)
        self.table.setItemDelegateForColumn(ROLE, ChoiceDelegate(self.keys, self._roles))
        self.table.setItemDelegateForColumn(GROUP, ChoiceDelegate(self.keys,
                                                                  lambda: self._groups))
        self.role_columns = (RoleColumns(self.table, self.keys, protocol, self.tr)
                             if with_roles else None)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Group"),
             *(self.role_columns.headings() if self.role_columns else ())])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(GROUP, QHeaderView.ResizeMode.Fixed)
        if self.role_columns is not None:
            header.setSectionResizeMode(WALK_ROLE, QHeaderView.ResizeMode.Fixed)
            header.setSectionResizeMode(WALK_ROLE + 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._cell_edited)
        self.table.viewport().installEventFilter(self)

        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("Walker's name"))
        self.new_name.setAccessibleName(self.tr("New walker's name"))
        self.new_name.returnPressed.connect(self._add_walker)
        self.add_button = QPushButton(self.tr("Add walker"))
        self.add_button.setAccessibleName(self.tr("Add walker"))
        self.add_button.clicked.connect(self._add_walker)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove selected person"))
        self.remove_button.clicked.connect(self._remove)
        self.group_button = QPushButton(self.tr("Put in group…"))
        self.group_button.setAccessibleName(self.tr("Put the selected walkers in a group"))
        self.group_button.setToolTip(self.tr(
            "Select several walkers (Shift+arrows or Ctrl+click), then put them all in one "
            "group. Shortcut: {0}.").format(shortcut_text(PUT_IN_GROUP.keys[0])))
        self.group_button.clicked.connect(self.put_in_group)
        self._group_shortcut = QShortcut(QKeySequence(PUT_IN_GROUP.keys[0]), self)
        self._group_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._group_shortcut.activated.connect(self.put_in_group)

        self.group_name = QLineEdit()
        self.group_name.setPlaceholderText(self.tr("Group name, e.g. Group B"))
        self.group_name.setAccessibleName(self.tr("New group's name"))
        self.group_name.returnPressed.connect(self._add_group)
        self.add_group_button = QPushButton(self.tr("Add group"))
        self.add_group_button.setAccessibleName(self.tr("Add group"))
        self.add_group_button.clicked.connect(self._add_group)
        self.groups_label = QLabel("")
        self.groups_label.setWordWrap(True)
        self.groups_label.setTextFormat(Qt.TextFormat.PlainText)
        # The roles the steps need that no one has yet (a note, never a block).
        self.roles_note = QLabel("")
        self.roles_note.setObjectName("rosterRolesNote")
        self.roles_note.setWordWrap(True)
        self.roles_note.setTextFormat(Qt.TextFormat.PlainText)
        self.roles_note.hide()
        # Why a change was not saved (with Retry), or that it waits for the database.
        self.message = WriteNotice(self.writer, self)

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.group_button)
        add_row.addWidget(self.remove_button)
        group_row = QHBoxLayout()
        group_row.addWidget(self.group_name, 1)
        group_row.addWidget(self.add_group_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.roles_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addLayout(group_row)
        layout.addWidget(self.groups_label)
        layout.addWidget(self.roles_note)
        layout.addWidget(self.message)
        self.refresh()

    def _roles(self) -> Choices:
        return [(self.tr("Walker"), d.Role.WALKER.value),
                (self.tr("Facilitator"), d.Role.FACILITATOR.value)]

    def refresh(self) -> None:
        walk = self._services.walks.get_walk(self.walk_id)
        self._groups = [(self.tr("No group"), None), *((g.name, g.id) for g in walk.groups)]
        roles = dict((value, label) for label, value in self._roles())
        groups = dict((value, label) for label, value in self._groups)
        # Cells are updated in place: the cursor, the selection and a cell being typed
        # into stay where they are while edits land.
        self._loading = True
        try:
            self.table.setRowCount(len(walk.participants))
            for row, person in enumerate(walk.participants):
                if not is_editing(self.table, row, NAME):
                    name = set_cell_text(self.table, row, NAME, person.display_name)
                    name.setData(Qt.ItemDataRole.UserRole, person.id)
                for column, value, labels in ((ROLE, person.role.value, roles),
                                              (GROUP, person.group_id, groups)):
                    item = set_cell_text(self.table, row, column,
                                         labels.get(value, labels.get(None, "")))
                    item.setData(Qt.ItemDataRole.UserRole, value)
                if self.role_columns is not None:
                    self.role_columns.fill(row, person)
        finally:
            self._loading = False
        if self.role_columns is not None:
            note = self.role_columns.note(walk.participants)
            self.roles_note.setText(note)
            self.roles_note.setVisible(bool(note))
        self._fit_choice_columns()
        lines = []
        low, high = self._sizes
        for g in walk.groups:
            size = len(g.member_ids)
            line = self.tr("{0}: {1}").format(g.name, fmt.plural(size, "{n} walker", "{n} walkers"))
            if not low <= size <= high:
                line += " — " + self.tr("this protocol suggests groups of {0}.").format(
                    self._sizes_text())
            lines.append(line)
        walkers = len(walk.walkers)
        if not walk.groups and walkers and not low <= walkers <= high:
            lines.append(self.tr("{0} in one group: this protocol suggests groups of {1}.")
                         .format(fmt.plural(walkers, "{n} walker", "{n} walkers"),
                                 self._sizes_text())
                         + (" " + self.tr("Add groups to split them.") if walkers > high
                            else ""))
        self.groups_label.setText("\n".join(lines))
        self.remove_button.setEnabled(bool(walk.participants))
        self.group_button.setEnabled(bool(walk.participants))

    def _fit_choice_columns(self) -> None:
        """Role and Group as wide as a drop-down showing their longest choice (and their
        heading): readable at any window width; the names get the rest. In a narrow
        place (the pre-brief's step) neither takes more than a third of the table, so
        the names stay readable too (a very long group name is then cut with "…")."""
        columns = [(ROLE, self._roles()), (GROUP, self._groups)]
        if self.role_columns is not None:
            columns.append((WALK_ROLE, self.role_columns.choices()))
        for column, choices in columns:
            probe = QComboBox()
            probe.setFont(self.table.font())
            for label, _value in choices:
                probe.addItem(label)
            probe.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            heading = self.table.horizontalHeader().sectionSizeFromContents(column).width()
            self._natural[column] = max(probe.sizeHint().width(), heading) + 8
            probe.deleteLater()
        self._apply_column_widths()

    def _apply_column_widths(self) -> None:
        third = max(self.table.viewport().width() // 3, 0)
        for column, natural in self._natural.items():
            roles_floor = self._natural.get(ROLE, natural) if column == ROLE else 0
            self.table.setColumnWidth(column, max(min(natural, third), roles_floor))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._apply_column_widths()  # the table's own width, once it is laid out
        return super().eventFilter(watched, event)

    def _sizes_text(self) -> str:
        low, high = self._sizes
        if low == high:
            return fmt.plural(low, "{n} walker", "{n} walkers")
        return self.tr("{0} to {1} walkers").format(low, high)

    def on_change(self, change: Change) -> None:
        if change.walk_id == self.walk_id and change.entity in self.ENTITIES:
            self.refresh()

    def save_pending(self) -> bool:
        """Wait (bounded) for this panel's writes; False while one has failed (its notice
        says why and offers Retry), and while a name typed into an Add box is not added."""
        landed = self.writer.flush() and not self.message.has_failed()
        return landed and not (self.new_name.text().strip() or self.group_name.text().strip())

    def shutdown(self) -> None:
        """Edits go to the writer at once; nothing of its own runs in the background."""

    def _write(self, method: str, *args: object, then: Callable[[object], None] | None = None,
               changes: dict[str, object] | None = None) -> None:
        """A roster edit, run by the writer; a failure keeps what was typed (see message)."""
        self.message.write(PlanEdit(method, args, changes or {}), then)

    @staticmethod
    def _clear_if(field: QLineEdit, text: str) -> Callable[[object], None]:
        """Clear `field` once its text is saved, unless typing has gone on since."""
        def clear(_result: object) -> None:
            if field.text().strip() == text:
                field.clear()
        return clear

    def _add_walker(self) -> None:
        name = self.new_name.text().strip()
        if name:
            self._write("add_participant", self.walk_id, name,
                        then=self._clear_if(self.new_name, name))

    def _add_group(self) -> None:
        name = self.group_name.text().strip()
        if name:
            self._write("add_group", self.walk_id, name,
                        then=self._clear_if(self.group_name, name))

    def _remove(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        person_id = str(item.data(Qt.ItemDataRole.UserRole))
        # What they wrote goes with them: said first (walkapp.services.touches).
        warning = self._services.undo.removal_warning("Participant", person_id)
        if warning is None or self._asker.confirm(
                self, self.tr("Remove {0}?").format(item.text()),
                warning + "\n\n" + self.tr("Remove them?"), self.tr("Remove")):
            self._write("remove_participant", person_id)

    def _person_id(self, row: int) -> str | None:
        item = self.table.item(row, NAME)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def selected_ids(self) -> list[str]:
        """The people of the selected rows, in roster order; else the one the cursor is on."""
        selection = self.table.selectionModel()
        rows = sorted({i.row() for i in selection.selectedIndexes()}) if selection else []
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        return [pid for pid in map(self._person_id, rows) if pid]

    def put_in_group(self) -> None:
        """Put every selected walker in one group, chosen from a list: one write."""
        ids = self.selected_ids()
        if not ids:
            self._asker.inform(self, self.tr("Put in group"), self.tr(
                "Select the walkers first: click one, then Shift+click or Ctrl+click "
                "the others (or Shift+arrows)."))
            return
        if len(self._groups) < 2:
            self._asker.inform(self, self.tr("Put in group"), self.tr(
                "Add a group first: type its name below the table and press Add group."))
            return
        labels = [label for label, _value in self._groups]
        chosen = self._asker.pick(self, self.tr("Put in group"), self.tr(
            "Put {0} in which group?").format(fmt.plural(len(ids), "{n} walker", "{n} walkers")),
            labels)
        if chosen is None:
            return
        group_id = self._groups[labels.index(chosen)][1]
        self._write("put_in_group", ids, group_id)

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        person_id = self._person_id(item.row())
        if not person_id:
            return
        # A failure keeps what was typed or chosen in the table; Retry (in the message)
        # saves it.
        if item.column() == NAME:
            self._write("update_participant", person_id,
                        changes={"display_name": item.text()})
        elif item.column() == ROLE:
            self._write("update_participant", person_id,
                        changes={"role": item.data(Qt.ItemDataRole.UserRole)})
        elif item.column() == GROUP:
            self._write("update_participant", person_id,
                        changes={"group_id": item.data(Qt.ItemDataRole.UserRole)})
        elif self.role_columns is not None:
            changes = self.role_columns.changes(item)
            if changes is not None:
                self._write("update_participant", person_id, changes=changes)
