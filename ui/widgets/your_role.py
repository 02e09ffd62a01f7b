"""The role a walker was given at planning, on their own laptop: "Your role: Student
observer", what it is about for them ("The students you follow: the two by the window") and
its instructions from the protocol (walkapp.protocol.roles.GivenRole).

Above every tab of the walker's home, so it is in sight while they take notes too. Long
instructions show their first lines here (the walk's overview has them whole): the note
editor keeps its room. Hidden for a walker with no role (and for every walker of a protocol
without roles).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from walkapp.protocol.roles import GivenRole

# Instructions longer than this (about two lines) are cut above the editor: the note
# editor keeps its room, and the walk's overview has them whole.
SHORT_CHARS = 240


class YourRole(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yourRole")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setObjectName("yourRoleTitle")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.detail = QLabel()
        self.detail.setObjectName("yourRoleDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.instructions = QLabel()
        self.instructions.setObjectName("yourRoleInstructions")
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.PlainText)
        self.instructions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.instructions.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.detail)
        layout.addWidget(self.instructions)
        self.role: GivenRole | None = None
        self.show_role(None)

    def show_role(self, role: GivenRole | None) -> None:
        self.role = role
        self.setVisible(role is not None)
        if role is None:
            return
        self.heading.setText(self.tr("Your role: {0}").format(role.title))
        detail = (self.tr("{0}: {1}").format(role.detail_label, role.detail)
                  if role.detail else "")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        words = role.instructions.strip() or role.description.strip()
        self.instructions.setText(short_instructions(words, self.tr(
            "(All of it is under The walk.)")))
        self.instructions.setToolTip(words)
        self.instructions.setVisible(bool(words))
        self.setAccessibleName(" ".join(w for w in (self.heading.text(), detail) if w))


def short_instructions(words: str, more: str) -> str:
    """The instructions as they fit above the note editor: their first paragraph, cut at
    SHORT_CHARS; `more` added when something was left out (it is all on The walk tab)."""
    first = " ".join(words.split("\n\n", 1)[0].split())
    if len(first) > SHORT_CHARS:
        first = first[:SHORT_CHARS].rsplit(" ", 1)[0] + "…"
    return first if first == " ".join(words.split()) else f"{first} {more}"
