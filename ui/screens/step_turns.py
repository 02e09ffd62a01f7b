"""Turns inside a step (protocol format version 2: `[<phase>.steps.turns]`): "Turn 2 of
3 — Ben", a timer of its own for the turn, and Next turn (a button and Ctrl+Shift+Right).

The turn's time is the step's: it comes from the runner's elapsed time (the phase log), so
a paused step pauses its turn, and a guide reopened after a restart starts at the turn the
elapsed time reaches. Who takes each turn rotates through the walkers in roster order when
the protocol says `rotate = "walkers"`; with "none" nobody is named.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from walkapp.protocol.schema import RotateBy, Step
from walkapp.ui.shortcut_keys import NEXT_TURN
from walkapp.ui.widgets.countdown import Countdown
from walkapp.ui.widgets.note_text import shortcut_text

NEXT_TURN_KEYS = NEXT_TURN.keys[0]  # walkapp.ui.shortcut_keys: the shortcuts sheet's too


def turn_taker(step: Step, index: int, walkers: Sequence[str]) -> str:
    """Who takes turn `index` (0-based): the walkers in roster order, round and round."""
    if step.turns is None or step.turns.rotate is not RotateBy.WALKERS or not walkers:
        return ""
    return walkers[index % len(walkers)]


class TurnsBar(QWidget):
    """Shown under a step's title while the step on screen has turns; hidden otherwise."""

    def __init__(self, walkers: Sequence[str], shortcut_parent: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("turnsBar")
        self._walkers = tuple(walkers)
        self._step: Step | None = None
        self._index = 0
        self._started = 0  # the step's elapsed seconds when this turn began
        self._elapsed = 0
        self.label = QLabel()
        self.label.setObjectName("turnLabel")
        font = QFont(self.label.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.label.setFont(font)
        self.timer = Countdown(self.tr("Time for this turn"))
        self.timer.setMinimumWidth(230)  # as the step's: "+0:30 over the planned time"
        self.next_button = QPushButton(self.tr("Next turn  {0}").format(
            shortcut_text(NEXT_TURN_KEYS)))
        self.next_button.setAccessibleName(self.tr("Next turn"))
        self.next_button.clicked.connect(self.next_turn)
        # Anywhere in the guide, as its other keys are (not the whole window's).
        self.shortcut = QShortcut(QKeySequence(NEXT_TURN_KEYS), shortcut_parent)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.next_turn)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.timer)
        layout.addWidget(self.next_button)
        self.hide()

    @property
    def index(self) -> int:
        return self._index

    def follow(self, step: Step | None, elapsed: int, *, running: bool) -> None:
        """The step on screen and its elapsed seconds (every tick). A new step with turns
        starts at the turn its elapsed time reaches (0 for a step not started yet)."""
        turns = step.turns if step is not None else None
        if turns is None or step is None:
            self._step = None
            self.shortcut.setEnabled(False)
            self.hide()
            return
        if self._step is None or step.key != self._step.key:
            self._step = step
            length = max(1, turns.minutes * 60)
            self._index = min(turns.count - 1, max(0, elapsed) // length)
            self._started = self._index * length
        self._elapsed = elapsed
        self.shortcut.setEnabled(running)
        self.next_button.setEnabled(running and self._index < turns.count - 1)
        self._show()
        self.show()

    def next_turn(self) -> None:
        if self._step is None or self._step.turns is None \
                or self._index >= self._step.turns.count - 1:
            return
        self._index += 1
        self._started = self._elapsed
        self.next_button.setEnabled(self._index < self._step.turns.count - 1)
        self._show()

    def text(self) -> str:
        return self.label.text()

    def _show(self) -> None:
        assert self._step is not None and self._step.turns is not None
        turns = self._step.turns
        called = turns.label or self.tr("Turn")
        words = self.tr("{0} {1} of {2}").format(called, self._index + 1, turns.count)
        who = turn_taker(self._step, self._index, self._walkers)
        self.label.setText(self.tr("{0} — {1}").format(words, who) if who else words)
        self.timer.set_planned(turns.minutes * 60, reset=False)
        self.timer.set_elapsed(max(0, self._elapsed - self._started))

    def shutdown(self) -> None:
        self.timer.shutdown()
