"""Roster and groups: who walks, in which group, and the roles the walk's protocol names.

The group sizes and roles are the walk's protocol's (`group_min`/`group_max`, `[[roles]]`,
from its snapshot). A group outside those sizes gets a gentle note, never a block:
the facilitator knows the school. The panel shows on the Plan page and in the pre-brief's
roster step alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
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
from walkapp.ui.widgets.roles_box import RolesBox
from walkapp.ui.widgets.write_notice import WriteNotice
from walkapp.ui.writer import Writer


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
        self._loading = False

        protocol = walk_protocol(services, walk_id)
        self._show_roles = show_roles
        self._sizes = (protocol.group_min, protocol.group_max)
        intro = QLabel(self.tr("Small groups of {0} let everyone speak. Names stay on this "
                               "laptop.").format(self._sizes_text()))
        intro.setWordWrap(True)
        self.roles_box = RolesBox(protocol.roles, self.tr("Roles in this protocol"))
        self.roles_box.setVisible(bool(protocol.roles) and show_roles)
        self.role_labels = self.roles_box.labels
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"),
                                              self.tr("Group")])
        self.table.setAccessibleName(self.tr("Roster"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._name_edited)

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
        # Why a change was not saved (with Retry), or that it waits for the database.
        self.message = WriteNotice(self.writer, self)

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
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
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        walk = self._services.walks.get_walk(self.walk_id)
        self._loading = True
        try:
            self.table.setRowCount(len(walk.participants))
            for row, person in enumerate(walk.participants):
                name = QTableWidgetItem(person.display_name)
                name.setData(Qt.ItemDataRole.UserRole, person.id)
                self.table.setItem(row, 0, name)
                role = QComboBox()
                role.setAccessibleName(self.tr("Role of {0}").format(person.display_name))
                role.addItem(self.tr("Walker"), d.Role.WALKER.value)
                role.addItem(self.tr("Facilitator"), d.Role.FACILITATOR.value)
                role.setCurrentIndex(role.findData(person.role.value))
                role.activated.connect(
                    lambda _i, p=person.id, box=role: self._update(p, role=box.currentData()))
                self.table.setCellWidget(row, 1, role)
                group = QComboBox()
                group.setAccessibleName(self.tr("Group of {0}").format(person.display_name))
                group.addItem(self.tr("No group"), None)
                for g in walk.groups:
                    group.addItem(g.name, g.id)
                group.setCurrentIndex(max(0, group.findData(person.group_id)))
                group.activated.connect(
                    lambda _i, p=person.id, box=group: self._update(p, group_id=box.currentData()))
                self.table.setCellWidget(row, 2, group)
        finally:
            self._loading = False
        lines = []
        low, high = self._sizes
        for g in walk.groups:
            size = len(g.member_ids)
            line = self.tr("{0}: {1}").format(g.name, fmt.plural(size, "walker", "walkers"))
            if not low <= size <= high:
                line += " — " + self.tr("this protocol suggests groups of {0}.").format(
                    self._sizes_text())
            lines.append(line)
        walkers = len(walk.walkers)
        if not walk.groups and walkers and not low <= walkers <= high:
            lines.append(self.tr("{0} in one group: this protocol suggests groups of {1}.")
                         .format(fmt.plural(walkers, "walker", "walkers"), self._sizes_text())
                         + (" " + self.tr("Add groups to split them.") if walkers > high
                            else ""))
        self.groups_label.setText("\n".join(lines))
        self.remove_button.setEnabled(bool(walk.participants))

    def _sizes_text(self) -> str:
        low, high = self._sizes
        if low == high:
            return fmt.plural(low, "walker", "walkers")
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

    def _update(self, person_id: str, **changes: object) -> None:
        self._write("update_participant", person_id, changes=changes)

    def _name_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 0:
            return
        person_id = str(item.data(Qt.ItemDataRole.UserRole))
        # A failure keeps the typed name in the table; Retry (in the message) saves it.
        self._write("update_participant", person_id, changes={"display_name": item.text()})
