"""The language nudge on any text box where walkers and the facilitator write.

`NudgeField(edit, setup, field)` attaches to a QPlainTextEdit or a QLineEdit: after a pause
in the typing it runs the walk's check (`walkapp.nudge.check`, in the walk's language),
underlines what it flags (wavy, as in the note editor), puts the suggestion in a tooltip
over the word and in a one-line hint under the box. It only ever reads the text: it never
changes it, and never delays or blocks a save.

`NUDGED_FIELDS` is the one list of the fields that carry it; a field must be named there to
attach (tests/ui/test_nudge_fields.py walks the list, so a new field gets its test).

`NudgeSetup` says which check and which language: the walk's language, or English when
there is no word list for it — said once, in the hint line of the first field built for
the setup (the note editor says it in its own notice line).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QHelpEvent, QInputMethodEvent, QTextCharFormat
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QToolTip, QWidget

from walkapp.protocol.schema import StemTone
from walkapp.services import Services
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.note_text import ElidedLabel, NoteTextEdit
from walkapp.ui.widgets.nudge_highlight import (
    EVALUATIVE,
    UNDERLINE_COLOURS,
    NudgeCheck,
    NudgeHighlighter,
    Span,
    hint_for,
    no_nudge,
    nudge_speaks,
    python_index,
    run_check,
    tooltip_for,
    utf16_length,
)
from walkapp.ui.words import Words

Nudge = Words("Nudge")

log = logging.getLogger(__name__)

# Every field where walkers and the facilitator write about what they saw or will do.
NUDGED_FIELDS: dict[str, str] = {
    "note": "a walker's note (observation, walker mode)",
    "reflection": "a walker's reflection (walker mode)",
    "pattern": "a post-brief pattern statement",
    "commitment": "a walker's commitment",
    "next_step": "a next step of the group",
    "action_item": "a new action item",
    "action_item_edit": "an action item edited in its table",
    "follow_up": "a follow-up note on an earlier commitment or action item",
    "prompt_answer": "the answer to a step's text or list prompt",
    "walk_focus": "the walk's focus",
    "conflict_text": "the text chosen when two versions of a note disagree",
}

FALLBACK_LANGUAGE = "en"
NUDGE_DELAY_MS = 300  # the check waits for a pause in the typing this long



def real_check(text: str, lang: str = "en") -> Sequence[object]:
    """The core's check, imported with the first field that uses it (not at start)."""
    from walkapp.nudge import check

    return check(text, lang)


def written_in(setup: NudgeSetup, text: str) -> str:
    """The language the real check reads `text` in (the note's own, see
    walkapp.nudge.note_language); a stand-in check's is the setup's."""
    if setup.check is not real_check or not text.strip():
        return setup.language
    from walkapp.nudge import note_language

    return note_language(text, setup.language)


def gentle_spans(spans: tuple[Span, ...], language: str) -> tuple[Span, ...]:
    """`spans` as a note with an appreciative stem shows them: every flag stays, names
    untouched; a judgement word gets the language's kinder suggestion
    (walkapp.nudge.appreciative_suggestion) and a kinder lead."""
    if not any(s.kind == EVALUATIVE for s in spans):
        return spans
    from walkapp.nudge import appreciative_suggestion

    kinder = appreciative_suggestion(language)
    return tuple(replace(s, gentle=True, suggestion=kinder or s.suggestion)
                 if s.kind == EVALUATIVE else s for s in spans)


@dataclass
class NudgeSetup:
    """The check, the language it runs in, and the walk's own language."""

    check: NudgeCheck = no_nudge
    language: str = FALLBACK_LANGUAGE
    walk_language: str = FALLBACK_LANGUAGE
    _announced: bool = field(default=False, repr=False)

    @classmethod
    def for_walk(cls, walk_language: str, check: NudgeCheck = real_check) -> NudgeSetup:
        """The walk's language, or English when the walk's has no word list."""
        if check is no_nudge or nudge_speaks(check, walk_language):
            return cls(check, walk_language, walk_language)
        return cls(check, FALLBACK_LANGUAGE, walk_language)

    @property
    def falls_back(self) -> bool:
        return self.check is not no_nudge and self.language != self.walk_language

    def notice(self) -> str:
        return Nudge.tr("There is no word list for this walk's language (“{0}”): wording "
                   "suggestions are in English.").format(self.walk_language)

    def claim_notice(self) -> str:
        """The fallback notice for the first field that asks, "" for the others."""
        if not self.falls_back or self._announced:
            return ""
        self._announced = True
        return self.notice()


OFF = NudgeSetup()


def walk_nudge(services: Services, walk_id: str) -> NudgeSetup:
    """The real nudge in the walk's language (read like the walk's protocol is, when the
    screen is built)."""
    return NudgeSetup.for_walk(services.walks.get_walk(walk_id).language)


