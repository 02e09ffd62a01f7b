"""The main window's help windows: the guide and the keyboard-shortcuts sheet.

Each is made when first asked for (its module imported then, not at start), one of each
per main window, non-modal: asked for again, it comes to the front (the guide at the
section asked for; the sheet with the keys as they are now).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from walkapp.ui.help_guide import GuideWindow
    from walkapp.ui.help_shortcuts import ShortcutSheet


class HelpWindows:
    def __init__(self, window: QMainWindow, walker: Callable[[], bool]) -> None:
        self._window = window
        self._walker = walker  # is a walker's walk open? (the sheet lists a walker's keys)
        self.guide: GuideWindow | None = None
        self.sheet: ShortcutSheet | None = None

    def show_guide(self, section: str = "") -> GuideWindow:
        """The guide, at `section` (a walkapp.ui.help_sections anchor; "" its start)."""
        from walkapp.ui.help_guide import GuideWindow

        if self.guide is None:
            self.guide = GuideWindow(self._window)
        self.guide.show_section(section)
        self._front(self.guide)
        return self.guide

    def show_shortcuts(self) -> ShortcutSheet:
        from walkapp.ui.help_shortcuts import ShortcutSheet

        if self.sheet is None:
            self.sheet = ShortcutSheet(self._window.menuBar(), self._window,
                                       walker=self._walker)
        else:
            self.sheet.refresh()
        self._front(self.sheet)
        return self.sheet

    @staticmethod
    def _front(window: QWidget) -> None:
        window.show()
        window.raise_()
        window.activateWindow()

    def close(self) -> None:
        for window in (self.guide, self.sheet):
            if window is not None:
                window.close()
