"""The note editor: one note at a time, with its stem and look-for tags, autosaved.

There is no Save button. Each note gets its id before the first keystroke is stored, so a
retried commit updates the same note instead of adding a copy. The text is committed
when typing pauses for 0.75 s, at least every 0.8 s while it goes on without a pause
(`debounce.py`), when the editor loses focus, and before the walker moves to another note
or visit (see `autosave.py` for why commits run off the GUI thread and in order). A note
whose text is emptied is removed, so the database never keeps text the walker has taken
out.

On the facilitator's laptop, changing a walker's note (one that came in the walker's notes
file) makes it the facilitator's version; the walker's own text is kept in the note's
history (walkapp.services.history), and a line under the editor says so once it is saved.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp.errors import EditConflictError, NotFoundError
from walkapp.protocol.schema import StemSpec, StemTone
from walkapp.services.commands import NOTE_FIELDS, Call, Target
from walkapp.services.notes import NoteDraft, NoteService
from walkapp.ui import theme
from walkapp.ui.page import Stoppable
from walkapp.ui.shortcut_keys import LOOK_FORS, NEW_NOTE
from walkapp.ui.widgets.autosave import (
    DEBOUNCE_MS,
    AutosaveTracker,
    Commit,
    SaveIndicator,
    SerialSaver,
)
from walkapp.ui.widgets.fit_sizes import ReflowRow, WrappedLabel
from walkapp.ui.widgets.flow_layout import FlowLayout
from walkapp.ui.widgets.note_text import (
    DEFAULT_STEMS,
    STEMS,
    ElidedLabel,
    NoteTextEdit,
    shortcut_text,
    stem_label,
    stem_prompt,
)
from walkapp.ui.widgets.nudge_field import NudgeField, NudgeSetup
from walkapp.ui.widgets.nudge_highlight import NudgeCheck, no_nudge
from walkapp.ui.widgets.stem_picker import StemPicker

__all__ = ["DEFAULT_STEMS", "STEMS", "ElidedLabel", "NoteDeleted", "NoteEditor", "NoteTextEdit",
           "shortcut_text", "stem_label", "stem_prompt"]

MAX_TAG_SHORTCUTS = len(LOOK_FORS.keys)
# Longer texts are checked a moment after typing pauses rather than on every keystroke
# (a 2,000-character note takes a few milliseconds with the Spanish list).
SYNC_NUDGE_CHARS = 2000
NOTE_PHASE = "observation"
# The note box's frame, padding, document margins and scroll bar (px), beside its text.
NOTE_FRAME_PX = 24


@dataclass(frozen=True)
class NoteDeleted:
    """The result of a commit that removed an emptied note."""

    note_id: str


@dataclass
class _Base:
    """What the database held when this editor last read or wrote its note."""

    revision: int | None
    forked_to: str | None = None
    # After the last commit: the note keeps the walker's earlier text in its history.
    kept: bool = False


class NoteEditor(QWidget, Stoppable):
    """Edits one note of `author_id` at a time.

    Signals: `saved(result)` after each successful commit (a `walkapp.domain.Note`, or
    `NoteDeleted` when an emptied note was removed); `save_failed(message)`;
    `note_started(note_id)` when a fresh, empty note begins.
    """

    saved = Signal(object)
    save_failed = Signal(str)
    note_started = Signal(str)
    tags_rebuilt = Signal()

    def __init__(self, notes: NoteService, walk: d.Walk, author_id: str | None, *,
                 saver: SerialSaver, nudge: NudgeCheck = no_nudge,
                 debounce_ms: int = DEBOUNCE_MS, origin: object | None = None,
                 stems: Sequence[StemSpec] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self._notes = notes
        self._walk = walk
        self._author_id = author_id
        self._nudge = nudge
        self._note_id = ""
        self._base = _Base(None)
        self._visit_id: str | None = None
        self._stem = d.Stem.NOTICED
        self._stem_key = ""  # the protocol's own stem (StemSpec.key); "" for the four
        self._tags: list[str] = []
        self._stored = False  # the note may exist in the database
        self._last_text = ""

        # The walk's protocol's stems, in its order and words (walkapp.protocol `[[stems]]`,
        # its own stems included: "Warm", "Cool"), keyed by what notes are stored under.
        self.stem_picker = StemPicker(tuple(stems) if stems is not None else DEFAULT_STEMS)
        if self.stem_picker.specs:
            first = self.stem_picker.specs[0]
            self._stem, self._stem_key = first.stem, first.key
        self.stem_picker.chosen.connect(self._choose_stem)
        self.stem_buttons = self.stem_picker.buttons
        self.stem_actions = self.stem_picker.actions_

        tags_caption = QLabel(self.tr("Look-fors:"))
        tags_caption.setObjectName("tagsCaption")
        self.tags_box = QWidget()
        self.tags_box.setObjectName("lookForTags")
        self.tags_layout = FlowLayout(self.tags_box)
        self.tag_buttons: list[QPushButton] = []
        self.tag_actions: list[QAction] = []
        for number in range(1, MAX_TAG_SHORTCUTS + 1):
            action = QAction(self.tr("Look-for {0}").format(number), self)
            action.setShortcut(QKeySequence(LOOK_FORS.keys[number - 1]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, i=number - 1: self.toggle_look_for(i))
            self.tag_actions.append(action)
        # The caption beside the tags, or above them when the column is too narrow for both
        # (Spanish "Focos de observación:" beside a long tag made the note-taker wider
        # than a 1024-pixel window).
        tags_row = ReflowRow()
        tags_row.addWidget(tags_caption, 0, Qt.AlignmentFlag.AlignTop)
        tags_row.addWidget(self.tags_box, 1)

        self.text_edit = NoteTextEdit()
        self.text_edit.setObjectName("noteText")
        self.text_edit.setAccessibleName(self.tr("Note text"))
        text_font = QFont(self.text_edit.font())
        text_font.setPointSizeF(text_font.pointSizeF() * 1.15)
        self.text_edit.setFont(text_font)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.text_edit.focus_left.connect(self._on_focus_left)

        self.hint = ElidedLabel()
        self.hint.setObjectName("nudgeHint")
        # The protocol's language may have no word list (protocols/lang/): say so once,
        # quietly, rather than leave walkers to think their wording was checked.
        # The walk's language, or English when it has no word list (said in nudge_notice).
        self.nudge_setup = NudgeSetup.for_walk(walk.language, nudge)
        self.nudge_notice = ElidedLabel()
        self.nudge_notice.setObjectName("nudgeUnavailable")
        self.nudge_notice.set_full_text(self.nudge_setup.notice())
        self.nudge_notice.setVisible(self.nudge_setup.falls_back)
        # Checked at once while the note is short (the check takes about a millisecond),
        # after a pause in the typing when it is long.
        self.nudge = NudgeField(self.text_edit, self.nudge_setup, "note", hint=self.hint,
                                sync_chars=SYNC_NUDGE_CHARS, announce=False)
        # An appreciative stem (warm feedback) words the nudge more kindly; the nudge and
        # the name caution stay on whatever the stem.
        self.nudge.set_tone(self._tone())
        # Shown once a change to a walker's note is saved here on the facilitator's laptop.
        self.kept_label = QLabel(self.tr(
            "Saved as the facilitator's version. The walker's text is kept in the note's "
            "history."))
        self.kept_label.setObjectName("historyKept")
        self.kept_label.setWordWrap(True)
        self.kept_label.hide()
        self.indicator = SaveIndicator(self.tr("the note"))
        self.new_note_button = QPushButton(self.tr("New note  {0}").format(
            shortcut_text("Ctrl+Return")))
        self.new_note_button.setAccessibleName(self.tr("Start a new note"))
        self.new_note_button.setToolTip(self.tr("Keep this note and start the next one"))
        self.new_note_button.clicked.connect(self.new_note)
        self.new_note_action = QAction(self.tr("New note"), self)
        self.new_note_action.setShortcuts([QKeySequence(k) for k in NEW_NOTE.keys])
        self.new_note_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_note_action.triggered.connect(self.new_note)
        self.addActions(self.shortcut_actions())

        # The keys, in words that wrap rather than end in "…" (a larger type, Spanish).
        self.shortcuts_hint = WrappedLabel()
        self.shortcuts_hint.setObjectName("shortcutsHint")
        self.shortcuts_hint.setText(self.tr(
            "{0} next note · {1} stem · {2} look-for · {3} next visit · {4} visit timer")
            .format(shortcut_text("Ctrl+Return"), self.stem_picker.shortcut_summary(),
                    shortcut_text("Alt+1") + "–9", shortcut_text("Ctrl+PgDown"),
                    shortcut_text("Ctrl+T")))
        bottom = QHBoxLayout()
        bottom.addWidget(self.indicator, 1)
        bottom.addWidget(self.new_note_button)
        # A readable line: never wider than about READABLE_CHARS characters (the frame,
        # padding, document margins and a scroll bar besides); a wider window gives the
        # extra width to the panels beside the editor.
        self.setMaximumWidth(theme.readable_width(self.text_edit, extra=NOTE_FRAME_PX))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stem_picker)
        layout.addLayout(tags_row)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.nudge_notice)
        layout.addWidget(self.kept_label)
        layout.addLayout(bottom)
        layout.addWidget(self.shortcuts_hint)

        # `origin`: whose saves these are (the screen holding the editor; default: itself).
        self.tracker = AutosaveTracker(saver, self.indicator, self._build_commit,
                                       debounce_ms=debounce_ms, origin=origin, parent=self)
        self.tracker.committed.connect(self._on_committed)
        self.tracker.failed.connect(self.save_failed)
        self._build_tags()
        self._show_stem()
        self.start_note(None)

    # -- the note being edited -------------------------------------------------------------
    def shortcut_actions(self) -> list[QAction]:
        return [*self.stem_actions, *self.tag_actions, self.new_note_action]

    @property
    def note_id(self) -> str:
        return self._note_id

    @property
    def visit_id(self) -> str | None:
        return self._visit_id

    def stem(self) -> d.Stem:
        """The one of walkapp's four the note is written like."""
        return self._stem

    def stem_key(self) -> str:
        """The protocol's own stem of the note ("warm"); "" for one of the four."""
        return self._stem_key

    def stem_head_key(self) -> str:
        """What the note is grouped under: its own stem's key, else its plain stem."""
        return self._stem_key or self._stem.value

    def look_for_ids(self) -> tuple[str, ...]:
        order = [lf.id for lf in self._walk.look_fors]
        return tuple(sorted(self._tags, key=order.index))

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def is_saved(self) -> bool:
        return self.tracker.is_saved()

    def current_draft(self) -> NoteDraft:
        return NoteDraft(walk_id=self._walk.id, author_id=self._author_id, text=self.text(),
                         stem=self._stem, visit_id=self._visit_id, phase=NOTE_PHASE,
                         look_for_ids=self.look_for_ids(), id=self._note_id,
                         stem_key=self._stem_key)

    def start_note(self, visit_id: str | None) -> None:
        """Begin a fresh, empty note (the stem stays: walkers often write several alike).
        Call `flush()` first: the previous note is left behind as it is."""
        self._visit_id = visit_id
        self._note_id = str(uuid.uuid4())
        self._base = _Base(None)
        self._stored = False
        self._tags = []
        self._set_text("")
        self._show_tags()
        self.kept_label.hide()
        self.tracker.reset(self._note_id)
        self.note_started.emit(self._note_id)

    def load_note(self, note: d.Note) -> None:
        """Edit a stored note. Call `flush()` first."""
        self._visit_id = note.visit_id
        self._note_id = note.id
        self._base = _Base(note.revision)
        self._stored = True
        self._stem, self._stem_key = note.stem, note.stem_key
        known = {lf.id for lf in self._walk.look_fors}
        self._tags = [t for t in note.look_for_ids if t in known]
        self._set_text(note.text)
        self._show_stem()
        self._show_tags()
        self.kept_label.hide()
        self.tracker.reset(note.id, saved=True)

    def keeps_history(self, note_id: str) -> bool:
        """Did the last save of `note_id` (the note open here) keep the walker's text in
        the note's history?"""
        return note_id == self._note_id and self._base.kept

    def flush(self) -> bool:
        """Commit the note now; True when what is on screen is in the database."""
        return self.tracker.flush()

    def shutdown(self) -> None:
        """Stop for good (flush first): no nudge check, no commit from now on."""
        self.nudge.stop()
        self.tracker.shutdown()

    def new_note(self) -> None:
        """Ctrl+Enter: keep this note and start the next one, typing focus unchanged."""
        if not self.text().strip():
            self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        if self.flush():
            self.start_note(self._visit_id)
        self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def forget_current(self) -> None:
        """The current note was deleted elsewhere: stop saving it and start afresh."""
        self.tracker.stop()
        self.start_note(self._visit_id)

    def undone(self, note_ids: Sequence[str]) -> None:
        """Edit ▸ Undo (or Redo) changed notes: if the open note is one of them, show it
        as it is now (or start afresh if Undo took it away), so the next keystroke edits
        what is stored rather than fork a copy of the text that was undone."""
        if self._note_id not in note_ids or not self.tracker.is_saved():
            return
        try:
            note = self._notes.get_note(self._note_id)  # one small read: the note open here
        except NotFoundError:
            self.forget_current()
            return
        self.load_note(note)

    def set_walk(self, walk: d.Walk) -> None:
        """The walk's plan changed (e.g. a look-for was added): rebuild the tags."""
        self._walk = walk
        known = {lf.id for lf in walk.look_fors}
        if any(t not in known for t in self._tags):
            self._tags = [t for t in self._tags if t in known]
            self.tracker.touch()
        self._build_tags()

    def set_stem(self, stem: d.Stem | str) -> None:
        """Pick a stem by what notes are stored under: the protocol's own key ("warm") or
        one of the four (a plain stem the protocol does not offer keeps no button)."""
        spec = self.stem_picker.spec(str(stem))
        if spec is not None:
            self._choose_stem(spec)
            return
        self._set_stem(d.Stem(stem), "")

    def _choose_stem(self, spec: StemSpec) -> None:
        self._set_stem(spec.stem, spec.key)

    def _set_stem(self, stem: d.Stem, key: str) -> None:
        if (stem, key) != (self._stem, self._stem_key):
            self._stem, self._stem_key = stem, key
            self.tracker.touch()
        self._show_stem()

    def toggle_look_for(self, index: int) -> None:
        if not 0 <= index < len(self._walk.look_fors):
            return
        look_for_id = self._walk.look_fors[index].id
        if look_for_id in self._tags:
            self._tags.remove(look_for_id)
        else:
            self._tags.append(look_for_id)
        self._show_tags()
        self.tracker.touch()

    # -- internals -------------------------------------------------------------------------
    def _set_text(self, text: str) -> None:
        self._last_text = text  # a load is not an edit
        self.text_edit.setPlainText(text)
        self.nudge.check_now()

    def _build_tags(self) -> None:
        for button in self.tag_buttons:
            self.tags_layout.removeWidget(button)
            button.deleteLater()
        self.tag_buttons = []
        for index, look_for in enumerate(self._walk.look_fors):
            number = index + 1
            button = QPushButton(f"{number} · {look_for.text}" if number <= MAX_TAG_SHORTCUTS
                                 else look_for.text)
            button.setObjectName("lookForTag")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(self.tr("Look-for tag: {0}").format(look_for.text))
            tip = look_for.description or look_for.text
            if number <= MAX_TAG_SHORTCUTS:
                tip += "\n" + self.tr("Toggle with {0}").format(shortcut_text(f"Alt+{number}"))
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, i=index: self.toggle_look_for(i))
            self.tags_layout.addWidget(button)
            self.tag_buttons.append(button)
        for index, action in enumerate(self.tag_actions):
            action.setEnabled(index < len(self._walk.look_fors))
        self._show_tags()
        self.tags_box.updateGeometry()
        self.tags_rebuilt.emit()

    def focus_chain(self) -> list[QWidget]:
        """The editor's controls in tab order: stems, tags, text, retry, new note."""
        return [*self.stem_buttons.values(), *self.tag_buttons, self.text_edit,
                self.indicator.retry, self.new_note_button]

    def _show_tags(self) -> None:
        for look_for, button in zip(self._walk.look_fors, self.tag_buttons, strict=False):
            button.setChecked(look_for.id in self._tags)

    def _tone(self) -> StemTone:
        spec = self.stem_picker.spec(self.stem_head_key())
        return spec.tone if spec is not None else StemTone.NEUTRAL

    def _show_stem(self) -> None:
        # A note kept under a stem this protocol does not offer (an older note, another
        # protocol's kit) keeps that stem: no button is checked until one is chosen.
        self.stem_picker.show_key(self.stem_head_key())
        self.nudge.set_tone(self._tone())
        spec = self.stem_picker.spec(self.stem_head_key())
        prompt = spec.prompt if spec is not None else stem_prompt(self._stem)
        self.text_edit.setPlaceholderText(self.tr("{0}   ({1} starts the next note)")
                                          .format(prompt, shortcut_text("Ctrl+Return")))

    def _on_text_changed(self) -> None:
        text = self.text_edit.toPlainText()
        if text == self._last_text:
            return  # a format-only change (underlines), not an edit
        self._last_text = text
        self.tracker.touch()  # (the nudge field checks the text by itself)

    def _on_focus_left(self) -> None:
        if not self.tracker.is_saved():
            self.tracker.commit_now()

    def _build_commit(self) -> Commit | None:
        draft = self.current_draft()
        notes = self._notes
        base = self._base
        # The facilitator's laptop, a walker's note: the save may keep the walker's text.
        check_kept = self._walk.local_mode is d.LocalMode.FACILITATOR \
            and self._author_id is not None
        if not draft.text.strip():
            if not self._stored:
                return None

            def remove(_services: object) -> NoteDeleted:
                # NotFound: the note never reached the database, so nothing to remove.
                with contextlib.suppress(NotFoundError):
                    notes.delete_note(draft.id)
                return NoteDeleted(draft.id)

            return Call(remove, "remove the emptied note",
                        target=Target("Note", draft.id, None, draft.walk_id))
        self._stored = True

        def save(_services: object) -> d.Note:
            # Runs on the saver's one worker thread, commits strictly in order: `base`
            # follows the note's revision from one commit to the next.
            target = replace(draft, id=base.forked_to or draft.id,
                             base_revision=base.revision)
            try:
                result = notes.save_note(target)
            except EditConflictError:
                # Someone else's version arrived (an import) while this one was open:
                # keep both — what is typed here becomes a note of its own.
                result = notes.save_note(replace(draft, id=str(uuid.uuid4()),
                                                 base_revision=None))
                base.forked_to = result.id
            base.revision = result.revision
            base.kept = check_kept and notes.keeps_earlier_text(result.id)
            return result

        # (A composite write: the conflict rule and `base` go from one commit to the next.)
        # Its target is what an undo puts back: the note as it was before this save.
        return Call(save, "save the note",
                    target=Target("Note", base.forked_to or draft.id, NOTE_FIELDS,
                                  draft.walk_id))

    def _on_committed(self, result: object) -> None:
        if isinstance(result, d.Note) and result.id == self._note_id:
            self.kept_label.setVisible(self._base.kept)
        if isinstance(result, d.Note) and result.id == self._base.forked_to \
                and self._note_id != result.id:
            self._note_id = result.id
            self.hint.set_full_text(self.tr(
                "This note was changed on another laptop while it was open here; your "
                "text was kept as a separate note, next to the other version."))
        if isinstance(result, NoteDeleted) and self.tracker.is_saved():
            self.indicator.set_state("idle")
        self.saved.emit(result)

