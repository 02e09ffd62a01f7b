"""The first-run welcome: what the walks library shows while there are no walks at all.

Three ways in, each a card — a large button and one line under it — lead a walk (the New walk
dialog), walk with a kit someone handed you (open a walk kit file), or look at the sample
walk — and a link to the guide. Like the library, it only asks (signals); the main window
does. Light on purpose: it is part of the first window, so it imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from walkapp.ui.help_sections import GuideSection
from walkapp.ui.widgets.empty_state import EmptyState

# The three choices are cards side by side, each about CARD_WIDTH at least (px; its button's
# words decide) and at most CARD_MAX_WIDTH; a window too narrow for three in a row shows
# them one under the other.
CARD_WIDTH = 220
CARD_MAX_WIDTH = 320
CARD_GAP = 16
# The welcome's own picture, above its words.
WELCOME_ICON = "footprints"


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
        self._card_of: dict[QPushButton, QFrame] = {}
        self.header = EmptyState(
            None, self.tr("Welcome to walkapp"),
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
            self.tr("A walk with its notes and post-brief filled in, to see every page. "
                    "Delete it whenever you like."),
            self.sample_requested.emit)

        # Calm but compact: the whole welcome fits a 960×540 screen (2× scale) without
        # scrolling, its header's margins the spacing scale's smallest.
        header_layout = self.header.layout()
        if header_layout is not None:
            header_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.header)
        layout.addSpacing(16)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.choices, 100)
        middle.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)

    def _choice(self, icon_name: str, text: str, line: str,
                slot: Callable[[], object]) -> QPushButton:
        """A card: the choice's button (its icon and words) and one line on what it does."""
        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(CARD_MAX_WIDTH)  # at least what its button needs
        button = QPushButton(text)
        button.setObjectName("welcomeChoice")
        self._icon_names[button] = icon_name  # drawn once the first window has settled
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
        self._card_of[button] = card
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Three cards in a row when they fit, else one under the other.
        self._reflow(event.size().width())
        super().resizeEvent(event)

    def _reflow(self, width: int) -> None:
        own = self.layout()
        sides = own.contentsMargins() if own is not None else None
        room = width - (sides.left() + sides.right() if sides is not None else 0)
        row = room >= self._row_width()
        wanted = (QBoxLayout.Direction.LeftToRight if row
                  else QBoxLayout.Direction.TopToBottom)
        if self._cards.direction() != wanted:
            self._cards.setDirection(wanted)
        # Side by side they share the row, its height the layout's (a short window must
        # not scroll for it). One under the other they are as wide as one another,
        # centred, and each is as tall as its wrapped line needs (a layout asks a wrapped
        # label for one line at least, and the page squeezed the rest under the button).
        common = min(room, max(self._card_max(b) for b in self._card_of))
        for button, card in self._card_of.items():
            inner = card.layout()
            if row or inner is None:
                card.setMinimumWidth(0)
                card.setMaximumWidth(self._card_max(button))
                card.setMinimumHeight(0)
            else:
                card.setFixedWidth(common)
                margins = card.contentsMargins()
                card.setMinimumHeight(inner.totalHeightForWidth(common)
                                      + margins.top() + margins.bottom())
            self._cards.setAlignment(card, Qt.AlignmentFlag(0) if row
                                     else Qt.AlignmentFlag.AlignHCenter)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_buttons()
        super().showEvent(event)

    def _fit_buttons(self) -> None:
        # Never narrower than its words (and icon) in the style sheet's font, and a card
        # always holds its button whole (a longer language's words widen the card).
        for button, card in self._card_of.items():
            button.ensurePolished()
            button.setMinimumWidth(button.sizeHint().width())
            card.setMaximumWidth(self._card_max(button))
        widest = sum(self._card_max(button) for button in self._card_of)
        self.choices.setMaximumWidth(widest + 2 * CARD_GAP)
        if self.isVisible():  # the icons came on in a window already laid out
            self._reflow(self.width())

    def _card_need(self, button: QPushButton) -> int:
        # What the card's layout needs across: its button whole, and the card's margins.
        return self._card_of[button].minimumSizeHint().width()

    def _card_max(self, button: QPushButton) -> int:
        return max(CARD_MAX_WIDTH, self._card_need(button))

    def _row_width(self) -> int:
        """The least width three cards side by side need."""
        return sum(max(CARD_WIDTH, self._card_need(button)) for button in self._card_of) \
            + 2 * CARD_GAP

    def show_icons(self) -> None:
        """Put the icons on, once the first window has settled (walkapp.ui.app, through
        the library's show_icons): the first SVG drawn loads QtSvg, which the first
        window need not wait for."""
        from walkapp.ui.icons import icon

        self.header.set_icon(WELCOME_ICON)
        for button, name in self._icon_names.items():
            button.setIcon(icon(name))
            button.setIconSize(QSize(22, 22))
        self._icon_names.clear()
        self._fit_buttons()
