"""The step guide: runs one phase of the walk's protocol (pre-brief or post-brief) step by
step — the facilitator's script, a calm timer, the step's prompts, and the part of the app
the step uses (norms, look-fors, evidence wall…) right inside it.

The protocol runner (core) keeps the phase log; this screen only shows its state and sends
the facilitator's actions. After a crash the guide opens where the log says.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.events import Change
from walkapp.protocol.runner import (
    Clock,
    ProtocolRunner,
    RunnerError,
    RunnerState,
    RunStatus,
)
from walkapp.protocol.schema import Activity, Role
from walkapp.services import Services
from walkapp.services.base import current_reads, same_reads
from walkapp.services.commands import RunnerAction, RunnerVerb
from walkapp.services.protocol_walks import open_runner
from walkapp.ui import turns
from walkapp.ui.lifecycle import shutdown_tree
from walkapp.ui.page import Page, PanelGroup, save_all, unique
from walkapp.ui.screens.step_prompts import SAVE_DELAY_MS, StepPrompts
from walkapp.ui.widgets.countdown import Countdown, format_seconds
from walkapp.ui.widgets.roles_box import RolesBox
from walkapp.ui.writer import Writer, asked_by, describe_failure

__all__ = ["SAVE_DELAY_MS", "PanelFactory", "StepGuide", "StepPrompts"]

# Builds the part of the app a step uses: a QWidget that keeps the page contract, or None.
PanelFactory = Callable[[Activity], Page | None]
# How tall the step's script and prompts may be above a panel, by default (they scroll).
TEXT_HEIGHT = 320


class StepGuide(QWidget, Page):
    def __init__(self, services: Services, walk_id: str, phase: str, panels: PanelFactory,
                 *, clock: Clock | None = None, runner: ProtocolRunner | None = None,
                 writer: Writer | None = None, text_height: int = TEXT_HEIGHT,
                 foldable: bool = False, roles: Sequence[Role] = (),
                 sliced_start: bool = False, parent: QWidget | None = None) -> None:
        """`roles`: the protocol's roles, shown beside the steps (the pre-brief's guide
        names them, so the group can agree who takes which). `sliced_start`: the first
        step's body is built in the next turns too (see `_body_due`), as after a click, so
        that the turn that shows the guide stays short (the Observation page's note-taker
        is a large body)."""
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
        self._shown_position = -1
        # After a runner action the new step's body (its prompts, then its panel) is built
        # in later turns of the event loop, one part a turn, so that no single turn of the
        # GUI thread builds it all: the state still to show, None when all is shown.
        self._body_due: RunnerState | None = None
        self._closed = False

        self.steps = QListWidget()
        self.steps.setAccessibleName(self.tr("Steps of this phase"))
        self.steps.setObjectName("stepList")
        self.steps.setMinimumWidth(200)
        self.steps.setMaximumWidth(260)
        self.steps.setWordWrap(True)
        self.steps.itemActivated.connect(self._step_clicked)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)

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
        self.timer = Countdown(self.tr("Time for this step"))
        self.timer.setMinimumWidth(230)
        # A 0-minute step has no countdown (protocols/README.md): this says so instead.
        self.untimed = QLabel(self.tr("No set time for this step"))
        self.untimed.setObjectName("subtitle")
        self.untimed.hide()
        self.total = QLabel()
        self.total.setObjectName("subtitle")
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
        self.message = QLabel("")
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setAccessibleName(self.tr("Try the step's action again"))
        self.retry_button.clicked.connect(self._retry)
        self.retry_button.hide()
        self._failed_action: tuple[RunnerVerb, int] | None = None
        self.writer.waiting_changed.connect(self._on_waiting)

        self.body = QStackedWidget()
        self.body.setMinimumHeight(200)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._content = QWidget()
        self._content_layout = QVBoxLayout(self._content)
        self._content_layout.setContentsMargins(0, 0, 0, 0)
        self._content_layout.addWidget(self.phase_summary)
        self._content_layout.addWidget(self.script)
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
        main_layout.addWidget(scroll)
        main_layout.addWidget(self.body, 1)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.retry_button)
        main_layout.addLayout(message_row)
        main_layout.addLayout(controls)
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
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._fill_steps()
        self.show_state(self.runner.refresh(), sliced=sliced_start)
        turns.later(self, self._prepare_next)  # see _show_panel_due

    # -- drawing ---------------------------------------------------------------------------
    def _fill_steps(self) -> None:
        self.steps.clear()
        for planned in self.runner.steps:
            minutes = planned.planned_seconds // 60
            item = QListWidgetItem(f"{planned.step.title}\n{minutes} min")
            self.steps.addItem(item)

    def _mark_steps(self, state: RunnerState) -> None:
        # From the log the runner read with its last action: no read on the GUI thread.
        outcomes = self.runner.outcomes()
        marks = {"done": "✓ ", "skipped": "↷ ", "running": "▶ ", "paused": "❚❚ "}
        for position, planned in enumerate(self.runner.steps):
            item = self.steps.item(position)
            mark = marks.get(outcomes.get(position, ""), "")
            if position == state.position and not state.finished:
                mark = "▶ " if state.status is RunStatus.RUNNING else (mark or "• ")
            minutes = planned.planned_seconds // 60
            item.setText(f"{mark}{planned.step.title}\n{minutes} min")
            font = item.font()
            font.setBold(position == state.position)
            item.setFont(font)
        self.steps.setCurrentRow(state.position)

    def show_state(self, state: RunnerState, *, sliced: bool = False) -> None:
        """Show `state`; `sliced` (the result of a click): a new step's body is built in
        the next turns of the event loop, see `_body_due`."""
        self.where.setText(self.tr("{0} · step {1} of {2}").format(
            state.phase_title, state.position + 1, state.total_steps))
        self.title.setText(state.step_title if not state.finished else
                           self.tr("{0} finished").format(state.phase_title))
        self.phase_summary.setText(state.phase_summary)
        self.phase_summary.setVisible(bool(state.phase_summary) and not state.finished)
        self.script.setText(state.script if not state.finished else self.tr(
            "Every step of this phase has been run. Use Back to return to a step."))
        if state.position != self._shown_position:
            if sliced or self._body_due is not None:
                self._shown_position = state.position
                if self._body_due is None:
                    turns.later(self, self._show_prompts_due)
                self._body_due = state
            else:
                self._show_body(state)
        running = state.status is RunStatus.RUNNING
        timed = state.planned_seconds > 0 or state.finished
        self.timer.setVisible(timed)
        self.untimed.setVisible(not timed)
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
        self._mark_steps(state)

    def _show_prompts_due(self) -> None:
        state = self._body_due
        if state is None or self._closed:
            self._body_due = None
            return
        self._show_prompts(state)
        turns.later(self, self._show_panel_due)

    def _show_panel_due(self) -> None:
        state, self._body_due = self._body_due, None
        if state is None or self._closed:
            return
        if state.position != self._shown_position:
            return  # moved on meanwhile: that newer state's turn shows its body
        self._show_panel(state)
        # The next step's panel is built now, in a turn of its own while the facilitator
        # talks, rather than in the turn that shows it after Next.
        turns.later(self, self._prepare_next)

    def _prepare_next(self) -> None:
        if self._closed or self._body_due is not None:
            return
        position = self.runner.state().position + 1
        if position < len(self.runner.steps):
            activity = self.runner.steps[position].step.activity
            panel = self._panel_for(activity)
            if isinstance(panel, PanelGroup):
                panel.prepare_panel(activity.value)  # the post-brief builds its tab now

    def body_is_shown(self) -> bool:
        """Is the current step's body (prompts and panel) all on screen?"""
        return self._body_due is None

    def _show_body(self, state: RunnerState) -> None:
        self._shown_position = state.position
        self._show_prompts(state)
        self._show_panel(state)

    def _show_prompts(self, state: RunnerState) -> None:
        while self._prompt_layout.count():
            item = self._prompt_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
        if state.step.prompts:
            prompts = self._prompt_cache.get(state.step_key)
            if prompts is None:
                prompts = StepPrompts(self._services, self.walk_id, state.step,
                                      writer=self.writer)
                prompts.setObjectName(state.step_key)
                self._prompt_cache[state.step_key] = prompts
            self._prompt_layout.addWidget(prompts)
            prompts.show()

    def _show_panel(self, state: RunnerState) -> None:
        panel = self._panel_for(state.activity)
        has_words = bool(state.script or state.step.prompts)
        self.words_toggle.setVisible(self._foldable and panel is not None and has_words)
        self._set_words_shown(panel is None or not self._foldable
                              or self.words_toggle.isChecked())
        if panel is None:
            self._scroll.setMaximumHeight(16777215)
            self._scroll.setMinimumHeight(0)
        else:
            # Script and prompts take the room they need (up to a limit); the panel the rest.
            width = max(self._scroll.viewport().width(), 600)
            layout = self._content.layout()
            wanted = (layout.heightForWidth(width) if layout is not None
                      and layout.hasHeightForWidth()
                      else self._content.sizeHint().height()) + 6
            self._scroll.setFixedHeight(min(wanted, self._text_height))
        if panel is None:
            self.body.hide()
        else:
            assert isinstance(panel, QWidget)
            if self.body.indexOf(panel) < 0:
                self.body.addWidget(panel)
            self.body.setCurrentWidget(panel)
            self.body.show()
            # A panel holding several parts (the post-brief workspace) shows the step's one.
            if isinstance(panel, PanelGroup):
                panel.show_panel(state.activity.value)

    def _words_toggled(self, shown: bool) -> None:
        self._set_words_shown(shown)

    def _set_words_shown(self, shown: bool) -> None:
        self._scroll.setVisible(shown)
        self.words_toggle.setText(self.tr("Hide the script") if shown
                                  else self.tr("Show the script"))
        self.words_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                       else Qt.ArrowType.RightArrow)

    def panel_for(self, activity: Activity) -> Page | None:
        """The panel `activity`'s steps show (built now, once, if need be)."""
        return self._panel_for(activity)

    def _panel_for(self, activity: Activity) -> Page | None:
        if activity not in self._panel_cache:
            with same_reads(self._reads):
                panel = self._panels(activity)
            if panel is not None and not isinstance(panel, QWidget):
                raise TypeError(f"the panel for {activity.value!r} is not a widget")
            self._panel_cache[activity] = panel
        return self._panel_cache[activity]

    def current_panel(self) -> QWidget | None:
        return self.body.currentWidget() if self.body.isVisible() else None

    def _children(self) -> list[Page]:
        """The step bodies this guide made, each once (several post-brief steps share one
        workspace: it must hear each change once, not once per step)."""
        return unique([*self._prompt_cache.values(), *self._panel_cache.values()])

    # -- actions ---------------------------------------------------------------------------
    def _act(self, verb: RunnerVerb, minutes: int = 0) -> None:
        """Send one runner action to the writer; the screen follows its result. The
        buttons wait while it is in the line: a second Next must not skip two steps."""
        if self._closed or self._acting:
            return
        for prompts in self._prompt_cache.values():
            prompts.commit_now()  # the answers typed land first: the writer keeps the order
        self._acting = True
        self._failed_action = None
        self.retry_button.hide()
        self._set_controls_enabled(False)
        self.writer.write(RunnerAction(self.runner, verb, minutes), origin=self,
                          on_done=self._acted,
                          on_failed=lambda error: self._not_acted(verb, minutes, error))

    def is_acting(self) -> bool:
        """Is a runner action of this guide waiting for (or in) the database, or is its
        result not all on screen yet (the new step's body is built in later turns)?"""
        return self._acting or self._body_due is not None

    def _acted(self, state: object) -> None:
        self._acting = False
        if self._closed:
            return
        assert isinstance(state, RunnerState)
        self._failed_action = None
        self.retry_button.hide()
        self.message.setText("")
        self.show_state(state, sliced=True)

    def _not_acted(self, verb: RunnerVerb, minutes: int, error: BaseException) -> None:
        self._acting = False
        if self._closed:
            return
        self.message.setText(describe_failure(error))
        # An action that no longer fits (the walk moved on elsewhere) is not worth retrying;
        # one the database refused (busy, full disk) is.
        if not isinstance(error, RunnerError):
            self._failed_action = (verb, minutes)
            self.retry_button.show()
        self.show_state(self.runner.refresh())

    def _retry(self) -> None:
        if self._failed_action is not None:
            self._act(*self._failed_action)

    def _on_waiting(self, ticket: object, waiting: bool) -> None:
        if not asked_by(ticket, self) or self._closed:
            return
        if waiting:
            self.message.setText(self.tr("Waiting for the database…"))
        elif self.message.text() == self.tr("Waiting for the database…"):
            self.message.setText("")

    def _set_controls_enabled(self, enabled: bool) -> None:
        for button in (self.start_button, self.more_button, self.back_button,
                       self.skip_button, self.next_button):
            button.setEnabled(enabled)

    def _start_or_pause(self) -> None:
        state = self.runner.state()
        if state.can_pause:
            self._act("pause")
        elif state.can_resume:
            self._act("resume")
        else:
            self._act("start")

    def _step_clicked(self, item: QListWidgetItem) -> None:
        # Jumping is deliberate: the guide moves one step at a time, as the protocol does.
        self.steps.setCurrentRow(self.runner.state().position)

    def _tick(self) -> None:
        if self.isVisible() and not self._closed:
            state = self.runner.state()
            self.timer.set_elapsed(state.elapsed_seconds)
            self.total.setText(self.tr("Phase: {0} of {1} planned").format(
                format_seconds(state.total_elapsed_seconds),
                format_seconds(state.total_planned_seconds)))

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
        for child in self._children():
            assert isinstance(child, QWidget)
            shutdown_tree(child)
