"""The sample walk, made from the main window's File menu or the empty list of walks: off the
GUI thread (about a hundred small saves), one at a time, then selected in the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from walkapp.errors import WalkappError
from walkapp.services import Services
from walkapp.ui.dialogs import Asker
from walkapp.ui.words import Words

SampleText = Words("SampleText")

if TYPE_CHECKING:
    from walkapp.ui.screens.walks_library import WalksLibrary
    from walkapp.ui.workers import Task


class SampleWalk:
    """Makes the sample walk for `window` (asked again while it is made: nothing more)."""

    def __init__(self, services: Services, asker: Asker, window: QMainWindow,
                 library: WalksLibrary) -> None:
        self._services = services
        self._asker = asker
        self._window = window
        self._library = library
        self._action: QAction | None = None
        self._task: Task | None = None

    def create(self, action: QAction, then: Callable[[str], object] | None = None) -> None:
        """Make it; `action` (the menu's) and the list's button are off meanwhile. Then it
        is selected in the list, and handed to `then` (the welcome's "Show me the sample
        walk" opens it)."""
        from walkapp.demo import create_demo_walk
        from walkapp.ui.translations import speaking
        from walkapp.ui.workers import run_in_background

        if self._action is not None:
            return
        window, library = self._window, self._library
        self._action = action
        self._enable(False)
        window.statusBar().showMessage(SampleText.tr("Creating the sample walk…"))

        def done(walk: object) -> None:
            self._finished()
            walk_id = getattr(walk, "id", None)
            if walk_id:
                library.refresh()
                library.select_walk(str(walk_id))
            window.statusBar().showMessage(SampleText.tr("The sample walk is ready."), 5000)
            if walk_id and then is not None:
                then(str(walk_id))

        def failed(error: BaseException, details: str) -> None:
            self._finished()
            title = SampleText.tr("The sample walk was not created")
            if isinstance(error, WalkappError):
                self._asker.warn(window, title, error.message)
            else:
                self._asker.error(window, title, details)

        services = self._services
        # The sample in the language the app speaks: a Spanish app shows a Spanish walk.
        language = speaking()
        self._task = run_in_background(lambda _progress: create_demo_walk(
                                           services, language=language),
                                       on_done=done, on_error=failed, owner=window)

    def _enable(self, enabled: bool) -> None:
        if self._action is not None:
            self._action.setEnabled(enabled)
        self._library.sample_button.setEnabled(enabled)

    def _finished(self) -> None:
        self._enable(True)
        self._action = None
        self._window.statusBar().clearMessage()
