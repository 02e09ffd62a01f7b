"""The Trash in the main window: Undo after a delete, the Trash screen, start-up expiry.

`TrashControls` owns the Trash screen and the "Undo delete" action and keeps them in step
with the walks library's inline Undo bar; the main window only says when a walk was
deleted (`deleted`) and puts the screen and the action where they belong. The screen is
built when it is first asked for (`view`): the first window shows only the walks library,
and the start-up expiry runs through a `TrashRemoval`, which has no widget, shared with
the screen once it exists (one removal at a time).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QWidget

from walkapp import domain as d
from walkapp.errors import WalkappError
from walkapp.services import Services
from walkapp.services.commands import TrashEdit
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Stoppable
from walkapp.ui.screens.walks_library import WalksLibrary
from walkapp.ui.trash_removal import TrashRemoval
from walkapp.ui.writer import Writer

if TYPE_CHECKING:
    from walkapp.ui.screens.trash import TrashView


class TrashControls(QObject, Stoppable):
    def __init__(self, services: Services, asker: Asker, library: WalksLibrary,
                 status: QStatusBar, parent: QWidget, *, writer: Writer | None = None,
                 on_view_built: Callable[[TrashView], None] | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._writer = writer if writer is not None else Writer(services, self)
        self._asker = asker
        self._library = library
        self._status = status
        self._parent = parent
        self._view: TrashView | None = None
        self._on_view_built = on_view_built
        # Warnings go over the Trash screen once it exists, else over the window.
        self.removal = TrashRemoval(services.trash, asker, lambda: self._view or parent, self)
        self.removal.finished.connect(self._removal_finished)
        # No Ctrl+Z: text fields keep their own undo; this one brings back a deleted walk.
        self.undo_action = QAction(self.tr("&Undo delete"), parent)
        self.undo_action.triggered.connect(lambda *_: self.undo())
        library.undo_requested.connect(self.undo)
        library.undo_changed.connect(self._update_undo)
        self._update_undo()

    @property
    def view(self) -> TrashView:
        """The Trash screen, built the first time it is asked for."""
        if self._view is None:
            from walkapp.ui.screens.trash import TrashView

            view = TrashView(self._services.trash, self._asker, writer=self._writer,
                             removal=self.removal)
            view.restored.connect(self._show_restored)
            self._view = view
            if self._on_view_built is not None:
                self._on_view_built(view)
        return self._view

    def view_if_built(self) -> TrashView | None:
        return self._view

    def deleted(self, walk_id: str, title: str) -> None:
        """A walk was just moved to the Trash: offer Undo."""
        self._library.refresh()
        self._library.show_undo(walk_id, title)
        self._status.showMessage(self.tr("Walk “{0}” moved to the Trash.").format(title), 10000)

    def undo(self, walk_id: str | None = None) -> None:
        """Bring back the walk just deleted (or `walk_id`) from the Trash; nothing else."""
        walk_id = walk_id or self._library.undo_walk_id()
        if walk_id is None:
            return
        self._library.hide_undo()

        def restored(walk: object) -> None:
            assert isinstance(walk, d.Walk)
            self._show_restored(walk.id)
            self._status.showMessage(
                self.tr("“{0}” is back among your walks.").format(walk.title), 10000)

        def failed(error: BaseException) -> None:
            if not isinstance(error, WalkappError):
                raise error
            self._asker.warn(self._parent, self.tr("The walk was not brought back"),
                             error.message)

        self._writer.write(TrashEdit("restore", (walk_id,)), origin=self, on_done=restored,
                           on_failed=failed)

    def expire(self) -> None:
        """Remove for good, off the GUI thread, the walks whose 30 days in the Trash are
        over (the app calls this once at start-up)."""
        self.removal.expire()

    def shutdown(self) -> None:
        """Let a removal for good that is still running finish before the database closes."""
        self.removal.shutdown()

    def _show_restored(self, walk_id: str) -> None:
        self._library.refresh()
        self._library.select_walk(walk_id)

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(self._library.undo_walk_id() is not None)

    def _removal_finished(self, result: object, text: str) -> None:
        self._library.refresh()
        if text:
            self._status.showMessage(text, 15000)
