"""Sizes taken from the words a widget shows, in its own font, rather than fixed pixels:
they follow a bigger font or a longer translation (issue 18: usable at every screen size)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QListView,
    QListWidget,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a scroll area that shows it whole when there is room and scrolls it
    when the window is smaller than it needs (its rows are never squeezed over each
    other). The area is no stop of its own for Tab: the controls inside are."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(content)
    return area


def wrap_items(view: QListView) -> None:
    """Long items of `view` wrap onto more lines, never run wider than it, and are laid
    out again at its width when it changes (rather than ending in "…" or being cut)."""
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setItemDelegate(WrappingDelegate(view))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def fit_list_width(view: QListWidget, most_chars: int) -> None:
    """Make `view` at least as wide as its widest line needs (up to about `most_chars`
    characters: longer lines wrap, with the list's word wrap on)."""
    metrics = view.fontMetrics()
    lines = [line for row in range(view.count())
             for line in view.item(row).text().splitlines()]
    widest = max((metrics.horizontalAdvance(line) for line in lines), default=0)
    widest = min(widest, metrics.averageCharWidth() * most_chars)
    style = view.style()
    extra = (2 * view.frameWidth() + 2 * view.spacing()
             + 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
             + style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 8)
    view.setMinimumWidth(widest + extra)


def share_splitter(splitter: QSplitter, wanted: Sequence[int], main: int) -> None:
    """Give each part of `splitter` the width it `wanted` (never less than it needs) and
    part `main` the rest: in a small window the side parts keep their room and the main
    one (the note being written) shrinks first, down to what it needs."""
    total = splitter.width() - splitter.handleWidth() * (splitter.count() - 1)
    sizes = [max(want, splitter.widget(i).minimumSizeHint().width(),
                 splitter.widget(i).minimumWidth()) for i, want in enumerate(wanted)]
    sizes[main] = max(total - sum(s for i, s in enumerate(sizes) if i != main),
                      splitter.widget(main).minimumSizeHint().width())
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
