"""The Plan page: every part of a walk's plan on one tabbed page."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from walkapp.events import Change
from walkapp.services import Services
from walkapp.ui.dialogs import Asker
from walkapp.ui.lifecycle import shutdown_tree
from walkapp.ui.page import Page, save_all
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.plan.lists import LookForsPanel, NormsPanel
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.plan.route import RoutePanel
from walkapp.ui.writer import Writer


class PlanPage(QWidget, Page):
    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None, asker: Asker | None = None) -> None:
        super().__init__(parent)
        self.walk_id = walk_id
        self._closed = False
        # The window's one writer (a page built alone makes its own), shared by its panels.
        self.writer = w = writer if writer is not None else Writer(services, self)
        self.details = WalkDetailsPanel(services, walk_id, writer=w)
        self.look_fors = LookForsPanel(services, walk_id, writer=w, asker=asker)
        self.norms = NormsPanel(services, walk_id, writer=w)
        self.roster = RosterPanel(services, walk_id, writer=w)
        self.route = RoutePanel(services, walk_id, writer=w, asker=asker)
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

    def panels(self) -> list[Page]:
        return [self.details, self.look_fors, self.norms, self.roster, self.route]

    def on_change(self, change: Change) -> None:
        if self._closed:
            return
        for panel in self.panels():
            panel.on_change(change)

    def save_pending(self) -> bool:
        """Every tab: the details typed, text waiting in an Add box, and the edits still in
        the writer's line (each panel waits for them, bounded, and says if one failed)."""
        return save_all(self.panels())

    def can_close(self) -> bool:
        return all(panel.can_close() for panel in self.panels())

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        for panel in self.panels():
            assert isinstance(panel, QWidget)
            shutdown_tree(panel)
