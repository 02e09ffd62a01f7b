"""The post-brief workspace: the seven post-brief panels of one walk, in tabs.

`PANELS` is the one list of post-brief panels: the protocol activity that shows each, its
tab title and how it is made. The tabs, `PANEL_NAMES`, the composition's choice of panel
for a step and the screenshot tool all read it. The protocol guide shows the right panel
inside each timed post-brief step with `show_panel(activity)`. The workspace is not
connected to the change bridge itself: its parent (the step guide, or a test) hands it each
`Change` once, and it hands it to each panel once; each panel decides for itself (its walk,
its entities) whether to reload: a new action item never reloads the evidence wall, and a
change to another walk reloads nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from walkapp.events import Change
from walkapp.protocol import Activity
from walkapp.services import Services
from walkapp.ui.dialogs import Asker
from walkapp.ui.lifecycle import shutdown_tree
from walkapp.ui.page import PanelGroup, save_all
from walkapp.ui.screens.postbrief.action_items import ActionItemsPanel
from walkapp.ui.screens.postbrief.base import Panel
from walkapp.ui.screens.postbrief.calibration import CalibrationView
from walkapp.ui.screens.postbrief.commitments import CommitmentsPanel
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.postbrief.feedback import FeedbackPanel, FeedbackQuestion
from walkapp.ui.screens.postbrief.next_steps import NextStepsPanel
from walkapp.ui.screens.postbrief.patterns import PatternsPanel
from walkapp.ui.writer import Writer


@dataclass(frozen=True)
class PanelSpec:
    activity: Activity   # the protocol step activity that shows this panel
    title: str           # its tab's title
    make: Callable[[Services, str, Asker, Writer], Panel]

    @property
    def name(self) -> str:
        """The activity's value: the panel's name and the workspace attribute holding it."""
        return self.activity.value


# In the post-brief's usual order (the tabs' order).
PANELS: tuple[PanelSpec, ...] = (
    PanelSpec(Activity.EVIDENCE_WALL, "Evidence wall",
              lambda s, w, _a, _wr: EvidenceWall(s.notes, s.walks, w)),
    PanelSpec(Activity.CALIBRATION, "Calibration",
              lambda s, w, _a, _wr: CalibrationView(s.notes, s.walks, w)),
    PanelSpec(Activity.PATTERNS, "Patterns",
              lambda s, w, a, wr: PatternsPanel(s.debrief, w, a, writer=wr)),
    PanelSpec(Activity.COMMITMENTS, "Commitments",
              lambda s, w, _a, wr: CommitmentsPanel(s.debrief, s.notes, s.walks, w, writer=wr)),
    PanelSpec(Activity.NEXT_STEPS, "Next steps",
              lambda s, w, a, wr: NextStepsPanel(s.debrief, w, a, writer=wr)),
    PanelSpec(Activity.ACTION_ITEMS, "Action items",
              lambda s, w, a, wr: ActionItemsPanel(s.debrief, s.walks, w, a, writer=wr)),
    PanelSpec(Activity.FEEDBACK, "Feedback",
              lambda s, w, _a, wr: FeedbackPanel(s.debrief, s.walks, w, writer=wr)),
)
PANEL_NAMES = tuple(spec.name for spec in PANELS)


class PostBriefWorkspace(QWidget, PanelGroup):
    panel_shown = Signal(str)  # a panel name from PANEL_NAMES

    def __init__(self, services: Services, walk_id: str, asker: Asker,
                 parent: QWidget | None = None, *, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self.walk_id = walk_id
        self.setObjectName("postBriefWorkspace")
        # The window's one writer (a workspace built alone makes its own), for every panel.
        self.writer = writer if writer is not None else Writer(services, self)
        self.panels: dict[str, Panel] = {}
        for spec in PANELS:
            panel = spec.make(services, walk_id, asker, self.writer)
            self.panels[spec.name] = panel
            setattr(self, spec.name, panel)  # workspace.evidence_wall, workspace.patterns…

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Post-brief sections"))
        self.tabs.tabBar().setAccessibleName(self.tr("Post-brief sections"))
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        for spec in PANELS:
            self.tabs.addTab(self.panels[spec.name], self.tr(spec.title))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._closed = False

    def on_change(self, change: Change) -> None:
        if change.walk_id != self.walk_id or self._closed:
            return
        for panel in self.panels.values():
            panel.on_change(change)

    # -- what the protocol guide calls -------------------------------------------------------
    def show_panel(self, name: str) -> bool:
        """Bring the panel for a post-brief step's `activity` to the front. Returns False
        (and changes nothing) for an activity that has no panel here."""
        panel = self.panels.get(name)
        if panel is None:
            return False
        self.tabs.setCurrentWidget(panel)
        return True

    def current_panel(self) -> str:
        widget = self.tabs.currentWidget()
        return next((n for n, p in self.panels.items() if p is widget), "")

    def panel(self, name: str) -> Panel:
        return self.panels[name]

    def set_feedback_questions(self, questions: Sequence[FeedbackQuestion
                                                         | tuple[str, str, str]]) -> None:
        """Questions from the protocol's feedback step: (key, text, "rating"|"text")."""
        feedback = self.panels[Activity.FEEDBACK.value]
        assert isinstance(feedback, FeedbackPanel)
        feedback.set_questions(questions)

    @property
    def commitments_panel(self) -> CommitmentsPanel:
        panel = self.panels[Activity.COMMITMENTS.value]
        assert isinstance(panel, CommitmentsPanel)
        return panel

    def save_pending(self) -> bool:
        """Save anything still being typed and wait for the panels' writes (bounded):
        True only when every panel's text is saved and none of their writes failed."""
        self.commitments_panel.commit_now()
        landed = self.writer.flush()
        return save_all(self.panels.values()) and landed

    def can_close(self) -> bool:
        return all(panel.can_close() for panel in self.panels.values())

    def shutdown(self) -> None:
        """Call when the walk closes: saves what is being typed, then every panel stops
        reloading and ignores loads still running (safe to delete afterwards)."""
        if self._closed:
            return
        self._closed = True
        for panel in self.panels.values():
            shutdown_tree(panel)

    def _tab_changed(self, _index: int) -> None:
        self.commitments_panel.commit_now()  # to the writer; the tab does not wait for it
        self.panel_shown.emit(self.current_panel())
