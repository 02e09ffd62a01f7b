"""The Reports page of a walk: every printable document, with a line on what it is for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from walkapp.reports import ReportKind
from walkapp.ui.page import ShowOnlyPage


class ReportsPage(QWidget, ShowOnlyPage):
    def __init__(self, export: Callable[[ReportKind], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = [
            (ReportKind.DEBRIEF, self.tr("Debrief report"), self.tr(
                "What the group saw, the patterns it found, commitments, next steps and "
                "action items — for coaches and the school's records.")),
            (ReportKind.AGENDA, self.tr("Agenda"), self.tr(
                "The session's running order with clock times, to hand out before the "
                "walk.")),
            (ReportKind.NOTECATCHER, self.tr("Blank note-catcher"), self.tr(
                "A printable page for walkers without a laptop: focus, norms, stems, "
                "look-for boxes and one block per visit.")),
            (ReportKind.THANKS, self.tr("Host thank-you note"), self.tr(
                "“We noticed…” evidence from one visit and one wondering, for the teacher "
                "who opened their room.")),
            (ReportKind.ACTIONS, self.tr("Action-item tracker"), self.tr(
                "Open action items across all walks first, with where they came from and "
                "what was said since.")),
            (ReportKind.JOURNAL, self.tr("Walker's growth journal"), self.tr(
                "One walker's commitments and reflections across walks.")),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        self.buttons: dict[ReportKind, QPushButton] = {}
        for row, (kind, title, about) in enumerate(rows):
            button = QPushButton(title + "…")
            button.setAccessibleName(self.tr("Export {0}").format(title))
            button.setMinimumWidth(220)
            button.clicked.connect(lambda _=False, k=kind: export(k))
            label = QLabel(about)
            label.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
            self.buttons[kind] = button
        grid.setColumnStretch(1, 1)
        intro = QLabel(self.tr("Reports are PDF files made on this computer. Teacher names "
                               "appear only if the walk records them (Plan → Details)."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)
