"""Readable note cards in a list: group headings with counts, cards with wrapped text.

The delegate draws with the system palette only (light and dark modes both work) and
computes each card's height from the width the view gives it, caching the result until
the width or the model changes. The view scrolls per item so that Qt measures only the
cards on screen — measuring all of a 1,000-note walk up front would freeze the window.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from walkapp.ui.models.evidence import EvidenceModel

Index = QModelIndex | QPersistentModelIndex

PAD = 8  # inside a card
GAP = 3  # above and below a card
INDENT = 22  # cards sit under their heading
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
        return max(120, self._view.viewport().width() - INDENT - 2 * PAD - 12)

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
            body = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 100_000), WRAP,
                                                          text).height()
            meta_height = QFontMetrics(self._meta_font(option.font)).boundingRect(
                QRect(0, 0, width, 100_000), WRAP, meta).height() if meta else 0
            height = body + meta_height + (4 if meta else 0) + 2 * PAD + 2 * GAP
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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = palette.color(QPalette.ColorRole.Highlight if selected
                               else QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        meta = str(index.data(EvidenceModel.MetaRole) or "")
        if meta:
            meta_font = self._meta_font(option.font)
            painter.setFont(meta_font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            used = painter.boundingRect(inner, WRAP, meta)
            painter.drawText(inner, WRAP, meta)
            inner.setTop(used.bottom() + 4)
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(inner, WRAP, str(index.data(Qt.ItemDataRole.DisplayRole) or ""))


class CardList(QTreeView):
    """Group headings and note cards in one flat list; a heading folds its cards away
    with a click, Enter, Space or the left/right arrow keys."""

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
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self.card_delegate.clear_cache()
            self.scheduleDelayedItemsLayout()
