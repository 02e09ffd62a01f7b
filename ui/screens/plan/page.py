"""The Plan page: every part of a walk's plan on one tabbed page."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from walkapp.events import Change
from walkapp.services import Services
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.plan.lists import LookForsPanel, NormsPanel
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.plan.route import RoutePanel
from walkapp.ui.writer import Writer


class PlanPage(QWidget):
    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None) -> None:
        super().__init__(parent)
        self.walk_id = walk_id
        self._closed = False
        # The window's one writer (a page built alone makes its own), shared by its panels.
        self.writer = w = writer if writer is not None else Writer(services, self)
        self.details = WalkDetailsPanel(services, walk_id, writer=w)
        self.look_fors = LookForsPanel(services, walk_id, writer=w)
        self.norms = NormsPanel(services, walk_id, writer=w)
        self.roster = RosterPanel(services, walk_id, writer=w)
        self.route = RoutePanel(services, walk_id, writer=w)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parts of the plan"))
        self.tabs.addTab(self.details, self.tr("Details"))
        self.tabs.addTab(self.look_fors, self.tr("Look-fors"))
        self.tabs.addTab(self.norms, self.tr("Norms"))
        self.tabs.addTab(self.roster, self.tr("Roster and groups"))
        self.tabs.addTab(self.route, self.tr("Route"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def panels(self) -> list[QWidget]:
        return [self.details, self.look_fors, self.norms, self.roster, self.route]

    def on_change(self, change: Change) -> None:
        if self._closed:
            return
        for panel in self.panels():
            panel.on_change(change)  # type: ignore[attr-defined]

    def save_pending(self) -> bool:
        details = self.details.save_pending()
        landed = self.writer.flush()  # the list edits still in the line (bounded wait)
        failed = any(p.message.has_failed() for p in (self.look_fors, self.norms,
                                                       self.roster, self.route))
        return details and landed and not failed

    def shutdown(self) -> None:
        self._closed = True
        self.details.shutdown()
