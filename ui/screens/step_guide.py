"""The step guide: runs one phase of the walk's protocol (pre-brief or post-brief) step by
step — the facilitator's script, a calm timer, the step's prompts, and the part of the app
the step uses (norms, look-fors, evidence wall…) right inside it.

The protocol runner (core) keeps the phase log; this screen only shows its state and sends
the facilitator's actions. After a crash the guide opens where the log says.

Any step of the list can be prepared (a click, or the arrow keys and Enter): its script,
prompts, planned minutes and panel show, its prompts can be answered, and the runner is
not touched — the step that runs, and its timer, go on (`PreviewBar` says so, with "Start
this step" and "Back to the running step"). A finished phase offers its next actions
(`set_next_actions`: "Go to Observation", "Export the debrief"…), never a dead end.
Panels of the guide's panel group that no step shows are listed under "More" at the end
of the same list (`more`), so the step list is the one way through the post-brief.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.events import Change
from walkapp.protocol.runner import (
    Clock,
    ProtocolRunner,
    RunnerState,
    RunStatus,
)
from walkapp.protocol.schema import Activity, Role
from walkapp.services import Services
from walkapp.services.base import current_reads
from walkapp.services.commands import RunnerVerb
from walkapp.services.protocol_walks import open_runner
from walkapp.ui import turns
from walkapp.ui.icons import icon
from walkapp.ui.lifecycle import shutdown_tree
from walkapp.ui.page import Page, PanelGroup, save_all
from walkapp.ui.screens.step_actions import StepActions
from walkapp.ui.screens.step_body import StepBody
from walkapp.ui.screens.step_leads import EndActions, MorePanels, PreviewBar
from walkapp.ui.screens.step_list import MARKS, StepList
from walkapp.ui.screens.step_prompts import SAVE_DELAY_MS, StepPrompts
from walkapp.ui.screens.step_turns import TurnsBar
from walkapp.ui.shortcut_keys import BACK_TO_RUNNING
from walkapp.ui.widgets.countdown import Countdown, format_seconds
from walkapp.ui.widgets.fit_sizes import QuietLabel
from walkapp.ui.widgets.page_scroll import CurrentStack
from walkapp.ui.widgets.role_scripts import RoleScripts
from walkapp.ui.widgets.roles_box import RolesBox
from walkapp.ui.writer import Writer

__all__ = ["SAVE_DELAY_MS", "PanelFactory", "StepGuide", "StepPrompts"]

# Builds the part of the app a step uses: a QWidget that keeps the page contract, or None.
PanelFactory = Callable[[Activity], Page | None]
# How tall the step's script and prompts may be above a panel, by default (they scroll).
TEXT_HEIGHT = 320


class _Body(CurrentStack):
    """The step's panel: at least 200 px tall, and never less than its panel needs (a
    fixed minimum would let a panel's rows be squeezed over each other, issue 18)."""

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(0, 200))


