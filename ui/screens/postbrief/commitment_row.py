"""One walker's row on the commitments screen: their commitment, saved as it is typed,
the proposal from their own "I will try" lines (accepted in one click), and their
reflections beneath (`walker_words.py`).

Text is saved a moment after the last keystroke, at least every 0.8 s while typing goes on
(`debounce.py`), and when the box loses focus — through the window's writer, so typing never
waits for the database. "Saved" appears only after the commit worked; a failed save keeps
the text in the box, says why and offers Retry.
"""

from __future__ import annotations

import contextlib
import uuid

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.domain import Commitment, Participant, Role
from walkapp.errors import NotFoundError
from walkapp.services import Services
from walkapp.services.commands import Call, DebriefEdit, Target
from walkapp.services.will_try import Proposal, Source, WalkersWords
from walkapp.ui.page import Stoppable
from walkapp.ui.screens.postbrief.walker_words import WalkerWords
from walkapp.ui.widgets.debounce import Debouncer, Pace
from walkapp.ui.widgets.nudge_field import OFF, NudgeField, NudgeSetup, hint_under
from walkapp.ui.writer import Writer, asked_by, describe_failure

AUTOSAVE_MS = 1000


class _Editor(QPlainTextEdit):
    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


def _remove_commitment(commitment_id: str) -> Call:
    def remove(services: Services) -> None:
        # NotFound: the commitment never reached the database, so nothing to remove.
        with contextlib.suppress(NotFoundError):
            services.debrief.delete_commitment(commitment_id)
    return Call(remove, "remove the commitment",
                target=Target("Commitment", commitment_id, ("text", "deleted_at")))


