"""The protocol's roles with what each does, in a framed box (the Plan page's roster and
the pre-brief's step guide show them; choosing who takes which is for the group to agree).

`stacked`: each description under its title, for a narrow column; otherwise titles and
descriptions side by side in two columns. A role given to walkers at planning (protocol
format version 2) says so under its description, with what it asks of each walker and the
instructions their laptop shows them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from walkapp.protocol.schema import Role

GIVEN_CHARS = 300  # of a role's instructions shown in the box


class RolesBox(QFrame):
    def __init__(self, roles: Sequence[Role], heading: str, *, stacked: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protocolRoles")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        if stacked:
            grid.setContentsMargins(6, 4, 6, 6)
            grid.setVerticalSpacing(2)
        else:
            grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(12)
        title_label = QLabel(heading)
        bold = title_label.font()
        bold.setBold(True)
        title_label.setFont(bold)
        grid.addWidget(title_label, 0, 0, 1, 2)
        # (title, description) of each role, in the protocol's order.
        self.labels: list[tuple[QLabel, QLabel]] = []
        # A role given to walkers at planning: that it is, what it asks of each, and the
        # instructions their laptop shows them (by role key).
        self.given_labels: dict[str, QLabel] = {}
        row = 1
        for role in roles:
            title = QLabel(role.title)
            title.setObjectName("roleTitle")
            title.setFont(bold)
            title.setWordWrap(True)
            title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            description = QLabel(role.description)
            description.setObjectName("roleDescription")
            description.setWordWrap(True)
            description.setVisible(bool(role.description))
            given = self._given(role)
            if stacked:
                grid.addWidget(title, row, 0, 1, 2)
                grid.addWidget(description, row + 1, 0, 1, 2)
                if given is not None:
                    grid.addWidget(given, row + 2, 0, 1, 2)
                row += 3 if given is not None else 2
            else:
                grid.addWidget(title, row, 0)
                grid.addWidget(description, row, 1)
                if given is not None:
                    grid.addWidget(given, row + 1, 1)
                row += 2 if given is not None else 1
            self.labels.append((title, description))
        grid.setColumnStretch(1, 1)
        self.setVisible(bool(roles))

    def _given(self, role: Role) -> QLabel | None:
        if not role.assignable:
            return None
        words = (self.tr("Given to walkers at planning; each is asked: {0}.").format(
                     role.detail_label) if role.detail_label
                 else self.tr("Given to walkers at planning."))
        instructions = " ".join(role.instructions.split())
        if instructions:
            # Long instructions are cut here (the table keeps its room); whole in the tip.
            cut = (instructions if len(instructions) <= GIVEN_CHARS else
                   instructions[:GIVEN_CHARS].rsplit(" ", 1)[0] + "…")
            words += " " + self.tr("Their laptop shows them: {0}").format(cut)
        label = QLabel(words)
        label.setToolTip(role.instructions)
        label.setObjectName("roleGiven")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        small = label.font()
        small.setItalic(True)
        label.setFont(small)
        self.given_labels[role.key] = label
        return label
