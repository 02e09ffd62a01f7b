"""A calm notice across the top of the window: one sentence and a Dismiss button.

For news the user should see but need not act on (walkapp did not close properly last
time): it never takes the focus, never blocks, and stays until dismissed or replaced.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBanner(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss this notice"))
        # A notice must not steal the keyboard from the note being typed.
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_notice(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleName(text)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
