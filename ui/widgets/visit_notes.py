"""The list of the notes in the current visit, with delete and undo.

Selecting a note opens it in the editor; Delete removes it and offers Undo (no dialog: a
walker between rooms has no time to answer one). The panel only shows and reports; the
screen decides what happens. On the facilitator's laptop, a walker's note whose text the
facilitator changed is marked "edited by the facilitator", and "Show earlier text…" asks for
its history (`history_requested`), where the walker's own words are kept.

On the facilitator's laptop the list can hold everyone's notes (`set_people`): a filter
picks whose ("Everyone", "Mine", or one walker) and "Show who wrote each note" marks each
with its author — off by default, the evidence wall's rule. Only the notes of the person
the editor writes as (`own`) can be opened or deleted here; another's note is read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp.protocol.own_keys import group_key
from walkapp.ui import theme
from walkapp.ui.widgets.fit_sizes import wrap_items
from walkapp.ui.widgets.note_text import stem_label

PREVIEW_CHARS = 220
# The list's frame, item padding and scroll bar (px), beside the notes' text.
NOTES_FRAME_PX = 24
IdRole = Qt.ItemDataRole.UserRole + 1
NoteRole = Qt.ItemDataRole.UserRole + 2
# The filter's two entries that are not a person (the others are participant ids).
EVERYONE = "*everyone"
MINE = "*mine"


def note_preview(note: d.Note, look_fors: Sequence[d.LookFor],
                 stem_labels: Mapping[str, str] | None = None) -> str:
    """`stem_labels`: the protocol's stems' labels by StemSpec.stem_key (its own stems'
    keys, "warm", or the plain stems' names)."""
    text = " ".join(note.text.split())
    if len(text) > PREVIEW_CHARS:
        text = text[:PREVIEW_CHARS - 1] + "…"
    # The protocol's own label for the stem (its button's words), else the usual one.
    labels = stem_labels or {}
    label = labels.get(group_key(labels, note.stem, note.stem_key)) or stem_label(note.stem)
    # Many notes already begin with their stem ("I wonder how…"): don't say it twice.
    line = text if text.casefold().startswith(label.casefold()) else f"{label}: {text}"
    names = [lf.text for lf in look_fors if lf.id in note.look_for_ids]
    if names:
        line += "\n# " + " · # ".join(names)
    return line


class NotesPanel(QWidget):
    note_selected = Signal(str)     # the walker picked a note to edit
    delete_requested = Signal(str)  # note id
    undo_requested = Signal()
    back_to_editor = Signal()       # Enter on a note
    history_requested = Signal(str)  # "Show earlier text…" on a note the facilitator changed
    filter_changed = Signal()        # another choice of whose notes to show, or authors shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._look_fors: tuple[d.LookFor, ...] = ()
        self._stem_labels: dict[str, str] = {}
        self._silent = False
        self._edited: set[str] = set()  # notes the facilitator changed (history kept)
        self._own: str | None = None     # whose notes the editor writes (only they open)
        self._mixed = False              # may hold other people's notes (set_people)
        self._names: dict[str, str] = {}
        self._names_shown = False  # authors named in the list (set with its notes)

        self.title = QLabel(self.tr("Your notes"))
        self.title.setObjectName("notesTitle")
        self.title.setWordWrap(True)
        # Whose notes to show, and whether to name them: the facilitator's laptop only.
        self.filter = QComboBox()
        self.filter.setObjectName("notesFilter")
        self.filter.setAccessibleName(self.tr("Whose notes to show"))
        self.filter.setToolTip(self.tr("Show everyone's notes of this visit, only yours, or "
                                       "one walker's"))
        self.filter.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.filter_label = QLabel(self.tr("Show"))
        self.filter_label.setBuddy(self.filter)
        self.show_authors = QCheckBox(self.tr("Show who wrote each note"))
        self.show_authors.setAccessibleName(self.tr("Show who wrote each note"))
        self.show_authors.setChecked(False)
        self.show_authors.toggled.connect(lambda _on: self._filter_changed())
        self.filter_bar = QWidget()
        filter_layout = QVBoxLayout(self.filter_bar)
        filter_layout.setContentsMargins(0, 0, 0, 0)
        filter_layout.setSpacing(2)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.filter, 1)
        filter_layout.addLayout(filter_row)
        filter_layout.addWidget(self.show_authors)
        self.filter_bar.hide()
        self.list = QListWidget()
        self.list.setObjectName("visitNotes")
        self.list.setAccessibleName(self.tr("Your notes in this visit"))
        # Wrapped notes never run wider than the list (a horizontal scroll bar would cut
        # every line, issue 18).
        wrap_items(self.list)
        # Its width must not change as notes come and go: a scroll bar that appears after
        # the lines were wrapped would cover their ends.
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Notes wrap to the list's width: a sideways scroll bar would only cost a line.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Laid out a few notes per turn: a visit of a big walk (90 notes, everyone's) does
        # not hold the window for the time of all their wrapped lines.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(15)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.installEventFilter(self)
        self.empty = QLabel(self.tr("No notes yet in this visit.\nType in the box to start."))
        self.empty.setObjectName("notesEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.read_only_label = QLabel(self.tr("Another person's note: read-only here."))
        self.read_only_label.setToolTip(self.tr(
            "To change it, choose their name under “Write as”."))
        self.read_only_label.setObjectName("notesReadOnly")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.hide()

        self.delete_button = QPushButton(self.tr("Delete note"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected note"))
        self.delete_button.setToolTip(self.tr("Delete the selected note (Delete key)"))
        self.delete_button.clicked.connect(self._delete_clicked)
        self.history_button = QPushButton(self.tr("Show earlier text…"))
        self.history_button.setObjectName("showEarlierText")
        self.history_button.setAccessibleName(self.tr(
            "Show the earlier text of the selected note: the walker's own words"))
        self.history_button.clicked.connect(self._history_clicked)
        self.history_button.hide()

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_label = QLabel()
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo delete"))
        self.undo_button.clicked.connect(self.undo_requested)
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(6, 4, 6, 4)
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()

        # Notes read best in a column of about READABLE_CHARS characters, whatever the
        # window's width (the list's frame, item padding and a scroll bar besides).
        self.setMaximumWidth(theme.readable_width(self.list, extra=NOTES_FRAME_PX))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.read_only_label)
        layout.addWidget(self.undo_bar)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self._update_empty()

    # -- content ---------------------------------------------------------------------------
    def set_look_fors(self, look_fors: Sequence[d.LookFor]) -> None:
        self._look_fors = tuple(look_fors)

    def set_stem_labels(self, labels: Mapping[str, str]) -> None:
        """The walk's protocol's stem labels, as on the note editor's buttons."""
        self._stem_labels = dict(labels)

    def set_own(self, author_id: str | None) -> None:
        """Whose notes the editor writes: only those open in it and can be deleted."""
        self._own = author_id

    def set_people(self, people: Sequence[tuple[str, str]],
                   names: Mapping[str, str] | None = None) -> None:
        """Offer everyone's notes: `people` are (participant id, name) to filter by, in
        order (the current choice is kept if that person is still there); `names` names
        every author (facilitators too) when authors are shown."""
        self._mixed = True
        self._names = dict(names if names is not None else people)
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        try:
            self.filter.clear()
            self.filter.addItem(self.tr("Everyone"), EVERYONE)
            self.filter.addItem(self.tr("Mine"), MINE)
            for person_id, name in people:
                self.filter.addItem(name, person_id)
            index = self.filter.findData(current) if current is not None else 0
            self.filter.setCurrentIndex(max(0, index))
        finally:
            self.filter.blockSignals(False)
        self.filter_bar.show()

    def set_filter(self, shown: str, show_authors: bool) -> None:
        """Show `shown`'s notes (EVERYONE, MINE or a participant id, if offered) and name
        their authors or not — as another note-taker showed them."""
        index = self.filter.findData(shown)
        if index >= 0:
            self.filter.setCurrentIndex(index)
        self.show_authors.setChecked(show_authors)

    def shown(self) -> str:
        """EVERYONE, MINE or a participant id: whose notes the list is to hold."""
        if not self._mixed:
            return MINE
        data = self.filter.currentData()
        return str(data) if data is not None else EVERYONE

    def show_title(self, visit_label: str, person_name: str | None) -> None:
        """Title the list for the visit and whose notes it holds (`person_name`: of the
        walker the filter picked, None for a name the roster no longer has)."""
        shown = self.shown()
        if shown == MINE:
            title = self.tr("Your notes in {0}").format(visit_label)
        elif shown == EVERYONE:
            title = self.tr("Everyone's notes in {0}").format(visit_label)
        else:
            title = self.tr("{0}'s notes in {1}").format(person_name or self.tr("A walker"),
                                                        visit_label)
        self.title.setText(title)

    def shows(self, author_id: str | None) -> bool:
        """Does the filter let `author_id`'s notes into the list?"""
        return self.accepts()(author_id)

    def accepts(self) -> Callable[[str | None], bool]:
        """`shows`, as a test made once for many notes (a big walk has a thousand)."""
        shown, own = self.shown(), self._own
        if shown == EVERYONE:
            return lambda _author: True
        wanted = own if shown == MINE else shown
        return lambda author: author == wanted

    def is_own(self, note_id: str | None) -> bool:
        """Is `note_id` (listed) the editor's author's? Always, in a one-person list."""
        if not self._mixed:
            return True
        item = self._find(note_id) if note_id else None
        note = item.data(NoteRole) if item is not None else None
        return note is not None and note.author_id == self._own

    def set_edited(self, note_ids: Iterable[str]) -> None:
        """The notes to mark "edited by the facilitator" (shown with the next notes)."""
        self._edited = set(note_ids)

    def mark_edited(self, note_id: str) -> None:
        self._edited.add(note_id)
        item = self._find(note_id)
        if item is not None:
            item.setText(self._text(item.data(NoteRole)))
        self._update_history_button()

    def is_edited(self, note_id: str) -> bool:
        return note_id in self._edited

    def set_notes(self, notes: Sequence[d.Note], current_id: str | None) -> None:
        self._silent = True
        self._names_shown = self._mixed and self.show_authors.isChecked()
        try:
            self.list.clear()
            for note in notes:
                self.list.addItem(self._item(note))
        finally:
            self._silent = False
        self.select(current_id)
        self._update_empty()

    def upsert(self, note: d.Note) -> None:
        item = self._find(note.id)
        if item is None:
            self._silent = True
            try:
                self.list.addItem(self._item(note))
            finally:
                self._silent = False
        else:
            item.setData(NoteRole, note)
            item.setText(self._text(note))
        self._update_empty()

    def remove(self, note_id: str) -> None:
        item = self._find(note_id)
        if item is not None:
            self._silent = True
            try:
                self.list.takeItem(self.list.row(item))
            finally:
                self._silent = False
        self._update_empty()

    def ids(self) -> list[str]:
        return [self.list.item(i).data(IdRole) for i in range(self.list.count())]

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(IdRole) if item is not None and item.isSelected() else None

    def select(self, note_id: str | None) -> None:
        """Show which note the editor holds, without reporting it as the walker's pick."""
        self._silent = True
        try:
            item = self._find(note_id) if note_id else None
            if item is None:
                self.list.setCurrentRow(-1)
                self.list.clearSelection()
            else:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
        finally:
            self._silent = False

    def show_undo(self, message: str, *, can_undo: bool) -> None:
        self.undo_label.setText(message)
        self.undo_button.setVisible(can_undo)
        self.undo_bar.show()

    def hide_undo(self) -> None:
        self.undo_bar.hide()

    # -- internals -------------------------------------------------------------------------
    def _text(self, note: d.Note) -> str:
        text = note_preview(note, self._look_fors, self._stem_labels)
        if note.id in self._edited:
            text += "\n✎ " + self.tr("edited by the facilitator")
        if self._names_shown:
            if note.author_id is not None and note.author_id == self._own:
                author = self.tr("you")
            else:
                author = self._names.get(note.author_id or "") or self.tr("someone not on "
                                                                         "the roster")
            text += "\n— " + author
        return text

    def _item(self, note: d.Note) -> QListWidgetItem:
        item = QListWidgetItem(self._text(note))
        item.setData(IdRole, note.id)
        item.setData(NoteRole, note)
        item.setToolTip(note.text[:2000])
        return item

    def _find(self, note_id: str | None) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(IdRole) == note_id:
                return item
        return None

    def _update_empty(self) -> None:
        has_notes = self.list.count() > 0
        self.list.setVisible(has_notes)
        self.empty.setVisible(not has_notes)
        self._update_history_button()

    def _filter_changed(self) -> None:
        if self._mixed:
            self.filter_changed.emit()

    def _update_history_button(self) -> None:
        # Shown while a note here is marked; usable for the selected one if it is.
        self.history_button.setVisible(any(i in self._edited for i in self.ids()))
        selected = self.selected_id()
        self.history_button.setEnabled((selected or "") in self._edited)
        # Delete acts on the selected note, or on the one in the editor (listed): only
        # on the editor's author's notes.
        theirs = selected is not None and not self.is_own(selected)
        self.delete_button.setEnabled(self.list.count() > 0 and not theirs)
        self.read_only_label.setVisible(theirs)

    def _history_clicked(self) -> None:
        note_id = self.selected_id()
        if note_id and note_id in self._edited:
            self.history_requested.emit(note_id)

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._update_history_button()
        if not self._silent and current is not None and self.is_own(current.data(IdRole)):
            self.note_selected.emit(current.data(IdRole))

    def _delete_clicked(self) -> None:
        note_id = self.selected_id()
        if note_id and self.is_own(note_id):
            self.delete_requested.emit(note_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._delete_clicked()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.back_to_editor.emit()
                return True
        return super().eventFilter(watched, event)
