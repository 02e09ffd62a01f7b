"""Home screen: the walks library — every walk on this laptop, newest first.

After a delete it shows an inline "moved to the Trash — Undo" bar; the Trash button (with
how many walks are in it) leads to the Trash screen. A walk with unresolved conflicts
(changed on two laptops) shows how many in the last column, read with the walks.

A walk in a series says where it stands ("2 of 3 · Questioning, autumn"); the series list
above the table shows one series' walks together. "Plan again…" (the button, the table's
context menu) makes the next walk of the selected walk's series; the context menu can also
copy a walk as a new one outside any series.

The walks are read off the GUI thread, at start, after a change and at every pause in
typing a search; the list on show stays until the newest read is in, and a read overtaken
by a newer one is never shown (see `_read`). The GUI thread only shows what came back, and
the table asks only for the rows on screen (its columns fit those, not all ten thousand).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from walkapp.domain import LocalMode, WalkStatus
from walkapp.errors import WalkappError
from walkapp.events import Change, Entity
from walkapp.services.conflicts import ConflictService
from walkapp.services.series import SeriesPlace, SeriesService
from walkapp.services.trash import TrashService
from walkapp.services.walks import WalkService
from walkapp.ui import workers
from walkapp.ui.models.walks import WalksTableModel
from walkapp.ui.page import Stoppable
from walkapp.ui.screens.library_found_place import FOUND_BESIDE_WIDTH, FoundPlacement
from walkapp.ui.screens.library_series import SeriesFilter, walk_menu
from walkapp.ui.screens.library_welcome import LibraryWelcome
from walkapp.ui.widgets.row_table import row_table, select_row_id, selected_row_id
from walkapp.ui.widgets.screen_title import screen_title
from walkapp.ui.workers import cancel_owned_by, read_in_background

if TYPE_CHECKING:
    from walkapp.services.search import SearchService
    from walkapp.ui.screens.library_found import FoundList

# What one read of the library brings: the walks, the Trash's ids, conflicts per walk, and
# each walk's place in its series (the first read only).
_Read = tuple[list[Any], set[str] | None, dict[str, int], dict[str, SeriesPlace] | None]
# Widest the Series column is fitted to (a long series name is cut, whole in the tooltip).
SERIES_COLUMN_MAX = 260
# How long typing must pause before the library searches (ms).
SEARCH_PAUSE_MS = 30
# How long typing must pause before the rest of a long list is read (ms).
REST_PAUSE_MS = 250
# How many of the first rows the columns are fitted to (`_fit_columns`).
FITTED_ROWS = 50
# The walks read (and shown) first, before the rest: more than a screenful, and few enough
# to read and show in a few milliseconds at any size.
FIRST_ROWS = 200


class _Asked:
    """How many reads of the library were asked for: the newest is the one to show. A
    plain object, so that a read on a worker thread can see it was overtaken."""

    number = 0


class WalksLibrary(FoundPlacement, Stoppable):
    """Lists walks with search; emits `open_requested(walk_id)` on double-click/Enter."""

    open_requested = Signal(str)
    new_requested = Signal()
    duplicate_requested = Signal(str)   # a copy outside any series
    plan_again_requested = Signal(str)  # the next walk of the walk's series
    trends_requested = Signal(str)      # the Series trends window of the walk's series
    delete_requested = Signal(str)
    sample_requested = Signal()
    kit_requested = Signal()       # open a walk kit (the first-run welcome)
    guide_requested = Signal(str)  # the guide at a section (walkapp.ui.help_sections)
    trash_requested = Signal()
    coverage_requested = Signal()  # which rooms the walks visit (screens/coverage.py)
    undo_requested = Signal(str)   # walk id
    undo_changed = Signal()        # the Undo offer appeared or went
    found_opened = Signal(object)  # a SearchHit of the "Found in" list, to open at its place

    def __init__(self, walks: WalkService, parent: QWidget | None = None, *,
                 trash: TrashService | None = None,
                 conflicts: ConflictService | None = None,
                 series: SeriesService | None = None,
                 search: SearchService | None = None) -> None:
        super().__init__(parent)
        self._walks = walks
        self._search_service = search  # None: no "Found in" list (a library built alone)
        self.found: FoundList | None = None  # built when the search box first holds text
        self._found_text = ""  # what the found list was last asked to search for
        self._found_scope: tuple[str | None, str] = (None, "")  # see search_within
        self._trash = trash
        self._series = series  # None: no series shown (a library built alone)
        self._conflicts = conflicts  # None: no conflict counts (a library built alone)
        self._undo_walk_id: str | None = None
        self.setObjectName("walksLibrary")

        title = screen_title(self.tr("Walks"))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search notes, commitments, walks…")
                                       if search is not None
                                       else self.tr("Search titles, focus and schools"))
        self.search.setAccessibleName(self.tr("Search walks"))
        self.search.installEventFilter(self)  # Down: into what was found
        self.search.setClearButtonEnabled(True)
        # A short pause in typing before searching: a burst of keys (or a paste) is one
        # read. The results come within the pause and one read of the newest text.
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._search)
        self.search.textChanged.connect(self._search_changed)
        self._rest_timer = QTimer(self, singleShot=True, interval=REST_PAUSE_MS)
        self._rest_timer.timeout.connect(lambda: self._rest())
        self._rest: Callable[[], object] = lambda: None  # reads the rest of the newest list
        self._change_timer = QTimer(self, singleShot=True, interval=60)
        self._change_timer.timeout.connect(self._refresh_if_shown)
        self._stale = False
        self._closed = False
        self._asked = _Asked()   # the newest read; an older one's result is dropped
        self._loading = False    # the newest read has not come back yet
        self._selection_wanted: str | None = None  # selected, not among the first rows

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show walks by status"))
        self.status_filter.addItem(self.tr("All walks"), None)
        self.status_filter.addItem(self.tr("Planned"), WalkStatus.PLANNED.value)
        self.status_filter.addItem(self.tr("In progress"), WalkStatus.RUNNING.value)
        self.status_filter.addItem(self.tr("Closed"), WalkStatus.CLOSED.value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._search())
        self.series_filter = SeriesFilter()
        self.series_filter.currentIndexChanged.connect(lambda _i: self._search())

        self.model = WalksTableModel(self)
        self.table = row_table(self.model, self.tr("Walks"), stretch_column=1)
        self.table.setAlternatingRowColors(True)
        # The columns are fitted here, to the heading and the first rows, at each new list
        # (`_fit_columns`): Qt's own fitting asks the model for thousands of cells a time.
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column != 1:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        # No walks: a message (loading, no match, a failed read), or at first run the
        # welcome with its three ways in (walkapp.ui.screens.library_welcome).
        self.empty = QLabel(self.tr("Loading the walks…"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyState")
        self.welcome = LibraryWelcome()
        self.welcome.lead_requested.connect(self.new_requested)
        self.welcome.kit_requested.connect(self.kit_requested)
        self.welcome.sample_requested.connect(self.sample_requested)
        self.welcome.guide_requested.connect(self.guide_requested)
        self.sample_button = self.welcome.sample_button
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addWidget(self.empty, 1)
        # In a window shorter than the welcome (a big font, a small screen) it scrolls
        # rather than pushing the buttons below off the window.
        self._welcome_area = QScrollArea()
        self._welcome_area.setFrameShape(QFrame.Shape.NoFrame)
        self._welcome_area.setWidgetResizable(True)
        self._welcome_area.setWidget(self.welcome)
        empty_layout.addWidget(self._welcome_area, 1)
        self._welcome_area.setVisible(False)
        self._empty_page = empty_page
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(empty_page)

        self.new_button = QPushButton(self.tr("New walk…"))
        self.new_button.setAccessibleName(self.tr("New walk"))
        self.new_button.clicked.connect(self.new_requested)
        self.new_button.setProperty("primary", True)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open selected walk"))
        self.open_button.clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.plan_again_button = QPushButton(self.tr("Plan again…"))
        self.plan_again_button.setAccessibleName(
            self.tr("Plan the next walk of the selected walk's series"))
        self.plan_again_button.setToolTip(self.tr(
            "The next walk of this series: the same protocol, roster, look-fors and norms, "
            "a new date — none of the notes. Open commitments and action items come back "
            "for review."))
        self.plan_again_button.clicked.connect(
            lambda: self._emit_selected(self.plan_again_requested))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete selected walk"))
        self.delete_button.clicked.connect(lambda: self._emit_selected(self.delete_requested))
        self.trash_button = QPushButton(self.tr("Trash"))
        self.trash_button.setAccessibleName(self.tr("Show the Trash of deleted walks"))
        self.trash_button.clicked.connect(self.trash_requested)
        self.trash_button.setVisible(trash is not None)
        self.coverage_button = QPushButton(self.tr("Coverage"))
        self.coverage_button.setAccessibleName(
            self.tr("Show which rooms, grades and subjects the walks have visited"))
        self.coverage_button.setToolTip(self.tr(
            "Which rooms your walks visit, and which they have not visited lately: on this "
            "screen only, never in a report or an export."))
        self.coverage_button.clicked.connect(self.coverage_requested)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.trash_button)
        actions.addWidget(self.coverage_button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.plan_again_button)
        actions.addWidget(self.delete_button)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.series_filter)
        top.addWidget(self.status_filter)
        top.addWidget(self.search, 1)
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_label = QLabel()
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo the delete: bring the walk back"))
        self.undo_button.clicked.connect(self._undo_clicked)
        self.undo_dismiss = QPushButton(self.tr("Dismiss"))
        self.undo_dismiss.setAccessibleName(self.tr("Hide this message"))
        self.undo_dismiss.clicked.connect(self.hide_undo)
        bar = QHBoxLayout(self.undo_bar)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.undo_dismiss)
        self.undo_bar.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self._layout = layout
        layout.addWidget(self.undo_bar)
        # The walks, and (while the search box holds text) what it found, under them or,
        # in a wide window, beside them.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._stack)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def show_icons(self) -> None:
        """Put the icons on the buttons. Called once the first window has settled
        (walkapp.ui.app): the first SVG drawn loads QtSvg, which the first window
        need not wait for."""
        from walkapp.ui.icons import icon

        for button, name in ((self.new_button, "plus"), (self.open_button, "folder-open"),
                             (self.plan_again_button, "repeat"),
                             (self.delete_button, "trash-2"), (self.trash_button, "trash"),
                             (self.coverage_button, "footprints")):
            button.setIcon(icon(name))
        self.welcome.show_icons()

    def shutdown(self) -> None:
        """The window is closing: stop the timers, and read the database no more."""
        self._closed = True
        if self.found is not None:
            self.found.shutdown()
        self._search_timer.stop()
        self._rest_timer.stop()
        self._change_timer.stop()
        self._asked.number += 1
        cancel_owned_by(self)

    def add_reminders(self, bar: QWidget) -> None:
        """Put the reminders of due action items (library_reminders.ReminderBar) above
        the list, below the search."""
        self._layout.insertWidget(1, bar)

    def is_loading(self) -> bool:
        """Is a read of the walks still under way (a big library, a busy database)?"""
        return self._loading

    def refresh(self) -> None:
        """Read the walks and the Trash's again, off the GUI thread (a library of a
        thousand walks takes a while); a quick read shows at once, a slow one says
        "Loading…" until it is in."""
        self._read(wait_ms=None)

    def _search(self) -> None:
        """The search (or the status filter) changed: read what matches it now. The GUI
        thread never waits for it (the walks on show stay until it is in)."""
        self._read(wait_ms=workers.FOLLOW_READ_MS)
        self._search_found()

    def _read(self, *, wait_ms: int | None) -> None:
        """Read the walks matching the search as it is now, off the GUI thread, and show
        them when they come back, unless a newer read was asked for meanwhile: only the
        newest read's walks are ever shown. The first FIRST_ROWS come first (a screenful,
        read in a few milliseconds whatever the size); the rest follow in a second read,
        added below them. A read overtaken before it starts does nothing, and one
        overtaken while it lists the walks skips counting conflicts."""
        if self._closed:
            return
        asked = self._asked
        asked.number += 1
        number = asked.number
        search = self.search.text()
        walks, trash, conflicts, series = (self._walks, self._trash, self._conflicts,
                                           self._series)

        def newest() -> bool:
            return not self._closed and asked.number == number

        def read(limit: int | None, offset: int) -> Callable[[], _Read | None]:
            def work() -> _Read | None:
                # On a worker thread: `asked` is a plain object, read (never written) here.
                if asked.number != number:
                    return None
                rows = walks.list_walks(search, limit=limit)[offset:]
                if asked.number != number:
                    return None
                trashed = trash.trashed_ids() if trash is not None and not offset else None
                counts = (conflicts.counts([w.id for w in rows]) if conflicts is not None
                          else {})
                # Walks in a series only (found by the index on series_id): cheap.
                places = series.places() if series is not None and not offset else None
                return rows, trashed, counts, places
            return work

        def first(data: _Read | None) -> None:
            if data is None or not newest():
                return  # closed meanwhile, or a newer read is under way
            more = len(data[0]) >= FIRST_ROWS
            if not more:
                self._loading = False
            self._show(*data, more=more)
            if more:
                # The rest once typing has paused a while: the first rows fill the screen,
                # and a read of ten thousand walks at every key would only compete with the
                # next key's read (and, holding the interpreter lock, with the GUI thread).
                self._rest = lambda: newest() and read_in_background(
                    read(None, FIRST_ROWS), last, owner=self, on_error=failed, wait_ms=0)
                self._rest_timer.start()

        def last(rest: _Read | None) -> None:
            if rest is None or not newest():
                return
            self._loading = False
            self._show_rest(rest[0], rest[2])

        def failed(error: BaseException, _details: str) -> None:
            if not newest():
                return  # (a bug is logged by the worker all the same)
            self._loading = False
            if not isinstance(error, WalkappError):
                raise error  # a bug: the crash handler shows it
            self._say(self.tr("The walks could not be read: {0}").format(error.message))
            self._stack.setCurrentWidget(self._empty_page)

        self._loading = True
        if not read_in_background(read(FIRST_ROWS, 0), first, owner=self, on_error=failed,
                                  wait_ms=wait_ms) \
                and newest() and self._loading and self.model.rowCount() == 0:
            # Nothing on show yet: say why the list is empty for a moment. (Walks already
            # shown stay until the new list is in: no flash of an empty table.)
            self._say(self.tr("Loading the walks…"))

    def says_no_match(self) -> bool:
        """The walks' own message says no walk matches the search."""
        return self.empty.text() == self.tr("No walk matches your search.")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.found is not None and (event.size().width() >= FOUND_BESIDE_WIDTH) != (
                event.oldSize().width() >= FOUND_BESIDE_WIDTH):
            self._orient_found()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box: into what it found (else into the walks).
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down:
            if self.found is not None and self.found.isVisible() \
                    and self.found.focus_results():
                return True
            if self.table.isVisible() and self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _show(self, rows: list[Any], trashed: set[str] | None,
              conflicts: dict[str, int] | None = None,
              places: dict[str, SeriesPlace] | None = None, *, more: bool = False) -> None:
        """Show `rows` (the first of them when `more` are still to come)."""
        selected = self.selected_walk_id() or self._selection_wanted
        self._selection_wanted = None
        places = self.model.places() if places is None else places
        self.series_filter.update_from(places)
        rows = self._filtered(rows, places)
        self.model.set_rows(rows, conflicts, places)
        self._fit_columns()
        if rows:
            self._stack.setCurrentWidget(self.table)
        else:
            searching = (bool(self.search.text()) or self.status_filter.currentIndex() > 0
                         or self.series_filter.currentIndex() > 0)
            self._say(self.tr("No walk matches your search.") if searching else None)
        if selected and self.model.row_of(selected) >= 0:
            self.select_walk(selected)  # kept where it can be
        elif selected and more:
            self._selection_wanted = selected  # perhaps among the rows still to come
        elif rows:
            self.table.selectRow(0)
        self._refresh_trash(trashed)
        self._update_buttons()
        self._place_found()

    def _say(self, message: str | None) -> None:
        """Show why the list is empty: `message`, or (None) the first-run welcome."""
        self.empty.setText(message or "")
        self.empty.setVisible(message is not None)
        self._welcome_area.setVisible(message is None)
        self._stack.setCurrentWidget(self._empty_page)

    def _show_rest(self, rows: list[Any], conflicts: dict[str, int]) -> None:
        """The rows after the first ones shown: added below them."""
        rows = self._filtered(rows, self.model.places())
        self.model.append_rows(rows, conflicts)
        if rows:
            self._stack.setCurrentWidget(self.table)
        wanted, self._selection_wanted = self._selection_wanted, None
        if wanted and self.model.row_of(wanted) >= 0:
            self.select_walk(wanted)
        elif self.selected_walk_id() is None and self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Each column but the title's as wide as its heading or the widest of the first
        FITTED_ROWS rows, whichever is wider (dates and counts are alike all the way down;
        the title takes the width left)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        heading = header.fontMetrics()
        rows = min(self.model.rowCount(), FITTED_ROWS)
        pad = 4 * metrics.horizontalAdvance(" ") + 8  # the cell's margins and some air
        for column in range(self.model.columnCount()):
            if column == 1:
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = heading.horizontalAdvance(title) + pad + 8  # and the sort/edge marks
            for row in range(rows):
                text = self.model.texts(row)[column]
                if text:
                    width = max(width, metrics.horizontalAdvance(text) + pad)
            if column == self.model.SERIES:
                width = min(width, SERIES_COLUMN_MAX)
            header.resizeSection(column, width)

    def _filtered(self, rows: list[Any], places: dict[str, SeriesPlace]) -> list[Any]:
        wanted = self.status_filter.currentData()
        if wanted is not None:
            rows = [w for w in rows if w.status.value == wanted]
        return self.series_filter.filtered(rows, places)

    # -- series ------------------------------------------------------------------------------
    def show_series(self, series_id: str | None) -> None:
        """Show only the walks of this series (None: every walk)."""
        self.series_filter.choose(series_id)

    def walk_menu(self, walk_id: str) -> QMenu:
        """What can be done with one walk (the table's context menu)."""
        return walk_menu(self, self, walk_id)

    def _context_menu(self, where: QPoint) -> None:
        index = self.table.indexAt(where)
        if index.isValid():
            self.table.selectRow(index.row())
        else:
            # The Menu key (or a click below the rows): the selected walk's menu, at its row.
            current = self.table.currentIndex()
            if not current.isValid() or self.selected_walk_id() is None:
                return
            where = self.table.visualRect(current).bottomLeft()
        walk_id = self.selected_walk_id()
        if walk_id:
            self.walk_menu(walk_id).exec(self.table.viewport().mapToGlobal(where))

    def _refresh_trash(self, trashed: set[str] | None) -> None:
        if trashed is None:
            return
        self.trash_button.setText(self.tr("Trash ({0})").format(len(trashed)) if trashed
                                  else self.tr("Trash"))
        if self._undo_walk_id is not None and self._undo_walk_id not in trashed:
            # Restored from the Trash screen, or removed for good: nothing left to undo.
            self.hide_undo()

    # -- undo after a delete -----------------------------------------------------------------
    def show_undo(self, walk_id: str, title: str) -> None:
        self._undo_walk_id = walk_id
        self.undo_label.setText(self.tr("Walk “{0}” moved to the Trash.").format(title))
        self.undo_bar.setVisible(True)
        self.undo_changed.emit()

    def hide_undo(self) -> None:
        changed = self._undo_walk_id is not None
        self._undo_walk_id = None
        self.undo_bar.setVisible(False)
        if changed:
            self.undo_changed.emit()

    def undo_walk_id(self) -> str | None:
        """The walk the Undo offer would bring back, if one is offered."""
        return self._undo_walk_id

    def _undo_clicked(self) -> None:
        if self._undo_walk_id is not None:
            self.undo_requested.emit(self._undo_walk_id)

    def _search_changed(self, _text: str) -> None:
        if not self._closed:
            self._search_timer.start()

    def _update_buttons(self, *_: object) -> None:
        walk_id = self.selected_walk_id()
        has = walk_id is not None
        for button in (self.open_button, self.plan_again_button, self.delete_button):
            button.setEnabled(has)
        walk = self.model.row_at(self.model.row_of(walk_id)) if walk_id else None
        # A walker's copy of a walk is not theirs to continue: the facilitator plans it.
        self.plan_again_button.setEnabled(has and (walk is None
                                                   or walk.local_mode is not LocalMode.WALKER))

    def _emit_selected(self, signal: SignalInstance) -> None:
        walk_id = self.selected_walk_id()
        if walk_id:
            signal.emit(walk_id)

    def on_change(self, change: Change) -> None:
        # The library shows counts of walkers, visits and notes: those changes matter too.
        # A burst of changes (an import, the sample walk) refreshes once, just after.
        # A note, reflection, commitment or feedback answer can start or end a conflict.
        if change.entity in {Entity.WALK, Entity.PARTICIPANT, Entity.VISIT, Entity.NOTE,
                             Entity.REFLECTION, Entity.COMMITMENT, Entity.FEEDBACK} \
                and not self._closed:
            self._change_timer.start()

    def _refresh_if_shown(self) -> None:
        # A hidden library (a walk is open, or the window closed) catches up when shown.
        # A change's re-read never waits on the GUI thread: the list on show stays meanwhile.
        if self.isVisible():
            self._read(wait_ms=workers.FOLLOW_READ_MS)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def selected_walk_id(self) -> str | None:
        return selected_row_id(self.table)

    def select_walk(self, walk_id: str) -> None:
        select_row_id(self.table, walk_id)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _activated(self, index: object) -> None:
        walk_id = self.selected_walk_id()
        if walk_id:
            self.open_requested.emit(walk_id)
