"""Which pages a walk's workspace has, and how each is built: the one place where screens
are wired to the services they need."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from walkapp import nudge
from walkapp.errors import NotFoundError
from walkapp.protocol.library import ProtocolLibrary
from walkapp.protocol.schema import Activity, PhaseKey, Protocol
from walkapp.reports import ReportKind
from walkapp.services import Services
from walkapp.services.protocol_walks import create_walk_from_protocol, walk_protocol
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Page
from walkapp.ui.screens.new_walk import NewWalkRequest, ProtocolChoice
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.screens.plan.details import WalkDetailsPanel
from walkapp.ui.screens.plan.lists import LookForsPanel, NormsPanel
from walkapp.ui.screens.plan.page import PlanPage
from walkapp.ui.screens.plan.review import ReviewPanel
from walkapp.ui.screens.plan.roster import RosterPanel
from walkapp.ui.screens.plan.route import RoutePanel
from walkapp.ui.screens.plan.stems import StemsPanel
from walkapp.ui.screens.postbrief import PANEL_NAMES, PostBriefWorkspace
from walkapp.ui.screens.reports_page import ReportsPage
from walkapp.ui.screens.step_guide import StepGuide
from walkapp.ui.screens.workspace import PageSpec
from walkapp.ui.writer import Writer

PRE_PHASES = (PhaseKey.OPENER, PhaseKey.PRE_BRIEF)
POST_PHASES = (PhaseKey.POST_BRIEF, PhaseKey.CLOSING)


def nudge_check(text: str, lang: str = "en") -> list[nudge.Flag]:
    return nudge.check(text, lang)


def protocol_choices(library: ProtocolLibrary) -> list[ProtocolChoice]:
    return [ProtocolChoice(e.protocol.id, e.protocol.title, e.protocol.summary,
                           tuple(s.key for s in e.protocol.look_for_sets),
                           e.protocol.visit_minutes) for e in library.entries]


def walk_creator(library: ProtocolLibrary) -> Callable[[Services, NewWalkRequest], str]:
    def create(services: Services, request: NewWalkRequest) -> str:
        try:
            protocol = library.get(request.protocol_id)
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
                 library: ProtocolLibrary | None, writer: Writer | None = None) -> None:
        self.services = services
        self.walk_id = walk_id
        self.asker = asker
        # The window's one writer, handed to every page (None: each page makes its own).
        self.writer = writer
        self.protocol = walk_protocol(services, walk_id, library)
        self._postbrief: PostBriefWorkspace | None = None

    def pre_panel(self, activity: Activity) -> Page | None:
        s, w, wr = self.services, self.walk_id, self.writer
        builders: dict[Activity, Callable[[], Page]] = {
            Activity.FOCUS: lambda: WalkDetailsPanel(s, w, focus_only=True, writer=wr),
            Activity.LOOK_FORS: lambda: LookForsPanel(s, w, writer=wr, asker=self.asker),
            Activity.NORMS: lambda: NormsPanel(s, w, writer=wr),
            Activity.ROSTER: lambda: RosterPanel(s, w, writer=wr),
            Activity.ROUTE: lambda: RoutePanel(s, w, writer=wr, asker=self.asker),
            Activity.REVIEW: lambda: ReviewPanel(s, w, writer=wr),
            Activity.STEMS: lambda: StemsPanel(self.protocol),
        }
        build = builders.get(activity)
        return build() if build is not None else None

    def postbrief(self) -> PostBriefWorkspace:
        if self._postbrief is None:
            self._postbrief = PostBriefWorkspace(self.services, self.walk_id, self.asker,
                                                 writer=self.writer)
            if self.protocol.feedback:
                # The form asks ratings and free text; other prompt kinds become text.
                self._postbrief.set_feedback_questions(
                    [(q.key, q.text, "rating" if q.kind.value == "rating" else "text")
                     for q in self.protocol.feedback])
        return self._postbrief

    def post_panel(self, activity: Activity) -> Page | None:
        if activity.value in PANEL_NAMES:
            return self.postbrief()
        return self.pre_panel(activity)

    def observation_screen(self, author_id: str) -> ObservationScreen:
        return ObservationScreen(self.services, self.walk_id, author_id, nudge=nudge_check,
                                 asker=self.asker, writer=self.writer)

    def specs(self, parent: QWidget | None) -> list[PageSpec]:
        tr = parent.tr if parent is not None else (lambda text: text)
        s, w, wr = self.services, self.walk_id, self.writer
        pages = [PageSpec("plan", tr("Plan"), lambda: PlanPage(s, w, writer=wr,
                                                                  asker=self.asker),
                          tr("Title, date, focus, look-fors, norms, roster and route."))]
        pre = _phases(self.protocol, PRE_PHASES)
        if pre:
            pages.append(PageSpec("pre_brief", tr("Pre-brief"),
                                  lambda: StepGuide(s, w, pre, self.pre_panel,  # type: ignore[arg-type]
                                                            writer=wr),
                                  tr("The protocol's opening steps, each with a timer.")))
        if self.protocol.has_visits:
            pages.append(PageSpec("observation", tr("Observation"),
                                  lambda: ObservationPage(s, w, self.observation_screen,
                                                          self.asker),
                                  tr("Visits with a countdown, and the note-taker.")))
        post = _phases(self.protocol, POST_PHASES)
        if post:
            pages.append(PageSpec("post_brief", tr("Post-brief"),
                                  lambda: StepGuide(s, w, post, self.post_panel,  # type: ignore[arg-type]
                                                            writer=wr),
                                  tr("Evidence, patterns, commitments and next steps.")))
        pages.append(PageSpec("reports", tr("Reports"), lambda: ReportsPage(self.export),
                              tr("Debrief report, agenda, note-catcher and more, as PDF.")))
        return pages

    def export(self, kind: ReportKind) -> None:
        from walkapp.ui.export import show_export_dialog

        self._export_dialog = show_export_dialog(None, self.services, self.walk_id, kind,
                                                 self.asker)


def facilitator_pages(services: Services, walk_id: str, asker: Asker, parent: QWidget,
                      bridge: ChangeBridge | None = None,
                      library: ProtocolLibrary | None = None,
                      writer: Writer | None = None) -> list[PageSpec]:
    # `bridge` is not connected to any page: the main window hands each change to the
    # workspace, which hands it down its tree of pages once (walkapp.ui.page).
    return _Pages(services, walk_id, asker, library, writer).specs(parent)


def walker_pages(services: Services, walk_id: str, asker: Asker,
                 parent: QWidget | None, writer: Writer | None = None) -> list[PageSpec]:
    """On a walker's own laptop: one simple page with the walk, their notes, their
    reflections — nothing of other walkers."""
    from walkapp.ui.screens.walker_home import walker_home_for

    tr = parent.tr if parent is not None else (lambda text: text)
    return [PageSpec("walker", tr("My walk"),
                     lambda: walker_home_for(services, walk_id, nudge=nudge_check,
                                             asker=asker, writer=writer),
                     tr("The walk's focus, norms and look-fors, and your own notes."))]


def walk_pages(services: Services, walk_id: str, asker: Asker, parent: QWidget,
               bridge: ChangeBridge, library: ProtocolLibrary | None = None,
               writer: Writer | None = None) -> list[PageSpec]:
    """The pages for this laptop's role in the walk; `writer` is the window's one writer
    (every write of every page goes through it)."""
    from walkapp import domain as d

    walk = services.walks.get_walk(walk_id)
    if walk.local_mode is d.LocalMode.WALKER and walk.local_participant_id:
        return walker_pages(services, walk_id, asker, parent, writer)
    return facilitator_pages(services, walk_id, asker, parent, bridge, library, writer)
