"""Readable note cards in a tree: group headings with counts, cards with wrapped text.

The delegate draws with the system palette only (light and dark modes both work) and
computes each card's height from the width the view gives it, caching the result until
the width or the model changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen, QResizeEvent
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
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(
    Qt.AlignmentFlag.AlignTop)


class CardDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[int, int, int], int] = {}

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

    def _card_width(self) -> int:
        # Cards sit two indentation steps in (root decoration + group level).
        view = self._view
        return max(120, view.viewport().width() - 2 * view.indentation() - 2 * PAD - 10)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.data(EvidenceModel.KindRole) == "group":
            metrics = QFontMetrics(self._group_font(option.font))
            return QSize(200, metrics.height() + 14)
        width = self._card_width()
        key = (int(index.internalId()), index.row(), width)
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
        font = self._group_font(option.font)
        painter.setFont(font)
        title_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                     else QPalette.ColorRole.Text)
        painter.setPen(title_colour)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = QFontMetrics(font)
        count = str(index.data(EvidenceModel.MetaRole) or "")
        count_width = QFontMetrics(option.font).horizontalAdvance(count) + 16
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight,
                                   max(40, rect.width() - count_width - 8))
        align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        painter.drawText(rect.adjusted(4, 0, 0, 0), align, title)
        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect.adjusted(metrics.horizontalAdvance(title) + 16, 0, 0, 0), align,
                         count)

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, index: Index
                    ) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(0, GAP, -10, -GAP)
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


class CardTree(QTreeView):
    """A tree of group headings and note cards that re-wraps its cards when resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setIndentation(14)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAnimated(False)
        self.setExpandsOnDoubleClick(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_delegate = CardDelegate(self)
        self.setItemDelegate(self.card_delegate)
        self._width = -1

    def setModel(self, model: object) -> None:  # type: ignore[override]
        super().setModel(model)  # type: ignore[arg-type]
        model.modelReset.connect(self.card_delegate.clear_cache)  # type: ignore[attr-defined]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self.card_delegate.clear_cache()
            self.scheduleDelayedItemsLayout()
