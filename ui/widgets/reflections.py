"""A walker's reflections: a few prompts about their own practice, each answer autosaved.

The prompts look inward ("What did you notice about your own practice?", "I will try…"):
the walk exists to change the walkers' teaching, not to grade the rooms visited. Answers
are saved like notes — no Save button, "Saved" only after the commit succeeded.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from walkapp import domain as d
from walkapp.protocol.schema import Protocol
from walkapp.services.commands import NoteWrite
from walkapp.services.notes import NoteService
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.autosave import (
    DEBOUNCE_MS,
    AutosaveTracker,
    Commit,
    SaveIndicator,
    SerialSaver,
)
from walkapp.ui.widgets.nudge_field import OFF, NudgeField, NudgeSetup, hint_under
from walkapp.ui.writer import Writer


def will_try_prompt(protocol: Protocol | None = None) -> str:
    """The reflection prompt whose answer is the walker's proposed commitment: the walk's
    protocol's "I will try" prompt (its own words, on every laptop), else walkapp's. The
    commitments screen knows it by these words (walkapp.services.will_try)."""
    spec = protocol.stem_spec(d.Stem.WILL_TRY) if protocol is not None else None
    if spec is not None and spec.prompt.strip():
        return spec.prompt
    return QCoreApplication.translate("Reflections", "I will try…")


def default_prompts(protocol: Protocol | None = None) -> tuple[str, ...]:
    return (
        QCoreApplication.translate("Reflections", "What did you notice about your own "
                                   "practice?"),
        will_try_prompt(protocol),
        QCoreApplication.translate("Reflections", "What question will you take back to "
                                   "your own classroom?"),
    )


class _PlainEdit(QPlainTextEdit):
    focus_left = Signal()

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.focus_left.emit()


class ReflectionEditor(QWidget, Stoppable):
    """One prompt and the walker's answer to it."""

    def __init__(self, notes: NoteService, walk_id: str, author_id: str | None, prompt: str,
                 existing: d.Reflection | None, *, saver: SerialSaver,
                 debounce_ms: int = DEBOUNCE_MS, origin: object | None = None,
                 nudge: NudgeSetup = OFF, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes = notes
        self._walk_id = walk_id
        self._author_id = author_id
        self.prompt = prompt
        self.reflection_id = existing.id if existing else str(uuid.uuid4())
        self._stored = existing is not None
        self._last_text = existing.text if existing else ""

        self.caption = QLabel(prompt)
        self.caption.setObjectName("sectionTitle")
        self.caption.setWordWrap(True)
        self.text_edit = _PlainEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setAccessibleName(prompt)
        self.text_edit.setPlaceholderText(self.tr("Write for yourself; this stays with you "
                                                  "until you hand your notes back."))
        self.text_edit.setPlainText(self._last_text)
        self.text_edit.setMinimumHeight(70)
        self.text_edit.setMaximumHeight(100)
        self.caption.setBuddy(self.text_edit)
        self.nudge = NudgeField(self.text_edit, nudge, "reflection")
        self.indicator = SaveIndicator(prompt)
        self.tracker = AutosaveTracker(saver, self.indicator, self._build_commit,
                                       key=self.reflection_id, debounce_ms=debounce_ms,
                                       origin=origin, parent=self)
        self.tracker.reset(self.reflection_id, saved=self._stored)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.text_edit.focus_left.connect(self._on_focus_left)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.text_edit)
        layout.addWidget(hint_under(self.text_edit, self.nudge))
        layout.addWidget(self.indicator)

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def flush(self) -> bool:
        return self.tracker.flush()

    def shutdown(self) -> None:
        self.nudge.stop()
        self.tracker.shutdown()

    def _on_text_changed(self) -> None:
        text = self.text()
        if text != self._last_text:
            self._last_text = text
            self.tracker.touch()

    def _on_focus_left(self) -> None:
        if not self.tracker.is_saved():
            self.tracker.commit_now()

    def _build_commit(self) -> Commit | None:
        text = self.text()
        if not text.strip() and not self._stored:
            return None
        self._stored = True
        return NoteWrite("save_reflection", (self._walk_id, self._author_id, self.prompt, text,
                                             self.reflection_id))


class ReflectionsPanel(QScrollArea, Stoppable):
    """The walker's own reflections: the standard prompts, then any other prompts they
    already answered (e.g. from a pre-brief), in one scrolling column."""

    def __init__(self, notes: NoteService, walk_id: str, author_id: str | None, *,
                 prompts: Sequence[str] | None = None, debounce_ms: int = DEBOUNCE_MS,
                 writer: Writer | None = None, nudge: NudgeSetup = OFF,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reflectionsPanel")
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Your reflections"))
        # The window's one writer (a panel built alone makes its own, and stops it).
        self._owns_writer = writer is None
        self.saver = writer if writer is not None else Writer.around(self, notes)
        self._closed = False
        mine = [r for r in notes.list_reflections(walk_id, author_id=author_id)
                if r.author_id == author_id]
        # A conflict's other version (conflict_of) is not a second reflection: the row of
        # its family is edited here, unless that one was deleted.
        ids = {r.id for r in mine}
        by_prompt = {r.prompt: r for r in mine if r.conflict_of not in ids}
        wanted = list(prompts if prompts is not None else default_prompts())
        wanted += [r.prompt for r in mine if r.prompt not in wanted]

        body = QWidget()
        # Lines as long as a 1366-pixel screen are hard to read and write in.
        body.setMaximumWidth(1000)
        layout = QVBoxLayout(body)
        intro = QLabel(self.tr("A few minutes for yourself: what did today's visits show "
                               "you about your own teaching?"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.editors: list[ReflectionEditor] = []
        for prompt in wanted:
            editor = ReflectionEditor(notes, walk_id, author_id, prompt, by_prompt.get(prompt),
                                      saver=self.saver, debounce_ms=debounce_ms,
                                      origin=self, nudge=nudge)
            layout.addWidget(editor)
            self.editors.append(editor)
        layout.addStretch(1)
        self.setWidget(body)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def commit_now(self) -> None:
        """Hand what is typed to the writer; does not wait."""
        for editor in self.editors:
            editor.tracker.commit_now()

    def flush(self) -> bool:
        return all([editor.flush() for editor in self.editors])

    def shutdown(self) -> None:
        """Save what is typed, wait for the last commit, then commit nothing more (the
        database is closed next)."""
        if self._closed:
            return
        self._closed = True
        self.flush()
        if self._owns_writer:
            self.saver.shutdown()
        for editor in self.editors:
            editor.shutdown()
