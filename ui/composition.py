"""Which pages a walk's workspace has, and how each is built: the one place where screens
are wired to the services they need.

The screens' modules are imported where each page is built, not here: the main window
imports this module to show the walks library, and the plan, observation, post-brief and
reports screens (with their models, the nudge lexicon…) load with the first walk that
shows them (tests/ui/test_start_imports.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from walkapp.errors import NotFoundError
from walkapp.protocol import choices as plan_choices
from walkapp.protocol.library import ProtocolLibrary
from walkapp.protocol.schema import Activity, PhaseKey, Protocol, Role
from walkapp.services import Services
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.dialogs import Asker
from walkapp.ui.help_sections import ShowGuide
from walkapp.ui.page import Page
from walkapp.ui.words import Words
from walkapp.ui.writer import Writer

Pages = Words("Pages")

if TYPE_CHECKING:
    from walkapp import nudge
    from walkapp.reports import ReportKind
    from walkapp.ui.screens.new_walk import NewWalkRequest, ProtocolChoice
    from walkapp.ui.screens.observation import ObservationScreen
    from walkapp.ui.screens.observe_page import ObservationPage
    from walkapp.ui.screens.postbrief import PostBriefWorkspace
    from walkapp.ui.screens.step_guide import StepGuide
    from walkapp.ui.screens.step_leads import Leads, MorePanels, NextAction
    from walkapp.ui.screens.workspace import PageSpec

PRE_PHASES = (PhaseKey.OPENER, PhaseKey.PRE_BRIEF)
POST_PHASES = (PhaseKey.POST_BRIEF, PhaseKey.CLOSING)
# The parts of a walk a next action can lead to, in the order a walk runs.
_LEADS_TO = ("pre_brief", "observation", "post_brief")


def nudge_check(text: str, lang: str = "en") -> list[nudge.Flag]:
    from walkapp import nudge

    return nudge.check(text, lang)


def protocol_choices(library: ProtocolLibrary) -> list[ProtocolChoice]:
    from walkapp.ui.screens.new_walk import ProtocolChoice

    def source(protocol: Protocol) -> str:
        cited = protocol.source
        return "\n".join(t for t in (cited.citation, cited.url, cited.note) if t) if cited else ""

    return [ProtocolChoice(e.protocol.id, e.protocol.title, e.protocol.summary,
                           tuple((s.key, s.title) for s in e.protocol.look_for_sets),
                           e.protocol.visit_minutes, source(e.protocol),
                           tuple((s.key, s.description) for s in e.protocol.look_for_sets
                                 if s.description), e.protocol.language)
            for e in library.all_entries]


def walk_creator(library: ProtocolLibrary) -> Callable[[Services, NewWalkRequest], str]:
    def create(services: Services, request: NewWalkRequest) -> str:
        from walkapp.services.protocol_walks import create_walk_from_protocol

        try:
            protocol = library.get(request.protocol_id, request.language or None)
        except NotFoundError:
            protocol = library.default()
        walk = create_walk_from_protocol(services, protocol, request.title,
                                         request.walk_date, request.focus,
                                         request.look_for_set, request.visits)
        return walk.id
    return create


def _phases(protocol: Protocol, wanted: tuple[PhaseKey, ...]) -> tuple[str, ...]:
    return tuple(p.value for p in wanted if protocol.phase(p) is not None)


class _Pages:
    """Builds each page of one walk's workspace on demand."""

    def __init__(self, services: Services, walk_id: str, asker: Asker,
                 library: ProtocolLibrary | None, writer: Writer | None = None,
                 plan_again: Callable[[str], object] | None = None,
                 guide: ShowGuide | None = None) -> None:
        self.services = services
        # The window's guide, for the pages' "Learn more" (None: no links).
        self.guide = guide
        self.walk_id = walk_id
        self.asker = asker
        # The window's "Plan again…" (None: the Reports page offers no next walk).
        self.plan_again = plan_again
        # The window's one writer, handed to every page (None: each page makes its own).
        self.writer = writer
        from walkapp.services.protocol_walks import walk_protocol

        self.protocol = walk_protocol(services, walk_id, library)
        self._postbrief: PostBriefWorkspace | None = None
        self._leads: Leads | None = None
        self._next: dict[str, tuple[NextAction, ...]] = {}  # by page key, see specs()

    @property
    def leads(self) -> Leads:
        """The walk's one hub of next actions (walkapp.ui.screens.step_leads); the
        workspace follows "page:" and "close", this follows "export:"."""
        if self._leads is None:
            from walkapp.ui.screens.step_leads import Leads

            self._leads = Leads()
            self._leads.requested.connect(self._follow)
        return self._leads

    def _follow(self, key: str) -> None:
        from walkapp.reports import ReportKind
        from walkapp.ui.screens.step_leads import EXPORT

        if key.startswith(EXPORT):
            self.export(ReportKind(key.removeprefix(EXPORT)))

    def _next_actions(self, keys: list[str], after: str) -> tuple[NextAction, ...]:
        """What comes after page `after`: the next part of the walk the protocol has, or,
        after the last, the debrief's export and closing the walk."""
        from walkapp.ui.screens.step_leads import CLOSE, EXPORT, PAGE, NextAction

        labels = {"pre_brief": Pages.tr("Start the pre-brief"),
                  "observation": Pages.tr("Go to Observation"),
                  "post_brief": Pages.tr("Go to the post-brief")}
        hints = {"pre_brief": Pages.tr("Opens the pre-brief at its first step; its timer starts "
                                 "when you press Start."),
                 "observation": Pages.tr("Opens the observation: the visits and the note-taker."),
                 "post_brief": Pages.tr("Opens the post-brief at its first step.")}
        for key in keys[keys.index(after) + 1:]:
            if key in _LEADS_TO:
                return (NextAction(PAGE + key, labels[key], hints[key]),)
        return (NextAction(EXPORT + "debrief", Pages.tr("Export the debrief…"),
                           Pages.tr("Choose where to save the debrief report as a PDF.")),
                NextAction(CLOSE, Pages.tr("Close the walk"),
                           Pages.tr("Back to all walks. Everything is saved; the walk can be "
                              "opened again at any time.")))

    def _led(self, key: str, guide: StepGuide, page: Page | None = None) -> Page:
        """The page (`guide` itself, or the `page` holding it) with the next actions of
        the part it ends."""
        guide.next_action.connect(self.leads.requested)
        guide.set_next_actions(self._next.get(key, ()))
        if page is None:
            return guide
        if isinstance(page, QWidget):
            page.setFocusProxy(guide)  # a next action that opens the page focuses Start
        return page

    def pre_panel(self, activity: Activity) -> Page | None:
        from walkapp.ui.screens.plan.details import WalkDetailsPanel
        from walkapp.ui.screens.plan.lists import LookForsPanel, NormsPanel
        from walkapp.ui.screens.plan.review import ReviewPanel
        from walkapp.ui.screens.plan.roster import RosterPanel
        from walkapp.ui.screens.plan.route import RoutePanel
        from walkapp.ui.screens.plan.stems import StemsPanel

        s, w, wr = self.services, self.walk_id, self.writer
        builders: dict[Activity, Callable[[], Page]] = {
            Activity.FOCUS: lambda: WalkDetailsPanel(s, w, focus_only=True, writer=wr),
            Activity.LOOK_FORS: lambda: LookForsPanel(s, w, writer=wr, asker=self.asker),
            Activity.NORMS: lambda: NormsPanel(s, w, writer=wr),
            # (The pre-brief guide names the protocol's roles beside its steps.)
            Activity.ROSTER: lambda: RosterPanel(s, w, writer=wr, show_roles=False,
                                                 asker=self.asker),
            Activity.ROUTE: lambda: RoutePanel(s, w, writer=wr, asker=self.asker),
            Activity.REVIEW: lambda: ReviewPanel(s, w, writer=wr),
            Activity.STEMS: lambda: StemsPanel(self.protocol),
        }
        build = builders.get(activity)
        return build() if build is not None else None

    def postbrief(self) -> PostBriefWorkspace:
        from walkapp.ui.screens.postbrief import PostBriefWorkspace

        if self._postbrief is None:
            # Its panels take the protocol's words (debrief sequence, feedback questions
            # with their kinds) from the walk's snapshot themselves.
            # Inside a step guide: the guide's step list is its one navigation.
            self._postbrief = PostBriefWorkspace(self.services, self.walk_id, self.asker,
                                                 writer=self.writer, tabs_shown=False,
                                                 guide=self.guide)
        return self._postbrief

    def post_panel(self, activity: Activity) -> Page | None:
        from walkapp.ui.screens.postbrief import PANEL_NAMES

        if activity.value in PANEL_NAMES:
            return self.postbrief()
        return self.pre_panel(activity)

    def observation_screen(self, author_id: str) -> ObservationScreen:
        from walkapp.ui.screens.observation import ObservationScreen

        # The facilitator's page: everyone's notes beside the editor.
        screen = ObservationScreen(self.services, self.walk_id, author_id, nudge=nudge_check,
                                   asker=self.asker, writer=self.writer, everyone=True)
        screen.header.set_corridor_after_last(self.protocol.corridor_after_last)
        return screen

    # Each page's screen module is imported when the page is built (see the docstring).
    def _plan_page(self) -> Page:
        from walkapp.ui.screens.plan.page import PlanPage

        return PlanPage(self.services, self.walk_id, writer=self.writer, asker=self.asker)

    def _step_guide(self, keys: tuple[str, ...],
                    panel: Callable[[Activity], Page | None], *,
                    roles: tuple[Role, ...] = (), more: MorePanels | None = None) -> StepGuide:
        from walkapp.ui.screens.step_guide import StepGuide

        return StepGuide(self.services, self.walk_id, keys, panel,  # type: ignore[arg-type]
                         writer=self.writer, roles=roles, more=more)

    def _post_guide(self, keys: tuple[str, ...]) -> Page:
        """The post-brief's guide: its step list reaches every post-brief panel, those no
        step shows (Conflicts…) under "More"."""
        from walkapp.ui.screens.postbrief.workspace import PANELS
        from walkapp.ui.screens.step_leads import MorePanels

        # A panel whose step the walk does not run (left out at planning) is under "More".
        chosen = plan_choices.read(self.services.walks.get_walk(self.walk_id).plan_choices)
        shown = {step.activity for phase, _, step in plan_choices.walk_steps(self.protocol,
                                                                             chosen)
                 if phase.key.value in keys}
        entries = tuple((spec.name, QCoreApplication.translate("PostBriefWorkspace",
                                                               spec.title))
                        for spec in PANELS if spec.activity not in shown)
        guide = self._step_guide(keys, self.post_panel,
                                 more=MorePanels(entries, self.postbrief))
        self.postbrief().title_changed.connect(guide.set_more_title)
        self.postbrief().panel_shown.connect(guide.panel_opened)
        for name, _title in entries:  # a count read before the guide was there
            guide.set_more_title(name, self.postbrief().tab_title(name))
        return self._led("post_brief", guide)

    def observation_panel(self, activity: Activity) -> Page | None:
        """The panel of an [observation] step other than the visits (e.g. a protocol's
        feedback form or a look at the norms between rooms)."""
        from walkapp.ui.screens.postbrief import PANEL_NAMES

        if activity.value not in PANEL_NAMES:
            return self.pre_panel(activity)
        # A widget sits in one page only: this page gets a post-brief workspace of its
        # own, made as the Post-brief page's is (that one stays cached for its page).
        kept, self._postbrief = self._postbrief, None
        try:
            return self.postbrief()
        finally:
            self._postbrief = kept

    def _observation_page(self) -> ObservationPage:
        from walkapp.ui.screens.observe_page import ObservationPage

        return ObservationPage(self.services, self.walk_id, self.observation_screen,
                               self.asker, panels=self.observation_panel,
                               writer=self.writer)

    def _led_observation(self) -> Page:
        page = self._observation_page()
        return self._led("observation", page.guide, page)

    def _reports_page(self) -> Page:
        from walkapp.ui.screens.reports_page import ReportsPage

        plan, walk_id, notes = self.plan_again, self.walk_id, self.services.notes
        return ReportsPage(self.export,
                           plan_again=(lambda: plan(walk_id)) if plan is not None else None,
                           has_notes=lambda: bool(notes.list_notes(walk_id)),
                           guide=self.guide)

    def specs(self, parent: QWidget | None) -> list[PageSpec]:
        from walkapp.ui.screens.workspace import PageSpec

        pages = [PageSpec("plan", Pages.tr("Plan"), self._plan_page,
                          Pages.tr("Title, date, focus, look-fors, norms, roster and route."))]
        pre = _phases(self.protocol, PRE_PHASES)
        if pre:
            pages.append(PageSpec("pre_brief", Pages.tr("Pre-brief"),
                                  lambda: self._led("pre_brief", self._step_guide(
                                      pre, self.pre_panel, roles=self.protocol.roles)),
                                  Pages.tr("The protocol's opening steps, each with a timer.")))
        observation = self.protocol.phase(PhaseKey.OBSERVATION)
        if observation is not None and observation.steps:
            about = (Pages.tr("The observation steps, visits with a countdown, and the note-taker.")
                     if self.protocol.has_visits else
                     Pages.tr("The observation steps, each with a timer."))
            pages.append(PageSpec("observation", Pages.tr("Observation"),
                                  self._led_observation,
                                  about))
        post = _phases(self.protocol, POST_PHASES)
        if post:
            pages.append(PageSpec("post_brief", Pages.tr("Post-brief"),
                                  lambda: self._post_guide(post),
                                  Pages.tr("Evidence, patterns, commitments and next steps.")))
        pages.append(PageSpec("reports", Pages.tr("Reports"), self._reports_page,
                              Pages.tr("Debrief report, agenda, note-catcher and more, as PDF.")))
        keys = [spec.key for spec in pages]
        self._next = {key: self._next_actions(keys, key) for key in keys
                      if key == "plan" or key in _LEADS_TO}
        # The plan is no step guide: the workspace shows its next action under it.
        return [PageSpec(spec.key, spec.label, spec.build, spec.hint, leads=self.leads,
                         next=self._next.get(spec.key, ()) if spec.key == "plan" else ())
                for spec in pages]

    def export(self, kind: ReportKind) -> None:
        from walkapp.ui.export import show_export_dialog

        self._export_dialog = show_export_dialog(None, self.services, self.walk_id, kind,
                                                 self.asker, self._review_held_back)

    def _review_held_back(self) -> None:
        """The export dialog's "Review them": the workspace shows the evidence wall."""
        from walkapp.ui.screens.step_leads import PANEL

        self.leads.requested.emit(PANEL + Activity.EVIDENCE_WALL.value)


