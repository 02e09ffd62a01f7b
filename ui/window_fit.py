"""The main window's size and place: never larger than the screen it opens on.

A first window takes a share of the screen's available geometry (the screen less its task
bar and panels); a window size saved on a big monitor and restored on a laptop is made to
fit, and a window saved on a screen that is gone, or half off the edge, comes back on
screen. The minimum size fits a 1920×1080 screen at 2× scale (960×540 logical pixels, less
a title bar and a task bar) and never more than the screen at hand: what is on a page and
does not fit scrolls (walkapp.ui.main_window puts the pages in a scroll area).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# A first window: this share of the screen, up to the largest size (bigger is no help).
DEFAULT_SHARE = 0.9
DEFAULT_LARGEST = QSize(1440, 900)
# Fits 960×540 with room for a title bar and a task bar.
MINIMUM = QSize(800, 460)
# A window manager's frame, guessed before the window is shown (once shown, its own).
FRAME_GUESS = QMargins(4, 32, 4, 4)


def available(window: QWidget) -> QRect:
    """The available geometry of the screen `window` is on (or of the primary screen).
    The widget's own screen (restoreGeometry puts a window back on the screen it was saved
    on): QGuiApplication.screenAt asks the window system and cost a start 7 ms a call."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(window: QWidget) -> QMargins:
    """The window's frame (title bar and borders): the window system's, once known."""
    handle = window.windowHandle()
    if handle is not None and window.isVisible():
        margins = handle.frameMargins()
        if not margins.isNull():
            return margins
    return FRAME_GUESS


def room(window: QWidget) -> QSize:
    """The largest size of the window's inside (its frame left out) on its screen."""
    area = available(window)
    margins = frame_margins(window)
    return QSize(max(1, area.width() - margins.left() - margins.right()),
                 max(1, area.height() - margins.top() - margins.bottom()))


def default_size(space: QSize) -> QSize:
    return QSize(min(int(space.width() * DEFAULT_SHARE), DEFAULT_LARGEST.width()),
                 min(int(space.height() * DEFAULT_SHARE), DEFAULT_LARGEST.height()))


def fit_window(window: QWidget, *, restored: bool) -> None:
    """Set the minimum size, then size and place `window` on its screen: its size (a
    restored one, else the default share of the screen) made to fit, and its frame inside
    the screen's available geometry (centred on a first start)."""
    space = room(window)
    window.setMinimumSize(MINIMUM.boundedTo(space))
    states = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
    if window.windowState() & states:
        return  # the window system gives it the screen
    size = window.size() if restored else default_size(space)
    window.resize(size.boundedTo(space).expandedTo(window.minimumSize()))
    margins = frame_margins(window)
    frame = QSize(window.width() + margins.left() + margins.right(),
                  window.height() + margins.top() + margins.bottom())
    area = available(window)
    if restored:
        at = window.pos()  # a top-level window's pos() is its frame's top left
        x = min(max(at.x(), area.left()), area.right() + 1 - frame.width())
        y = min(max(at.y(), area.top()), area.bottom() + 1 - frame.height())
    else:
        x = area.left() + (area.width() - frame.width()) // 2
        y = area.top() + (area.height() - frame.height()) // 2
    window.move(QPoint(max(x, area.left()), max(y, area.top())))


def fit_secondary(window: QWidget, wanted: QSize) -> None:
    """A window beside the main one (the guide, the keyboard-shortcuts sheet): `wanted`,
    but never more than most of its screen, and centred on it (a window manager may put a
    new window where half of it is off the screen)."""
    area = available(window)
    margins = frame_margins(window)
    most = QSize(int(area.width() * 0.9) - margins.left() - margins.right(),
                 int(area.height() * 0.9) - margins.top() - margins.bottom())
    window.resize(wanted.boundedTo(most))
    frame = QSize(window.width() + margins.left() + margins.right(),
                  window.height() + margins.top() + margins.bottom())
    window.move(QPoint(area.left() + (area.width() - frame.width()) // 2,
                       area.top() + (area.height() - frame.height()) // 2))
