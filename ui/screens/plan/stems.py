"""The note-taking stems of the walk's protocol, shown during the pre-brief so everyone
starts notes the same descriptive way."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from walkapp.protocol.schema import Protocol
from walkapp.ui.page import ShowOnlyPage


class StemsPanel(QWidget, ShowOnlyPage):
    def __init__(self, protocol: Protocol, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        count = len(protocol.stems)
        intro = QLabel(self.tr("Start every note with one of these stems. In the note-taker, "
                               "Ctrl+1 to Ctrl+{0} pick them.").format(count) if count > 1
                       else self.tr("Start every note with this stem. In the note-taker, "
                                    "Ctrl+1 picks it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for number, spec in enumerate(protocol.stems, start=1):
            label = QLabel(f"Ctrl+{number}   {spec.label} — {spec.prompt}")
            label.setWordWrap(True)
            label.setObjectName("stemLine")
            layout.addWidget(label)
        layout.addStretch(1)
