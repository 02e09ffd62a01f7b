"""Find interactive widgets a screen reader could not name."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox,
               QAbstractSpinBox, QAbstractItemView, QAbstractSlider, QTabBar)
# Parts of composite widgets: the composite itself carries the name.
COMPOSITES = (QComboBox, QAbstractSpinBox, QAbstractItemView, QCalendarWidget, QTabBar)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Describe each visible interactive control under `root` that has no accessible name."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if _inside_composite(widget, root):
            continue
        if not accessible_name(widget):
            path = []
            node: QWidget | None = widget
            while node is not None and node is not root:
                path.append(node.objectName() or type(node).__name__)
                node = node.parentWidget()
            problems.append(" < ".join(path))
    return problems
