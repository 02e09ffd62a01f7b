"""The line above a post-brief list that says some of its notes have two versions, with
the way to settle them ("Resolve in Conflicts…"). The evidence wall and calibration both
show it; it stays hidden while nothing is in conflict."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class ConflictBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBar")
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("inlineWarning")
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Resolve in Conflicts…"))
        self.button.setAccessibleName(self.tr(
            "Open the Conflicts view to choose which version of each note to keep"))
        bar.addWidget(self.label, 1)
        bar.addWidget(self.button)
        self.hide()

    def say(self, text: str) -> None:
        """Show `text` (with the warning sign), or hide the bar when it is empty."""
        self.label.setText("⚠ " + text if text else "")
        self.setVisible(bool(text))