def facilitator_pages(services: Services, walk_id: str, asker: Asker, parent: QWidget,
                      bridge: ChangeBridge | None = None,
                      library: ProtocolLibrary | None = None,
                      writer: Writer | None = None,
                      plan_again: Callable[[str], object] | None = None,
                      guide: ShowGuide | None = None) -> list[PageSpec]:
    # `bridge` is not connected to any page: the main window hands each change to the
    # workspace, which hands it down its tree of pages once (walkapp.ui.page).
    return _Pages(services, walk_id, asker, library, writer, plan_again,
                  guide).specs(parent)


def walker_pages(services: Services, walk_id: str, asker: Asker,
                 parent: QWidget | None, writer: Writer | None = None) -> list[PageSpec]:
    """On a walker's own laptop: one simple page with the walk, their notes, their
    reflections — nothing of other walkers."""
    from walkapp.ui.screens.walker_home import walker_home_for
    from walkapp.ui.screens.workspace import PageSpec
    from walkapp.ui.walker_mode import WALKER_PAGE

    return [PageSpec(WALKER_PAGE, Pages.tr("My walk"),
                     lambda: walker_home_for(services, walk_id, nudge=nudge_check,
                                             asker=asker, writer=writer),
                     Pages.tr("The walk's focus, norms and look-fors, and your own notes."))]


def walk_pages(services: Services, walk_id: str, asker: Asker, parent: QWidget,
               bridge: ChangeBridge, library: ProtocolLibrary | None = None,
               writer: Writer | None = None,
               plan_again: Callable[[str], object] | None = None,
               guide: ShowGuide | None = None) -> list[PageSpec]:
    """The pages for this laptop's role in the walk; `writer` is the window's one writer
    (every write of every page goes through it); `plan_again(walk_id)` the window's "Plan
    again…", offered at the end of the walk (its Reports page); `guide(section)` the
    window's guide, for the pages' "Learn more"."""
    from walkapp import domain as d

    walk = services.walks.get_walk(walk_id)
    if walk.local_mode is d.LocalMode.WALKER and walk.local_participant_id:
        return walker_pages(services, walk_id, asker, parent, writer)
    return facilitator_pages(services, walk_id, asker, parent, bridge, library, writer,
                             plan_again, guide)
