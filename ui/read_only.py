"""Make a part of the window read-only, and give it back as it was.

A closed walk's pages are shown read-only (walkapp.ui.widgets.closed_banner): text can be
read, selected and copied, lists scrolled and tabs switched, but nothing typed, ticked,
picked or pressed can change the record. Text fields and spin boxes become read-only
(not greyed out: the words stay legible); check boxes, choices and buttons are disabled;
tables stop opening editors. A button that only shows or exports something says so with
the property `READ_ONLY_SAFE` and stays usable.

Pages build rows as they refresh, so widgets made while the guard is on are caught when
they are first polished (an event filter on the application, installed only while some
part is read-only).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

__all__ = ["READ_ONLY_SAFE", "ReadOnlyGuard"]

READ_ONLY_SAFE = "readOnlySafe"  # a widget property: True = usable on a read-only page
# Controls that change only what is shown (filter the notes, group them, show who wrote
# them, show a note's earlier text, show or hide a script) keep working: their accessible
# names say so, as every such control in walkapp names itself.
VIEW_NAMES = ("show", "filter", "clear the filter", "group notes by", "search", "find",
              "hide", "open the", "previous visit", "next visit")


def _safe(widget: QWidget) -> bool:
    if widget.property(READ_ONLY_SAFE):
        return True
    name = widget.accessibleName().casefold()
    if name.startswith(VIEW_NAMES):
        return True
    parent = widget.parentWidget()
    # A tab bar's scroll arrows, a scroll bar's buttons: they only move the view.
    return isinstance(parent, QTabBar)


class ReadOnlyGuard(QObject):
    """Read-only over the widgets `roots()` gives (e.g. a walk's pages but its Reports)."""

    def __init__(self, roots: Callable[[], list[QWidget]], parent: QObject) -> None:
        super().__init__(parent)
        self._roots = roots
        self._on = False
        # What each widget was before, to give it back: (widget, how to undo).
        self._changed: list[tuple[weakref.ref[QWidget], Callable[[Any], None]]] = []
        self._kept: set[tuple[int, str]] = set()

    def is_on(self) -> bool:
        return self._on

    def set_on(self, on: bool) -> None:
        if on == self._on:
            if on:
                self.apply()  # a page built since
            return
        self._on = on
        app = QApplication.instance()
        if on:
            if app is not None:
                app.installEventFilter(self)
            self.apply()
        else:
            if app is not None:
                app.removeEventFilter(self)
            for ref, give_back in reversed(self._changed):
                widget = ref()
                if widget is not None:
                    give_back(widget)
            self._changed.clear()
            self._kept.clear()

    def apply(self) -> None:
        """Lock what is there now (again: a page may have enabled a button since)."""
        if not self._on:
            return
        for root in self._roots():
            for widget in [root, *root.findChildren(QWidget)]:
                self._lock(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Polish, QEvent.Type.EnabledChange) \
                or not isinstance(watched, QWidget) \
                or not any(root is watched or root.isAncestorOf(watched)
                           for root in self._roots()):
            return False
        if kind == QEvent.Type.Polish:
            self._lock(watched)
        elif watched.isEnabled():
            # The page enabled it again (its rows refreshed): locked again just after.
            ref = weakref.ref(watched)
            QTimer.singleShot(0, self, lambda: self._relock(ref))
        return False

    def _relock(self, ref: weakref.ref[QWidget]) -> None:
        widget = ref()
        if self._on and widget is not None:
            self._lock(widget)

    def _lock(self, widget: QWidget) -> None:
        if _safe(widget):
            return
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
            if not widget.isReadOnly():
                widget.setReadOnly(True)
                self._keep(widget, "read_only", lambda w: w.setReadOnly(False))
            if not isinstance(widget, QAbstractSpinBox) and widget.placeholderText():
                # "Type here" on a box that cannot be typed in would be a false promise.
                def give_placeholder_back(w: Any, text: str = widget.placeholderText()) -> None:
                    w.setPlaceholderText(text)
                widget.setPlaceholderText("")
                self._keep(widget, "placeholder", give_placeholder_back)
        elif isinstance(widget, (QAbstractButton, QComboBox, QAbstractSlider)):
            if widget.isEnabled():
                widget.setEnabled(False)
                self._keep(widget, "enabled", lambda w: w.setEnabled(True))
        elif isinstance(widget, QAbstractItemView):
            triggers = widget.editTriggers()
            if triggers != QAbstractItemView.EditTrigger.NoEditTriggers:
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                def give_triggers_back(w: Any, t: Any = triggers) -> None:
                    w.setEditTriggers(t)
                self._keep(widget, "triggers", give_triggers_back)
            if widget.dragEnabled():
                widget.setDragEnabled(False)
                self._keep(widget, "drag", lambda w: w.setDragEnabled(True))

    def _keep(self, widget: QWidget, what: str, give_back: Callable[[Any], None]) -> None:
        key = (id(widget), what)
        if key not in self._kept:  # the first state is the one to give back
            self._kept.add(key)
            self._changed.append((weakref.ref(widget), give_back))
