"""Roster and groups: who walks, in which group of three to six."""

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
from walkapp.events import Change
from walkapp.services import Services
from walkapp.ui.widgets.inline_error import run_reporting


class RosterPanel(QWidget):
    ENTITIES = frozenset({"participant", "group"})

    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.walk_id = walk_id
        self._loading = False

        intro = QLabel(self.tr("Small groups of three to six walkers let everyone speak. "
                               "Names stay on this laptop."))
        intro.setWordWrap(True)
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
        self.message = QLabel("")
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        group_row = QHBoxLayout()
        group_row.addWidget(self.group_name, 1)
        group_row.addWidget(self.add_group_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
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
        for g in walk.groups:
            lines.append(self.tr("{0}: {1}").format(
                g.name, fmt.plural(len(g.member_ids), "walker", "walkers"))
                         + (f" — {g.size_warning}" if g.size_warning else ""))
        walkers = len(walk.walkers)
        if not walk.groups and walkers and not 3 <= walkers <= 6:
            lines.append(self.tr("{0}: groups of three to six work best; add groups "
                                 "to split them.").format(
                                     fmt.plural(walkers, "walker", "walkers")))
        self.groups_label.setText("\n".join(lines))
        self.remove_button.setEnabled(bool(walk.participants))

    def on_change(self, change: Change) -> None:
        if change.walk_id == self.walk_id and change.entity in self.ENTITIES:
            self.refresh()

    def _run(self, action: Callable[[], object]) -> bool:
        return run_reporting(self.message, action)

    def _add_walker(self) -> None:
        name = self.new_name.text().strip()
        if name and self._run(lambda: self._services.plan.add_participant(self.walk_id, name)):
            self.new_name.clear()

    def _add_group(self) -> None:
        name = self.group_name.text().strip()
        if name and self._run(lambda: self._services.plan.add_group(self.walk_id, name)):
            self.group_name.clear()

    def _remove(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            person_id = str(item.data(Qt.ItemDataRole.UserRole))
            self._run(lambda: self._services.plan.remove_participant(person_id))

    def _update(self, person_id: str, **changes: object) -> None:
        self._run(lambda: self._services.plan.update_participant(person_id, **changes))

    def _name_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 0:
            return
        person_id = str(item.data(Qt.ItemDataRole.UserRole))
        if not self._run(lambda: self._services.plan.update_participant(
                person_id, display_name=item.text())):
            self.refresh()
