"""Helpers for the observation and walker-mode tests: a fake clock, a fake nudge checker,
typing any text (accented too) into a widget, and the accessible-name audit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@dataclass(frozen=True)
class FakeFlag:
    start: int
    end: int
    kind: str
    suggestion: str


JUDGEMENTS = re.compile(r"\b(good|bad|should|lazy)\b", re.IGNORECASE)
NAMES = re.compile(r"\b(Sam|Maria)\b")


def fake_nudge(text: str, lang: str = "en") -> list[FakeFlag]:
    """Stands in for walkapp.nudge.check: a few judgement words and two names."""
    flags = [FakeFlag(m.start(), m.end(), "evaluative", "try: I noticed…")
             for m in JUDGEMENTS.finditer(text)]
    flags += [FakeFlag(m.start(), m.end(), "name", "write “a student”")
              for m in NAMES.finditer(text)]
    return sorted(flags, key=lambda f: f.start)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` one key at a time. qtbot.keyClicks aborts the process on most
    non-ASCII characters (see QT-TESTING.md), so every character goes as its own event."""
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)


def chord(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    QTest.keyClick(widget, key, modifier)


def _is_scroll_area_part(widget: QWidget) -> bool:
    if isinstance(widget, QScrollBar):
        return True
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and widget is parent.viewport()


INTERACTIVE = (QAbstractButton, QAbstractItemView, QLineEdit, QPlainTextEdit, QTextEdit,
               QComboBox, QTabBar)


def _inside_combo_box(widget: QWidget, root: QWidget) -> bool:
    """A combo box's own list (made by Qt when it first wants it, so sometimes there and
    sometimes not) is part of the box, which carries the name."""
    node = widget.parentWidget()
    while node is not None and node is not root:
        if isinstance(node, QComboBox):
            return True
        node = node.parentWidget()
    return False


def interactive_widgets(root: QWidget) -> Iterator[QWidget]:
    """Every control a user can operate under `root` (scroll bars and viewports are parts
    of their scroll area, which carries the name)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if _is_scroll_area_part(widget) or _inside_combo_box(widget, root):
            continue
        takes_focus = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if isinstance(widget, INTERACTIVE) or takes_focus:
            yield widget


def unnamed_controls(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r}"
            for w in interactive_widgets(root) if not w.accessibleName().strip()]
