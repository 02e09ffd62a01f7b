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

Inside a step guide the tabs' bar is hidden (`tabs_shown=False`): the guide's step list is
the one way through the post-brief (its "More" entries reach the panels no step shows),
and `title_changed` keeps those entries' words ("Conflicts (3)") as the tabs' were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from walkapp.events import Change
from walkapp.protocol import Activity
from walkapp.services import Services
from walkapp.services.protocol_walks import walk_protocol
from walkapp.services.tallies import TallySummary
from walkapp.ui.dialogs import Asker
from walkapp.ui.help_sections import ShowGuide
from walkapp.ui.lifecycle import shutdown_tree
from walkapp.ui.page import PanelGroup, save_all
from walkapp.ui.screens.postbrief.action_items import ActionItemsPanel
from walkapp.ui.screens.postbrief.base import Panel, stem_names
from walkapp.ui.screens.postbrief.calibration import CalibrationView
from walkapp.ui.screens.postbrief.commitments import CommitmentsPanel
from walkapp.ui.screens.postbrief.conflicts import ConflictsPanel
from walkapp.ui.screens.postbrief.evidence_wall import EvidenceWall
from walkapp.ui.screens.postbrief.feedback import FeedbackPanel, QuestionLike
from walkapp.ui.screens.postbrief.next_steps import NextStepsPanel
from walkapp.ui.screens.postbrief.patterns import PatternsPanel
from walkapp.ui.widgets.lazy_tabs import LazyTabs
from walkapp.ui.widgets.nudge_field import NudgeSetup, walk_nudge
from walkapp.ui.words import QT_TRANSLATE_NOOP
from walkapp.ui.writer import Writer


@dataclass(frozen=True)
class PanelSpec:
    activity: Activity | None  # the protocol step activity that shows it; None: no step's
    title: str           # its tab's title (with the panel's count after it, when it has one)
    # (services, walk id, asker, writer, the window's guide or None) -> the panel
    make: Callable[[Services, str, Asker, Writer, ShowGuide | None], Panel]
    key: str = ""        # the name of a panel that is no step's (`activity` None)
    # Built with the workspace, not when first shown: its count titles its tab before
    # anyone opens it (the Conflicts panel; it reads off the GUI thread).
    eager: bool = False

    @property
    def name(self) -> str:
        """The activity's value (or `key`): the panel's name and the workspace attribute
        holding it."""
        return self.activity.value if self.activity is not None else self.key


CONFLICTS = "conflicts"  # the Conflicts panel's name


def _stem_labels(services: Services, walk_id: str) -> dict[str, str]:
    """Each group a note can go under, with its heading: the walk's protocol's stems, as
    the note-taker's buttons show them, then the plain stems it leaves out."""
    return stem_names(walk_protocol(services, walk_id).stems)


def _tally_reader(services: Services, walk_id: str
                  ) -> Callable[[], tuple[TallySummary, ...]] | None:
    """The walk's counts across the walk, for the evidence wall; None: no tallies."""
    specs = walk_protocol(services, walk_id).tallies
    if not specs:
        return None
    return lambda: services.tallies.summary(walk_id, specs)


def _nudge(services: Services, walk_id: str) -> NudgeSetup:
    """The language nudge for the panels' text boxes, in the walk's language."""
    return walk_nudge(services, walk_id)


