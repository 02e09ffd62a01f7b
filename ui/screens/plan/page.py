"""The Plan page: every part of a walk's plan on one tabbed page."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from walkapp.events import Change
from walkapp.protocol import choices as plan_choices
from walkapp.protocol.schema import Protocol
from walkapp.services import Services
from walkapp.services.protocol_walks import walk_protocol
from walkapp.ui.dialogs import Asker
from walkapp.ui.lifecycle import shutdown_tree
from walkapp.ui.page import Page, save_all
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.plan.lists import LookForsPanel, NormsPanel
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.plan.route import RoutePanel
from walkapp.ui.widgets.lazy_tabs import LazyTabs
from walkapp.ui.writer import Writer


class PlanPage(QWidget, Page):
    """The plan's parts in tabs. Each tab's panel is built when its tab is first shown or
    asked for (`plan.roster`…), so opening a walk builds only the tab in front
    (walkapp.ui.widgets.lazy_tabs); a panel not built yet has nothing to save."""

    def __init__(self, services: Services, walk_id: str, parent: QWidget | None = None, *,
                 writer: Writer | None = None, asker: Asker | None = None,
                 protocol: Protocol | None = None) -> None:
        """`protocol`: the walk's (read from its snapshot when not given); a protocol that
        leaves steps, variants or dates to choose gets a Choices tab."""
        super().__init__(parent)
        self.walk_id = walk_id
        self._closed = False
        # The window's one writer (a page built alone makes its own), shared by its panels.
        self.writer = w = writer if writer is not None else Writer(services, self)
        s = services
        self.tabs = LazyTabs()
        self.tabs.setAccessibleName(self.tr("Parts of the plan"))
        self.tabs.add_lazy("details", self.tr("Details"),
                           lambda: WalkDetailsPanel(s, walk_id, writer=w))
        self.tabs.add_lazy("look_fors", self.tr("Look-fors"),
                           lambda: LookForsPanel(s, walk_id, writer=w, asker=asker))
        self.tabs.add_lazy("norms", self.tr("Norms"), lambda: NormsPanel(s, walk_id, writer=w))
        self.tabs.add_lazy("roster", self.tr("Roster and groups"),
                           lambda: RosterPanel(s, walk_id, writer=w, asker=asker))
        self.tabs.add_lazy("route", self.tr("Route"),
                           lambda: RoutePanel(s, walk_id, writer=w, asker=asker))
        runs: Protocol = protocol if protocol is not None else walk_protocol(s, walk_id)
        if plan_choices.has_choices(runs):
            from walkapp.ui.screens.plan.choices import ChoicesPanel

            self.tabs.add_lazy("choices", self.tr("Choices"),
                               lambda: ChoicesPanel(s, walk_id, runs, writer=w))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _panel(self, key: str) -> QWidget:
        return self.tabs.page(key)

    @property
    def details(self) -> WalkDetailsPanel:
        panel = self._panel("details")
        assert isinstance(panel, WalkDetailsPanel)
        return panel

    @property
    def look_fors(self) -> LookForsPanel:
        panel = self._panel("look_fors")
        assert isinstance(panel, LookForsPanel)
        return panel

    @property
    def norms(self) -> NormsPanel:
        panel = self._panel("norms")
        assert isinstance(panel, NormsPanel)
        return panel

    @property
    def roster(self) -> RosterPanel:
        panel = self._panel("roster")
        assert isinstance(panel, RosterPanel)
        return panel

    @property
    def route(self) -> RoutePanel:
        panel = self._panel("route")
        assert isinstance(panel, RoutePanel)
        return panel

    @property
    def choices(self) -> QWidget:
        """The Choices tab (only for a protocol that leaves something to choose)."""
        return self._panel("choices")

    def panels(self) -> list[Page]:
        """The panels built so far (one never shown has nothing typed, nothing to reload:
        it reads the walk when it is built)."""
        return [p for p in self.tabs.built().values() if isinstance(p, Page)]

    def on_change(self, change: Change) -> None:
        if self._closed:
            return
        for panel in self.panels():
            panel.on_change(change)

    def save_pending(self) -> bool:
        """Every tab built: the details typed, text waiting in an Add box, and the edits
        still in the writer's line (each panel waits for them, bounded, and says if one
        failed). A tab never shown has nothing to save."""
        return save_all(self.panels())

    def can_close(self) -> bool:
        return all(panel.can_close() for panel in self.panels())

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.tabs.stop_building()
        for panel in self.panels():
            assert isinstance(panel, QWidget)
            shutdown_tree(panel)
