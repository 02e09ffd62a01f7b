"""The observation screen's keyboard: its own shortcuts (visits, the countdown), the note
editor's (stems, look-for tags) and the tallies' keys, all working anywhere in the screen
(walkapp.ui.screens.observation lists them for people)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("ObservationScreen", text)


def add_shortcuts(screen: QWidget, next_visit: Callable[[], object],
                  previous_visit: Callable[[], object], toggle_timer: Callable[[], object],
                  more: list[QAction]) -> tuple[QAction, QAction, QAction]:
    """Add the screen's actions to `screen` (and `more`: the editor's and the tallies');
    returns (next visit, previous visit, countdown)."""
    def action(name: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        act = QAction(name, screen)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(slot)
        screen.addAction(act)
        return act

    made = (action(_tr("Next visit"), ["Ctrl+PgDown", "Alt+Right"], next_visit),
            action(_tr("Previous visit"), ["Ctrl+PgUp", "Alt+Left"], previous_visit),
            action(_tr("Start or pause the visit countdown"), ["Ctrl+T"], toggle_timer))
    screen.addActions(more)
    return made
