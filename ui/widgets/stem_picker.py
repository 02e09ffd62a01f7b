"""The row of stem buttons above the note box: the walk's protocol's stems, in its order and
its words, each with a Ctrl+number shortcut.

A protocol may define stems of its own ("Warm", "Cool"; protocol format version 2), each
written like one of walkapp's four: the buttons are keyed by what notes are stored under
(`StemSpec.stem_key`: the protocol's own key, else the plain stem's name), so that two of
the protocol's stems written like the same one of the four are two buttons.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QPushButton, QWidget

from walkapp.protocol.schema import StemSpec
from walkapp.ui.shortcut_keys import STEMS
from walkapp.ui.widgets.flow_layout import FlowLayout
from walkapp.ui.widgets.note_text import shortcut_text

# Ctrl+1 … Ctrl+9 (walkapp.ui.shortcut_keys): a protocol with more stems offers the rest by
# button only.
MAX_STEM_SHORTCUTS = len(STEMS.keys)


class StemPicker(QWidget):
    """Signals: `chosen(spec)` when a button or its shortcut picks a stem."""

    chosen = Signal(object)

    def __init__(self, specs: Sequence[StemSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = tuple(specs)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        # Keyed by StemSpec.stem_key, in the protocol's order.
        self.buttons: dict[str, QPushButton] = {}
        self.actions_: list[QAction] = []
        # The stems wrap onto a second row in a narrow window (or a big font) rather than
        # being cut off (issue 18).
        row = FlowLayout(self, spacing=4)
        for number, spec in enumerate(self.specs, start=1):
            keys = STEMS.keys[number - 1] if number <= MAX_STEM_SHORTCUTS else ""
            shown = f"{spec.label}  {shortcut_text(keys)}" if keys else spec.label
            button = QPushButton(shown)
            button.setObjectName("stemButton")
            button.setCheckable(True)
            # Clicking keeps the typing focus in the text; Tab still reaches the button.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(self.tr("Stem: {0}").format(spec.label))
            tip = (self.tr("This note is “{0}” ({1})").format(spec.label, shortcut_text(keys))
                   if keys else self.tr("This note is “{0}”").format(spec.label))
            # The stem's own prompt, which the empty note box shows once it is chosen.
            button.setToolTip(f"{tip}\n{spec.prompt}" if spec.prompt else tip)
            button.clicked.connect(lambda _=False, s=spec: self.chosen.emit(s))
            self.group.addButton(button)
            self.buttons[spec.stem_key] = button
            row.addWidget(button)
            if keys:
                action = QAction(spec.label, self)
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.triggered.connect(lambda _=False, s=spec: self.chosen.emit(s))
                self.actions_.append(action)

    def spec(self, key: str) -> StemSpec | None:
        """The stem offered under `key` (StemSpec.stem_key); None if none is."""
        return next((s for s in self.specs if s.stem_key == key), None)

    def show_key(self, key: str) -> None:
        """Check the button of `key`; none when the protocol offers no such stem (a note
        kept under another stem keeps it until one is chosen)."""
        button = self.buttons.get(key)
        if button is not None:
            button.setChecked(True)
            return
        self.group.setExclusive(False)
        for other in self.buttons.values():
            other.setChecked(False)
        self.group.setExclusive(True)

    def shortcut_summary(self) -> str:
        """"Ctrl+1–4" for four stems, "Ctrl+1" for one: only the shortcuts that exist."""
        count = len(self.actions_)
        return shortcut_text(STEMS.keys[0]) + (f"–{count}" if count > 1 else "")