class CommitmentRow(QWidget, Stoppable):
    """One walker's commitment, saved through `writer` (one write in the line per walker:
    a newer text replaces a waiting older one)."""

    def __init__(self, person: Participant, writer: Writer, walk_id: str,
                 parent: QWidget | None = None, *, nudge: NudgeSetup = OFF) -> None:
        super().__init__(parent)
        self.person = person
        self._writer, self._walk_id = writer, walk_id
        self._key = f"commitment:{walk_id}:{person.id}"
        self._error: str | None = None
        self.commitment_id = ""
        self.saved_text = ""
        self.suggested = False
        self._dirty = False
        self._setting = False
        self._closed = False
        self._ideas: tuple[Proposal, ...] = ()

        name = person.display_name + (self.tr(" (facilitator)")
                                      if person.role is Role.FACILITATOR else "")
        self.name_label = QLabel(name)
        self.name_label.setWordWrap(True)
        self.name_label.setMinimumWidth(150)
        self.name_label.setMaximumWidth(200)
        self.editor = _Editor()
        self.editor.setPlaceholderText(self.tr("I will try…"))
        self.editor.setAccessibleName(self.tr("Commitment of {0}").format(person.display_name))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(int(self.editor.fontMetrics().lineSpacing() * 2.6) + 12)
        self.name_label.setBuddy(self.editor)
        self.editor.textChanged.connect(self._edited)
        self.editor.focus_left.connect(self.commit_now)
        # Also on a text filled in from a walker's note: it goes into the record as well.
        self.nudge = NudgeField(self.editor, nudge, "commitment")
        # After a pause in the typing, and at least every MAX_WAIT_MS while it goes on.
        self.debouncer = Debouncer(self.commit_now, Pace(delay_ms=AUTOSAVE_MS), self)

        self.from_notes = QPushButton(self.tr("Their words"))
        self.from_notes.setAccessibleName(
            self.tr("Use one of {0}'s “I will try” lines").format(person.display_name))
        self.from_notes.setToolTip(self.tr(
            "Fill in one of their “I will try” lines: their reflection or their notes"))
        self.from_notes.setMenu(QMenu(self.from_notes))
        self.keep_button = QPushButton(self.tr("Accept"))
        self.keep_button.setAccessibleName(
            self.tr("Accept the proposed commitment of {0}").format(person.display_name))
        self.keep_button.setToolTip(self.tr("Save it as their commitment as it stands"))
        self.keep_button.clicked.connect(self.keep_suggestion)
        for button in (self.from_notes, self.keep_button):
            # Hidden buttons keep their place, so every row's box has the same width.
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setAccessibleName(
            self.tr("Retry saving the commitment of {0}").format(person.display_name))
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.hide()
        writer.waiting_changed.connect(self._on_waiting)
        self.words = WalkerWords(person.display_name)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.addWidget(self.name_label, 0, 0)
        grid.addWidget(self.editor, 0, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.from_notes)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 2)
        grid.addWidget(hint_under(self.editor, self.nudge), 1, 1, 1, 2)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.retry_button)
        grid.addLayout(status_row, 2, 1, 1, 2)
        grid.addWidget(self.words, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.set_ideas(())

    # -- what the panel tells the row --------------------------------------------------------
    def set_ideas(self, ideas: tuple[Proposal, ...]) -> None:
        """The walker's "I will try" lines, the likeliest last (their reflection's)."""
        menu = self.from_notes.menu()
        menu.clear()
        for idea in ideas:
            text = " ".join(idea.text.split())
            short = text if len(text) <= 80 else text[:79] + "…"
            label = (self.tr("Reflection: {0}") if idea.source is Source.REFLECTION
                     else self.tr("Note: {0}")).format(short)
            action = menu.addAction(label)
            action.triggered.connect(lambda _=False, text=idea.text: self.use_text(text))
        self.from_notes.setVisible(bool(ideas))
        self._ideas = ideas

    def set_reflections(self, words: WalkersWords) -> None:
        mine = words.reflections.get(self.person.id, ())
        self.words.set_reflections(mine, frozenset(r.id for r in mine if words.is_will_try(r)))

    def set_saved(self, commitment: Commitment | None) -> None:
        """Show what the database holds, unless the user is in the middle of typing."""
        if commitment is not None or not self._dirty:
            # (While typing, a reload from before this row's first save keeps its new id.)
            self.commitment_id = commitment.id if commitment else ""
            self.saved_text = commitment.text if commitment else ""
        if self._dirty:
            return
        if commitment is not None:
            self._set_text(commitment.text)
            self.suggested = False
            self._say(self.tr("Saved."))
        elif self._ideas:
            # Their reflection's "I will try" line, else their latest "I will try" note.
            idea = self._ideas[-1]
            self._set_text(idea.text)
            self.suggested = True
            self._say(self.tr("Proposed from their “I will try” reflection — not saved yet. "
                              "Accept it, or change it.") if idea.source is Source.REFLECTION
                      else self.tr("Suggested from their “I will try” notes — not saved yet. "
                                   "Accept it, or change it."))
        else:
            self._set_text("")
            self.suggested = False
            self._say(self.tr("No commitment yet."))
        self.keep_button.setVisible(self.suggested)

    def use_text(self, text: str) -> None:
        self.editor.setPlainText(text)  # counts as the user's edit: it will be saved
        self.editor.setFocus()

    def keep_suggestion(self) -> None:
        self._dirty = True
        self.commit_now()

    # -- saving ------------------------------------------------------------------------------
    def _set_text(self, text: str) -> None:
        if self.editor.toPlainText() != text:
            self._setting = True
            self.editor.setPlainText(text)
            self._setting = False

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("saveState", "error" if error else "ok")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _edited(self) -> None:
        if self._setting or self._closed:
            return
        self._dirty = True
        self.suggested = False
        self.keep_button.hide()
        self._say(self.tr("Not saved yet…"))
        self.debouncer.touch()

    def is_dirty(self) -> bool:
        return self._dirty

    def commit_now(self) -> None:
        """Hand what is typed to the writer if anything is unsaved; does not wait."""
        self.debouncer.cancel()
        if not self._dirty or self._closed:
            return
        text = self.editor.toPlainText().strip()
        if not text:
            if self.commitment_id:
                self._writer.write(_remove_commitment(self.commitment_id), origin=self,
                                   key=self._key, on_done=lambda _r: self._removed(),
                                   on_failed=self._not_saved)
                return
            self._removed()
            return
        if text == self.saved_text and self._error is None:
            self._dirty = False
            self._say(self.tr("Saved."))
            return
        # The id is chosen here, so a second save that runs before the first one's result
        # comes back updates the same commitment instead of adding another.
        self.commitment_id = self.commitment_id or str(uuid.uuid4())
        self._writer.write(DebriefEdit("save_commitment", (self._walk_id, self.person.id,
                                                           text, self.commitment_id)),
                           origin=self, key=self._key, on_done=self._saved,
                           on_failed=self._not_saved)

    def flush(self) -> bool:
        """Save now if anything is unsaved, and wait (bounded): True when it is saved."""
        self.commit_now()
        if self._dirty:
            self._writer.flush()
        return not self._dirty

    def retry(self) -> None:
        self._error = None
        self._dirty = True
        self.commit_now()

    def _saved(self, saved: object) -> None:
        assert isinstance(saved, Commitment)
        self._error = None
        self.retry_button.hide()
        self.commitment_id, self.saved_text = saved.id, saved.text
        self._dirty = self.editor.toPlainText().strip() != saved.text
        if not self._closed:
            self.keep_button.hide()
            if not self._dirty:
                self._say(self.tr("Saved."))

    def _removed(self) -> None:
        self._error = None
        self.retry_button.hide()
        self.commitment_id, self.saved_text = "", ""
        self._dirty = bool(self.editor.toPlainText().strip())
        if not self._closed and not self._dirty:
            self._say(self.tr("No commitment saved."))

    def _not_saved(self, error: BaseException) -> None:
        self._error = describe_failure(error)
        if not self._closed:
            self._say(self.tr("Not saved: {0} Your text is still here.").format(self._error),
                      error=True)
            self.retry_button.show()

    def _on_waiting(self, ticket: object, waiting: bool) -> None:
        if (waiting and asked_by(ticket, self) and self._error is None
                and not self._closed):
            self._say(self.tr("Waiting for the database…"))

    def shutdown(self) -> None:
        """Save what is typed, then stop: a focus change while the window is torn down
        (after the database was closed) saves nothing."""
        self.flush()
        self.debouncer.shutdown()
        self._closed = True
