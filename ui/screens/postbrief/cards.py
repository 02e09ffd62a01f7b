"""Readable note cards in a list: group headings with counts, cards with wrapped text.

A note in a conflict (changed on two laptops) carries a mark, "2 versions", drawn as a
pill at the start of its card's first line; Enter or a double-click on such a card asks
for the Conflicts view (`card_activated`). A note whose text the facilitator changed says
so on its meta line, and its context menu (right-click, or the menu key / Shift+F10) offers
"Show earlier text…" (`history_requested`). Every card's context menu offers "Open the
note…" (`open_requested`): its full text and the facilitator's decisions on it. A card's
state (walkapp.note_states) is a word in a pill — "Flagged", "Kept", "Set aside" — never
colour alone, and a set-aside card is drawn dimmed.

The delegate draws with the system palette only (light and dark modes both work) and
computes each card's height from the width the view gives it, caching the result until
the width or the model changes. The view scrolls per item so that Qt measures only the
cards on screen — measuring all of a 1,000-note walk up front would freeze the window.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from walkapp.note_states import NoteState
from walkapp.ui import theme
from walkapp.ui.models.evidence import EvidenceModel

Index = QModelIndex | QPersistentModelIndex

PAD = 8  # inside a card
GAP = 3  # above and below a card
INDENT = 22  # cards sit under their heading
WALL_CHARS = 100  # the longest line of a card (average characters of its font)
PILL_PAD = 6  # left and right inside the "2 versions" mark
# The mark's colours: an amber that reads as "look at this" on light and dark palettes.
PILL_FILL = QColor(255, 196, 0)
PILL_TEXT = QColor(40, 30, 0)
# The note states' marks (walkapp.note_states), words in a pill so that colour is never
# the only sign: flagged (held back) a deep orange, kept a green, set aside a grey.
STATE_PILLS = {NoteState.FLAGGED: (QColor(196, 64, 20), QColor(255, 255, 255)),
               NoteState.KEPT: (QColor(38, 120, 60), QColor(255, 255, 255)),
               NoteState.SET_ASIDE: (QColor(110, 110, 110), QColor(255, 255, 255))}
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(
    Qt.AlignmentFlag.AlignTop)


class CardDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[int, int], int] = {}

    def clear_cache(self) -> None:
        self._heights.clear()

    @staticmethod
    def _meta_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 0.9)
        return font

    @staticmethod
    def _group_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 1.1)
        font.setBold(True)
        return font

    def _text_width(self) -> int:
        # A readable line (walkapp.ui.theme): on a wide screen a card stops at about 100
        # characters of its font rather than running the width of the wall.
        room = self._view.viewport().width() - INDENT - 2 * PAD - 12
        return max(120, min(room, theme.readable_width(self._view, WALL_CHARS)))

    def _pill(self, base: QFont, badge: str) -> QSize:
        """The size of the marks at the start of the card (0×0 for a card without one):
        `badge` is their words, joined by tabs."""
        if not badge:
            return QSize(0, 0)
        metrics = QFontMetrics(self._pill_font(base))
        parts = badge.split("\t")
        width = sum(metrics.horizontalAdvance(p) + 2 * PILL_PAD for p in parts)
        return QSize(width + 4 * (len(parts) - 1), metrics.height() + 2)

    @staticmethod
    def _badges(index: Index) -> list[tuple[str, QColor, QColor]]:
        """The marks of a card, in order: its state's (flagged, kept, set aside), then
        "2 versions"; each with its fill and its text colour."""
        out = []
        mark = str(index.data(EvidenceModel.MarkRole) or "")
        state = index.data(EvidenceModel.StateRole)
        if mark and state in STATE_PILLS:
            out.append((mark, *STATE_PILLS[state]))
        badge = str(index.data(EvidenceModel.BadgeRole) or "")
        if badge:
            out.append((badge, PILL_FILL, PILL_TEXT))
        return out

    @staticmethod
    def _pill_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 0.9)
        font.setBold(True)
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.data(EvidenceModel.KindRole) == "group":
            metrics = QFontMetrics(self._group_font(option.font))
            return QSize(200, metrics.height() + 16)
        width = self._text_width()
        key = (index.row(), width)
        height = self._heights.get(key)
        if height is None:
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            meta = str(index.data(EvidenceModel.MetaRole) or "")
            pill = self._pill(option.font, "\t".join(b[0] for b in self._badges(index)))
            body = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 100_000), WRAP,
                                                          text).height()
            # The meta line wraps beside the mark, if there is one.
            meta_width = max(60, width - pill.width() - (6 if pill.width() else 0))
            meta_height = QFontMetrics(self._meta_font(option.font)).boundingRect(
                QRect(0, 0, meta_width, 100_000), WRAP, meta).height() if meta else 0
            top = max(meta_height, pill.height())
            height = body + top + (4 if top else 0) + 2 * PAD + 2 * GAP
            self._heights[key] = height
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        try:
            if index.data(EvidenceModel.KindRole) == "group":
                self._paint_group(painter, option, index)
            else:
                self._paint_card(painter, option, index)
        finally:
            painter.restore()

    def _paint_group(self, painter: QPainter, option: QStyleOptionViewItem, index: Index
                     ) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(0, 4, -4, -2)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        text_role = (QPalette.ColorRole.HighlightedText if selected
                     else QPalette.ColorRole.Text)
        # The expand/collapse arrow, drawn by the style so it matches the platform.
        arrow = QStyleOptionViewItem(option)
        arrow.rect = QRect(rect.left(), rect.top(), INDENT - 4, rect.height())
        arrow.state = QStyle.StateFlag.State_Children | QStyle.StateFlag.State_Enabled
        if index.data(EvidenceModel.ExpandedRole):
            arrow.state |= QStyle.StateFlag.State_Open
        arrow.palette.setColor(QPalette.ColorRole.Text, palette.color(text_role))
        self._view.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, arrow,
                                         painter, self._view)
        font = self._group_font(option.font)
        painter.setFont(font)
        painter.setPen(palette.color(text_role))
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = QFontMetrics(font)
        count = str(index.data(EvidenceModel.MetaRole) or "")
        count_width = QFontMetrics(option.font).horizontalAdvance(count) + 16
        text_rect = rect.adjusted(INDENT, 0, 0, 0)
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight,
                                   max(40, text_rect.width() - count_width - 8))
        align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        painter.drawText(text_rect, align, title)
        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(text_rect.adjusted(metrics.horizontalAdvance(title) + 12, 0, 0, 0),
                         align, count)

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, index: Index
                    ) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(INDENT, GAP, -10, -GAP)
        rect.setWidth(min(rect.width(), self._text_width() + 2 * PAD))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        aside = index.data(EvidenceModel.StateRole) == NoteState.SET_ASIDE
        border = palette.color(QPalette.ColorRole.Highlight if selected
                               else QPalette.ColorRole.Mid)
        pen = QPen(border, 2 if selected else 1)
        if aside and not selected:
            pen.setStyle(Qt.PenStyle.DashLine)  # set aside: dimmed, dashed, apart
        painter.setPen(pen)
        painter.setBrush(palette.color(QPalette.ColorRole.Window if aside
                                       else QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        meta = str(index.data(EvidenceModel.MetaRole) or "")
        badges = self._badges(index)
        pill = self._pill(option.font, "\t".join(b[0] for b in badges))
        top_bottom = inner.top()
        if badges:
            metrics = QFontMetrics(self._pill_font(option.font))
            left = inner.left()
            painter.setFont(self._pill_font(option.font))
            for words, fill, ink in badges:
                box = QRect(left, inner.top(),
                            metrics.horizontalAdvance(words) + 2 * PILL_PAD, pill.height())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawRoundedRect(box, pill.height() / 2, pill.height() / 2)
                painter.setPen(ink)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), words)
                left = box.right() + 5
            top_bottom = inner.top() + pill.height() - 1
        if meta:
            meta_font = self._meta_font(option.font)
            painter.setFont(meta_font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            meta_rect = inner.adjusted(pill.width() + 6 if badges else 0, 0, 0, 0)
            used = painter.boundingRect(meta_rect, WRAP, meta)
            painter.drawText(meta_rect, WRAP, meta)
            top_bottom = max(top_bottom, used.bottom())
        if badges or meta:
            inner.setTop(top_bottom + 4)
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText if aside
                                     else QPalette.ColorRole.Text))
        painter.drawText(inner, WRAP, str(index.data(Qt.ItemDataRole.DisplayRole) or ""))


class CardList(QTreeView):
    """Group headings and note cards in one flat list; a heading folds its cards away
    with a click, Enter, Space or the left/right arrow keys. Enter or a double-click on a
    card says `card_activated(note id)`."""

    card_activated = Signal(str)
    # "Show earlier text…" on a note the facilitator changed: its id.
    history_requested = Signal(str)
    # "Open the note…" from a card's context menu: its id.
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAllColumnsShowFocus(True)
        # Per item, not per pixel: per-pixel scrolling makes Qt measure every card up front
        # (≈0.5 s for a 1,000-note walk); per item measures only the cards on screen.
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_delegate = CardDelegate(self)
        self.setItemDelegate(self.card_delegate)
        self.clicked.connect(self._clicked)
        self.doubleClicked.connect(self._card_chosen)
        self._width = -1

    def evidence(self) -> EvidenceModel:
        model = self.model()
        assert isinstance(model, EvidenceModel)
        return model

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.card_delegate.clear_cache)

    def toggle_row(self, row: int) -> None:
        model = self.evidence()
        if not model.is_group(row):
            return
        key = str(model.index(row, 0).data(EvidenceModel.IdRole))
        model.toggle(row)
        self.setCurrentIndex(model.index(model.group_row(key), 0))

    def _clicked(self, index: QModelIndex) -> None:
        self.toggle_row(index.row())

    def _card_chosen(self, index: QModelIndex) -> None:
        model = self.model()
        if index.isValid() and isinstance(model, EvidenceModel) \
                and not model.is_group(index.row()):
            self.card_activated.emit(str(index.data(EvidenceModel.IdRole)))

    def card_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of the card at `index` (None: a heading, or nothing to offer)."""
        if not index.isValid() or index.data(EvidenceModel.KindRole) != "card":
            return None
        note_id = str(index.data(EvidenceModel.IdRole))
        menu = QMenu(self)
        opening = menu.addAction(self.tr("Open the note…"))
        opening.setObjectName("openNote")
        opening.triggered.connect(lambda: self.open_requested.emit(note_id))
        if index.data(EvidenceModel.EditedRole):
            action = menu.addAction(self.tr("Show earlier text…"))
            action.setObjectName("showEarlierText")
            action.triggered.connect(lambda: self.history_requested.emit(note_id))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # From the keyboard (menu key, Shift+F10) the menu is the current card's.
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        index = self.currentIndex() if keyboard else self.indexAt(event.pos())
        menu = self.card_menu(index)
        if menu is None:
            super().contextMenuEvent(event)
            return
        if not keyboard:
            self.setCurrentIndex(index)
        where = self.visualRect(index).topLeft() if keyboard else event.pos()
        self.exec_menu(menu, self.viewport().mapToGlobal(where))
        menu.deleteLater()

    def exec_menu(self, menu: QMenu, where: QPoint) -> None:
        """Show `menu` at `where` until the user picks or dismisses (tests replace it)."""
        menu.exec(where)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        model = self.model()
        if index.isValid() and isinstance(model, EvidenceModel) and model.is_group(index.row()):
            expanded = bool(index.data(EvidenceModel.ExpandedRole))
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) or (
                    key == Qt.Key.Key_Left and expanded) or (
                    key == Qt.Key.Key_Right and not expanded):
                self.toggle_row(index.row())
                return
        elif index.isValid() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._card_chosen(index)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self.card_delegate.clear_cache()
            self.scheduleDelayedItemsLayout()