# In the post-brief's usual order (the tabs' order).
PANELS: tuple[PanelSpec, ...] = (
    PanelSpec(Activity.EVIDENCE_WALL, QT_TRANSLATE_NOOP("PostBriefWorkspace", "Evidence wall"),
              lambda s, w, _a, wr, g: EvidenceWall(s.notes, s.walks, w, guide=g,
                                                conflicts=s.conflicts,
                                                history=s.history, reviews=s.reviews,
                                                writer=wr,
                                                stem_labels=_stem_labels(s, w),
                                                form=walk_protocol(s, w).visit_form,
                                                tallies=_tally_reader(s, w))),
    PanelSpec(Activity.CALIBRATION, QT_TRANSLATE_NOOP("PostBriefWorkspace", "Calibration"),
              lambda s, w, _a, _wr, _g: CalibrationView(s.notes, s.walks, w,
                                                    conflicts=s.conflicts,
                                                    stem_labels=_stem_labels(s, w),
                                                    form=walk_protocol(s, w).visit_form)),
    PanelSpec(Activity.PATTERNS, QT_TRANSLATE_NOOP("PostBriefWorkspace", "Patterns"),
              lambda s, w, a, wr, _g: PatternsPanel(s.debrief, w, a, writer=wr,
                                                stages=walk_protocol(s, w).debrief_stages(),
                                                nudge=_nudge(s, w))),
    PanelSpec(Activity.COMMITMENTS, QT_TRANSLATE_NOOP("PostBriefWorkspace", "Commitments"),
              lambda s, w, _a, wr, _g: CommitmentsPanel(s.debrief, s.notes, s.walks, w, writer=wr,
                                                    nudge=_nudge(s, w))),
    PanelSpec(Activity.NEXT_STEPS, QT_TRANSLATE_NOOP("PostBriefWorkspace", "Next steps"),
              lambda s, w, a, wr, _g: NextStepsPanel(s.debrief, w, a, writer=wr,
                                                 nudge=_nudge(s, w))),
    PanelSpec(Activity.ACTION_ITEMS, QT_TRANSLATE_NOOP("PostBriefWorkspace", "Action items"),
              lambda s, w, a, wr, _g: ActionItemsPanel(s.debrief, s.walks, w, a, writer=wr,
                                                   nudge=_nudge(s, w),
                                                   reminders=s.reminders)),
    PanelSpec(Activity.FEEDBACK, QT_TRANSLATE_NOOP("PostBriefWorkspace", "Feedback"),
              lambda s, w, _a, wr, _g: FeedbackPanel(s.debrief, s.walks, w,
                                                 walk_protocol(s, w).feedback or None,
                                                 writer=wr)),
    PanelSpec(None, QT_TRANSLATE_NOOP("PostBriefWorkspace", "Conflicts"),
              lambda s, w, a, wr, _g: ConflictsPanel(s.conflicts, w, a, writer=wr,
                                                 nudge=_nudge(s, w)),
              key=CONFLICTS, eager=True),
)
PANEL_NAMES = tuple(spec.name for spec in PANELS)
EAGER_PANELS = frozenset(spec.name for spec in PANELS if spec.eager)


