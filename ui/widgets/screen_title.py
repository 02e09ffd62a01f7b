"""A screen's title: the one way a screen names itself at its top (bold, larger than the
text, object name "screenTitle" for the style sheet and the screenshot tools)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def screen_title(text: str = "", scale: float = 1.5) -> QLabel:
    """A title label reading `text`, its font `scale` times the label's own."""
    title = QLabel(text)
    title.setObjectName("screenTitle")
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    title.setFont(font)
    return title
