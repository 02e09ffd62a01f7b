"""How a screenshot is written (one place for the three screenshot modules): the widget
grabbed at the screen's pixel ratio and saved as an 8-bit PNG. Screens are flat colours and
text, so a palette of 256 colours loses nothing one can see and keeps docs/screenshots a
quarter of the size of full-colour pictures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

# The size every screen is drawn at unless a run asks for another (`--size`).
DEFAULT_SIZE = (1366, 768)


def save_shot(widget: QWidget, path: Path) -> Path:
    """Draw `widget` as it is now into `path` (a PNG) and return the path."""
    QApplication.processEvents()
    image = widget.grab().toImage()
    flags = Qt.ImageConversionFlag.AvoidDither | Qt.ImageConversionFlag.ThresholdDither
    # A PNG: QImage.save goes by the suffix.
    image.convertToFormat(QImage.Format.Format_Indexed8, flags).save(str(path))
    return path
