"""Opening a walk in the main window: the walk and its protocol are read off the GUI thread
while the window shows "Opening the walk…", then its workspace is built with the page in
front. A walk asked for while another is still read replaces it, and a change to the walk
meanwhile makes its pages read it afresh (walkapp.ui.main_window shows what this opens)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QWidget

from walkapp.errors import WalkappError
from walkapp.events import Action, Change, Entity
from walkapp.services import Services
from walkapp.services.base import same_reads
from walkapp.ui import workers
from walkapp.ui.bridge import ChangeBridge
from walkapp.ui.dialogs import Asker
from walkapp.ui.screens.opening import OpeningScreen
from walkapp.ui.words import Words
from walkapp.ui.workers import cancel_owned_by, read_in_background

OpeningText = Words("OpeningText")

if TYPE_CHECKING:
    from walkapp.ui.screens.workspace import PageSpec, WalkWorkspace

# The pages of a walk (walkapp.ui.composition.walk_pages, or a test's). A string: the
# workspace is imported when a walk is first opened, not at start.
PagesFactory = Callable[[Services, str, Asker, QWidget, ChangeBridge], "list[PageSpec]"]


class WalkOpening:
    """The walk being opened while its read is under way, and what tells a late read from
    the newest: a walk opened after it, or going back, drops it. The window (`window`, the
    pages' parent) shows the result: `built` gets the workspace; `back` shows the list of
    walks again (a failed open, or "← All walks" meanwhile); `changed` after the walk
    being opened changes (the menus follow); `closed` tells that the window has closed."""

    def __init__(self, services: Services, asker: Asker, bridge: ChangeBridge,
                 stack: QStackedWidget, window: QWidget, pages: PagesFactory, *,
                 built: Callable[[WalkWorkspace], None], back: Callable[[], None],
                 changed: Callable[[], None], closed: Callable[[], bool]) -> None:
        self._services = services
        self._asker = asker
        self._bridge = bridge
        self._stack = stack
        self._window = window
        self._pages = pages
        self._built = built
        self._back = back
        self._changed = changed
        self._closed = closed
        # The walk whose read is under way (None when no walk is being opened).
        self.walk_id: str | None = None
        self._stale = False
        self._number = 0
        self._view: OpeningScreen | None = None

    def open(self, walk_id: str, wait_ms: int | None) -> None:
        """See `MainWindow.open_walk` (the window has closed its workspace already)."""
        screen = self._screen()
        screen.start()
        self._stack.setCurrentWidget(screen)
        self.walk_id = walk_id
        self._stale = False
        self._number += 1
        number = self._number
        self._changed()
        from walkapp.services.protocol_walks import walk_protocol

        services = self._services
        walks = services.walks

        def read() -> dict[object, object]:
            # On a worker thread (its own SQLite connection): the walk and its protocol,
            # kept as the shared reads its pages are then built from on the GUI thread.
            reads: dict[object, object] = {}
            with same_reads(reads):
                walks.get_walk(walk_id)
                if walks.protocol_snapshot(walk_id).strip():
                    # Made from the snapshot here too (the pages and runners share it).
                    # One that cannot be made is left to the page that needs it, which
                    # says why, as before.
                    with contextlib.suppress(WalkappError):
                        walk_protocol(services, walk_id)
            return reads

        read_in_background(read, lambda reads: self._read_in(number, walk_id, reads),
                           owner=screen,
                           on_error=lambda error, _details: self._failed(number, error),
                           wait_ms=workers.OPEN_READ_MS if wait_ms is None else wait_ms)

    def _screen(self) -> OpeningScreen:
        if self._view is None:
            self._view = OpeningScreen()
            self._view.back_requested.connect(self._back)
            self._stack.addWidget(self._view)
        return self._view

    def _read_in(self, number: int, walk_id: str, reads: dict[object, object]) -> None:
        if self._closed() or number != self._number or self.walk_id != walk_id:
            return  # another walk was asked for meanwhile, or the window went back
        self.walk_id = None
        if self._view is not None:
            self._view.stop()
        if self._stale:
            reads = {}  # something changed while it was read: the pages read it afresh
        try:
            # Each page reads the walk as it is built: they all get the walk read above,
            # and the workspace keeps it for the pages built in the next turns until
            # something changes.
            from walkapp.ui.screens.workspace import WalkWorkspace

            with same_reads(reads):
                pages = self._pages(self._services, walk_id, self._asker, self._window,
                                    self._bridge)
                workspace = WalkWorkspace(self._services, walk_id, pages,
                                          asker=self._asker, reads=reads)
        except WalkappError as error:
            self._failed(number, error)
            return
        self._built(workspace)

    def _failed(self, number: int, error: BaseException) -> None:
        if self._closed() or number != self._number:
            return
        self.walk_id = None
        self._back()
        if not isinstance(error, WalkappError):
            raise error  # a bug: on to the crash handler, as on the GUI thread before
        self._asker.warn(self._window, OpeningText.tr("The walk could not be opened"),
                         error.message)

    def stop(self) -> None:
        """Drop the read of a walk being opened (its result, if it still comes, is not
        used)."""
        self.walk_id = None
        self._number += 1
        if self._view is not None:
            self._view.stop()
            cancel_owned_by(self._view)

    def on_change(self, change: Change) -> bool:
        """Note a change while a walk is read; True if that walk is gone (the window goes
        back to the list of walks, as for an open walk)."""
        if self.walk_id is None or change.walk_id not in (None, self.walk_id):
            return False
        if (change.entity is Entity.WALK and change.action is Action.REMOVED
                and change.walk_id == self.walk_id):
            return True
        # What is being read may be out of date already: its pages read it afresh.
        self._stale = True
        return False
