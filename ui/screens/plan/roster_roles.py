"""The roster's columns for the roles a version 2 protocol gives walkers at planning
(`[[roles]]` with `assign = true`): a picker per person (the protocol's roles, or none) and,
when the chosen role asks for one (`detail_label`), one line of what it is about for them
("the two students by the window"). Saved through the roster's writer like its other cells.

Below the table, a gentle note names the roles the steps have a script for that nobody has
yet (walkapp.protocol.roles.unassigned): a warning, never a block — the group may share a
role out on the day. The columns are there only when the protocol gives roles at planning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from walkapp import domain as d
from walkapp.protocol import roles as walk_roles
from walkapp.protocol.schema import Protocol
from walkapp.ui.screens.plan.roster_cells import (
    HINT_ROLE,
    ChoiceDelegate,
    Choices,
    HintDelegate,
)
from walkapp.ui.widgets.row_table import SpreadsheetKeys, is_editing, set_cell_text
from walkapp.ui.words import Words

RosterRoles = Words("RosterRoles")

WALK_ROLE, DETAIL = 3, 4  # after Name, Role and Group


class RoleColumns:
    """The two columns of `table` (which must have DETAIL + 1 columns); `tr` is the
    roster's, so their words are translated with its own."""

    def __init__(self, table: QTableWidget, keys: SpreadsheetKeys, protocol: Protocol,
                 tr: Callable[[str], str]) -> None:
        self._table = table
        self._protocol = protocol
        self._tr = tr
        self.roles = protocol.assignable_roles()
        table.setItemDelegateForColumn(WALK_ROLE, ChoiceDelegate(keys, self.choices))
        table.setItemDelegateForColumn(DETAIL, HintDelegate(keys))

    @staticmethod
    def wanted(protocol: Protocol) -> bool:
        return bool(protocol.assignable_roles())

    def headings(self) -> list[str]:
        return [RosterRoles.tr("Protocol role"), RosterRoles.tr("Role detail")]

    def choices(self) -> Choices:
        return [(RosterRoles.tr("No role"), None), *((r.title, r.key) for r in self.roles)]

    def fill(self, row: int, person: d.Participant) -> None:
        """Show `person`'s role and detail in `row` (a cell being typed into is left)."""
        given = walk_roles.role_of(self._protocol, person)
        title = given.title if given is not None else RosterRoles.tr("No role")
        item = set_cell_text(self._table, row, WALK_ROLE, title)
        item.setData(Qt.ItemDataRole.UserRole, person.protocol_role)
        if given is not None and given.instructions:
            item.setToolTip(given.instructions)
        else:
            item.setToolTip(RosterRoles.tr("The roles of this protocol that walkers take on."))
        asks = given is not None and bool(given.detail_label)
        if is_editing(self._table, row, DETAIL):
            return
        detail = set_cell_text(self._table, row, DETAIL, given.detail if given else "")
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        detail.setFlags(flags | Qt.ItemFlag.ItemIsEditable if asks else flags)
        hint = given.detail_label if given is not None and asks else ""
        detail.setData(HINT_ROLE, hint)
        detail.setToolTip(hint or RosterRoles.tr("This role asks for no detail."))

    def changes(self, item: QTableWidgetItem) -> dict[str, object] | None:
        """What an edited cell of these columns saves; None for another column."""
        if item.column() == WALK_ROLE:
            return {"protocol_role": item.data(Qt.ItemDataRole.UserRole)}
        if item.column() == DETAIL:
            return {"role_detail": item.text()}
        return None

    def note(self, people: Sequence[d.Participant]) -> str:
        """"No one has the role “Presenter” yet…", or "" when every scripted role is
        given."""
        missing = walk_roles.unassigned(self._protocol, people)
        if not missing:
            return ""
        names = ", ".join(f"“{r.title}”" for r in missing)
        if len(missing) == 1:
            return RosterRoles.tr("No one has the role {0} yet, and the protocol's steps give it "
                            "things to do. Choose someone under Protocol role, or share it "
                            "out on the day.").format(names)
        return RosterRoles.tr("No one has the roles {0} yet, and the protocol's steps give them "
                        "things to do. Choose someone for each under Protocol role, or "
                        "share them out on the day.").format(names)
