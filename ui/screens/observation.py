"""Observation: the note-taker a walker uses between classrooms.

Built for a few seconds of attention: the current visit and its countdown at the top, the
editor in the middle with the typing focus, the walker's notes of this visit on the right.
Everything works from the keyboard:

  Ctrl+PgDown / Alt+Right   next visit        Ctrl+PgUp / Alt+Left   previous visit
  Ctrl+T                    start/pause the visit countdown
  Ctrl+1 … Ctrl+4           stem: I noticed, I wonder, I will try, Question
  Alt+1 … Alt+9             toggle look-for tag 1…9
  a tally's own key         add one / start or stop its timer (not while typing)
  Ctrl+Enter                keep this note, start the next one
  Delete (in the list)      delete a note (Undo offered)

Leaving a visit whose countdown runs starts the corridor-talk timer; starting the next
visit's countdown ends it. Each visit keeps its own elapsed time, so going back shows it.
The editor writes `author_id`'s notes; in walker mode that is the walker themselves, and
only their notes are shown. On the facilitator's laptop (`everyone=True`) the list beside
the editor holds every walker's notes of the visit too — imported, typed up from paper, the
facilitator's own — read in one query off the GUI thread, with a filter by walker
(walkapp.ui.widgets.visit_notes); only `author_id`'s notes open in the editor.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.events import Change, Entity
from walkapp.services import NoteDraft, Services
from walkapp.services.commands import Call, NoteWrite, Target
from walkapp.services.protocol_walks import walk_protocol
from walkapp.ui import turns, workers
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Page
from walkapp.ui.screens.observation_keys import add_shortcuts
from walkapp.ui.screens.observe_reads import NotesRead, notes_reader
from walkapp.ui.undo import UNDONE
from walkapp.ui.widgets.autosave import DEBOUNCE_MS, describe_failure
from walkapp.ui.widgets.empty_state import EmptyState
from walkapp.ui.widgets.fit_sizes import fit_list_width, share_splitter, wrap_items
from walkapp.ui.widgets.note_editor import ElidedLabel, NoteDeleted, NoteEditor
from walkapp.ui.widgets.note_history import NoteHistoryDialog
from walkapp.ui.widgets.nudge_highlight import NudgeCheck, no_nudge
from walkapp.ui.widgets.tally_panel import TallyPanel
from walkapp.ui.widgets.visit_form import VisitForm
from walkapp.ui.widgets.visit_header import Clock, VisitHeader
from walkapp.ui.widgets.visit_notes import NotesPanel
from walkapp.ui.workers import cancel_owned_by, read_in_background
from walkapp.ui.writer import Writer

__all__ = ["Clock", "ObservationScreen"]


class ObservationScreen(QWidget, Page):
    """Signals: `visit_changed(visit_id)`, `note_saved(Note)` after each successful
    commit of one of this author's notes, `save_failed(message)`."""

    visit_changed = Signal(str)
    note_saved = Signal(object)
    save_failed = Signal(str)

    def __init__(self, services: Services, walk_id: str, author_id: str | None,
                 clock: Clock | None = None, nudge: NudgeCheck = no_nudge,
                 asker: Asker | None = None, parent: QWidget | None = None, *,
                 debounce_ms: int = DEBOUNCE_MS, writer: Writer | None = None,
                 everyone: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("observationScreen")
        self._services = services
        self._author_id = author_id
        self._asker = asker or Asker()
        self._walk = services.walks.get_walk(walk_id)
        # Everyone's notes only ever on the facilitator's laptop: a walker's laptop shows
        # the walker's own, whoever asks.
        self._everyone = everyone and self._walk.local_mode is d.LocalMode.FACILITATOR
        self._index = -1
        self._notes: dict[str, d.Note] = {}      # this author's live notes, by id
        self._others: dict[str, d.Note] = {}     # everyone else's (with `everyone`), by id
        # Notes are read off the GUI thread (a walker may have hundreds): the newest read,
        # and what this screen saved or deleted since it started (laid over its result).
        self._notes_read = 0
        self._notes_loading = False
        self._saved_since_read: dict[str, d.Note | None] = {}
        self._deleting: dict[str, NoteDraft] = {}
        self._undo: NoteDraft | None = None
        self._navigating = False
        self._focused_once = False
        # (note id, edit count) of an unsaved note the walker agreed to lose on closing:
        # asked once, it does not count as "not saved" again for the same close.
        self._loss_accepted: tuple[str | None, int] | None = None
        self._closed = False

        # The window's one writer (a screen built alone makes its own, and stops it). Each
        # write names this screen as its origin: on_change knows its own saves by that.
        self._owns_writer = writer is None
        self.saver = writer if writer is not None else Writer(services, self)
        self.saver.succeeded.connect(self._on_commit)
        self.saver.failed.connect(self._on_commit_failed)

        # -- header: where am I, how long have I got ---------------------------------------
        self.header = VisitHeader(clock)
        self.header.previous_requested.connect(self.previous_visit)
        self.header.next_requested.connect(self.next_visit)
        # The header's parts, named here for the main window and tests.
        self.prev_button = self.header.prev_button
        self.next_button = self.header.next_button
        self.visit_title = self.header.title
        self.visit_details = self.header.details
        self.visit_timer = self.header.visit_timer
        self.corridor_timer = self.header.corridor_timer
        self.timer_button = self.header.timer_button
        self.focus_label = ElidedLabel()
        self.focus_label.setObjectName("walkFocus")

        # -- body: visits | editor | this visit's notes -------------------------------------
        self.visits_list = QListWidget()
        self.visits_list.setObjectName("visitsList")
        self.visits_list.setAccessibleName(self.tr("Visits"))
        self.visits_list.setSpacing(3)
        wrap_items(self.visits_list)  # a long room name wraps, never "Room 1…" (issue 18)
        self.visits_list.currentRowChanged.connect(self._visit_row_changed)
        # The stems, tallies and visit form are the protocol's (its snapshot; a kit carries
        # it).
        protocol = walk_protocol(services, walk_id)
        self.editor = NoteEditor(services.notes, self._walk, author_id, saver=self.saver,
                                 nudge=nudge, debounce_ms=debounce_ms, origin=self,
                                 stems=protocol.stems)
        self.form = VisitForm(services, self._walk, author_id, protocol.visit_form,
                              self.saver, nudge=nudge, origin=self, debounce_ms=debounce_ms
                              ) if protocol.visit_form else None
        self.editor.save_failed.connect(self.save_failed)
        self.notes_panel = NotesPanel()
        self.notes_panel.set_stem_labels({s.stem_key: s.label for s in protocol.stems})
        self.notes_panel.set_own(author_id)
        if self._everyone:
            self._offer_people()
            self.notes_panel.filter_changed.connect(self._filter_changed)
        self.notes_panel.note_selected.connect(self._note_picked)
        self.notes_panel.delete_requested.connect(self.delete_note)
        self.notes_panel.undo_requested.connect(self.undo_delete)
        self.notes_panel.back_to_editor.connect(self.focus_editor)
        self.notes_panel.history_requested.connect(self.show_history)
        self.history_dialog: NoteHistoryDialog | None = None
        self.editor.note_started.connect(self._note_started)
        self.tallies = TallyPanel(services, walk_id, author_id, protocol.tallies, self.saver,
                                  clock, origin=self)
        self.tallies.save_failed.connect(self.save_failed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.visits_list)
        self.middle = QSplitter(Qt.Orientation.Vertical)  # the note, and the visit's form
        self.middle.setChildrenCollapsible(False)
        self.middle.addWidget(self.editor)
        if self.form is not None:
            self.middle.addWidget(self.form)
            self.middle.setSizes([360, 300])
        # The note and its form run no wider than the note editor's readable line; at a
        # wide window the extra width goes to the visits and the notes beside it.
        self.middle.setMaximumWidth(self.editor.maximumWidth())
        self.splitter.addWidget(self.middle)
        self.splitter.addWidget(self.notes_panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([210, 700, 380])
        self._shared, self._visits_width = False, 0  # the splitter's, at its first width

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.header)
        page_layout.addWidget(self.focus_label)
        page_layout.addWidget(self.tallies)
        page_layout.addWidget(self.splitter, 1)
        self._page_layout = page_layout
        self.guide: QWidget | None = None
        self.empty = EmptyState("footprints", self.tr("This walk has no visits yet"), self.tr(
            "Add the route of visits when planning the walk; then notes can be taken here, "
            "one visit at a time."))
        self.pages = QStackedWidget()
        self.pages.addWidget(page)
        self.pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.next_action, self.previous_action, self.timer_action = add_shortcuts(
            self, self.next_visit, self.previous_visit, self.toggle_visit_timer,
            [*self.editor.shortcut_actions(), *self.tallies.shortcut_actions()])
        self._set_tab_order()
        self.editor.tags_rebuilt.connect(self._set_tab_order)
        if self._everyone:
            # Everyone's notes (a thousand in a big walk) are read from the next turn on:
            # a read under way slows the GUI thread (the interpreter lock), so it is not
            # started in the turn that builds the page, nor waited for.
            self._notes_loading = True
            turns.later(self, self._first_read)
        else:
            self._reload_notes()
        self._show_walk()
        if self._notes_loading:
            self.notes_panel.title.setText(self.tr("Loading the notes…") if self._everyone
                                           else self.tr("Loading your notes…"))

    # -- public ------------------------------------------------------------------------------
    @property
    def walk(self) -> d.Walk:
        return self._walk

    def current_visit(self) -> d.Visit | None:
        visits = self._walk.visits
        return visits[self._index] if 0 <= self._index < len(visits) else None

    def next_visit(self) -> bool:
        return self.go_to_visit(self._index + 1)

    def previous_visit(self) -> bool:
        return self.go_to_visit(self._index - 1)

    def go_to_visit(self, index: int) -> bool:
        """Save the note in hand, then show visit `index` (0-based). False if refused."""
        visits = self._walk.visits
        if not 0 <= index < len(visits) or index == self._index:
            return False
        if self._index >= 0 and not (self.editor.flush() and self._form_saved()):
            return False  # the indicator says why; the text stays where it is
        self._index = index
        self._show_visit()
        self.visit_changed.emit(visits[index].id)
        return True

    def toggle_visit_timer(self) -> None:
        self.header.toggle_timer()

    def flush(self) -> bool:
        """Commit the note in hand now; True when everything on screen is saved."""
        ok = self.editor.flush() and self._form_saved()
        self.saver.flush()
        return ok

    def _form_saved(self) -> bool:
        return self.form is None or self.form.flush()

    def save_pending(self) -> bool:
        """Commit the note in hand; True when it is saved (or the walker agreed, asked by
        `can_close()`, to lose exactly this unsaved text)."""
        return self.flush() or self._loss_accepted == self._unsaved_key()

    def _unsaved_key(self) -> tuple[str | None, int]:
        return self.editor.note_id, self.editor.tracker.generation

    def can_close(self) -> bool:
        """For the main window's close: save, or ask before losing an unsaved note (this
        screen can say why it was not saved)."""
        if self.flush():
            return True
        reason = self.editor.tracker.error or self.tr("the note could not be saved.")
        agreed = self._asker.confirm(
            self, self.tr("Your note is not saved"),
            self.tr("The note you are typing could not be saved: {0}\n\nClose anyway and "
                    "lose it? Choose Cancel, copy the text somewhere safe, or try again.")
            .format(reason), self.tr("Close and lose it"))
        self._loss_accepted = self._unsaved_key() if agreed else None
        return agreed

    def shutdown(self) -> None:
        """The walk is closing (its database is still open): save the note in hand, stop
        the timers, wait for the commit in flight, and from now on ignore changes."""
        if self._closed:
            return
        self.flush()
        self._closed = True
        self.editor.shutdown()
        if self.form is not None:  # saved by the flush above
            self.form.shutdown()
        self.tallies.shutdown()  # a running timer's time is in the writer's line first
        if self._owns_writer:
            self.saver.shutdown()
        self.header.shutdown()
        cancel_owned_by(self)  # a read of the notes still running is dropped

    def set_guide(self, guide: QWidget) -> None:
        """Show `guide` (the visits step's words, in walker mode) under the visit's header,
        above the editor."""
        if self.guide is not None:
            self._page_layout.removeWidget(self.guide)
            self.guide.deleteLater()
        self.guide = guide
        self._page_layout.insertWidget(self._page_layout.indexOf(self.splitter), guide)

    def focus_editor(self) -> None:
        self.editor.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_note(self, note_id: str) -> None:
        note = self._notes.get(note_id)
        if note_id == self.editor.note_id:
            snapshot = self.editor.current_draft()
            self.editor.forget_current()
        elif note is not None:
            snapshot = NoteDraft(walk_id=note.walk_id, author_id=note.author_id,
                                 text=note.text, stem=note.stem, visit_id=note.visit_id,
                                 phase=note.phase, look_for_ids=note.look_for_ids, id=note.id,
                                 stem_key=note.stem_key)
        else:
            return
        self._deleting[note_id] = snapshot

        def remove(services: Services) -> NoteDeleted:
            services.notes.delete_note(note_id)
            return NoteDeleted(note_id)

        self.notes_panel.show_undo(self.tr("Deleting…"), can_undo=False)
        self.saver.submit(note_id, 0, Call(remove, "delete the note",
                                           target=Target("Note", note_id)), origin=self)

    def undo_delete(self) -> None:
        draft = self._undo
        if draft is None:
            return
        self._undo = None
        self.notes_panel.hide_undo()
        self.saver.submit(draft.id, 0, NoteWrite("save_note", (draft,)), origin=self)

    def on_change(self, change: Change) -> None:
        """Refresh only what another part changed. This screen's own saves (their changes
        carry it as origin) are on screen already: the saver's results put them there."""
        if change.walk_id != self._walk.id or self._closed:
            return
        if change.entity in {Entity.WALK, Entity.VISIT, Entity.LOOK_FOR, Entity.PARTICIPANT}:
            self.reload_walk()
        elif change.entity is Entity.NOTE and not change.is_from(self):
            # Someone else's note (an import, another screen): never touches the note
            # being typed, only the list beside it. Edit ▸ Undo of the open note does.
            if change.is_from(UNDONE):
                self.editor.undone(change.ids)
            self._reload_notes()
            self._show_visit_notes()
            if self.form is not None:
                self.form.reload()
        elif change.entity is Entity.TALLY and not change.is_from(self):
            self.tallies.reload()  # an undo, an import

    def reload_walk(self) -> None:
        current = self.current_visit()
        self._walk = self._services.walks.get_walk(self._walk.id)
        self.editor.set_walk(self._walk)
        self.notes_panel.set_look_fors(self._walk.look_fors)
        if self._everyone:
            self._offer_people()
        ids = [v.id for v in self._walk.visits]
        self._index = ids.index(current.id) if current and current.id in ids else -1
        self._show_walk()

    # -- showing -----------------------------------------------------------------------------
    def _show_walk(self) -> None:
        walk = self._walk
        self.focus_label.set_full_text(self.tr("Focus: {0}").format(walk.focus)
                                       if walk.focus else "")
        self.focus_label.setVisible(bool(walk.focus))
        self.header.set_lengths(walk.visit_minutes, walk.corridor_minutes)
        self.notes_panel.set_look_fors(walk.look_fors)
        if not walk.visits:
            self._index = -1
            self.pages.setCurrentWidget(self.empty)
            return
        self.pages.setCurrentIndex(0)
        if self._index < 0:
            self._index = 0
        self._show_visit()

    def _show_visit(self) -> None:
        visit = self.current_visit()
        if visit is None:
            return
        if visit.id != self.header.visit_id:
            self.notes_panel.hide_undo()
            self._undo = None
        self.header.show_visit(visit, len(self._walk.visits),
                               show_teacher=self._walk.show_teacher_names)
        self._show_visits_list()
        if self.editor.visit_id != visit.id:
            self.editor.start_note(visit.id)
        if self.form is not None:
            self.form.show_visit(visit.id)
        self.tallies.show_visit(visit.id)
        self._show_visit_notes()

    def _offer_people(self) -> None:
        names = {p.id: p.display_name for p in self._walk.participants}
        self.notes_panel.set_people([(w.id, w.display_name) for w in self._walk.walkers],
                                    names)

    def _shown_notes(self) -> list[d.Note]:
        """The notes the filter lets into the list, of every visit."""
        shows = self.notes_panel.accepts()
        return [n for notes in (self._notes, self._others) for n in notes.values()
                if shows(n.author_id)]

    def _filter_changed(self) -> None:
        if self.current_visit() is not None:
            self._show_visits_list()
            self._show_visit_notes()

    def _show_visits_list(self) -> None:
        counts: dict[str | None, int] = {}
        for note in self._shown_notes():
            counts[note.visit_id] = counts.get(note.visit_id, 0) + 1
        self._navigating = True
        try:
            if self.visits_list.count() != len(self._walk.visits):
                self.visits_list.clear()
                for _ in self._walk.visits:
                    self.visits_list.addItem(QListWidgetItem())
            for row, visit in enumerate(self._walk.visits):
                count = counts.get(visit.id, 0)
                if count:
                    text = self.tr("{0} · {1}").format(visit.label,
                                                       fmt.plural(count, "{n} note", "{n} notes"))
                else:
                    text = visit.label
                details = visit.details(show_teacher=self._walk.show_teacher_names)
                item = self.visits_list.item(row)
                item.setText(f"{text}\n{details}" if details else text)
            self.visits_list.setCurrentRow(self._index)
        finally:
            self._navigating = False
        # As wide as its lines need (a bigger font, a longer count); past ~18 characters
        # (or ~28, with room to spare) they wrap.
        self._visits_width = fit_list_width(self.visits_list, 12, 28)  # fits 960 pt (2×)

    def _show_visit_notes(self) -> None:
        visit = self.current_visit()
        notes = sorted((n for n in self._shown_notes() if visit and n.visit_id == visit.id),
                       key=lambda n: (n.created_at, n.id))
        person = self._walk.participant(self.notes_panel.shown())
        self.notes_panel.show_title(visit.label if visit else "",
                                    person.display_name if person else None)
        self.notes_panel.set_notes(notes, self.editor.note_id)

    # -- notes ---------------------------------------------------------------------------------
    def _first_read(self) -> None:
        if not self._closed and self._notes_read == 0:
            self._reload_notes()

    def is_loading(self) -> bool:
        """Is a read of this author's notes still under way?"""
        return self._notes_loading

    def _reload_notes(self) -> None:
        """Read this author's notes off the GUI thread; a quick read is shown at once, a
        slow one when it is in (the visit list and the notes panel then catch up)."""
        self._notes_read += 1
        generation = self._notes_read
        self._saved_since_read = {}
        read = notes_reader(self._services, self._walk, self._author_id, self._everyone)

        def apply(read_back: NotesRead) -> None:
            if self._closed or generation != self._notes_read:
                return  # closed meanwhile, or a newer read is under way
            notes, edited = read_back
            self.notes_panel.set_edited(edited)
            self._notes_loading = False
            loaded = {n.id: n for n in notes if n.author_id == self._author_id}
            for note_id, saved in self._saved_since_read.items():
                if saved is None:
                    loaded.pop(note_id, None)
                else:
                    loaded[note_id] = saved
            self._notes = loaded
            self._others = {n.id: n for n in notes
                            if self._everyone and n.author_id != self._author_id}
            if self.current_visit() is not None:  # shown already: show what was read
                self._show_visits_list()
                self._show_visit_notes()

        def failed(error: BaseException, _details: str) -> None:
            if self._closed or generation != self._notes_read:
                return
            self._notes_loading = False
            if not isinstance(error, WalkappError):
                raise error  # a bug: the crash handler shows it
            self.notes_panel.title.setText(self.tr("Your notes could not be read: {0}")
                                           .format(error.message))

        self._notes_loading = True
        read_in_background(read, apply, owner=self, on_error=failed,
                           wait_ms=workers.FOLLOW_READ_MS if self._everyone else None)

    def _on_commit(self, key: str, _generation: int, result: object) -> None:
        if self._closed:
            return
        if isinstance(result, d.Note):
            if result.author_id != self._author_id or result.walk_id != self._walk.id:
                return
            self._notes[result.id] = result
            self._saved_since_read[result.id] = result
            if self.editor.keeps_history(result.id):
                self.notes_panel.mark_edited(result.id)
            visit = self.current_visit()
            if visit is not None and result.visit_id == visit.id \
                    and self.notes_panel.shows(result.author_id):
                self.notes_panel.upsert(result)
                if result.id == self.editor.note_id:
                    self.notes_panel.select(result.id)
            self._show_visits_list()
            self.note_saved.emit(result)
        elif isinstance(result, NoteDeleted):
            self._notes.pop(result.note_id, None)
            self._saved_since_read[result.note_id] = None
            self.notes_panel.remove(result.note_id)
            self._show_visits_list()
            draft = self._deleting.pop(result.note_id, None)
            if draft is not None:
                self._undo = draft
                self.notes_panel.show_undo(self.tr("Note deleted."), can_undo=True)

    def show_history(self, note_id: str) -> NoteHistoryDialog | None:
        """Open the earlier texts of `note_id` (read off the GUI thread)."""
        if self._closed or not note_id:
            return None
        if self.history_dialog is not None:
            self.history_dialog.close()
            self.history_dialog.deleteLater()
        history, walk_id = self._services.history, self._walk.id
        self.history_dialog = NoteHistoryDialog(
            lambda: history.history(walk_id, Entity.NOTE, note_id), self)
        self.history_dialog.show()
        return self.history_dialog

    def _on_commit_failed(self, key: str, _generation: int, error: object) -> None:
        if key in self._deleting and not self._closed:
            self._deleting.pop(key)
            assert isinstance(error, BaseException)
            self.notes_panel.show_undo(self.tr("The note was not deleted: {0}").format(
                describe_failure(error)), can_undo=False)

    def _note_started(self, note_id: str) -> None:
        self.notes_panel.select(None)  # a fresh note is not in the list yet

    def _note_picked(self, note_id: str) -> None:
        if note_id == self.editor.note_id:
            return
        if not self.editor.flush():
            self.notes_panel.select(self.editor.note_id)
            return
        note = self._notes.get(note_id)
        if note is not None:
            self.editor.load_note(note)

    def _visit_row_changed(self, row: int) -> None:
        if self._navigating:
            return
        if not self.go_to_visit(row):
            self._navigating = True
            self.visits_list.setCurrentRow(self._index)
            self._navigating = False

    # -- keyboard --------------------------------------------------------------------------------
    def focus_chain(self) -> list[QWidget]:
        """Every control in tab order: where am I, what kind of note, the note, my notes."""
        panel = self.notes_panel
        form = self.form.focus_widgets() if self.form is not None else []
        return [self.visits_list, self.prev_button, self.next_button, self.timer_button,
                *self.tallies.focus_chain(), *self.editor.focus_chain(), *form,
                panel.filter, panel.show_authors, panel.list, panel.history_button,
                panel.delete_button, panel.undo_button]

    def _set_tab_order(self) -> None:
        chain = self.focus_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shared and self.splitter.width() > 0:
            # The visits and everyone's notes keep what they need, the editor the rest.
            self._shared = True
            width = self.splitter.width()
            share_splitter(self.splitter, [min(self._visits_width, width // 5), 0,
                                           min(380, width // 4)], 1)
        if not self._focused_once and self._walk.visits:
            self._focused_once = True
            self.focus_editor()

    def hideEvent(self, event: QHideEvent) -> None:
        # Another screen takes over: whatever is typed goes to the database now.
        self.editor.tracker.commit_now()
        super().hideEvent(event)