class PostBriefWorkspace(QWidget, PanelGroup):
    """The panels in tabs. Each panel is built when its tab is first shown or asked for
    (`panel(name)`, `workspace.patterns`…): a post-brief step shows one panel, and the
    seven together took up to 110 ms of the GUI thread to build for a big walk
    (walkapp.ui.widgets.lazy_tabs). Changes, saving and shutting down go to the panels
    built so far; one not built has nothing typed and reads its data when it is built."""

    panel_shown = Signal(str)  # a panel name from PANEL_NAMES
    title_changed = Signal(str, str)  # a panel name, its title with its count

    def __init__(self, services: Services, walk_id: str, asker: Asker,
                 parent: QWidget | None = None, *, writer: Writer | None = None,
                 tabs_shown: bool = True, guide: ShowGuide | None = None) -> None:
        super().__init__(parent)
        self.walk_id = walk_id
        self.setObjectName("postBriefWorkspace")
        self._guide = guide  # the window's guide, for the panels' "Learn more"
        self._services = services
        self._asker = asker
        # The window's one writer (a workspace built alone makes its own), for every panel.
        self.writer = writer if writer is not None else Writer(services, self)
        self._feedback_questions: list[QuestionLike] | None = None
        self._closed = False

        self.tabs = LazyTabs()
        self.tabs.setAccessibleName(self.tr("Post-brief sections"))
        self.tabs.tabBar().setAccessibleName(self.tr("Post-brief sections"))
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        for spec in PANELS:
            self.tabs.add_lazy(spec.name, self.tr(spec.title),
                               lambda spec=spec: self._make(spec))  # type: ignore[misc]
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.tabBar().setVisible(tabs_shown)
        if not tabs_shown:
            # The tabs' widget hands its focus to its bar; a hidden bar takes none, and Tab
            # stopped on the control before it (a keyboard trap): no stop for the tabs here.
            self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        for name in EAGER_PANELS:  # see PanelSpec.eager
            self.panel(name)

    def _make(self, spec: PanelSpec) -> Panel:
        panel = spec.make(self._services, self.walk_id, self._asker, self.writer,
                          self._guide)
        setattr(self, spec.name, panel)  # workspace.evidence_wall, workspace.patterns…
        index = PANEL_NAMES.index(spec.name)  # the tabs are in PANELS' order
        panel.count_changed.connect(
            lambda count, i=index, title=spec.title: self._show_count(i, title, count))
        panel.conflicts_requested.connect(self.show_conflicts)
        if panel.count() > 0:  # read before the tab was there
            self._show_count(index, spec.title, panel.count())
        if isinstance(panel, FeedbackPanel) and self._feedback_questions is not None:
            panel.set_questions(self._feedback_questions)
        return panel

    def __getattr__(self, name: str) -> Panel:
        # `workspace.patterns` for a panel not built yet: built now (then it is a plain
        # attribute, set by `_make`).
        if name in PANEL_NAMES and "tabs" in self.__dict__:
            return self.panel(name)
        raise AttributeError(name)

    def built_panels(self) -> dict[str, Panel]:
        """The panels built so far, in the tabs' order."""
        return {name: panel for name, panel in self.tabs.built().items()
                if isinstance(panel, Panel)}

    @property
    def panels(self) -> dict[str, Panel]:
        """Every panel, each built now if it was not yet (the page contract itself goes
        to `built_panels()` only)."""
        return {name: self.panel(name) for name in PANEL_NAMES}

    def on_change(self, change: Change) -> None:
        if change.walk_id != self.walk_id or self._closed:
            return
        for panel in self.built_panels().values():
            panel.on_change(change)

    # -- what the protocol guide calls -------------------------------------------------------
    def show_panel(self, name: str) -> bool:
        """Bring the panel for a post-brief step's `activity` to the front. Returns False
        (and changes nothing) for an activity that has no panel here."""
        if name not in PANEL_NAMES or self._closed:
            return False
        self.tabs.setCurrentWidget(self.panel(name))
        return True

    def prepare_panel(self, name: str) -> None:
        """Build the panel for `name` now (its tab stays behind), so that showing it later
        costs nothing more: the step guide asks for the next step's panel ahead."""
        if name in PANEL_NAMES and not self._closed:
            self.panel(name)

    def current_panel(self) -> str:
        return self.tabs.current_key()

    def panel(self, name: str) -> Panel:
        if name not in PANEL_NAMES:
            raise KeyError(name)
        panel = self.tabs.page(name)
        assert isinstance(panel, Panel)
        return panel

    def tab_title(self, name: str) -> str:
        return self.tabs.tabText(PANEL_NAMES.index(name))

    def _show_count(self, index: int, title: str, count: int) -> None:
        text = (self.tr("{0} ({1})").format(self.tr(title), count) if count > 0
                else self.tr(title))
        self.tabs.setTabText(index, text)
        self.title_changed.emit(PANEL_NAMES[index], text)

    @property
    def conflicts_panel(self) -> ConflictsPanel:
        panel = self.panel(CONFLICTS)
        assert isinstance(panel, ConflictsPanel)
        return panel

    def show_conflicts(self, row_or_family: str = "") -> None:
        """Bring the Conflicts tab to the front, showing the conflict of a note marked
        "2 versions" (its row id) when one is given."""
        self.show_panel(CONFLICTS)
        if row_or_family:
            self.conflicts_panel.select(row_or_family)

    def set_feedback_questions(self, questions: Sequence[QuestionLike]) -> None:
        """Other questions than the walk's protocol's (which the panel has from the start):
        prompts of any kind, or (key, text, kind); the panel gets them when it is built."""
        self._feedback_questions = list(questions)
        feedback = self.built_panels().get(Activity.FEEDBACK.value)
        if isinstance(feedback, FeedbackPanel):
            feedback.set_questions(self._feedback_questions)

    @property
    def commitments_panel(self) -> CommitmentsPanel:
        panel = self.panel(Activity.COMMITMENTS.value)
        assert isinstance(panel, CommitmentsPanel)
        return panel

    def _commit_typed_commitments(self) -> None:
        panel = self.built_panels().get(Activity.COMMITMENTS.value)
        if isinstance(panel, CommitmentsPanel):
            panel.commit_now()  # to the writer; nobody waits for it here

    def save_pending(self) -> bool:
        """Save anything still being typed and wait for the panels' writes (bounded):
        True only when every panel's text is saved and none of their writes failed."""
        self._commit_typed_commitments()
        landed = self.writer.flush()
        return save_all(self.built_panels().values()) and landed

    def can_close(self) -> bool:
        return all(panel.can_close() for panel in self.built_panels().values())

    def shutdown(self) -> None:
        """Call when the walk closes: saves what is being typed, then every panel stops
        reloading and ignores loads still running (safe to delete afterwards); no panel
        is built any more."""
        if self._closed:
            return
        self._closed = True
        self.tabs.stop_building()
        for panel in self.built_panels().values():
            shutdown_tree(panel)

    def _tab_changed(self, _index: int) -> None:
        self._commit_typed_commitments()
        self.panel_shown.emit(self.current_panel())
