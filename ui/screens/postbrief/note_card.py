"""One note opened from the evidence wall: its whole text with the flagged words
underlined, what the nudge says about them, its history, and the facilitator's decisions.

The decisions (walkapp.note_states): Rewrite (the facilitator's words replace the note's;
the walker's stay in its history), Set aside (kept in the walk, never in a record), Keep in
the record (a flagged note the facilitator decides to keep) and Put back (undo a decision).
Each is a `ReviewEdit` command handed to `write(command, then)` — the wall's, which runs
it on the window's serial writer; the dialog closes once it is saved, and stays open with
the writer's message if it failed. The history is read off the GUI thread.

By keyboard: every button has a mnemonic (Alt+R, Alt+A, Alt+K, Alt+P), Tab moves between
them; while rewriting, Tab leaves the text box, Ctrl+Enter saves the rewrite and Escape
cancels it (a second Escape closes the note).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.note_states import NoteState
from walkapp.services.commands import Command, ReviewEdit
from walkapp.ui.shortcut_keys import SAVE_REWRITE
from walkapp.ui.widgets.note_text import shortcut_text
from walkapp.ui.widgets.nudge_highlight import (
    NAME,
    NudgeCheck,
    NudgeHighlighter,
    Span,
    hint_for,
    run_check,
    tooltip_for,
)
from walkapp.ui.workers import cancel_owned_by, read_in_background

# The wall's `write(command, then, failed)`: runs the command on the window's writer.
Write = Callable[[Command, Callable[[Any], None], Callable[[BaseException], None]], None]
HistoryRead = Callable[[], Sequence[d.HistoryEntry]]


@dataclass(frozen=True)
class OpenedNote:
    """What the dialog shows of a note (read with the wall's notes)."""

    note_id: str
    text: str
    meta: str
    state: NoteState
    edited: bool  # the facilitator changed it: its history keeps the walker's words
    language: str


class NoteCardDialog(QDialog):
    def __init__(self, note: OpenedNote, write: Write, check: NudgeCheck,
                 history: HistoryRead | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteCardDialog")
        self.setWindowTitle(self.tr("Note"))
        self.resize(640, 560)
        self.note = note
        self._write = write
        self._check = check
        self._rewriting = False
        self.saved_command: Command | None = None  # the decision saved (tests read it)

        self.meta = QLabel(note.meta)
        self.meta.setObjectName("noteCardMeta")
        self.meta.setWordWrap(True)
        self.state_line = QLabel()
        self.state_line.setObjectName("noteCardState")
        self.state_line.setWordWrap(True)
        self.state_line.setTextFormat(Qt.TextFormat.PlainText)
        font = self.state_line.font()
        font.setBold(True)
        self.state_line.setFont(font)

        self.text = QPlainTextEdit(note.text)
        self.text.setObjectName("noteCardText")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("The note's text"))
        self.highlighter = NudgeHighlighter(self.text.document())
        self.flags_line = QLabel()
        self.flags_line.setObjectName("noteCardFlags")
        self.flags_line.setWordWrap(True)
        self.flags_line.setTextFormat(Qt.TextFormat.PlainText)
        self._check_timer = QTimer(self, singleShot=True, interval=150)
        self._check_timer.timeout.connect(self._recheck)
        self.text.textChanged.connect(self._text_changed)

        self.history = QTextBrowser()
        self.history.setObjectName("noteCardHistory")
        self.history.setAccessibleName(self.tr("The texts this note has shown, oldest first"))
        self.history.setMaximumHeight(150)
        self.history_label = QLabel(self.tr("History"))
        self.history_label.setObjectName("noteCardHistoryLabel")
        self.history_loaded = history is None or not note.edited
        if note.edited and history is not None:
            self.history.setPlainText(self.tr("Loading the note's history…"))
            read_in_background(lambda: list(history()), self._show_history, owner=self,
                               on_error=self._history_failed)
        else:
            self.history_label.setText(self.tr(
                "History: no earlier text — nobody but its writer has changed this note."))

        self.rewrite_button = QPushButton(self.tr("&Rewrite…"))
        self.rewrite_button.setObjectName("rewriteNote")
        self.rewrite_button.setAccessibleName(self.tr(
            "Rewrite the note in your words; the walker's words stay in its history"))
        self.rewrite_button.clicked.connect(self.start_rewrite)
        self.aside_button = QPushButton(self.tr("Set &aside"))
        self.aside_button.setObjectName("setNoteAside")
        self.aside_button.setAccessibleName(self.tr(
            "Set the note aside: kept in the walk, never in a record"))
        self.aside_button.clicked.connect(lambda: self._decide("set_aside"))
        self.keep_button = QPushButton(self.tr("&Keep in the record"))
        self.keep_button.setObjectName("keepNote")
        self.keep_button.setAccessibleName(self.tr(
            "Keep the flagged note in the record as it is"))
        self.keep_button.clicked.connect(lambda: self._decide("keep"))
        self.back_button = QPushButton(self.tr("&Put back"))
        self.back_button.setObjectName("putNoteBack")
        self.back_button.setAccessibleName(self.tr(
            "Put the note back: undo the decision made on it"))
        self.back_button.clicked.connect(lambda: self._decide("put_back"))
        self.save_button = QPushButton(self.tr("&Save the rewrite"))
        self.save_button.setObjectName("saveRewrite")
        self.save_button.setAccessibleName(self.tr("Save the rewrite ({0})").format(
            shortcut_text("Ctrl+Return")))
        self.save_button.clicked.connect(self.save_rewrite)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelRewrite")
        self.cancel_button.setAccessibleName(self.tr("Cancel the rewrite (Escape)"))
        self.cancel_button.clicked.connect(self.cancel_rewrite)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeNote")
        self.close_button.setAccessibleName(self.tr("Close the note"))
        self.close_button.clicked.connect(self.reject)
        for key in SAVE_REWRITE.keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(self._ctrl_enter)

        buttons = QHBoxLayout()
        for button in (self.rewrite_button, self.aside_button, self.keep_button,
                       self.back_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.meta)
        layout.addWidget(self.state_line)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.flags_line)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history)
        self.error_line = QLabel()
        self.error_line.setObjectName("noteCardError")
        self.error_line.setWordWrap(True)
        self.error_line.hide()
        layout.addWidget(self.error_line)
        layout.addLayout(buttons)
        self._recheck()
        self._show_buttons()
        self.text.setFocus()

    # -- what the note is --------------------------------------------------------------------
    def spans(self) -> tuple[Span, ...]:
        return self.highlighter.spans()

    def _text_changed(self) -> None:
        # Only words being typed need checking again (underlining the flags changes the
        # document's formats too, and a closed note checks nothing).
        if self._rewriting and self.isVisible():
            self._check_timer.start()

    def _recheck(self) -> None:
        self._check_timer.stop()
        text = self.text.toPlainText()
        spans = run_check(self._check, text, self.note.language)
        self.highlighter.set_spans(spans, text)
        # In words as well as underlined: the wavy line's colour is not the only sign.
        if self._rewriting:
            self.flags_line.setText(hint_for(spans) or self.tr(
                "Nothing in this wording is flagged: saved, it goes to the record."))
        else:
            self.flags_line.setText("\n".join(tooltip_for(s) for s in spans))
        self.flags_line.setVisible(bool(self.flags_line.text()))
        self.state_line.setText(self._state_words(spans))

    def _state_words(self, spans: tuple[Span, ...]) -> str:
        if self._rewriting:
            return self.tr("Rewriting: type the note in descriptive words. The walker's "
                           "words stay in the note's history.")
        state = self.note.state
        names = any(s.kind == NAME for s in spans)
        if state is NoteState.SET_ASIDE:
            return self.tr("Set aside: kept in the walk, never in a record. Put it back to "
                           "bring it into the wall again.")
        if state is NoteState.KEPT:
            return self.tr("Flagged, and kept in the record by the facilitator.")
        if state is NoteState.FLAGGED:
            what = self.tr("it may name someone") if names else self.tr(
                "it sounds like a judgement")
            return self.tr("Flagged — {0}. Held back from the record until you rewrite it, "
                           "keep it as it is, or set it aside.").format(what)
        if state is NoteState.REWRITTEN:
            return self.tr("Rewritten by the facilitator; in the record.")
        return self.tr("In the record.")

    def _show_buttons(self) -> None:
        state = self.note.state
        rewriting = self._rewriting
        self.rewrite_button.setVisible(not rewriting)
        self.aside_button.setVisible(not rewriting and state is not NoteState.SET_ASIDE)
        self.keep_button.setVisible(not rewriting and state is NoteState.FLAGGED)
        self.back_button.setVisible(not rewriting and state in (NoteState.SET_ASIDE,
                                                                NoteState.KEPT))
        self.save_button.setVisible(rewriting)
        self.cancel_button.setVisible(rewriting)
        self.close_button.setVisible(not rewriting)
        self.history_label.setVisible(not rewriting)
        self.history.setVisible(not rewriting and self.note.edited)

    # -- history -----------------------------------------------------------------------------
    def _show_history(self, entries: list[d.HistoryEntry]) -> None:
        self.history_loaded = True
        parts = []
        for entry in entries:
            who = entry.author_name or (self.tr("the facilitator") if entry.author_id is None
                                        else self.tr("someone"))
            head = self.tr("Shown now — written by {0}").format(who) if entry.current \
                else self.tr("Written by {0} on {1}").format(who, fmt.moment(entry.written_at))
            body = html.escape(entry.text).replace("\n", "<br>")
            parts.append(f"<p><b>{html.escape(head)}</b></p><blockquote>{body}</blockquote>")
        self.history.setHtml("".join(parts))

    def _history_failed(self, error: BaseException, _details: str) -> None:
        self.history_loaded = True
        if not isinstance(error, WalkappError):
            raise error  # a bug: the crash handler shows it
        self.history.setPlainText(self.tr("The note's history could not be read: {0}")
                                  .format(error.message))

    # -- decisions ---------------------------------------------------------------------------
    def start_rewrite(self) -> None:
        self._rewriting = True
        self.text.setReadOnly(False)
        self._show_buttons()
        self._recheck()
        self.text.setFocus()
        self.text.selectAll()

    def cancel_rewrite(self) -> None:
        self._rewriting = False
        self.text.setPlainText(self.note.text)
        self.text.setReadOnly(True)
        self._show_buttons()
        self._recheck()
        self.rewrite_button.setFocus()

    def save_rewrite(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self._say(self.tr("A rewritten note needs some words. To leave it out of the "
                              "record, cancel and set it aside."))
            return
        if text == self.note.text:
            self.cancel_rewrite()
            return
        self._run(ReviewEdit("rewrite", (self.note.note_id, text)))

    def pending_rewrite(self) -> bool:
        """Is a rewrite typed and not saved yet?"""
        text = self.text.toPlainText()
        return self._rewriting and bool(text.strip()) and text != self.note.text

    def _ctrl_enter(self) -> None:
        if self._rewriting:
            self.save_rewrite()

    def _decide(self, method: str) -> None:
        self._run(ReviewEdit(method, (self.note.note_id,)))

    def _run(self, command: Command) -> None:
        self.error_line.hide()

        def saved(_result: Any) -> None:
            self.saved_command = command
            self.accept()

        def failed(error: BaseException) -> None:
            message = error.message if isinstance(error, WalkappError) else str(error)
            self._say(self.tr("Not saved: {0}").format(message))

        self._write(command, saved, failed)

    def _say(self, message: str) -> None:
        self.error_line.setText(message)
        self.error_line.show()

    def reject(self) -> None:
        # Escape while rewriting leaves the rewrite (the note is untouched), not the note.
        if self._rewriting:
            self.cancel_rewrite()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._check_timer.stop()
        cancel_owned_by(self)  # a history read still out must not come back to it
        super().done(result)
