"""A step's role scripts beside its script, for the facilitator: "Presenter: listen
without speaking", one line a role, in the step's order (protocol format version 2,
`[[<phase>.steps.roles]]`; walkapp.protocol.roles.step_role_lines).

The step guide shows every role's part of the step shown; a walker's own laptop shows only
their role's (walkapp.ui.screens.walker_home). Hidden for a step without role scripts.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from walkapp.protocol.roles import step_role_lines
from walkapp.protocol.schema import Protocol, Step


class RoleScripts(QFrame):
    def __init__(self, protocol: Protocol, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleScripts")
        self._protocol = protocol
        self.heading = QLabel(self.tr("What each role does in this step"))
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.lines = QLabel()
        self.lines.setObjectName("roleScriptLines")
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines)
        self.shown: tuple[tuple[str, str], ...] = ()
        self.hide()

    def show_step(self, step: Step | None) -> None:
        """Show `step`'s role scripts (None, or a step without them: hidden)."""
        self.shown = step_role_lines(self._protocol, step) if step is not None else ()
        # Every word is the protocol's: escaped, line breaks kept.
        self.lines.setText("<br>".join(
            f"<b>{html.escape(title)}:</b> "
            + html.escape(script.strip()).replace("\n", "<br>")
            for title, script in self.shown))
        self.setVisible(bool(self.shown))
