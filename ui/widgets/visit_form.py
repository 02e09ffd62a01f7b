"""The visit form beside the note editor: the protocol's short questions for each room (or
station), one compact field per question, saved on their own like notes.

A protocol of format version 2 may ask each walker a few questions per visit
(`[[visit_form]]`: text, a list, one choice, or ticks — never a rating: a visit is not
scored). Answers are notes with a form key (walkapp.forms), one per walker, visit and
question; this widget shows `author_id`'s answers of the current visit and commits what
was changed through the window's one writer, after a pause, like the note editor: "Saved"
only once the newest change is in. A choice or tick comes from the protocol's words; what
the walker types meets the nudge, as notes do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import forms
from walkapp.errors import WalkappError
from walkapp.protocol.schema import Prompt
from walkapp.services import Services
from walkapp.services.commands import Call
from walkapp.ui import workers
from walkapp.ui.page import Stoppable
from walkapp.ui.widgets.autosave import DEBOUNCE_MS, AutosaveTracker, SaveIndicator
from walkapp.ui.widgets.nudge_field import NudgeSetup
from walkapp.ui.widgets.nudge_highlight import NudgeCheck, no_nudge
from walkapp.ui.widgets.prompt_inputs import PromptInput
from walkapp.ui.workers import cancel_owned_by, read_in_background
from walkapp.ui.writer import Writer

# Answers are short: a text field of three lines, a list of four, so that the form and the
# note editor share the middle of the page at 1366×768.
TEXT_HEIGHT, LIST_HEIGHT = 52, 64


class VisitForm(QWidget, Stoppable):
    """`author_id`'s answers to `form` in the visit shown (`show_visit`)."""

    def __init__(self, services: Services, walk: d.Walk, author_id: str | None,
                 form: Sequence[Prompt], saver: Writer, *, nudge: NudgeCheck = no_nudge,
                 origin: object | None = None, debounce_ms: int = DEBOUNCE_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitForm")
        self._services = services
        self._walk_id = walk.id
        self._author_id = author_id
        self.prompts = tuple(form)
        self._visit_id: str | None = None
        self._answers: dict[tuple[str | None, str | None, str], d.Note] = {}
        self._dirty: dict[str, Any] = {}  # key → value changed here and not yet saved
        self._reads = 0
        self._closed = False

        self.title = QLabel(self.tr("Questions for this visit"))
        self.title.setObjectName("visitFormTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.indicator = SaveIndicator(self.tr("the visit's questions"))
        setup = NudgeSetup.for_walk(walk.language or "en", nudge)
        self.inputs: dict[str, PromptInput] = {}
        body = QWidget()
        fields = QVBoxLayout(body)
        fields.setContentsMargins(0, 0, 4, 0)
        fields.setSpacing(2)
        for prompt in self.prompts:
            field = PromptInput(prompt, nudge=setup if forms.nudged(prompt) else None)
            if field.editor is not None:
                field.editor.setFixedHeight(TEXT_HEIGHT if prompt.kind == "text"
                                            else LIST_HEIGHT)
            if prompt.kind == "checklist":
                _ticks_across(field)
            field.changed.connect(lambda value, key=prompt.key: self._changed(key, value))
            self.inputs[prompt.key] = field
            fields.addWidget(field)
        fields.addStretch(1)
        self.area = QScrollArea()  # not `scroll`: that would hide QWidget.scroll()
        self.area.setWidget(body)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.indicator)

        self.tracker = AutosaveTracker(saver, self.indicator, self._build_commit,
                                       debounce_ms=debounce_ms, origin=origin or self,
                                       parent=self)
        self.tracker.committed.connect(self._committed)
        self.setEnabled(False)  # until the answers are read
        self.reload()

    # -- public ------------------------------------------------------------------------------
    def focus_widgets(self) -> list[QWidget]:
        return [w for field in self.inputs.values() for w in field.focus_widgets()]

    def show_visit(self, visit_id: str | None) -> None:
        """Show the answers of `visit_id`; the caller flushed the visit before it."""
        if visit_id == self._visit_id:
            return
        self._visit_id = visit_id
        self._dirty.clear()
        self.tracker.reset(f"visit-form:{visit_id}:{self._author_id}", saved=True)
        self.indicator.set_state("idle")
        self._load()

    def flush(self) -> bool:
        """Commit what was changed now; True when it is in the database."""
        return self.tracker.flush()

    def is_saved(self) -> bool:
        return self.tracker.is_saved()

    def reload(self) -> None:
        """Read this author's answers again (another part changed notes), off the GUI
        thread; what is being changed here stays as it is."""
        if self._closed:
            return
        self._reads += 1
        generation = self._reads
        notes, walk_id, author_id = self._services.notes, self._walk_id, self._author_id

        def apply(answers: list[d.Note]) -> None:
            if self._closed or generation != self._reads:
                return
            self._answers = forms.by_prompt(a for a in answers if a.author_id == author_id)
            self.setEnabled(True)
            self._load()

        def failed(error: BaseException, _details: str) -> None:
            if self._closed or generation != self._reads:
                return
            if not isinstance(error, WalkappError):
                raise error  # a bug: the crash handler shows it
            self.title.setText(self.tr("The answers could not be read: {0}")
                               .format(error.message))

        read_in_background(lambda: notes.list_answers(walk_id, author_id=author_id), apply,
                           owner=self, on_error=failed, wait_ms=workers.FOLLOW_READ_MS)

    def shutdown(self) -> None:
        if self._closed:
            return
        self.tracker.flush()
        self._closed = True
        self.tracker.shutdown()
        cancel_owned_by(self)

    # -- inside ------------------------------------------------------------------------------
    def _load(self) -> None:
        for prompt in self.prompts:
            if prompt.key in self._dirty:
                continue  # being changed here: the newest words are on screen
            note = self._answers.get((self._author_id, self._visit_id, prompt.key))
            values = forms.answer_values(prompt, note.text) if note is not None else ()
            field = self.inputs[prompt.key]
            if field.kind in ("list", "checklist"):
                field.set_value(list(values))
            else:
                field.set_value(note.text if note is not None else None)

    def _changed(self, key: str, value: Any) -> None:
        if self._closed or self._visit_id is None:
            return
        self._dirty[key] = value
        self.tracker.touch()

    def _build_commit(self) -> Call | None:
        if not self._dirty or self._visit_id is None:
            return None
        wanted = dict(self._dirty)
        prompts = {p.key: p for p in self.prompts}
        walk_id, author_id, visit_id = self._walk_id, self._author_id, self._visit_id

        def save(services: Services) -> tuple[dict[str, Any], tuple[Any, ...]]:
            saved = tuple(services.notes.save_answer(walk_id, author_id, visit_id,
                                                     prompts[key], value or "")
                          for key, value in wanted.items())
            return wanted, saved

        return Call(save, "save the visit's answers")

    def _committed(self, result: object) -> None:
        if self._closed or not isinstance(result, tuple):
            return
        wanted, saved = result
        for answer in saved:
            where = (answer.author_id, answer.visit_id, answer.form_key)
            if answer.note is None:
                self._answers.pop(where, None)
            else:
                self._answers[where] = answer.note
        for key, value in wanted.items():
            if self._dirty.get(key) == value:
                del self._dirty[key]


def _ticks_across(field: PromptInput) -> None:
    """A checklist of a few short options in one row (as a choice's are), so that the form
    keeps to a few lines; long or many options stay one under another."""
    options = field.prompt.options
    if len(options) > 4 or sum(map(len, options)) > 60:
        return
    column = field.layout()
    assert isinstance(column, QVBoxLayout)
    row = QHBoxLayout()
    for box in field.buttons:
        column.removeWidget(box)
        row.addWidget(box)
    row.addStretch(1)
    column.addLayout(row)
