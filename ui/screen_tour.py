"""Every screen of one walk, one after the other, in a real main window.

`tour(window, walk_id)` opens the walk in `window` and shows each of its screens in turn:
the list of walks, the Trash, each page of the walk, each tab of a page that has tabs (the
plan, a walker's page), each step of a step guide (prepared, so no timer starts and
nothing is written) and each of its "More" panels. It yields `(name, widget)` once each
screen is on show and has finished loading; `widget` is the window, whose visible part is
the screen. A walk on a walker's laptop (walkapp.ui.walker_mode) has one page: its tabs are
toured. The tests of issue 18 (nothing cut, every control named and reachable) and the
screenshot tool walk the same screens through this one function.

`settle()` lets what a screen builds and reads in later turns land (timers of a few
milliseconds, reads off the GUI thread) before it is looked at.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from walkapp.ui.main_window import MainWindow

# How long one screen may take to build and load before it is looked at anyway.
SETTLE_S = 10.0
LAYOUT_TURNS = 24


def _busy(root: QWidget) -> bool:
    """Something shown under `root` is still building or loading."""
    from walkapp.ui.screens.step_guide import StepGuide

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, StepGuide) and not widget.body_is_shown():
            return True
        loading = getattr(type(widget), "is_loading", None)
        if callable(loading) and loading(widget):
            return True
        if getattr(widget, "refresh_count", 1) == 0:  # a post-brief panel not read yet
            return True
    return False


def settle(root: QWidget, timeout: float = SETTLE_S) -> None:
    """Run the event loop until nothing shown under `root` is building or loading (at most
    `timeout` seconds), then a few turns more for delayed layouts (wrapped rows)."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout
    while True:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if not _busy(root) or time.monotonic() > deadline:
            break
        time.sleep(0.002)  # let a 1 ms slice (walkapp.ui.turns) come due
    # A change of size climbs the widget tree one parent per turn of the event loop (a
    # layout, then the layout around it...), up to the window's scroll area.
    for _ in range(LAYOUT_TURNS):
        app.processEvents()


def _tabs_of(page: QWidget) -> QTabWidget | None:
    tabs = getattr(page, "tabs", None)
    return tabs if isinstance(tabs, QTabWidget) and tabs.isVisibleTo(page) else None


def _guide_of(page: QWidget) -> object | None:
    from walkapp.ui.screens.step_guide import StepGuide

    if isinstance(page, StepGuide):
        return page
    guide = getattr(page, "guide", None)  # the Observation page holds one
    return guide if isinstance(guide, StepGuide) else None


def _page_screens(window: MainWindow, key: str, page: QWidget) -> Iterator[tuple[str, QWidget]]:
    from walkapp.ui.screens.step_guide import StepGuide

    tabs = _tabs_of(page)
    guide = _guide_of(page)
    if tabs is not None:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(window)
            yield f"{key} / {tabs.tabText(index).replace('&', '')}", window
    elif isinstance(guide, StepGuide):
        for position, planned in enumerate(guide.runner.steps):
            guide.prepare(position)
            settle(window)
            yield f"{key} / step {position + 1}: {planned.step.title}", window
        for name in guide.more_names():
            guide.show_more(name)
            settle(window)
            yield f"{key} / more: {name}", window
        guide.follow_runner()
        settle(window)
    else:
        settle(window)
        yield key, window


def tour(window: MainWindow, walk_id: str) -> Iterator[tuple[str, QWidget]]:
    """Show each screen of walk `walk_id` in `window` (shown, at the size the caller
    gave it) and yield `(name, window)` while it is on show. The walk stays open at the
    end; nothing is written to it (steps are prepared, not run)."""
    window.show_library()
    settle(window)
    yield "library", window
    window.show_trash()
    settle(window)
    yield "trash", window
    window.open_walk(walk_id, wait_ms=10_000)
    workspace = window.workspace
    if workspace is None or workspace.walk_id != walk_id:
        raise RuntimeError(f"the walk {walk_id} did not open")
    for key in workspace.page_keys():
        workspace.show_page(key)
        page = workspace.page(key)
        assert isinstance(page, QWidget)
        settle(window)
        yield from _page_screens(window, key, page)
