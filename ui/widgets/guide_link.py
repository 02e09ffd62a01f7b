"""A quiet "Learn more" link beside an empty state: opens the guide at one section.

For the empty states that keep their own label (the evidence wall, the Trash, the import
report); a new empty state uses walkapp.ui.widgets.empty_state.EmptyState.add_link instead.
The guide is the window's, handed down as a callable (walkapp.ui.help_sections.ShowGuide).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton, QWidget

from walkapp.ui.help_sections import GuideSection, ShowGuide


class GuideLink(QPushButton):
    def __init__(self, guide: ShowGuide, section: GuideSection, text: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(text or self.tr("Learn more in the guide"), parent)
        self.setObjectName("guideLink")
        self.section = section
        look_like_a_link(self)
        self.setAccessibleName(self.tr("Open the guide: {0}").format(self.text()))
        self.clicked.connect(lambda _=False: guide(section.value))


def look_like_a_link(button: QPushButton) -> None:
    """Flat, in the palette's link colour, underlined: it reads as a link, and it is still
    a button for the keyboard (Tab, Space) and for screen readers."""
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    palette = button.palette()
    palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link))
    button.setPalette(palette)
    font = button.font()
    font.setUnderline(True)
    button.setFont(font)
