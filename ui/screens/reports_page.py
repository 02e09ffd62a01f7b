"""The Reports page of a walk: every printable document in the report registry, with a line
on what it is for; and, at the end of the walk, the way on to the series' next walk.

A walk with no notes yet says so above the list (the debrief is made of the walkers' notes),
with a link to the guide; the count is read off the GUI thread, again when notes change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from walkapp.events import Change, Entity
from walkapp.reports import REPORTS, ReportKind
from walkapp.ui.help_sections import GuideSection, ShowGuide
from walkapp.ui.page import ShowOnlyPage
from walkapp.ui.widgets.empty_state import EmptyState
from walkapp.ui.workers import cancel_owned_by, read_in_background


class ReportsPage(QWidget, ShowOnlyPage):
    def __init__(self, export: Callable[[ReportKind], object],
                 parent: QWidget | None = None, *,
                 plan_again: Callable[[], object] | None = None,
                 has_notes: Callable[[], bool] | None = None,
                 guide: ShowGuide | None = None) -> None:
        super().__init__(parent)
        self._has_notes = has_notes  # None: no "no notes yet" line (a page built alone)
        self._closed = False
        self.no_notes = EmptyState(None, self.tr("No notes yet"), self.tr(
            "The debrief report is made of the walkers' notes. Take notes on the Observation "
            "page, or import the walkers' notes files (File ▸ Import walkers' notes)."))
        self.no_notes.setObjectName("reportsNoNotes")
        if guide is not None:
            self.no_notes.add_link(self.tr("Learn more: walkers' laptops and notes files"),
                                   lambda: guide(GuideSection.WALKERS_LAPTOPS.value))
        self.no_notes.setVisible(False)
        rows = [(spec.kind, self.tr(spec.label), self.tr(spec.about)) for spec in REPORTS]
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
        layout.addWidget(self.no_notes)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(grid)
        self.plan_again_button: QPushButton | None = None
        if plan_again is not None:
            layout.addSpacing(16)
            button = self.plan_again_button = QPushButton(self.tr("Plan the next walk…"))
            button.setAccessibleName(self.tr("Plan the next walk of this series"))
            button.setMinimumWidth(220)
            button.clicked.connect(lambda _=False: plan_again())
            next_row = QGridLayout()
            next_row.setHorizontalSpacing(16)
            what = QLabel(self.tr(
                "The same group, protocol, look-fors and norms, a new date. Open commitments "
                "and action items come back for review at its pre-brief."))
            what.setWordWrap(True)
            next_row.addWidget(button, 0, 0)
            next_row.addWidget(what, 0, 1)
            next_row.setColumnStretch(1, 1)
            layout.addLayout(next_row)
        layout.addStretch(1)
        self._read_notes()

    def _read_notes(self) -> None:
        """Show "No notes yet" if the walk has none (read off the GUI thread)."""
        has_notes = self._has_notes
        if has_notes is None or self._closed:
            return

        def show(found: bool) -> None:
            if not self._closed:
                self.no_notes.setVisible(not found)

        read_in_background(has_notes, show, owner=self)

    def on_change(self, change: Change) -> None:
        if change.entity is Entity.NOTE:
            self._read_notes()

    def shutdown(self) -> None:
        self._closed = True
        cancel_owned_by(self)
