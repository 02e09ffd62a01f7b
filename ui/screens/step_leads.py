"""Where the walk goes next, and the step being prepared: what the step guide shows beside
the runner's own buttons.

- `NextAction` is one way on at the end of a part of the walk ("Go to Observation",
  "Export the debrief", "Close the walk"); its `key` says what it does ("page:<page key>",
  "export:<report kind>", "close"). `Leads` is the one hub an open walk's pages send them
  to: the walk's workspace follows "page:" and "close", the composition "export:"
  (walkapp.ui.composition builds both lists from the pages the walk has, so no part ends
  in a dead end whatever the protocol leaves out).
- `EndActions` is the row of those buttons the guide shows once its phase is finished.
- `PreviewBar` is the line shown while the facilitator prepares a step other than the one
  the runner is on (a click in the step list): it says which step runs, and offers "Start
  this step" and "Back to the running step". Preparing never touches the runner: the
  phase log stays the one truth of which step runs.
- `MorePanels`: the panels no step shows, reachable from the same step list ("More").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from walkapp.ui.page import PanelGroup

__all__ = ["EndActions", "Leads", "MorePanels", "NextAction", "PreviewBar"]

PAGE = "page:"
EXPORT = "export:"
CLOSE = "close"
PANEL = "panel:"  # "panel:<post-brief panel>": that panel of the post-brief


@dataclass(frozen=True)
class NextAction:
    key: str    # "page:<page key>", "panel:<name>", "export:<report kind>" or "close"
    label: str  # the button's words (translated by whoever made it)
    hint: str = ""  # its tooltip


class Leads(QObject):
    """The hub of one open walk's next actions: `requested(key)` for a `NextAction.key`."""

    requested = Signal(str)


class EndActions(QWidget):
    """The next actions of a finished phase, as buttons (the first is the main one)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endActions")
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 4, 0, 4)
        self.buttons: list[QPushButton] = []
        self.next_actions: tuple[NextAction, ...] = ()

    def set_actions(self, actions: Sequence[NextAction]) -> None:
        for button in self.buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.next_actions = tuple(actions)
        for action in self.next_actions:
            button = QPushButton(action.label)
            button.setAccessibleName(action.label)
            if action.hint:
                button.setToolTip(action.hint)
            button.clicked.connect(lambda _=False, key=action.key: self.chosen.emit(key))
            self._row.addWidget(button)
            self.buttons.append(button)
        if self.buttons:
            self.buttons[0].setObjectName("primaryAction")
            self.buttons[0].setDefault(True)
        self._row.addStretch(1)

    def focus_first(self) -> None:
        if self.buttons:
            self.buttons[0].setFocus()


class PreviewBar(QFrame):
    """Says that the step on screen is being prepared, not run (see the module docstring)."""

    start_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("previewText")
        self.start_button = QPushButton(self.tr("Start this step"))
        self.start_button.setAccessibleName(self.tr("Start this step now"))
        self.start_button.clicked.connect(self.start_requested)
        self.back_button = QPushButton(self.tr("Back to the running step"))
        self.back_button.setAccessibleName(self.tr("Back to the running step"))
        self.back_button.clicked.connect(self.back_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.back_button)
        row.addWidget(self.start_button)
        self.hide()

    def show_text(self, text: str, back_label: str, *, can_start: bool = True) -> None:
        self.label.setText(text)
        self.start_button.setVisible(can_start)
        self.back_button.setText(back_label)
        self.back_button.setAccessibleName(back_label)
        self.show()


@dataclass(frozen=True)
class MorePanels:
    """Panels of a guide's panel group that no step of the guide shows (the post-brief's
    Conflicts, or Action items when no step names them): listed under "More" at the end of
    the step list, so that the step list stays the one way to reach every panel."""

    entries: tuple[tuple[str, str], ...]  # (panel name, title), in the list's order
    group: Callable[[], PanelGroup]  # the panel group holding them (built when needed)
