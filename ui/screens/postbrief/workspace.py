"""The post-brief workspace: the post-brief panels of one walk, in tabs.

`PANELS` is the one list of post-brief panels: the protocol activity that shows each (the
Conflicts panel is no protocol step: it is always there, the last tab, titled with how many
conflicts wait), its tab title and how it is made. The tabs, `PANEL_NAMES`, the
composition's choice of panel for a step and the screenshot tool all read it. The
protocol guide shows the right panel inside each timed post-brief step with
`show_panel(activity)`. The workspace is not connected to the change bridge itself: its
parent (the step guide, or a test) hands it each `Change` once, and it hands it to each
panel once; each panel decides for itself (its walk, its entities) whether to reload: a new
action item never reloads the evidence wall, and a change to another walk reloads nothing.
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
from walkapp.ui.screens.postbrief.conflicts import ConflictsPanel
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.postbrief.feedback import FeedbackPanel, FeedbackQuestion
from walkapp.ui.screens.postbrief.next_steps import NextStepsPanel
from walkapp.ui.screens.postbrief.patterns import PatternsPanel
from walkapp.ui.writer import Writer


@dataclass(frozen=True)
class PanelSpec:
    activity: Activity | None  # the protocol step activity that shows it; None: no step's
    title: str           # its tab's title (with the panel's count after it, when it has one)
    make: Callable[[Services, str, Asker, Writer], Panel]
    key: str = ""        # the name of a panel that is no step's (`activity` None)

    @property
    def name(self) -> str:
        """The activity's value (or `key`): the panel's name and the workspace attribute
        holding it."""
        return self.activity.value if self.activity is not None else self.key


CONFLICTS = "conflicts"  # the Conflicts panel's name


# In the post-brief's usual order (the tabs' order).
PANELS: tuple[PanelSpec, ...] = (
    PanelSpec(Activity.EVIDENCE_WALL, "Evidence wall",
              lambda s, w, _a, _wr: EvidenceWall(s.notes, s.walks, w,
                                                 conflicts=s.conflicts)),
    PanelSpec(Activity.CALIBRATION, "Calibration",
              lambda s, w, _a, _wr: CalibrationView(s.notes, s.walks, w,
                                                    conflicts=s.conflicts)),
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
    PanelSpec(None, "Conflicts",
              lambda s, w, a, wr: ConflictsPanel(s.conflicts, w, a, writer=wr),
              key=CONFLICTS),
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
        for index, spec in enumerate(PANELS):
            panel = self.panels[spec.name]
            self.tabs.addTab(panel, self.tr(spec.title))
            panel.count_changed.connect(
                lambda count, i=index, title=spec.title: self._show_count(i, title, count))
            panel.conflicts_requested.connect(self.show_conflicts)
            if panel.count() > 0:  # read before the tab was there
                self._show_count(index, spec.title, panel.count())
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

    def tab_title(self, name: str) -> str:
        return self.tabs.tabText(self.tabs.indexOf(self.panels[name]))

    def _show_count(self, index: int, title: str, count: int) -> None:
        self.tabs.setTabText(index, self.tr("{0} ({1})").format(self.tr(title), count)
                             if count > 0 else self.tr(title))

    @property
    def conflicts_panel(self) -> ConflictsPanel:
        panel = self.panels[CONFLICTS]
        assert isinstance(panel, ConflictsPanel)
        return panel

    def show_conflicts(self, row_or_family: str = "") -> None:
        """Bring the Conflicts tab to the front, showing the conflict of a note marked
        "2 versions" (its row id) when one is given."""
        self.show_panel(CONFLICTS)
        if row_or_family:
            self.conflicts_panel.select(row_or_family)

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