class NudgeField(QObject, Stoppable):
    """The nudge on one text box; `hint` is the line to put under it. A child of the box,
    so closing a screen (`shutdown_tree`) stops its timer."""

    def __init__(self, edit: QPlainTextEdit | QLineEdit, setup: NudgeSetup, field: str, *,
                 hint: ElidedLabel | None = None, delay_ms: int = NUDGE_DELAY_MS,
                 sync_chars: int = 0, announce: bool = True) -> None:
        super().__init__(edit)
        if field not in NUDGED_FIELDS:
            raise ValueError(f"{field!r} is not in NUDGED_FIELDS; add it there (and its test)")
        self.field = field
        self.edit = edit
        self.setup = setup
        self.hint = hint if hint is not None else ElidedLabel()
        if hint is None:
            self.hint.setObjectName("nudgeHint")
        self._sync_chars = sync_chars
        self._notice = setup.claim_notice() if announce else ""
        self._spans: tuple[Span, ...] = ()
        self._checked_text: str | None = None
        self._stopped = False
        self._tone = StemTone.NEUTRAL
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.check_now)
        self._highlighter: NudgeHighlighter | None = None
        self._format = QTextCharFormat()
        if isinstance(edit, QPlainTextEdit):
            existing = getattr(edit, "highlighter", None)
            self._highlighter = (existing if isinstance(existing, NudgeHighlighter)
                                 else NudgeHighlighter(edit.document()))
            if not isinstance(edit, NoteTextEdit):  # it shows the tooltip itself
                edit.viewport().installEventFilter(self)
            edit.textChanged.connect(self._changed)
        else:
            fmt = self._format
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(UNDERLINE_COLOURS[EVALUATIVE])
            edit.textChanged.connect(self._changed)
        self.hint.set_full_text(self._notice)
        if self.text():
            self.check_now()

    # -- reading -----------------------------------------------------------------------------
    def text(self) -> str:
        edit = self.edit
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def spans(self) -> tuple[Span, ...]:
        return self._spans

    def words(self) -> list[str]:
        """The flagged words, in order (what a test or a screen reader wants)."""
        return [s.word for s in self._spans]

    # -- checking ----------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if self._stopped:
            return
        text = self.text()
        if text == self._checked_text:
            return  # a format-only change (the underlines themselves)
        if isinstance(self.edit, QLineEdit) and self._spans:
            self._show((), text)  # the old underlines would sit on the wrong letters
        if len(text) <= self._sync_chars:
            self.check_now()
        else:
            self._timer.start()

    def check_now(self) -> None:
        """Check the text as it is now (also what the pause in typing calls)."""
        self._timer.stop()
        if self._stopped:
            return
        text = self.text()
        spans = run_check(self.setup.check, text, self.setup.language) if text.strip() else ()
        if self._tone is StemTone.APPRECIATIVE:
            spans = gentle_spans(spans, written_in(self.setup, text))
        self._show(spans, text)

    def set_tone(self, tone: StemTone) -> None:
        """The stem's tone (the note editor's stem changed): an appreciative one words the
        judgement flags more kindly. The check runs all the same: nothing is switched off."""
        if tone is not self._tone:
            self._tone = tone
            self.check_now()

    def set_setup(self, setup: NudgeSetup) -> None:
        """Another check or language (the walk was read after the box was built)."""
        self.setup = setup
        self._notice = setup.claim_notice()
        self.check_now()

    def shutdown(self) -> None:
        """No more checks (the box is going away); there is nothing of its own to save."""
        self._stopped = True
        self._timer.stop()
        if isinstance(self.edit, QPlainTextEdit) and not isinstance(self.edit, NoteTextEdit):
            with contextlib.suppress(RuntimeError):  # the box's C++ side is gone already
                self.edit.viewport().removeEventFilter(self)

    stop = shutdown

    def _show(self, spans: tuple[Span, ...], text: str) -> None:
        self._checked_text = text
        self._spans = spans
        if self._highlighter is not None:
            self._highlighter.set_spans(spans, text)
        elif isinstance(self.edit, QLineEdit):
            self._underline_line(spans, text)
            self.edit.setToolTip("\n\n".join(tooltip_for(s) for s in spans[:3]))
        self.hint.set_full_text(hint_for(spans) or self._notice)

    def _underline_line(self, spans: tuple[Span, ...], text: str) -> None:
        """A QLineEdit has no highlighter: its text formats are the input method's, set
        relative to the cursor (UTF-16 units). Nothing typed or selected changes."""
        assert isinstance(self.edit, QLineEdit)
        cursor = self.edit.cursorPosition()
        formats = []
        for span in spans:
            fmt = QTextCharFormat(self._format)
            fmt.setUnderlineColor(UNDERLINE_COLOURS.get(span.kind,
                                                        UNDERLINE_COLOURS[EVALUATIVE]))
            start16 = utf16_length(text[:span.start])
            formats.append(QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat, start16 - cursor,
                utf16_length(text[span.start:span.end]), fmt))
        QCoreApplication.sendEvent(self.edit, QInputMethodEvent("", formats))

    # -- the tooltip over a flagged word of a plain text box ----------------------------------
    def span_at(self, index: int) -> Span | None:
        return next((s for s in self._spans if s.start <= index < s.end), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While the box is torn down its viewport can still deliver an event to a field
        # whose Python side is already gone (its attributes cleared): let the event be.
        edit = getattr(self, "edit", None)
        if edit is None or self._stopped:
            return False
        if (event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent)
                and isinstance(edit, QPlainTextEdit) and self._spans):
            cursor = edit.cursorForPosition(event.pos())
            block = cursor.block()
            start = sum(len(line) + 1 for line in self.text().split("\n")[:block.blockNumber()])
            index = start + python_index(block.text(), cursor.positionInBlock())
            span = self.span_at(index) or self.span_at(index - 1)
            if span is not None:
                QToolTip.showText(event.globalPos(), tooltip_for(span), edit.viewport())
                return True
        return super().eventFilter(watched, event)


def hint_under(widget: QWidget, nudge: NudgeField) -> QWidget:
    """`nudge.hint`, named for screen readers after the box it belongs to."""
    name = widget.accessibleName()
    if name:
        nudge.hint.setAccessibleName(Nudge.tr("Wording suggestion for {0}").format(name))
    return nudge.hint
