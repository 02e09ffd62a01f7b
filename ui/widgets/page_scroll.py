"""Pages that scroll rather than being cut (issue 18): a stack of pages as small as the page
on show allows, and a scroll area that scrolls its content only below the content's least
size. Apart from walkapp.ui.widgets.fit_sizes because the first window needs these: a
module of Qt subclasses costs a start its import time (PySide6 reads each one's source)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QStackedWidget, QWidget


class CurrentStack(QStackedWidget):
    """A stack of pages as small as the page on show allows: Qt's own takes the largest
    least size of every page it holds, shown or not, so one tall page (the observation's
    note-taker) made every other page of the walk scroll in a small window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return super().sizeHint() if page is None else page.sizeHint()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            # The page's least size may have changed: tell the layout (or scroll area)
            # around the stack, which Qt does not ask again by itself.
            self.updateGeometry()
            holder = self.parentWidget()
            if isinstance(holder, _Holder):
                holder.refit()
        return handled


class _Holder(QWidget):
    """Holds a scroll area's content at the area's size, or at its least size when the
    area is smaller. Without it Qt's scroll area asks the content's height for its width,
    which is the height its words *prefer* (every wrapped label at its natural height,
    every text box at its size hint): the page scrolled in a window it fitted."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self._content = content
        content.setParent(self)

    def minimumSizeHint(self) -> QSize:
        return self._content.minimumSizeHint().expandedTo(self._content.minimumSize())

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._content.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the content's least size changed
            self.refit()
        return super().event(event)

    def refit(self) -> None:
        """Have the scroll area size this holder (and its scroll bars) again."""
        self.updateGeometry()
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QScrollArea) and area.widget() is self:
            area.setWidgetResizable(True)  # Qt's way in: it lays the area out again


class _FocusInView(QObject):
    """Scrolls `area` to the control that takes the keyboard focus inside it, however the
    focus came (Qt's scroll area does it for Tab only), and again when the page's height
    changes: the note box a page gives the focus to when it opens is in view in a short
    window, not below its bottom edge. A child of the area, so the application's signal
    leaves it with the area."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        # The page's height changed under the view (it was laid out after the focus came,
        # or its script folded away, walkapp.ui.screens.words_fold): the control again.
        area.verticalScrollBar().rangeChanged.connect(self._later)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self._area):
            return  # the area is being deleted: its ~QWidget moves the focus away
        held = self._area.widget()
        if new is not None and held is not None and held.isAncestorOf(new):
            self._later()

    def _later(self, *_range: int) -> None:
        # In the next turn: a page that gives the focus as it opens is laid out by then.
        QTimer.singleShot(0, self, lambda: show_focus(self._area))


def show_focus(area: QScrollArea) -> None:
    """Scroll `area` to the control with the keyboard focus, if it is inside (and shown):
    the whole control, its top first when it is taller than the view. (Qt's own
    ensureWidgetVisible keeps only a text box's cursor in view: the note box's first line
    showed at the window's bottom edge, the rest of the box below it.)"""
    if not shiboken6.isValid(area):
        return
    held, focus = area.widget(), QApplication.focusWidget()
    if focus is None or held is None or not area.isVisible() or not focus.isVisible() \
            or not held.isAncestorOf(focus):
        return
    top = focus.mapTo(held, QPoint(0, 0)).y()
    bottom = top + focus.height()
    bar, view = area.verticalScrollBar(), area.viewport().height()
    value = bar.value()
    if bottom > value + view:
        value = min(top, bottom - view)
    if top < value:
        value = top
    bar.setValue(value)


def scrolling(content: QWidget, *, least: bool = False) -> QScrollArea:
    """`content` in a scroll area that shows it whole when there is room and scrolls it
    when the window is smaller than it needs (its rows are never squeezed over each
    other). The area is no stop of its own for Tab: the controls inside are.

    `least`: scroll only below the content's least size (a whole page: it scrolls in a
    window too small for it, not in one too small for its wrapped words' natural height).
    Otherwise the content's height for the width decides (a panel of wrapped words)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(_Holder(content) if least else content)
    _FocusInView(area)
    return area
