"""How a screenshot is written (one place for the three screenshot modules): the widget
grabbed at the screen's pixel ratio and saved as a PNG in full colour (Qt's own 8-bit
conversion snaps colours to a fixed cube: a dark palette's greys came out blue)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

# The size every screen is drawn at unless a run asks for another (`--size`).
DEFAULT_SIZE = (1366, 768)


def save_shot(widget: QWidget, path: Path) -> Path:
    """Draw `widget` as it is now into `path` (a PNG) and return the path."""
    QApplication.processEvents()
    # A PNG: QImage.save goes by the suffix.
    widget.grab().toImage().save(str(path))
    return path
