"""A rating on the prompt's own scale: 2 to 10 points in a row, each point's words under
its button and the scale's end words (low_label, high_label) at its ends, as the protocol
gives them, and a visible "Not applicable" choice where the protocol offers one.

Keyboard: with any of its buttons focused, a digit chooses a point (1–9, and 0 for 10),
as well as the arrow keys and Space that radio buttons take anyway. The digits are taken
before any window shortcut, so a digit typed here always means a point of this scale.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from walkapp.protocol.ratings import NOT_APPLICABLE, scale
from walkapp.ui.widgets.prompt_like import PromptLike

# The button id of "not applicable" (a scale's points are 1 to 10).
NOT_APPLICABLE_ID = 0
# How wide each point's words may be (px): wide enough for a short word, narrow enough for
# ten points and "Not applicable" beside a feedback form on a 1366-wide screen.
_WORDS_MIN, _WORDS_MAX = 44, 60
# Up to this many points, "Not applicable" sits beside the scale; beyond, under it.
_BESIDE_MAX = 7
_DIGITS = {Qt.Key.Key_1 + n: n + 1 for n in range(9)} | {Qt.Key.Key_0: 10}


def point_for_key(event: QKeyEvent) -> int | None:
    """The point a digit key names (1–9; 0 for 10), or None. Keypad digits count too."""
    if event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier
                             | Qt.KeyboardModifier.ShiftModifier):
        return None
    return _DIGITS.get(Qt.Key(event.key()))


class RatingScale(QWidget):
    """The buttons of one rating prompt; `value()` is a point, NOT_APPLICABLE or None."""

    changed = Signal()

    def __init__(self, prompt: PromptLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = prompt
        self.points = scale(prompt)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        self.words: list[QLabel] = []  # each point's words under its button (if it has any)
        self.not_applicable: QRadioButton | None = None
        labelled = bool(prompt.point_labels)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(0)
        column = 0
        if prompt.low_label:
            grid.addWidget(self._end_words(prompt.low_label), 0, column)
            column += 1
        for point in self.points:
            button = QRadioButton(str(point))
            words = prompt.point_label(point)
            name = f"{prompt.text}: {point}" + (f", {words}" if words else "")
            button.setAccessibleName(name)
            button.setToolTip(self.tr("Press {0} to choose this point").format(point % 10))
            button.installEventFilter(self)
            self.group.addButton(button, point)
            self.buttons.append(button)
            grid.addWidget(button, 0, column, Qt.AlignmentFlag.AlignHCenter)
            if labelled:
                label = QLabel(words)
                label.setObjectName("ratingPointWords")
                label.setWordWrap(True)
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
                label.setBuddy(button)
                self.words.append(label)
                grid.addWidget(label, 1, column)
            column += 1
        if self.words:
            # Every point's column as wide as the others, like a scale printed on paper:
            # the widest words' width, within bounds (longer words wrap under their point).
            # Never narrower than the longest single word, which cannot wrap.
            metrics = self.words[0].fontMetrics()
            wide = max(metrics.horizontalAdvance(w.text()) for w in self.words)
            word = max(metrics.horizontalAdvance(part) for w in self.words
                       for part in (w.text().split() or [""]))
            width = max(_WORDS_MIN, min(wide, _WORDS_MAX), word) + 6
            for label in self.words:
                label.setFixedWidth(width)
        if prompt.high_label:
            grid.addWidget(self._end_words(prompt.high_label), 0, column)
        outer.addLayout(grid)
        if prompt.not_applicable:
            self.not_applicable = QRadioButton(self.tr("Not applicable"))
            self.not_applicable.setAccessibleName(
                self.tr("{0}: not applicable").format(prompt.text))
            self.not_applicable.installEventFilter(self)
            self.group.addButton(self.not_applicable, NOT_APPLICABLE_ID)
            if len(self.points) <= _BESIDE_MAX:
                # Beside the scale, set apart by a rule: it is no point of it.
                line = QFrame()
                line.setFrameShape(QFrame.Shape.VLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                outer.addSpacing(6)
                outer.addWidget(line)
                outer.addSpacing(6)
                outer.addWidget(self.not_applicable, 0, Qt.AlignmentFlag.AlignTop)
            else:  # a long scale: on a line of its own under it, so it is never cut off
                grid.addWidget(self.not_applicable, 2, 0, 1, -1)
                grid.setRowMinimumHeight(2, self.not_applicable.sizeHint().height() + 6)
                grid.setAlignment(self.not_applicable,
                                  Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        outer.addStretch(1)
        self.group.idToggled.connect(self._on_id_toggled)

    @staticmethod
    def _end_words(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("ratingEndWords")
        return label

    def all_buttons(self) -> list[QRadioButton]:
        """Its buttons in Tab order: the points, then "Not applicable"."""
        return self.buttons + ([self.not_applicable] if self.not_applicable else [])

    def value(self) -> Any:
        chosen = self.group.checkedId()
        if chosen == NOT_APPLICABLE_ID and self.not_applicable is not None:
            return NOT_APPLICABLE
        return chosen if chosen in self.points else None

    def set_value(self, value: Any) -> None:
        """Show `value` chosen (a point, NOT_APPLICABLE); anything else clears the scale."""
        if value == NOT_APPLICABLE:
            wanted = NOT_APPLICABLE_ID
        elif isinstance(value, int) and not isinstance(value, bool):
            wanted = value
        else:
            wanted = -1
        self.group.setExclusive(False)
        try:
            for button in self.all_buttons():
                button.setChecked(self.group.id(button) == wanted)
        finally:
            self.group.setExclusive(True)

    def choose(self, point: int) -> bool:
        """Choose `point` as a click would (and focus it); False if it is not on the scale."""
        button = self.group.button(point) if point in self.points else None
        if button is None:
            return False
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not button.isChecked():
            button.setChecked(True)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() in (QEvent.Type.ShortcutOverride,
                                                             QEvent.Type.KeyPress):
            point = point_for_key(event)
            if point is not None and point in self.points:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # the digit is ours, not a window shortcut's
                    return False
                self.choose(point)
                return True
        return super().eventFilter(watched, event)

    def _on_id_toggled(self, _id: int, on: bool) -> None:
        # A radio group toggles twice per click (one off, one on): say so once.
        if on:
            self.changed.emit()
