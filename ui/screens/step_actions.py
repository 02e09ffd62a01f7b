"""The step guide's actions: preparing a step without the clock, the runner's verbs sent
through the window's writer (one at a time; the screen follows the result, a failure says
why and offers Retry), the finished phase's next actions and the ticking timer. A part of
walkapp.ui.screens.step_guide.StepGuide (a mixin), kept apart by meaning."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from walkapp.protocol.runner import ProtocolRunner, RunnerError, RunnerState
from walkapp.services.commands import RunnerAction, RunnerVerb
from walkapp.ui.screens.step_leads import EndActions, NextAction, PreviewBar
from walkapp.ui.screens.step_prompts import StepPrompts
from walkapp.ui.widgets.countdown import Countdown, format_seconds
from walkapp.ui.writer import Writer, asked_by, describe_failure

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


class StepActions(_Base):
    """What StepGuide's actions need of it (set in StepGuide.__init__)."""

    writer: Writer
    runner: ProtocolRunner
    _prompt_cache: dict[str, StepPrompts]
    _closed: bool
    _acting: bool
    _viewing: int | None
    _more_shown: str | None
    _failed_action: tuple[RunnerVerb, int, int] | None
    _body_due: int | None
    end_actions: EndActions
    preview: PreviewBar
    message: QLabel
    retry_button: QPushButton
    start_button: QPushButton
    more_button: QPushButton
    back_button: QPushButton
    skip_button: QPushButton
    next_button: QPushButton
    timer: Countdown
    total: QLabel

    def show_state(self, state: RunnerState, *, sliced: bool = False) -> None:
        raise NotImplementedError  # StepGuide's

    def _show_preview_bar(self, state: RunnerState) -> None:
        raise NotImplementedError  # StepGuide's

    def follow_turns(self, state: RunnerState) -> None:
        raise NotImplementedError  # StepGuide's

    def set_next_actions(self, actions: Sequence[NextAction]) -> None:
        """What the finished phase offers next (the first is the main one)."""
        self.end_actions.set_actions(actions)
        self.show_state(self.runner.state())

    def prepare(self, position: int) -> None:
        """Show the step at `position` to prepare it: nothing is sent to the runner."""
        if self._closed or not 0 <= position < len(self.runner.steps):
            return
        state = self.runner.state()
        self._viewing = None if position == state.position else position
        self._more_shown = None
        self.show_state(state, sliced=True)

    def follow_runner(self) -> None:
        """Back to the step the runner is on."""
        self.prepare(self.runner.state().position)
        self.start_button.setFocus()

    def _escaped(self) -> None:
        if self._viewing is not None or self._more_shown is not None:
            self.prepare(self.runner.state().position)  # the list keeps the focus

    def _start_viewed(self) -> None:
        if self._viewing is not None:
            self._act("start_at", position=self._viewing)

    def _act(self, verb: RunnerVerb, minutes: int = 0, position: int = 0) -> None:
        """Send one runner action to the writer; the screen follows its result. The
        buttons wait while it is in the line: a second Next must not skip two steps."""
        if self._closed or self._acting:
            return
        for prompts in self._prompt_cache.values():
            prompts.commit_now()  # the answers typed land first: the writer keeps the order
        # An action of the runner is about the step it runs: that step is shown again
        # ("Start this step" makes the step being prepared the running one).
        self._more_shown = None
        if verb != "start_at":
            self._viewing = None
        self._acting = True
        self._failed_action = None
        self.retry_button.hide()
        self._set_controls_enabled(False)
        self.writer.write(RunnerAction(self.runner, verb, minutes, position), origin=self,
                          on_done=self._acted,
                          on_failed=lambda error: self._not_acted(verb, minutes, position,
                                                                  error))

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
        if state.finished and self._viewing is None:
            self.end_actions.focus_first()  # the keyboard goes on where the walk goes on
        elif self._viewing is None:
            focused = self.focusWidget()
            if focused is not None and self.preview.isAncestorOf(focused):
                self.start_button.setFocus()  # "Start this step" is gone: Pause is here

    def _not_acted(self, verb: RunnerVerb, minutes: int, position: int,
                   error: BaseException) -> None:
        self._acting = False
        if self._closed:
            return
        self.message.setText(describe_failure(error))
        # An action that no longer fits (the walk moved on elsewhere) is not worth retrying;
        # one the database refused (busy, full disk) is.
        if not isinstance(error, RunnerError):
            self._failed_action = (verb, minutes, position)
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
                       self.skip_button, self.next_button, self.preview.start_button):
            button.setEnabled(enabled)

    def _start_or_pause(self) -> None:
        state = self.runner.state()
        if state.can_pause:
            self._act("pause")
        elif state.can_resume:
            self._act("resume")
        else:
            self._act("start")

    def _tick(self) -> None:
        if self.isVisible() and not self._closed:
            state = self.runner.state()
            if self._viewing is not None:
                self._show_preview_bar(state)
            self.timer.set_elapsed(state.elapsed_seconds)
            self.follow_turns(state)
            self.total.setText(self.tr("Phase: {0} of {1} planned").format(
                format_seconds(state.total_elapsed_seconds),
                format_seconds(state.total_planned_seconds)))
