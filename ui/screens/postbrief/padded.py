"""A text delegate with breathing room: wrapped text, padding, a muted "—" for empty cells.

Qt's default delegate puts wrapped text right against the cell's edges, which makes long
notes hard to read side by side; this one keeps the system look (selection, alternating
rows) and only adds padding.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex

EMPTY = "—"
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(
    Qt.AlignmentFlag.AlignTop)


class PaddedTextDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, *, pad_x: int = 6, pad_y: int = 5
                 ) -> None:
        super().__init__(parent)
        self.pad_x, self.pad_y = pad_x, pad_y

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width()
        if width <= 0 and isinstance(option.widget, QAbstractScrollArea):
            width = option.widget.viewport().width()
        return max(60, width - 2 * self.pad_x)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._text_width(opt)
        bounds = opt.fontMetrics.boundingRect(QRect(0, 0, width, 1_000_000), WRAP, opt.text)
        return QSize(min(width, bounds.width()) + 2 * self.pad_x,
                     bounds.height() + 2 * self.pad_y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        # Background, selection and focus as the style draws them; the text ourselves.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = (QPalette.ColorRole.HighlightedText if selected
                else QPalette.ColorRole.PlaceholderText if text == EMPTY
                else QPalette.ColorRole.Text)
        colour = opt.palette.color(role)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if foreground is not None and not selected:  # the model's own colour, e.g. muted
            colour = QColor(foreground.color() if hasattr(foreground, "color") else foreground)
        painter.save()
        painter.setPen(colour)
        painter.setFont(opt.font)
        painter.drawText(opt.rect.adjusted(self.pad_x, self.pad_y, -self.pad_x, -self.pad_y),
                         WRAP, text)
        painter.restore()
