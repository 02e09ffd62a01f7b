"""The facilitator's Observation page: every step of the protocol's [observation] phase,
run one by one like the pre-brief's (a step list, timer, script and prompts: the step
guide), with the note-taker inside the visits step — for the facilitator's own notes or to
type up a paper walker's note-catcher (pick whom to write as). Beside the editor, every
walker's notes of the visit, with a filter by walker (walkapp.ui.screens.observation).

Steps written before the visits step in the file run before the rooms, steps after it run
after them. A protocol without a visits step gets the page all the same: its steps only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from walkapp import domain as d
from walkapp.events import Change, Entity
from walkapp.protocol.runner import Clock
from walkapp.protocol.schema import Activity, PhaseKey
from walkapp.services import Services
from walkapp.ui import turns
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Page
from walkapp.ui.screens.observation import ObservationScreen
from walkapp.ui.screens.step_guide import PanelFactory, StepGuide
from walkapp.ui.writer import Writer

ScreenFactory = Callable[[str], ObservationScreen]
# Above the note-taker the visits step's script and prompts scroll in this much height (or
# fold away): at 1024×640 the editor keeps most of the page.
VISITS_TEXT_HEIGHT = 110
STEP_LIST_WIDTH = (140, 180)  # narrowest, widest


class NoteTaker(QWidget, Page):
    """The visits step's panel: whose notes, and their note-taker.

    Signals: `screen_changed(ObservationScreen)` when another person's notes are shown."""

    screen_changed = Signal(object)

    def __init__(self, services: Services, walk_id: str, make_screen: ScreenFactory,
                 asker: Asker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.walk_id = walk_id
        self._make_screen = make_screen
        self._asker = asker
        self._closed = False
        # Not `screen`: that would hide QWidget.screen().
        self.observation: ObservationScreen | None = None
        self.screen_author: str | None = None  # whose notes `observation` takes

        self.author = QComboBox()
        self.author.setAccessibleName(self.tr("Whose notes these are"))
        self.author.setToolTip(self.tr(
            "Take your own notes, or type up a paper note-catcher for a walker."))
        self.author.activated.connect(self._author_chosen)
        self.empty = QLabel(self.tr("Add people to the roster (Plan → Roster and groups) "
                                    "to take notes."))
        self.empty.setObjectName("emptyState")
        top = QHBoxLayout()
        # The editor writes as this person (the facilitator, or a paper walker whose
        # note-catcher is typed up); the list beside it shows everyone's notes.
        top.addWidget(QLabel(self.tr("Write as")))
        top.addWidget(self.author)
        top.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(top)
        self._layout.addWidget(self.empty)
        self._fill_authors()

    def _fill_authors(self) -> None:
        walk = self._services.walks.get_walk(self.walk_id)
        current = self.author.currentData()
        self.author.clear()
        people = list(walk.facilitators) + list(walk.walkers)
        for person in people:
            role = self.tr("facilitator") if person.role is d.Role.FACILITATOR \
                else self.tr("walker")
            self.author.addItem(f"{person.display_name} ({role})", person.id)
        index = self.author.findData(current) if current else 0
        self.author.setCurrentIndex(max(0, index))
        self.empty.setVisible(not people)
        self.author.setEnabled(bool(people))
        if people and self.observation is None:
            self._show_screen(str(self.author.currentData()))

    def _show_screen(self, author_id: str) -> None:
        kept: tuple[str, bool] | None = None  # whose notes the list showed, names or not
        if self.observation is not None:
            if not self.observation.can_close():
                index = self.author.findData(self.screen_author)
                self.author.setCurrentIndex(index)
                return
            panel = self.observation.notes_panel
            kept = panel.shown(), panel.show_authors.isChecked()
            self._layout.removeWidget(self.observation)
            self.observation.shutdown()  # saved just now; its timers must not outlive it
            self.observation.deleteLater()
        self.observation = self._make_screen(author_id)
        self.screen_author = author_id
        if kept is not None:
            self.observation.notes_panel.set_filter(*kept)
        self._layout.addWidget(self.observation, 1)
        self.screen_changed.emit(self.observation)

    def show_author(self, author_id: str) -> bool:
        """Show `author_id`'s notes (a person on the roster); False if that cannot be."""
        index = self.author.findData(author_id)
        if self._closed or index < 0:
            return False
        self.author.setCurrentIndex(index)
        self._author_chosen(index)
        return self.screen_author == author_id

    def _author_chosen(self, index: int) -> None:
        if self._closed:
            return
        author_id = self.author.itemData(index)
        if author_id and author_id != self.screen_author:
            self._show_screen(str(author_id))

    def on_change(self, change: Change) -> None:
        if self._closed:
            return
        if change.walk_id == self.walk_id and change.entity is Entity.PARTICIPANT:
            self._fill_authors()
        if self.observation is not None:
            self.observation.on_change(change)

    def save_pending(self) -> bool:
        return self.observation.save_pending() if self.observation is not None else True

    def can_close(self) -> bool:
        return self.observation.can_close() if self.observation is not None else True

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.observation is not None:
            self.observation.shutdown()


class ObservationPage(QWidget, Page):
    """The [observation] phase's steps (`guide`), the note-taker (`notes`) inside the
    visits step. `panels` builds the panels of the phase's other steps' activities.

    Signals: `screen_changed(ObservationScreen)` when another person's notes are shown."""

    screen_changed = Signal(object)

    def __init__(self, services: Services, walk_id: str, make_screen: ScreenFactory,
                 asker: Asker, parent: QWidget | None = None, *,
                 panels: PanelFactory | None = None, writer: Writer | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.walk_id = walk_id
        self._services = services
        self._make_screen = make_screen
        self._asker = asker
        self._other_panels: PanelFactory = panels or (lambda _activity: None)
        self.notes: NoteTaker | None = None
        self._shut = False
        self.guide = StepGuide(services, walk_id, PhaseKey.OBSERVATION.value, self._panel,
                               clock=clock, writer=writer, text_height=VISITS_TEXT_HEIGHT,
                               foldable=True, sliced_start=True)
        # A narrower step list than the pre-brief's: the note-taker's visit header and
        # editor need the width at 1024 pixels (titles wrap).
        self.guide.steps.setMinimumWidth(STEP_LIST_WIDTH[0])
        self.guide.steps.setMaximumWidth(STEP_LIST_WIDTH[1])
        self.guide.splitter.setSizes([STEP_LIST_WIDTH[1], 10_000])
        steps = self.guide.runner.steps
        if len(steps) == 1 and steps[0].step.activity is Activity.VISITS:
            # The visits step alone (most protocols): its title and the visit timers say
            # it all; a list of one would only take the note-taker's width.
            side = self.guide.splitter.widget(0)
            if side is not None:
                side.hide()
        # The note-taker is built in a later turn than the page (the guide's body comes
        # in the next turns), so opening a big walk on this page is no single long turn.
        # Whichever step runs, it is built then; asked for sooner (the window puts back
        # whose notes and which visit were on show, walkapp.ui.resume), it is built at once.
        if self.guide.runner.protocol.has_visits:
            turns.later(self, self._build_notes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.guide)

    def _panel(self, activity: Activity) -> Page | None:
        if activity is not Activity.VISITS:
            return self._other_panels(activity)
        if self.notes is None:
            self.notes = NoteTaker(self._services, self.walk_id, self._make_screen,
                                   self._asker)
            self.notes.screen_changed.connect(self.screen_changed)
        return self.notes

    def _build_notes(self) -> None:
        self._notes_now()

    def _notes_now(self) -> NoteTaker | None:
        """The note-taker (None without a visits step), built now if not built yet."""
        if self.notes is None and not self._shut and self.guide.runner.protocol.has_visits:
            self.guide.panel_for(Activity.VISITS)
        return self.notes

    # -- the note-taker's parts, for the window (resume) and tests ---------------------------
    @property
    def observation(self) -> ObservationScreen | None:
        notes = self._notes_now()
        return notes.observation if notes is not None else None

    @property
    def screen_author(self) -> str | None:
        notes = self._notes_now()
        return notes.screen_author if notes is not None else None

    @property
    def author(self) -> QComboBox | None:
        notes = self._notes_now()
        return notes.author if notes is not None else None

    def show_author(self, author_id: str) -> bool:
        """Show `author_id`'s notes (a person on the roster); False if that cannot be."""
        notes = self._notes_now()
        return notes.show_author(author_id) if notes is not None else False

    # -- the page contract: the guide asks its steps' prompts and panels -------------------
    def on_change(self, change: Change) -> None:
        self.guide.on_change(change)

    def save_pending(self) -> bool:
        return self.guide.save_pending()

    def can_close(self) -> bool:
        return self.guide.can_close()

    def shutdown(self) -> None:
        self._shut = True  # nothing is built after this (a note-taker's turn still due)
        self.guide.shutdown()
