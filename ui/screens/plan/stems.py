"""The note-taking stems of the walk's protocol, shown during the pre-brief so everyone
starts notes the same descriptive way."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from walkapp.protocol.schema import Protocol
from walkapp.ui.page import ShowOnlyPage
from walkapp.ui.widgets.note_text import shortcut_text


class StemsPanel(QWidget, ShowOnlyPage):
    def __init__(self, protocol: Protocol, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        count = len(protocol.stems)
        first, last = shortcut_text("Ctrl+1"), shortcut_text(f"Ctrl+{count}")
        intro = QLabel(self.tr("Start every note with one of these stems. In the note-taker, "
                               "{0} to {1} pick them.").format(first, last) if count > 1
                       else self.tr("Start every note with this stem. In the note-taker, "
                                    "{0} picks it.").format(first))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for number, spec in enumerate(protocol.stems, start=1):
            label = QLabel(f"{shortcut_text(f'Ctrl+{number}')}   {spec.label} — {spec.prompt}")
            label.setWordWrap(True)
            label.setObjectName("stemLine")
            layout.addWidget(label)
        layout.addStretch(1)
