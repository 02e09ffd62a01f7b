"""The first-run welcome: what the walks library shows while there are no walks at all.

Three ways in, each a card — a large button and one line under it — lead a walk (the New walk
dialog), walk with a kit someone handed you (open a walk kit file), or look at the sample
walk — and a link to the guide. Like the library, it only asks (signals); the main window
does. Light on purpose: it is part of the first window, so it imports nothing heavy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.paths import resource_path
from walkapp.ui.help_sections import GuideSection
from walkapp.ui.widgets.empty_state import EmptyState

# The three choices are cards side by side, each this wide at least (px); a window too
# narrow for three in a row shows them one under the other.
CARD_WIDTH = 250
CARD_GAP = 16


class LibraryWelcome(QWidget):
    """Signals: `lead_requested`, `kit_requested`, `sample_requested`, and
    `guide_requested(section)` (a GuideSection anchor)."""

    lead_requested = Signal()
    kit_requested = Signal()
    sample_requested = Signal()
    guide_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryWelcome")
        self._icon_names: dict[QPushButton, str] = {}
        self.header = EmptyState(
            "footprints", self.tr("Welcome to walkapp"),
            self.tr("Learning walks: short visits to each other's classrooms, to learn "
                    "something for your own teaching. How would you like to start?"))
        self.guide_link = self.header.add_link(
            self.tr("Read the guide to learning walks"),
            lambda: self.guide_requested.emit(GuideSection.START.value))
        self.guide_link.setAccessibleName(self.tr("Open the guide to learning walks"))

        self.choices = QWidget()
        self.choices.setObjectName("welcomeChoices")
        self._cards = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.choices)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.setSpacing(CARD_GAP)
        self.lead_button = self._choice(
            "clipboard-list", self.tr("I'm leading a walk"),
            self.tr("Plan a walk for your group: its focus, look-fors, visits and walkers."),
            self.lead_requested.emit)
        self.kit_button = self._choice(
            "folder-open", self.tr("I'm a walker with a kit"),
            self.tr("Open the walk kit file your facilitator handed you, here on your own "
                    "laptop. No network is needed."),
            self.kit_requested.emit)
        self.sample_button = self._choice(
            "book-open", self.tr("Show me the sample walk"),
            self.tr("A finished walk with notes, to see every page filled in. Delete it "
                    "whenever you like."),
            self.sample_requested.emit)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.header)
        layout.addSpacing(16)
        layout.addWidget(self.choices, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _choice(self, icon_name: str, text: str, line: str,
                slot: Callable[[], object]) -> QPushButton:
        """A card: the choice's button (its icon and words) and one line on what it does."""
        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setFixedWidth(CARD_WIDTH + 40)
        button = QPushButton(text)
        button.setObjectName("welcomeChoice")
        self._icon_names[button] = icon_name  # drawn when the welcome is first shown
        button.setAccessibleName(text)
        button.setAccessibleDescription(line)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        button.setFont(font)
        button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
        button.clicked.connect(lambda _=False: slot())
        under = QLabel(line)
        under.setObjectName("welcomeChoiceLine")
        under.setWordWrap(True)
        under.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        under.setBuddy(button)
        inner = QVBoxLayout(card)
        inner.setSpacing(8)
        inner.addWidget(button)
        inner.addWidget(under, 1)
        self._cards.addWidget(card, 1)  # the three as wide as one another
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Three cards in a row when they fit, else one under the other.
        room = event.size().width() - 2 * CARD_GAP
        row = room >= 3 * (CARD_WIDTH + 40) + 2 * CARD_GAP
        wanted = (QBoxLayout.Direction.LeftToRight if row
                  else QBoxLayout.Direction.TopToBottom)
        if self._cards.direction() != wanted:
            self._cards.setDirection(wanted)
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # The icons when first shown, not when built: a library with walks never shows
        # the welcome, and starts without loading the icons.
        for button, name in self._icon_names.items():
            shown = _icon(name)
            if shown is not None:
                button.setIcon(shown)
                button.setIconSize(QSize(22, 22))
        self._icon_names.clear()
        super().showEvent(event)


def _icon(name: str) -> QIcon | None:
    """The look's icon `name` (walkapp.ui.icons.icon, the helper "look"'s), if that helper
    is there; else no icon. Looked up by name so that the welcome works with or without
    it (the two were written side by side)."""
    if not resource_path("icons", f"{name}.svg").is_file():
        return None
    try:
        icons = importlib.import_module("walkapp.ui.icons")
    except ImportError:
        return None
    make = getattr(icons, "icon", None)
    made = make(name) if callable(make) else None
    return made if isinstance(made, QIcon) and not made.isNull() else None
