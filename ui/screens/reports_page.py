"""The Reports page of a walk: every printable document in the report registry as a calm
card (an icon, its title, a line on what it is for, an Export button); and, at the end of
the walk, the way on to the series' next walk.

A walk with no notes yet says so above the cards (the debrief is made of the walkers'
notes), with a link to the guide; the count is read off the GUI thread, again when notes
change.

The kinds and their words come from the one registry, walkapp.reports.REPORTS; only the
icon each kind shows is chosen here (`REPORT_ICONS`, checked against the registry by
tests/ui/test_report_registry_ui.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.events import Change, Entity
from walkapp.reports import REPORTS, ReportKind
from walkapp.ui import theme
from walkapp.ui.help_sections import GuideSection, ShowGuide
from walkapp.ui.icons import icon
from walkapp.ui.page import ShowOnlyPage
from walkapp.ui.widgets.empty_state import EmptyState
from walkapp.ui.workers import cancel_owned_by, read_in_background

REPORT_ICONS: dict[ReportKind, str] = {
    ReportKind.DEBRIEF: "file-text",
    ReportKind.AGENDA: "calendar-clock",
    ReportKind.NOTECATCHER: "clipboard-pen",
    ReportKind.SCRIPT: "book-open",
    ReportKind.THANKS: "heart-handshake",
    ReportKind.ACTIONS: "list-checks",
    ReportKind.JOURNAL: "sprout",
    ReportKind.SERIES: "footprints",
    ReportKind.TRENDS: "presentation",
}
CARD_ICON = 28
# The cards' column: wide enough for a title and its line, not the whole screen.
CARDS_MAX_WIDTH = 920


def report_card(icon_name: str, title: str, about: str, button: QPushButton) -> QFrame:
    """One card: its icon, title and line of what it is for, and its button at the end."""
    card = QFrame()
    card.setObjectName("reportCard")
    picture = QLabel()
    picture.setObjectName("reportIcon")
    picture.setPixmap(icon(icon_name, "accent").pixmap(QSize(CARD_ICON, CARD_ICON),
                                                       card.devicePixelRatioF()))
    picture.setFixedWidth(CARD_ICON + theme.SPACE["sm"])
    picture.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
    heading = QLabel(title)
    heading.setObjectName("reportTitle")
    heading.setTextFormat(Qt.TextFormat.PlainText)
    line = QLabel(about)
    line.setObjectName("reportAbout")
    line.setTextFormat(Qt.TextFormat.PlainText)
    line.setWordWrap(True)
    words = QVBoxLayout()
    words.setSpacing(2)
    words.addWidget(heading)
    words.addWidget(line)
    row = QHBoxLayout(card)
    row.setContentsMargins(theme.SPACE["md"], theme.SPACE["sm"], theme.SPACE["md"],
                           theme.SPACE["sm"])
    row.setSpacing(theme.SPACE["md"])
    row.addWidget(picture)
    row.addLayout(words, 1)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
    card.setAccessibleName(title)
    return card


class ReportsPage(QWidget, ShowOnlyPage):
    def __init__(self, export: Callable[[ReportKind], object],
                 parent: QWidget | None = None, *,
                 plan_again: Callable[[], object] | None = None,
                 has_notes: Callable[[], bool] | None = None,
                 guide: ShowGuide | None = None) -> None:
        super().__init__(parent)
        self._has_notes = has_notes  # None: no "no notes yet" line (a page built alone)
        self._closed = False
        self.no_notes = EmptyState("sticky-note", self.tr("No notes yet"), self.tr(
            "The debrief report is made of the walkers' notes. Take notes on the Observation "
            "page, or import the walkers' notes files (File ▸ Import walkers' notes)."))
        self.no_notes.setObjectName("reportsNoNotes")
        if guide is not None:
            self.no_notes.add_link(self.tr("Learn more: walkers' laptops and notes files"),
                                   lambda: guide(GuideSection.WALKERS_LAPTOPS.value))
        self.no_notes.setVisible(False)
        intro = QLabel(self.tr("Reports are PDF files made on this computer. Teacher names "
                               "appear only if the walk records them (Plan → Details)."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        column = QVBoxLayout()
        column.setSpacing(theme.SPACE["sm"])
        column.addWidget(self.no_notes)
        column.addWidget(intro)
        column.addSpacing(theme.SPACE["xs"])
        self.buttons: dict[ReportKind, QPushButton] = {}
        self.cards: dict[ReportKind, QFrame] = {}
        for spec in REPORTS:
            title = fmt.tr(spec.label)
            button = QPushButton(icon("download"), self.tr("Export…"))
            button.setAccessibleName(self.tr("Export {0}").format(title))
            button.setToolTip(self.tr("Make the {0} as a PDF file").format(title))
            button.clicked.connect(lambda _=False, k=spec.kind: export(k))
            self.buttons[spec.kind] = button
            card = self.cards[spec.kind] = report_card(REPORT_ICONS[spec.kind], title,
                                                       fmt.tr(spec.about), button)
            column.addWidget(card)
        self.plan_again_button: QPushButton | None = None
        if plan_again is not None:
            column.addSpacing(theme.SPACE["md"])
            button = self.plan_again_button = QPushButton(icon("repeat"),
                                                          self.tr("Plan the next walk…"))
            button.setProperty("primary", True)
            button.setAccessibleName(self.tr("Plan the next walk of this series"))
            button.clicked.connect(lambda _=False: plan_again())
            column.addWidget(report_card("repeat", self.tr("The next walk"), self.tr(
                "The same group, protocol, look-fors and norms, a new date. Open commitments "
                "and action items come back for review at its pre-brief."), button))
        column.addStretch(1)
        holder = QWidget()
        holder.setObjectName("reportCards")
        holder.setMaximumWidth(CARDS_MAX_WIDTH)
        holder.setLayout(column)
        column.setContentsMargins(0, 0, theme.SPACE["sm"], 0)
        # Each card keeps the height its words need; a short window scrolls the list
        # rather than squeezing the cards' lines into each other.
        self.scroll_area = QScrollArea()
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(holder)
        self.scroll_area.viewport().setAutoFillBackground(False)
        holder.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self._read_notes()

    def _read_notes(self) -> None:
        """Show "No notes yet" if the walk has none (read off the GUI thread)."""
        has_notes = self._has_notes
        if has_notes is None or self._closed:
            return

        def show(found: bool) -> None:
            if not self._closed:
                self.no_notes.setVisible(not found)

        read_in_background(has_notes, show, owner=self)

    def on_change(self, change: Change) -> None:
        if change.entity is Entity.NOTE:
            self._read_notes()

    def shutdown(self) -> None:
        self._closed = True
        cancel_owned_by(self)
