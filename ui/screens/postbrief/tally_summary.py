"""Counts across the walk, above the evidence wall: per tally of the protocol, the total of
everyone's taps (or time) and the spread across visits — least, median, most of the
per-visit values — in one line each. Never a visit, a teacher or a walker by name or
number, never a ranking: the figures say what the school looked like, not who did best.
Hidden when the protocol keeps no tallies. The figures are read with the wall's notes, on
its worker thread (walkapp.services.tallies.TallyService.summary)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from walkapp import formatting as fmt
from walkapp.services.tallies import TallySummary


class TallySummaryBox(QFrame):
    def __init__(self, shown: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tallySummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        title = QLabel(self.tr("Counts across the walk"))
        title.setObjectName("tallySummaryTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.lines = QLabel()
        self.lines.setObjectName("tallySummaryLines")
        self.lines.setWordWrap(True)
        layout.addWidget(self.lines)
        self.setVisible(shown)

    def show_summary(self, summaries: Sequence[TallySummary]) -> None:
        self.lines.setText("\n".join(self.line(s) for s in summaries))

    def line(self, summary: TallySummary) -> str:
        if not summary.visits:
            return self.tr("{0}: not kept in any visit yet.").format(summary.label)
        said = self.tr("{0}: {1} in all, kept by {2} in {3}").format(
            summary.label, summary.figure(summary.total),
            fmt.plural(summary.people, "{n} person", "{n} people"),
            fmt.plural(summary.visits, "{n} visit", "{n} visits"))
        if summary.visits < 2:
            return said + "."
        return said + self.tr("; per visit: least {0}, median {1}, most {2}.").format(
            summary.figure(summary.least), summary.figure(summary.median),
            summary.figure(summary.most))
