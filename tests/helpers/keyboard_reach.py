"""Every control on a screen is named and reachable with the keyboard.

`keyboard_problems(window)` looks at each visible, enabled control of the window (buttons,
text boxes, choices, check boxes, lists, tables, tab bars, spin boxes, sliders): it must
have a name a screen reader can say (its accessible name, its text, or the label that is
its buddy: Qt's accessibility gives all three as the name), take the focus with Tab, and
be reached by walking the focus chain with `focusNextChild` (what Tab does) from the first
control. Each problem is described in a line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QScrollBar,
    QWidget,
)

from tests.helpers.a11y import COMPOSITES, accessible_name
from tests.helpers.a11y import INTERACTIVE as CONTROLS  # one list of what a control is

_MAX_STEPS = 3000
_ROUND = 40  # Tab this many times with nothing new: the chain has come round


def _describe(widget: QWidget, root: QWidget) -> str:
    words = accessible_name(widget)
    path = []
    node: QWidget | None = widget
    while node is not None and node is not root and len(path) < 3:
        path.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return f'{type(widget).__name__} "{words}" ({" < ".join(path)})'


def _part_of_composite(widget: QWidget, root: QWidget) -> bool:
    node = widget.parentWidget()
    while node is not None and node is not root:
        if isinstance(node, COMPOSITES):
            return True
        node = node.parentWidget()
    return False


def controls(root: QWidget) -> list[QWidget]:
    """The visible, enabled controls under `root` a person would use (a scroll bar, and
    the inner parts of a combo box, spin box or tab bar, are their owner's)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if widget.visibleRegion().isEmpty() and not _in_scroll_area(widget, root):
            continue  # covered up entirely (a splitter collapsed it): not on screen
        if _part_of_composite(widget, root):
            continue
        found.append(widget)
    return found


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    node = widget.parentWidget()
    while node is not None and node is not root:
        if isinstance(node, QAbstractScrollArea):
            return True
        node = node.parentWidget()
    return False


def _reached_by(widget: QWidget, focused: set[int]) -> bool:
    """The focus landed on the control, on its focus proxy, or inside it (an editable
    combo box's line edit)."""
    if id(widget) in focused:
        return True
    proxy = widget.focusProxy()
    while proxy is not None:
        if id(proxy) in focused:
            return True
        proxy = proxy.focusProxy()
    return any(id(child) in focused for child in widget.findChildren(QWidget))


def focus_walk(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits from the window's first one, in order, until Tab brings
    nothing new (the chain has come round). Every widget the focus lands on counts, also
    one it leaves at once (a control that hands the focus on when it gets it)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.activateWindow()
    for _ in range(100):  # the window system activates it in a later turn
        app.processEvents()
        if window.isActiveWindow():
            break
    window.setFocus(Qt.FocusReason.OtherFocusReason)
    seen: list[QWidget] = []
    ids: set[int] = set()

    def landed(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and id(new) not in ids and new.window() is window:
            ids.add(id(new))
            seen.append(new)

    app.focusChanged.connect(landed)
    try:
        idle = 0
        for _ in range(_MAX_STEPS):
            before = len(seen)
            window.focusNextChild()
            landed(None, window.focusWidget())  # also when the window is not active
            idle = idle + 1 if len(seen) == before else 0
            if idle > _ROUND:
                break
    finally:
        app.focusChanged.disconnect(landed)
    return seen


def keyboard_problems(window: QWidget) -> list[str]:
    """What keeps a control of `window` from being named or reached by Tab."""
    problems = []
    wanted = controls(window)
    for widget in wanted:
        if not accessible_name(widget):
            problems.append(f"no name: {_describe(widget, window)}")
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            problems.append(f"Tab skips it (focus policy {widget.focusPolicy().name}): "
                            f"{_describe(widget, window)}")
    focused = {id(w) for w in focus_walk(window)}
    for widget in wanted:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not _reached_by(widget,
                                                                                focused):
            problems.append(f"not reached by Tab: {_describe(widget, window)}")
    return problems
