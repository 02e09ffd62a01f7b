"""Sizes taken from the words a widget shows, in its own font, rather than fixed pixels:
they follow a bigger font or a longer translation (issue 18: usable at every screen size).
The page scroll areas and the stack that fits the page on show are in
walkapp.ui.widgets.page_scroll (the first window needs them; these are for later pages)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)


class ReflowRow(QBoxLayout):
    """Widgets side by side when there is room for them all, one under the other when
    there is not (a narrow or scaled window, a bigger font): never squeezed below what
    each needs (issue 18)."""

    def __init__(self) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight)

    def _least(self) -> list[QSize]:
        items = (self.itemAt(i) for i in range(self.count()))
        return [item.minimumSize() for item in items if item is not None]

    def _side_by_side_width(self) -> int:
        widths = [least.width() for least in self._least()]
        return sum(widths) + self.spacing() * max(0, len(widths) - 1)

    def setGeometry(self, rect: QRect) -> None:
        wanted = (QBoxLayout.Direction.LeftToRight
                  if rect.width() >= self._side_by_side_width()
                  else QBoxLayout.Direction.TopToBottom)
        if self.direction() != wanted:
            self.setDirection(wanted)
            # One under another it is taller: the layout around it placed the rest for the
            # old height while placing this row, and is asked to lay out again.
            holder = self.parentWidget()
            if holder is not None:
                QTimer.singleShot(0, holder, lambda: _lay_out_again(holder))
        super().setGeometry(rect)

    def minimumSize(self) -> QSize:
        # As narrow as its widest part: below the room for all, it goes one under another.
        widths = [least.width() for least in self._least()]
        size = super().minimumSize()
        if self.direction() == QBoxLayout.Direction.LeftToRight:
            heights = [least.height() for least in self._least()]
            return QSize(max(widths, default=0), max(size.height(), max(heights, default=0)))
        return QSize(max(widths, default=0), size.height())


class WrappedLabel(QLabel):
    """Words that wrap and are never squeezed below the rows they take at their width. A
    box layout counts a wrapped label's least height as one row, then gives it the rows
    its width needs, taken from its neighbours: the note-taker's key hints, two rows in
    Spanish, pushed the note box over the last row of look-for tags."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
            holder = self.parentWidget()
            if holder is not None:  # its layout placed the rest for the old height
                QTimer.singleShot(0, holder, lambda: _lay_out_again(holder))


def _lay_out_again(widget: QWidget) -> None:
    layout = widget.layout()
    if layout is not None:
        layout.invalidate()
    widget.updateGeometry()


class QuietLabel(QLabel):
    """A line of words that takes no room while it has none (a step's error line: an
    empty line cost every guide a row of a small window)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))


def wrap_items(view: QListView) -> None:
    """Long items of `view` wrap onto more lines, never run wider than it, and are laid
    out again at its width when it changes (rather than ending in "…" or being cut)."""
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setItemDelegate(WrappingDelegate(view))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def fit_list_width(view: QListWidget, most_chars: int, wanted_chars: int = 0) -> int:
    """Make `view` at least as wide as its widest line needs (up to about `most_chars`
    characters: longer lines wrap, with the list's word wrap on). Returns the width it
    would like (up to `wanted_chars` characters), for a splitter with room to give."""
    metrics = view.fontMetrics()
    lines = [line for row in range(view.count())
             for line in view.item(row).text().splitlines()]
    widest = max((metrics.horizontalAdvance(line) for line in lines), default=0)
    style = view.style()
    extra = (2 * view.frameWidth() + 2 * view.spacing()
             + 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
             + style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 8)
    view.setMinimumWidth(min(widest, metrics.averageCharWidth() * most_chars) + extra)
    return min(widest, metrics.averageCharWidth() * max(most_chars, wanted_chars)) + extra


def share_splitter(splitter: QSplitter, wanted: Sequence[int], main: int) -> None:
    """Give each part of `splitter` the width it `wanted` (never less than it needs) and
    part `main` the rest: in a small window the side parts keep their room and the main
    one (the note being written) shrinks first, down to what it needs."""
    total = splitter.width() - splitter.handleWidth() * (splitter.count() - 1)
    parts = [splitter.widget(i) for i in range(len(wanted))]
    least = [max(p.minimumSizeHint().width(), p.minimumWidth()) if p is not None else 0
             for p in parts]
    sizes = [max(want, need) for want, need in zip(wanted, least, strict=True)]
    sizes[main] = max(total - sum(s for i, s in enumerate(sizes) if i != main), least[main])
    splitter.setSizes(sizes)


class WrappingDelegate(QStyledItemDelegate):
    """Wrapped list items measured at the width they are drawn in. Qt wraps an item's
    lines at the whole width of the list and adds the style sheet's item padding and the
    list's spacing after, so an item came out a few pixels wider than the list and the end
    of its lines was cut off."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        room = self._view.viewport().width() - 2 * self._view.spacing()
        if not self._view.wordWrap() or room <= 0:
            return hint
        narrowed = QStyleOptionViewItem(option)
        width = option.rect.width() if option.rect.isValid() else room
        for _ in range(3):  # the padding is known only from the first answer
            if hint.width() <= room:
                break
            width -= hint.width() - room
            narrowed.rect = QRect(option.rect.topLeft(), QSize(max(width, 1),
                                                               option.rect.height()))
            hint = super().sizeHint(narrowed, index)
        return QSize(min(hint.width(), room), hint.height())
