"""The Trash in the main window: Undo after a delete, the Trash screen, start-up expiry.

`TrashControls` owns the Trash screen and the "Undo delete" action and keeps them in step
with the walks library's inline Undo bar; the main window only says when a walk was
deleted (`deleted`) and puts the screen and the action where they belong.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QWidget

from walkapp import domain as d
from walkapp.errors import WalkappError
from walkapp.services import Services
from walkapp.services.commands import TrashEdit
from walkapp.ui.dialogs import Asker
from walkapp.ui.page import Stoppable
from walkapp.ui.screens.trash import TrashView
from walkapp.ui.screens.walks_library import WalksLibrary
from walkapp.ui.writer import Writer


class TrashControls(QObject, Stoppable):
    def __init__(self, services: Services, asker: Asker, library: WalksLibrary,
                 status: QStatusBar, parent: QWidget, *, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._writer = writer if writer is not None else Writer(services, self)
        self._asker = asker
        self._library = library
        self._status = status
        self._parent = parent
        self.view = TrashView(services.trash, asker, writer=self._writer)
        self.view.restored.connect(self._show_restored)
        self.view.removal_finished.connect(self._removal_finished)
        # No Ctrl+Z: text fields keep their own undo; this one brings back a deleted walk.
        self.undo_action = QAction(self.tr("&Undo delete"), parent)
        self.undo_action.triggered.connect(lambda *_: self.undo())
        library.undo_requested.connect(self.undo)
        library.undo_changed.connect(self._update_undo)
        self._update_undo()

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
        self.view.expire()

    def shutdown(self) -> None:
        """Let a removal for good that is still running finish before the database closes."""
        self.view.shutdown()

    def _show_restored(self, walk_id: str) -> None:
        self._library.refresh()
        self._library.select_walk(walk_id)

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(self._library.undo_walk_id() is not None)

    def _removal_finished(self, result: object, text: str) -> None:
        self._library.refresh()
        if text:
            self._status.showMessage(text, 15000)
