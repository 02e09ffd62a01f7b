"""The Plan page: every part of a walk's plan on one tabbed page."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from walkapp.events import Change
from walkapp.services import Services
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.plan.lists import LookForsPanel, NormsPanel
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.plan.route import RoutePanel


class PlanPage(QWidget):
    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.walk_id = walk_id
        self._closed = False
        self.details = WalkDetailsPanel(services, walk_id)
        self.look_fors = LookForsPanel(services, walk_id)
        self.norms = NormsPanel(services, walk_id)
        self.roster = RosterPanel(services, walk_id)
        self.route = RoutePanel(services, walk_id)
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
        return self.details.save_pending()

    def shutdown(self) -> None:
        self._closed = True
        self.details.shutdown()