class StepGuide(StepActions, StepBody, QWidget, PanelGroup):
    """Signals: `next_action(key)` when one of the finished phase's next actions is chosen
    (a `NextAction.key`)."""

    next_action = Signal(str)

    def __init__(self, services: Services, walk_id: str, phase: str, panels: PanelFactory,
                 *, clock: Clock | None = None, runner: ProtocolRunner | None = None,
                 writer: Writer | None = None, text_height: int = TEXT_HEIGHT,
                 foldable: bool = False, roles: Sequence[Role] = (),
                 sliced_start: bool = False, more: MorePanels | None = None,
                 parent: QWidget | None = None) -> None:
        """`roles`: the protocol's roles, shown beside the steps (the pre-brief's guide
        names them, so the group can agree who takes which). `sliced_start`: the first
        step's body is built in the next turns too (see `_body_due`), as after a click, so
        that the turn that shows the guide stays short (the Observation page's note-taker
        is a large body). `more`: the panels no step shows, listed after the steps."""
        super().__init__(parent)
        self._services = services
        # Above a panel the step's words scroll inside this height: the note-taker of the
        # Observation page needs the room more than the pre-brief's norms do.
        self._text_height = text_height
        self._foldable = foldable  # offer to fold the step's words away above a panel
        # The window's one writer (a guide built alone makes its own).
        self.writer = writer if writer is not None else Writer(services, self)
        self._acting = False  # a runner action of this guide is in the writer's line
        self.walk_id = walk_id
        self.phase = phase
        self._panels = panels
        # The services' "now" by default (the wall clock in the app; tests move it), so
        # the timer of a step reopened after a restart counts from the phase log.
        self.runner = runner or open_runner(services, walk_id, phase=phase,
                                            clock=clock or services.runs.clock)
        self._panel_cache: dict[Activity, Page | None] = {}
        # Made inside an open walk's `same_reads()` (its workspace keeps the walk it read
        # until something changes): a step's panel built in a later turn (the next step's,
        # ahead) reads the walk from there too, not once more from the database.
        self._reads = current_reads()
        self._prompt_cache: dict[str, StepPrompts] = {}
        # The "More" panel group, once shown (usually one of the step panels too).
        self._more_groups: dict[int, Page] = {}
        self._shown_position = -1
        # After a runner action the new step's body (its prompts, then its panel) is built
        # in later turns of the event loop, one part a turn, so that no single turn of the
        # GUI thread builds it all: the position still to show, None when all is shown.
        self._body_due: int | None = None
        # The step being prepared (a click in the list), None: the runner's step is shown.
        self._viewing: int | None = None
        self._more = more
        self._more_shown: str | None = None  # the "More" panel on show, by name
        self._closed = False

        self.steps = StepList()
        self.steps.step_chosen.connect(self.prepare)
        self.steps.more_chosen.connect(self.show_more)
        self.steps.escaped.connect(self._escaped)

        self.where = QLabel()
        self.where.setObjectName("subtitle")
        self.title = QLabel()
        self.title.setObjectName("stepTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        # The phase's summary from the protocol (what the phase is for), above each of its
        # steps' scripts: the facilitator's own words, in the scrolling part.
        self.phase_summary = QLabel()
        self.phase_summary.setObjectName("phaseSummary")
        self.phase_summary.setWordWrap(True)
        self.phase_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.phase_summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        summary_font = self.phase_summary.font()
        summary_font.setItalic(True)
        self.phase_summary.setFont(summary_font)
        self.phase_summary.hide()
        self.script = QLabel()
        self.script.setObjectName("script")
        self.script.setWordWrap(True)
        self.script.setTextFormat(Qt.TextFormat.PlainText)
        self.script.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What each role does in the step shown (the facilitator sees every role's part).
        self.role_scripts = RoleScripts(self.runner.protocol)
        self.timer = Countdown(self.tr("Time for this step"))
        self.timer.setMinimumWidth(230)
        # A 0-minute step has no countdown (protocols/README.md): this says so instead.
        self.untimed = QLabel(self.tr("No set time for this step"))
        self.untimed.setObjectName("subtitle")
        self.untimed.hide()
        self.total = QLabel()
        self.total.setObjectName("subtitle")
        # A step with turns (version 2): "Turn 2 of 3 — Ben", its own timer, Next turn.
        self.turns_bar = TurnsBar([p.display_name for p in
                                   services.walks.get_walk(walk_id).walkers], self)
        # Above a panel, the step's words can be folded away and back (they stay folded
        # from step to step: it is the facilitator's choice of room, not the step's).
        self.words_toggle = QToolButton()
        self.words_toggle.setCheckable(True)
        self.words_toggle.setChecked(True)
        self.words_toggle.setAutoRaise(True)
        self.words_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.words_toggle.setAccessibleName(self.tr("Show or hide the step's script"))
        self.words_toggle.toggled.connect(self._words_toggled)
        self.words_toggle.hide()

        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.setAccessibleName(self.tr("Start or pause the step"))
        self.start_button.clicked.connect(self._start_or_pause)
        self.more_button = QPushButton(self.tr("+1 min"))
        self.more_button.setAccessibleName(self.tr("Give this step one more minute"))
        self.more_button.clicked.connect(lambda: self._act("extend", 1))
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Previous step"))
        self.back_button.clicked.connect(lambda: self._act("back"))
        self.skip_button = QPushButton(self.tr("S&kip"))
        self.skip_button.setAccessibleName(self.tr("Skip this step"))
        self.skip_button.clicked.connect(lambda: self._act("skip"))
        self.next_button = QPushButton(self.tr("&Next step"))
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(lambda: self._act("next"))
        self.message = QuietLabel()
        self.message.hide()
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setAccessibleName(self.tr("Try the step's action again"))
        self.retry_button.clicked.connect(self._retry)
        self.retry_button.hide()
        self._failed_action: tuple[RunnerVerb, int, int] | None = None
        self.preview = PreviewBar()
        self.preview.start_requested.connect(self._start_viewed)
        self.preview.back_requested.connect(self.follow_runner)
        # Escape, while a step is prepared, goes back to the running one (only then: an
        # editor's own Escape, e.g. a statement being edited, is left alone otherwise).
        self._escape = QShortcut(QKeySequence(BACK_TO_RUNNING.keys[0]), self)
        self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._escape.setEnabled(False)
        self._escape.activated.connect(self.follow_runner)
        self.preview.back_button.setToolTip(self.tr("Esc"))
        self.end_actions = EndActions()
        self.end_actions.chosen.connect(self.next_action)
        self.end_actions.hide()
        self.writer.waiting_changed.connect(self._on_waiting)

        self.body = _Body()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._content = QWidget()
        self._content_layout = QVBoxLayout(self._content)
        self._content_layout.setContentsMargins(0, 0, 0, 0)
        self._content_layout.addWidget(self.phase_summary)
        self._content_layout.addWidget(self.script)
        self._content_layout.addWidget(self.role_scripts)
        # A finished phase's next actions, right under the words that say it is finished.
        self._content_layout.addWidget(self.end_actions)
        self._prompt_holder = QWidget()
        self._prompt_layout = QVBoxLayout(self._prompt_holder)
        self._prompt_layout.setContentsMargins(0, 0, 0, 0)
        self._content_layout.addWidget(self._prompt_holder)
        self._content_layout.addStretch(1)
        scroll.setWidget(self._content)
        self._scroll = scroll

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.where)
        titles.addWidget(self.title)
        titles.addWidget(self.words_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        head.addLayout(titles, 1)
        head.addWidget(self.timer)
        head.addWidget(self.untimed, 0, Qt.AlignmentFlag.AlignTop)
        controls = QHBoxLayout()
        controls.addWidget(self.back_button)
        controls.addWidget(self.start_button)
        controls.addWidget(self.more_button)
        controls.addStretch(1)
        controls.addWidget(self.total)
        controls.addSpacing(12)
        controls.addWidget(self.skip_button)
        controls.addWidget(self.next_button)
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(8, 0, 0, 0)
        main_layout.addLayout(head)
        main_layout.addWidget(self.turns_bar)
        main_layout.addWidget(scroll)
        main_layout.addWidget(self.body, 1)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.retry_button)
        main_layout.addLayout(message_row)
        main_layout.addWidget(self.preview)
        main_layout.addLayout(controls)
        self._controls = (self.back_button, self.start_button, self.more_button, self.total,
                          self.skip_button, self.next_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.steps, 1)
        self.roles_box = RolesBox(roles, self.tr("Roles"), stacked=True)
        self.role_labels = self.roles_box.labels
        # Many roles, or long descriptions, scroll: the steps list keeps its room.
        roles_scroll = QScrollArea()
        roles_scroll.setWidgetResizable(True)
        roles_scroll.setFrameShape(QFrame.Shape.NoFrame)
        roles_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        roles_scroll.setWidget(self.roles_box)
        roles_scroll.setMaximumHeight(280)
        roles_scroll.setVisible(bool(roles))
        side_layout.addWidget(roles_scroll)
        side.setMaximumWidth(self.steps.maximumWidth())
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(main)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # The side at its widest, the step's words the rest. (Left to its size hint, the
        # splitter gave the side the width its roles' wrapped words would like, far past
        # the side's maximum: a gap as wide as the side opened between it and the words,
        # and the words were squeezed into what was left.)
        splitter.setSizes([side.maximumWidth(), 10_000])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        # A page shown by a next action: Start (see focusInEvent). Not a focus proxy: Tab
        # stopped at the guide and jumped to its proxy, past the step list, and could not
        # get past a hidden proxy (Start, while a step is prepared) at all.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fill_steps()
        self.show_state(self.runner.refresh(), sliced=sliced_start)
        turns.later(self, self._prepare_next)  # see _show_panel_due

    def focusInEvent(self, event: QFocusEvent) -> None:
        """The guide itself was given the focus (a next action opened its page): the
        button that runs the step on show takes it, else the list of steps."""
        super().focusInEvent(event)
        preparing = self._viewing is not None or self._more_shown is not None
        for target in (self.preview.back_button if preparing else self.start_button,
                       self.steps):
            if target.isVisible() and target.isEnabled():
                target.setFocus(event.reason())
                return

    # -- drawing ---------------------------------------------------------------------------
    def _step_text(self, position: int, mark: str = "") -> str:
        planned = self.runner.steps[position]
        # With the minutes "+1 min" gave it: the list says what the timer says.
        minutes = self.runner.planned_seconds_at(position) // 60
        return self.tr("{0}{1}\n{2} min").format(mark, planned.step.title, minutes)

    def _fill_steps(self) -> None:
        self.steps.fill([self._step_text(p) for p in range(len(self.runner.steps))],
                        self._more.entries if self._more is not None else ())

    def more_names(self) -> list[str]:
        """The names of the panels listed under "More", in the list's order."""
        return [name for name, _title in self._more.entries] if self._more is not None else []

    def more_item(self, name: str) -> QListWidgetItem | None:
        """The "More" entry of panel `name` in the step list."""
        return self.steps.more_item(name)

    def set_more_title(self, name: str, title: str) -> None:
        """A "More" entry's words changed (e.g. "Conflicts (3)")."""
        self.steps.set_more_title(name, title)

    def _mark_steps(self, state: RunnerState) -> None:
        # From the log the runner read with its last action: no read on the GUI thread.
        outcomes = self.runner.outcomes()
        changed = False
        for position in range(len(self.runner.steps)):
            mark = MARKS.get(outcomes.get(position, ""), "")
            if position == state.position and not state.finished:
                mark = "▶ " if state.status is RunStatus.RUNNING else (mark or "• ")
            changed |= self.steps.set_step(position, self._step_text(position, mark),
                                           bold=position == state.position)
        if changed:
            self.steps.fit_rows()  # a mark or a bold title can take one more line
        self.steps.show_row(self._shown_step(), self._more_shown)

    def _shown_step(self) -> int:
        """The position on screen: the step being prepared, or the runner's."""
        return self._viewing if self._viewing is not None else self.runner.state().position

    def viewing(self) -> int | None:
        """The position of the step being prepared (None: the runner's step is shown)."""
        return self._viewing

    def show_state(self, state: RunnerState, *, sliced: bool = False) -> None:
        """Show `state`; `sliced` (the result of a click): a new step's body is built in
        the next turns of the event loop, see `_body_due`."""
        if self._viewing == state.position and not state.finished:
            self._viewing = None  # the runner is on the step being prepared: it is shown
        if self._more_shown is not None:
            self._show_more_words(self._more_shown, state)
        elif self._viewing is not None:
            self._show_words(self._viewing, state)
        else:
            self.where.setText(self.tr("{0} · step {1} of {2}").format(
                state.phase_title, state.position + 1, state.total_steps))
            self.title.setText(state.step_title if not state.finished else
                               self.tr("{0} finished").format(state.phase_title))
            self.phase_summary.setText(state.phase_summary)
            self.phase_summary.setVisible(bool(state.phase_summary) and not state.finished)
            self.script.setText(state.script if not state.finished else self.tr(
                "Every step of this phase has been run. Choose what comes next below; "
                "Back reopens the last step."))
        if self._more_shown is None:
            self._show_body_of(self._shown_step(), sliced=sliced)
        running = state.status is RunStatus.RUNNING
        # A finished phase has no step's time to show (the phase's total is below).
        timed = state.planned_seconds > 0 and not state.finished
        self.timer.set_planned(state.planned_seconds, reset=False)
        self.timer.set_elapsed(state.elapsed_seconds)
        if running and not self.timer.is_running():
            self.timer.start()
        elif not running and self.timer.is_running():
            self.timer.pause()
            self.timer.set_elapsed(state.elapsed_seconds)
        self.start_button.setText(
            self.tr("&Pause") if running else
            self.tr("&Resume") if state.status is RunStatus.PAUSED else self.tr("&Start"))
        self.start_button.setIcon(icon("pause" if running else "play"))
        self.start_button.setEnabled(state.can_start or state.can_pause or state.can_resume)
        self.more_button.setEnabled(state.can_extend)
        self.back_button.setEnabled(state.can_back)
        self.skip_button.setEnabled(state.can_skip and not state.is_last_step)
        self.next_button.setEnabled(state.can_next)
        self.next_button.setText(self.tr("&Finish") if state.is_last_step
                                 else self.tr("&Next step"))
        self.total.setText(self.tr("Phase: {0} of {1} planned").format(
            format_seconds(state.total_elapsed_seconds),
            format_seconds(state.total_planned_seconds)))
        preparing = self._viewing is not None or self._more_shown is not None
        # While a step is prepared, the runner's buttons would act on another step than
        # the one on screen: the bar's two buttons stand in for them.
        for control in self._controls:
            control.setVisible(not preparing)
        self._escape.setEnabled(preparing)
        self.timer.setVisible(timed and not preparing)
        self.untimed.setVisible((not timed and not state.finished) or preparing)
        ending = state.finished and not preparing and bool(self.end_actions.next_actions)
        if ending != self.end_actions.isVisibleTo(self):
            self.end_actions.setVisible(ending)
            if self.body_is_shown():
                self._fit_words(not self.body.isHidden())  # room for the buttons
        if preparing:
            self.preview.start_button.setEnabled(not self._acting)
            self._show_preview_bar(state)
        else:
            self.preview.hide()
            self.untimed.setText(self.tr("No set time for this step"))
        self._mark_steps(state)
        self.follow_turns(state)

    def follow_turns(self, state: RunnerState) -> None:
        """The turns of the step on screen, if it has any (every tick too)."""
        if self._more_shown is not None or state.finished:
            self.turns_bar.follow(None, 0, running=False)
        elif self._viewing is not None:
            self.turns_bar.follow(self.runner.steps[self._viewing].step, 0, running=False)
        else:
            self.turns_bar.follow(state.step, state.elapsed_seconds,
                                  running=state.status is RunStatus.RUNNING)

    def _show_words(self, position: int, state: RunnerState) -> None:
        """The words of a step being prepared: its script, its planned minutes."""
        planned = self.runner.steps[position]
        self.where.setText(self.tr("{0} · step {1} of {2} · preparing").format(
            planned.phase.title, position + 1, state.total_steps))
        self.title.setText(planned.step.title)
        self.phase_summary.setText(planned.phase.summary)
        self.phase_summary.setVisible(bool(planned.phase.summary))
        self.script.setText(planned.step.script)
        seconds = self.runner.planned_seconds_at(position)
        self.untimed.setText(self.tr("{0} min planned").format(seconds // 60)
                             if seconds > 0 else self.tr("No set time for this step"))

    def _show_more_words(self, name: str, state: RunnerState) -> None:
        item = self.more_item(name)
        title = item.text() if item is not None else name
        self.where.setText(self.tr("{0} · more").format(state.phase_title))
        self.title.setText(title)
        self.phase_summary.hide()
        self.script.setText(self.tr("Not a step of the protocol: open it whenever the group "
                                    "needs it."))
        self.untimed.setText(self.tr("No set time"))

    def _show_more_body(self, name: str) -> None:
        assert self._more is not None
        self._shown_position = -1  # a step picked after this shows its own body again
        self._body_due = None
        self.role_scripts.show_step(None)
        while self._prompt_layout.count():
            taken = self._prompt_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
        group = self._more.group()
        assert isinstance(group, QWidget)
        self._more_groups[id(group)] = group
        self.words_toggle.hide()
        self._set_words_shown(True)
        self._fit_words(True)
        if self.body.indexOf(group) < 0:
            self.body.addWidget(group)
        self.body.setCurrentWidget(group)
        self.body.show()
        group.show_panel(name)

    def show_more(self, name: str) -> None:
        """Show the "More" panel `name` (nothing is sent to the runner)."""
        if self._closed or self._more is None or name not in dict(self._more.entries):
            return
        self._viewing = None
        self._more_shown = name
        self.show_state(self.runner.state())  # its words first: the body fits under them
        self._show_more_body(name)

    def more_shown(self) -> str | None:
        return self._more_shown

    def panel_opened(self, name: str) -> None:
        """The panel group brought panel `name` to the front by itself (a card's "2
        versions" opens Conflicts): the list and the words follow a "More" one."""
        if self._more is None or self._closed:
            return
        if name in dict(self._more.entries):
            if self._more_shown != name:
                self.show_more(name)
            return
        if self._more_shown is not None:
            # A step's panel came to the front while a "More" one was on show: the list
            # and the words go back to the step on show; the panel in front stays.
            self._more_shown = None
            self._shown_position = self._shown_step()
            self._show_prompts(self.runner.steps[self._shown_position].step)
            self.show_state(self.runner.state())

    def show_panel(self, name: str) -> bool:
        """Show the part called `name` (the header's conflicts mark asks for "conflicts"):
        a "More" panel, or the first step whose activity it is, prepared. False when the
        guide has no such part."""
        if self._more is not None and name in dict(self._more.entries):
            self.show_more(name)
            return True
        position = next((i for i, planned in enumerate(self.runner.steps)
                         if planned.step.activity.value == name), None)
        if position is None:
            return False
        self.prepare(position)
        return True

    def _show_preview_bar(self, state: RunnerState) -> None:
        if state.status in (RunStatus.RUNNING, RunStatus.PAUSED):
            what = (self.tr("{0} is running, {1} left.") if state.remaining_seconds >= 0
                    else self.tr("{0} is running, {1} over time."))
            if state.status is RunStatus.PAUSED:
                what = self.tr("{0} is paused, {1} left.")
            running = what.format(state.step_title, format_seconds(abs(state.remaining_seconds)))
            back = self.tr("Back to the running step")
        elif state.finished:
            running = self.tr("{0} is finished.").format(state.phase_title)
            back = self.tr("Back to the end of the phase")
        else:
            running = self.tr("Nothing is running yet; the first step to run is {0}.").format(
                state.step_title)
            back = self.tr("Back to {0}").format(state.step_title)
        if self._more_shown is not None:
            self.preview.show_text(running, back, can_start=False)
            return
        self.preview.show_text(self.tr(
            "You are preparing this step; its timer has not started. {0}").format(running),
            back)

    # -- on change, saving, closing ------------------------------------------------------
    def on_change(self, change: Change) -> None:
        if self._closed:
            return
        for child in self._children():
            child.on_change(change)

    def save_pending(self) -> bool:
        """Save the prompts and panels of every step shown so far; True only when all
        that was typed in them is in the database. Runner actions still in the line land
        first (bounded wait); one that failed and was not retried counts as not saved,
        like typed text."""
        landed = self.writer.flush() and self._failed_action is None
        return save_all(self._children()) and landed

    def can_close(self) -> bool:
        return all(child.can_close() for child in self._children())

    def shutdown(self) -> None:
        """The walk is closing: save what was typed, stop every timer, and ignore
        changes from now on (the step's panels and prompts stop too)."""
        if self._closed:
            return
        self._closed = True
        self._ticker.stop()
        self.timer.shutdown()
        self.turns_bar.shutdown()
        for child in self._children():
            assert isinstance(child, QWidget)
            shutdown_tree(child)
