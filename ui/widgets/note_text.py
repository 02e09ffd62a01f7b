"""The parts of the note editor that know nothing of notes: the text box with the nudge
underlines and their tooltips, a one-line label that never grows, and the stem labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QHelpEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QToolTip, QWidget

from walkapp import domain as d
from walkapp.protocol.schema import StemSpec
from walkapp.ui.widgets.nudge_highlight import NudgeHighlighter, Span, python_index, tooltip_for

STEMS = (d.Stem.NOTICED, d.Stem.WONDER, d.Stem.WILL_TRY, d.Stem.QUESTION)
# The stems of a protocol without `[[stems]]`: the domain's words, as the loader gives them
# (walkapp.protocol.validate uses the same STEM_LABELS and STEM_PROMPTS).
DEFAULT_STEMS = tuple(StemSpec(s, d.STEM_LABELS[s], d.STEM_PROMPTS[s]) for s in STEMS)


def stem_label(stem: d.Stem) -> str:
    """The stem's button label; the English source strings equal `Stem.label`."""
    labels = {
        d.Stem.NOTICED: QCoreApplication.translate("Stem", "I noticed"),
        d.Stem.WONDER: QCoreApplication.translate("Stem", "I wonder"),
        d.Stem.WILL_TRY: QCoreApplication.translate("Stem", "I will try"),
        d.Stem.QUESTION: QCoreApplication.translate("Stem", "Question"),
    }
    return labels[stem]


def stem_prompt(stem: d.Stem) -> str:
    prompts = {
        d.Stem.NOTICED: QCoreApplication.translate("Stem", "I noticed…"),
        d.Stem.WONDER: QCoreApplication.translate("Stem", "I wonder…"),
        d.Stem.WILL_TRY: QCoreApplication.translate("Stem", "I will try…"),
        d.Stem.QUESTION: QCoreApplication.translate("Stem", "A question I have…"),
    }
    return prompts[stem]


def shortcut_text(sequence: str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


class ElidedLabel(QLabel):
    """One line that never grows taller: long text ends in "…", the whole text is in the
    tooltip. Keeps the editor from jumping while hints come and go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(10)
        self.setFixedHeight(self.fontMetrics().height() + 4)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        # Never the width of the words shown now: those were cut to the last width, and
        # would keep the label (and the screen around it) from ever getting narrower.
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        """As wide as the whole text (the layout gives it that when there is room)."""
        width = self.fontMetrics().horizontalAdvance(self._full) + 4
        return QSize(width, super().sizeHint().height())

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                   max(10, self.width() - 2)))


class NoteTextEdit(QPlainTextEdit):
    """Plain text with the nudge underlines and a tooltip over each flagged word."""

    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.highlighter = NudgeHighlighter(self.document())

    def span_at_point(self, point: QPoint) -> Span | None:
        """The flagged span under a point of the viewport, if any."""
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        starts = self.highlighter._line_starts
        number = block.blockNumber()
        if number >= len(starts):
            return None
        index = starts[number] + python_index(block.text(), cursor.positionInBlock())
        return self.highlighter.span_at(index) or self.highlighter.span_at(index - 1)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            span = self.span_at_point(event.pos())
            if span is not None:
                QToolTip.showText(event.globalPos(), tooltip_for(span), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()
