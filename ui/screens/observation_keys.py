"""The observation screen's keyboard: its own shortcuts (visits, the countdown), the note
editor's (stems, look-for tags) and the tallies' keys, all working anywhere in the screen
(walkapp.ui.screens.observation lists them for people)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from walkapp.ui import shortcut_keys as keys
from walkapp.ui.words import Words

Keys = Words("Keys")  # walkapp.ui.shortcut_keys's words

ObservationKeys = Words("ObservationKeys")



def add_shortcuts(screen: QWidget, next_visit: Callable[[], object],
                  previous_visit: Callable[[], object], toggle_timer: Callable[[], object],
                  more: list[QAction]) -> tuple[QAction, QAction, QAction]:
    """Add the screen's actions to `screen` (and `more`: the editor's and the tallies');
    returns (next visit, previous visit, countdown)."""
    def action(spec: keys.PageKeys, slot: Callable[[], object]) -> QAction:
        act = QAction(Keys.tr(spec.what), screen)
        act.setShortcuts([QKeySequence(k) for k in spec.keys])
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(slot)
        screen.addAction(act)
        return act

    # The keys are walkapp.ui.shortcut_keys' (the keyboard-shortcuts sheet reads them too).
    made = (action(keys.NEXT_VISIT, next_visit),
            action(keys.PREVIOUS_VISIT, previous_visit),
            action(keys.VISIT_TIMER, toggle_timer))
    screen.addActions(more)
    return made
