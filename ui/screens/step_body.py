"""The step guide's body: the prompts and the panel of the step shown, built when the
runner reaches the step (in later turns of the event loop after a click, one part a turn:
`_body_due`), the next step's panel prepared ahead, and the script folded away above a
panel. A part of walkapp.ui.screens.step_guide.StepGuide (a mixin), kept apart by meaning."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from walkapp.protocol.runner import ProtocolRunner
from walkapp.protocol.schema import Activity, Step
from walkapp.services import Services
from walkapp.services.base import same_reads
from walkapp.ui import turns
from walkapp.ui.page import Page, PanelGroup, unique
from walkapp.ui.screens.step_prompts import StepPrompts
from walkapp.ui.widgets.role_scripts import RoleScripts
from walkapp.ui.writer import Writer

if TYPE_CHECKING:
    _Base = QWidget
else:
    _Base = object


class StepBody(_Base):
    """What StepGuide's body needs of it (set in StepGuide.__init__)."""

    _services: Services
    walk_id: str
    writer: Writer
    runner: ProtocolRunner
    _panels: Callable[[Activity], Page | None]
    _panel_cache: dict[Activity, Page | None]
    _prompt_cache: dict[str, StepPrompts]
    _more_groups: dict[int, Page]
    _reads: dict[Any, Any] | None
    _shown_position: int
    _viewing: int | None
    _body_due: int | None
    _closed: bool
    _foldable: bool
    _text_height: int
    _prompt_layout: QVBoxLayout
    _scroll: QScrollArea
    _content: QWidget
    body: QStackedWidget
    words_toggle: QToolButton
    role_scripts: RoleScripts

    def _show_body_of(self, position: int, *, sliced: bool) -> None:
        if position == self._shown_position and self._body_due is None:
            return
        if sliced or self._body_due is not None:
            self._shown_position = position
            if self._body_due is None:
                turns.later(self, self._show_prompts_due)
            self._body_due = position
        else:
            self._show_body(position)

    def _show_prompts_due(self) -> None:
        position = self._body_due
        if position is None or self._closed:
            self._body_due = None
            return
        self._show_prompts(self.runner.steps[position].step)
        turns.later(self, self._show_panel_due)

    def _show_panel_due(self) -> None:
        position, self._body_due = self._body_due, None
        if position is None or self._closed:
            return
        if position != self._shown_position:
            return  # moved on meanwhile: that newer state's turn shows its body
        self._show_panel(self.runner.steps[position].step)
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

    def _show_body(self, position: int) -> None:
        self._shown_position = position
        step = self.runner.steps[position].step
        self._show_prompts(step)
        self._show_panel(step)

    def _show_prompts(self, step: Step) -> None:
        # A finished phase's words say so; the last step's roles are not shown under them.
        ended = self.runner.state().finished and self._viewing is None
        self.role_scripts.show_step(None if ended else step)
        while self._prompt_layout.count():
            item = self._prompt_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
        if step.prompts:
            prompts = self._prompt_cache.get(step.key)
            if prompts is None:
                prompts = StepPrompts(self._services, self.walk_id, step, writer=self.writer)
                prompts.setObjectName(step.key)
                self._prompt_cache[step.key] = prompts
            self._prompt_layout.addWidget(prompts)
            prompts.show()

    def _show_panel(self, step: Step) -> None:
        panel = self._panel_for(step.activity)
        has_words = bool(step.script or step.prompts)
        self.words_toggle.setVisible(self._foldable and panel is not None and has_words)
        self._set_words_shown(panel is None or not self._foldable
                              or self.words_toggle.isChecked())
        self._fit_words(panel is not None)
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
                panel.show_panel(step.activity.value)

    def _fit_words(self, above_panel: bool) -> None:
        if not above_panel:
            self._scroll.setMaximumHeight(16777215)
            self._scroll.setMinimumHeight(0)
            return
        # Script and prompts take the room they need (up to a limit); the panel the rest.
        width = max(self._scroll.viewport().width(), 600)
        layout = self._content.layout()
        wanted = (layout.heightForWidth(width) if layout is not None
                  and layout.hasHeightForWidth()
                  else self._content.sizeHint().height()) + 6
        self._scroll.setFixedHeight(min(wanted, self._text_height))

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
        return unique([*self._prompt_cache.values(), *self._panel_cache.values(),
                       *self._more_groups.values()])
