"""The protocol's roles with what each does, in a framed box (the Plan page's roster and
the pre-brief's step guide show them; choosing who takes which is for the group to agree).

`stacked`: each description under its title, for a narrow column; otherwise titles and
descriptions side by side in two columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from walkapp.protocol.schema import Role


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
        for number, role in enumerate(roles):
            title = QLabel(role.title)
            title.setObjectName("roleTitle")
            title.setFont(bold)
            title.setWordWrap(True)
            title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            description = QLabel(role.description)
            description.setObjectName("roleDescription")
            description.setWordWrap(True)
            description.setVisible(bool(role.description))
            if stacked:
                grid.addWidget(title, 1 + 2 * number, 0, 1, 2)
                grid.addWidget(description, 2 + 2 * number, 0, 1, 2)
            else:
                grid.addWidget(title, 1 + number, 0)
                grid.addWidget(description, 1 + number, 1)
            self.labels.append((title, description))
        grid.setColumnStretch(1, 1)
        self.setVisible(bool(roles))
