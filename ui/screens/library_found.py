"""The walks library's "Found in" list: every text the search box's words were found in —
notes, reflections, commitments, patterns, next steps, action items, a walk's details —
each as a card that says what it is, whose walk it is in, and the passage that matched,
the matched words in bold.

Built when the search box first holds text (the first window does not need it). Each
search is read off the GUI thread (`SearchService.search`, through `read_in_background`,
never waited for on the GUI thread), after the library's own typing pause; a read
overtaken by a newer one is dropped, so only the newest search's results are ever shown.
"More…" reads the next page and adds it below.

The cards are painted from rich text made here: every piece of it — the walk's title, the
passage, the words around it — is escaped, so what a walker wrote is shown as written and
never taken for markup. A note's state (set aside, flagged, kept; another version of a
note changed on two laptops) and a walk in the Trash are said in words, as on the
evidence wall. Enter or a double-click opens a card (`opened(hit)`): the main window
takes it to the walk, at that text (walkapp.ui.found_opening).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from walkapp import domain as d
from walkapp import formatting as fmt
from walkapp.errors import WalkappError
from walkapp.note_states import NoteState
from walkapp.services.search import ResultKind, SearchHit, SearchResults, SearchService
from walkapp.ui.page import Stoppable
from walkapp.ui.workers import cancel_owned_by, read_in_background

Index = QModelIndex | QPersistentModelIndex
# Results read at a time ("More…" reads as many again).
PAGE = 50
# Space inside a card, and between cards (px).
PAD, GAP = 8, 3


class _Asked:
    """How many searches were asked for: the newest is the one to show (a plain object,
    so that a read on a worker thread can see it was overtaken)."""

    number = 0


class FoundModel(QAbstractListModel):
    """One row per hit: its plain words (what a screen reader says) and its card as
    escaped rich text."""

    HitRole = Qt.ItemDataRole.UserRole + 1
    HtmlRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[SearchHit, str, str]] = []

    def set_rows(self, rows: list[tuple[SearchHit, str, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: list[tuple[SearchHit, str, str]]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def hit(self, row: int) -> SearchHit | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def hits(self) -> list[SearchHit]:
        return [row[0] for row in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit, rich, plain = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return plain
        if role == self.HtmlRole:
            return rich
        if role == self.HitRole:
            return hit
        return None


class FoundDelegate(QStyledItemDelegate):
    """Paints a card: its rich text (made escaped by FoundList) in a rounded box, wrapped
    to the list's width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        # Each card's height by its text and width: laying a card's rich text out is the
        # costly part, and the view asks for every height at every layout.
        self._heights: dict[tuple[str, int], int] = {}

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int
                  ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(str(index.data(FoundModel.HtmlRole) or ""))
        document.setTextWidth(max(80, width - 2 * PAD - 2))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._view.viewport().width()
        key = (str(index.data(FoundModel.HtmlRole) or ""), width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 2000:
                self._heights.clear()
            document = self._document(option, index, width)
            height = self._heights[key] = int(document.size().height()) + 2 * PAD + 2 * GAP
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        try:
            palette = option.palette
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            rect = option.rect.adjusted(1, GAP, -1, -GAP)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(palette.color(QPalette.ColorRole.Highlight if selected
                                         else QPalette.ColorRole.Mid))
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight if selected
                                           else QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(rect, 6, 6)
            document = self._document(option, index, option.rect.width())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
            painter.translate(rect.left() + PAD, rect.top() + PAD)
            document.documentLayout().draw(painter, context)
        finally:
            painter.restore()


class FoundView(QListView):
    """The cards, one under another; Enter or a double-click opens one."""

    card_opened = Signal(int)  # the row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(FoundDelegate(self))
        self.activated.connect(lambda index: self.card_opened.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter opens on every platform (`activated` is a double-click alone on some).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.currentIndex().isValid():
            self.card_opened.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the cards wrap to the new width


class FoundList(QWidget, Stoppable):
    """What the library's search found, as cards; `opened(hit)` when one is opened."""

    opened = Signal(object)   # a SearchHit
    shown = Signal()          # the newest search's results (or its empty state) are on show
    up_requested = Signal()   # Up from the first card: back to the search box

    def __init__(self, search: SearchService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("foundList")
        self._search = search
        self._asked = _Asked()
        self._closed = False
        self._loading = False
        self._text = ""
        self._results: SearchResults | None = None
        self._walk_id: str | None = None  # search this walk only (a walker's laptop)

        self.heading = QLabel(self.tr("Found in"))
        self.heading.setObjectName("sectionTitle")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.scope = QLabel()
        self.scope.setObjectName("hint")
        self.scope.setWordWrap(True)
        self.scope.setVisible(False)
        self.model = FoundModel(self)
        self.view = FoundView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Found in"))
        self.view.card_opened.connect(self._open_row)
        self.view.installEventFilter(self)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setVisible(False)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.more_button = QPushButton(self.tr("More…"))
        self.more_button.setAccessibleName(self.tr("Show more of what was found"))
        self.more_button.clicked.connect(self.read_more)
        self.more_button.setVisible(False)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scope)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(bottom)

    # -- what is searched ------------------------------------------------------------------
    def search_within(self, walk_id: str | None, title: str = "") -> None:
        """Search only `walk_id`'s texts (a walker's laptop: their walk), or (None) every
        walk's. Takes effect at the next search."""
        self._walk_id = walk_id
        self.scope.setText(self.tr("Only in “{0}”: the walk you are a walker in.")
                           .format(title) if walk_id else "")
        self.scope.setVisible(walk_id is not None)

    def searched_walk(self) -> str | None:
        return self._walk_id

    def is_loading(self) -> bool:
        return self._loading

    def results(self) -> SearchResults | None:
        """The newest search's results on show (all pages read so far)."""
        return self._results

    def search_for(self, text: str) -> None:
        """Read what `text` finds, off the GUI thread, and show it when it comes back
        unless a newer search was asked for meanwhile."""
        self._text = text
        self._read(text, 0)

    def read_more(self) -> None:
        results = self._results
        if results is not None and results.more and not self._loading:
            self._read(self._text, results.offset + results.limit)

    def _read(self, text: str, offset: int) -> None:
        if self._closed:
            return
        asked = self._asked
        asked.number += 1
        number = asked.number
        if not text.strip():
            self._loading = False
            self._results = None
            self.model.set_rows([])
            return
        search, walk_id = self._search, self._walk_id

        def work() -> SearchResults | None:
            if asked.number != number:  # overtaken before it started
                return None
            return search.search(text, walk_id=walk_id, limit=PAGE, offset=offset)

        def done(results: SearchResults | None) -> None:
            if results is None or self._closed or asked.number != number:
                return
            self._loading = False
            self._show(results, more_of=offset > 0)

        def failed(error: BaseException, _details: str) -> None:
            if self._closed or asked.number != number:
                return
            self._loading = False
            if not isinstance(error, WalkappError):
                raise error  # a bug: the crash handler shows it
            self._say(self.tr("The search could not be done: {0}").format(error.message))
            self.shown.emit()

        self._loading = True
        self.more_button.setEnabled(False)
        read_in_background(work, done, owner=self, on_error=failed, wait_ms=0)

    def _show(self, results: SearchResults, *, more_of: bool) -> None:
        rows = [self._row(hit) for hit in results.hits]
        if more_of and self._results is not None:
            self.model.append_rows(rows)
            hits = self._results.hits + results.hits
            self._results = SearchResults(results.text, hits, 0,
                                          results.offset + results.limit, results.more,
                                          results.cut_short)
        else:
            self.model.set_rows(rows)
            self._results = SearchResults(results.text, results.hits, 0, results.limit,
                                          results.more, results.cut_short)
            if rows:
                self.view.setCurrentIndex(self.model.index(0, 0))
                self.view.scrollToTop()
        self.more_button.setVisible(results.more)
        self.more_button.setEnabled(True)
        self.note.setText(self.tr("Only the first words typed were looked for.")
                          if results.cut_short else "")
        self.note.setVisible(results.cut_short)
        if self.model.rowCount():
            self.empty.setVisible(False)
            self.view.setVisible(True)
            self.heading.setVisible(True)
        else:
            self._say(self.tr("No walk holds “{0}”.").format(results.text.strip()))
        self.shown.emit()

    def _say(self, message: str) -> None:
        self.heading.setVisible(False)  # found in nothing: the message says it all
        self.empty.setText(message)
        self.empty.setVisible(True)
        self.view.setVisible(False)
        self.more_button.setVisible(False)

    # -- a card's words ---------------------------------------------------------------------
    def _row(self, hit: SearchHit) -> tuple[SearchHit, str, str]:
        what = self.what(hit)
        marks = self.marks(hit)
        where = self.tr("{0} · {1}").format(hit.walk_title, fmt.short_date(hit.walk_date))
        passage = "".join(f"<b>{html.escape(p.text)}</b>" if p.is_match
                          else html.escape(p.text) for p in hit.snippet)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        first = html.escape(what)
        if marks:
            first += " · <i>" + html.escape(" · ".join(marks)) + "</i>"
        rich = (f'<div style="color:{muted}">{first}</div>'
                f"<div><b>{html.escape(hit.walk_title)}</b>"
                f' <span style="color:{muted}">· {html.escape(fmt.short_date(hit.walk_date))}'
                f"</span></div><div>{passage}</div>")
        plain = " — ".join(part for part in (what, " · ".join(marks), where, hit.text) if part)
        return hit, rich, plain

    def what(self, hit: SearchHit) -> str:
        """What the text is, in words: "Note · Visit 3 · I noticed", "Commitment"…"""
        parts: list[str] = []
        visit = self._visit(hit)
        if hit.kind is ResultKind.NOTE:
            parts.append(self.tr("Note"))
            if visit:
                parts.append(visit)
            if hit.stem is not None and not hit.form_key:
                from walkapp.ui.widgets.note_text import stem_label

                parts.append(stem_label(hit.stem))
            elif hit.form_key:
                parts.append(self.tr("visit form"))
        elif hit.kind is ResultKind.REFLECTION:
            parts.append(self.tr("Reflection"))
        elif hit.kind is ResultKind.COMMITMENT:
            parts.append(self.tr("Commitment"))
            if hit.field == "review_note":
                parts.append(self.tr("how it went"))
        elif hit.kind is ResultKind.PATTERN:
            parts.append(self.tr("Pattern"))
            if hit.pattern_kind is not None:
                parts.append(self._pattern(hit.pattern_kind))
        elif hit.kind is ResultKind.NEXT_STEP:
            parts.append(self.tr("Next step"))
        elif hit.kind is ResultKind.ACTION_ITEM:
            parts.append(self.tr("Action item"))
            if hit.follow_up:
                parts.append(self.tr("follow-up"))
            elif hit.field == "owner_name":
                parts.append(self.tr("owner"))
        else:
            parts.append(self.tr("Walk details"))
            if visit:
                parts.append(visit)
        return " · ".join(parts)

    def _visit(self, hit: SearchHit) -> str:
        if hit.visit_removed:
            return self.tr("Removed visit")
        if hit.visit_number is not None:
            return self.tr("Visit {0}").format(hit.visit_number)
        return ""

    def _pattern(self, kind: d.PatternKind) -> str:
        return {d.PatternKind.DESCRIBE: self.tr("Describe"),
                d.PatternKind.ANALYSE: self.tr("Analyse"),
                d.PatternKind.PREDICT: self.tr("Predict"),
                d.PatternKind.NEXT_LEVEL: self.tr("Next level of work")}[kind]

    def marks(self, hit: SearchHit) -> list[str]:
        """A note's state and the walk's place, in words ("set aside", "in the Trash")."""
        marks = []
        state = hit.note_state
        if state is NoteState.SET_ASIDE:
            marks.append(self.tr("set aside"))
        elif state is NoteState.FLAGGED:
            marks.append(self.tr("flagged"))
        elif state is NoteState.KEPT:
            marks.append(self.tr("kept"))
        if hit.other_version:
            marks.append(self.tr("another version"))
        if hit.in_trash:
            marks.append(self.tr("in the Trash"))
        return marks

    # -- keyboard and opening -----------------------------------------------------------------
    def focus_results(self) -> bool:
        """Put the keyboard on the first card (Down from the search box); False when
        there is none."""
        if not self.model.rowCount() or not self.view.isVisible():
            return False
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Up \
                and self.view.currentIndex().row() <= 0:
            self.up_requested.emit()
            return True
        return super().eventFilter(watched, event)

    def _open_row(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is not None:
            self.opened.emit(hit)

    def shutdown(self) -> None:
        self._closed = True
        self._asked.number += 1
        cancel_owned_by(self)
