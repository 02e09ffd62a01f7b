"""A step's prompts in the step guide: the group's answers, saved as they are typed.

Each answer is a `SaveAnswer` command on the window's writer, so typing never waits for
the database. Each prompt has its own status line, under its own box, empty until that
answer is edited: "Saved" shows only under an answer that was really saved (never under
an empty box nobody touched), and a failure keeps the answer on screen, says why and
offers Retry.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from walkapp.events import Change
from walkapp.protocol.schema import Step
from walkapp.services import Services
from walkapp.services.commands import SaveAnswer
from walkapp.ui import workers
from walkapp.ui.page import Page
from walkapp.ui.widgets.autosave import SaveIndicator
from walkapp.ui.widgets.debounce import Debouncer, Pace
from walkapp.ui.widgets.nudge_field import OFF, NudgeSetup
from walkapp.ui.widgets.prompt_inputs import PromptInput
from walkapp.ui.writer import Writer, asked_by, describe_failure

__all__ = ["SAVE_DELAY_MS", "StepPrompts"]

SAVE_DELAY_MS = 600


class StepPrompts(QWidget, Page):
    """A step's prompts, answered for the whole group and saved as they are typed.

    Each answer is a `SaveAnswer` command on the window's writer (latest typed wins), so
    typing never waits for the database. Each answer's line (`indicators`) stays hidden
    until that answer is edited, then says "Saved" once it is committed; a failure keeps
    the answer on screen, says why and offers Retry."""

    def __init__(self, services: Services, walk_id: str, step: Step,
                 parent: QWidget | None = None, *, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.walk_id = walk_id
        self.step = step
        self.writer = writer if writer is not None else Writer(services, self)
        self.inputs: list[PromptInput] = []
        self._pending: dict[str, Any] = {}   # typed, not yet committed (by prompt key)
        self._failed: dict[str, str] = {}    # prompt key → why its last save failed
        self._closed = False
        # After a pause in the typing, and at least every MAX_WAIT_MS while it goes on.
        self.debouncer = Debouncer(self.commit_now, Pace(delay_ms=SAVE_DELAY_MS), self)
        self.indicators: dict[str, SaveIndicator] = {}  # by prompt key, under its input
        self._last_key = step.prompts[0].key if step.prompts else ""
        self.writer.waiting_changed.connect(self._on_waiting)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._loading = False
        for prompt in step.prompts:
            # In the walk's language once it is read with the answers (below).
            widget = PromptInput(prompt, nudge=OFF)
            widget.changed.connect(lambda value, key=prompt.key: self._queue(key, value))
            self.inputs.append(widget)
            layout.addWidget(widget)
            indicator = SaveIndicator(prompt.text)
            indicator.retry_requested.connect(self.retry)
            indicator.hide()  # nothing to say until this answer is edited
            self.indicators[prompt.key] = indicator
            layout.addWidget(indicator)
        # Built when the runner reaches the step, in the result of a click: the answers
        # are read off the GUI thread and appear when the read is in.
        workers.read_in_background(
            lambda: (services.responses.list_answers(walk_id, step.key),
                     services.walks.language(walk_id)),
            self._show_read, owner=self, wait_ms=workers.FOLLOW_READ_MS)

    def _show_read(self, read: tuple[list[Any], str]) -> None:
        answers, language = read
        if self._closed:
            return
        nudge = NudgeSetup.for_walk(language)
        for widget in self.inputs:
            if widget.nudge is not None:
                widget.nudge.set_setup(nudge)
        self._show_answers(answers)

    @property
    def indicator(self) -> SaveIndicator:
        """The line of the answer edited last (the first prompt's before any edit)."""
        return self.indicators[self._last_key]

    @property
    def status(self) -> QLabel:
        return self.indicator.label

    def _set_state(self, key: str, state: str, message: str = "") -> None:
        indicator = self.indicators.get(key)
        if indicator is not None:
            indicator.set_state(state, message)
            indicator.show()

    def _show_answers(self, answers: list[Any]) -> None:
        if self._closed:
            return
        saved = {a.prompt_key: a.value for a in answers if a.author_id is None}
        self._loading = True
        try:
            for prompt, widget in zip(self.step.prompts, self.inputs, strict=True):
                # What was typed while the read ran is newer than what it found.
                if prompt.key in saved and prompt.key not in self._pending:
                    widget.set_value(saved[prompt.key])
        finally:
            self._loading = False

    def _queue(self, key: str, value: Any) -> None:
        if self._closed or self._loading:
            return
        self._pending[key] = value
        self._last_key = key
        if key not in self._failed:
            self._set_state(key, "editing")
        self.debouncer.touch()

    def on_change(self, change: Change) -> None:
        """The answers on screen are this laptop's own: nothing to reload."""

    def shutdown(self) -> None:
        """Save what was typed (the database is still open), then save nothing more."""
        if not self._closed:
            self.save_pending()
        self._closed = True
        self.debouncer.shutdown()
        workers.cancel_owned_by(self)

    def retry(self) -> None:
        self._failed.clear()
        self.commit_now()

    def commit_now(self) -> None:
        """Hand every answer typed since the last save to the writer; does not wait."""
        self.debouncer.cancel()
        if self._closed:
            return
        for key, value in list(self._pending.items()):
            prompt = self.step.prompt(key)
            if prompt is None:
                del self._pending[key]
                continue
            self.writer.write(SaveAnswer(self.walk_id, self.step, prompt, value), origin=self,
                              on_done=functools.partial(self._saved, key, value),
                              on_failed=functools.partial(self._not_saved, key))
            if key not in self._failed:
                self._set_state(key, "saving")

    def save_pending(self) -> bool:
        """Commit now and wait (bounded): True when every answer typed is in the database."""
        self.commit_now()
        if self._pending:
            self.writer.flush()
        return not self._pending

    def _saved(self, key: str, value: Any, _result: object) -> None:
        self._failed.pop(key, None)
        if key in self._pending and json.dumps(self._pending[key]) == json.dumps(value):
            del self._pending[key]
        if self._closed:
            return
        if key not in self._pending:  # a newer edit of this answer is still on its way
            self._set_state(key, "saved")

    def _not_saved(self, key: str, error: BaseException) -> None:
        self._failed[key] = describe_failure(error)
        if not self._closed:
            self._set_state(key, "failed", self._failed[key])

    def _on_waiting(self, ticket: object, waiting: bool) -> None:
        if not waiting or not asked_by(ticket, self) or self._closed:
            return
        for key in self._pending:
            if key not in self._failed:
                self._set_state(key, "waiting")
