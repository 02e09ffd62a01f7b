"""Back where you were: the window remembers the walk, page, visit and timers it shows, and
opens there again at the next start; after an unclean end it says so, once, calmly.

`ResumeKeeper` watches the main window (which screen the stack shows, which page of the
walk, whose notes and which visit on the observation page, every start and pause of the
room and corridor timers) and hands each new position to a `PositionSaver`, which writes
it on its own thread (walkapp.services.resume). Changes are gathered for one turn of the
event loop, so a visit change that also resets a timer is one write.

The protocol steps need nothing of their own: the step guide opens where the phase log
says, with its timer counted from the log (walkapp.protocol.runner). The room timer is not
part of the protocol's log, so its seconds and whether it ran are kept in the position,
with the moment they were saved: a visit started 4 minutes before a crash shows 4 minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from walkapp.errors import WalkappError
from walkapp.services import Services
from walkapp.services.resume import (
    Position,
    PositionSaver,
    PositionStore,
    last_saved_note,
)
from walkapp.ui.main_window import MainWindow
from walkapp.ui.words import Words

Resume = Words("Resume")

if TYPE_CHECKING:
    from walkapp.ui.screens.observation import ObservationScreen
    from walkapp.ui.screens.observe_page import ObservationPage

log = logging.getLogger(__name__)

# The pages that hold the note-taker, in the order they are looked for.
OBSERVATION_PAGES = ("observation", "walker")
# How long start-up waits for the walk it opens again to be read (it was just found; past
# this, the list of walks shows instead).
RESTORE_WAIT_MS = 10_000
_HOOKED = "walkappResumeHooked"


def saved_time_text(moment: datetime, now: datetime) -> str:
    """A saved moment as the user's clock showed it: "10:42" today, else with its date in
    the app's date style ("2026-11-03 10:42")."""
    local, today = moment.astimezone(), now.astimezone()
    if local.date() == today.date():
        return local.strftime("%H:%M")
    return f"{local.date().isoformat()} {local.strftime('%H:%M')}"


def unclean_exit_text(last_note: datetime | None, now: datetime) -> str:
    if last_note is None:
        return Resume.tr("walkapp did not close properly last time. Everything that was shown as "
                  "“Saved” is safe.")
    return Resume.tr("walkapp did not close properly last time. Your notes are safe up to {0}, "
              "the last one saved. If you were typing after that, check that note."
              ).format(saved_time_text(last_note, now))


def _observation_screen(page: object) -> ObservationScreen | None:
    if page is None:
        return None
    # Imported here: the observation screens load with the first walk that shows one,
    # not with the window (a page of a kind never imported cannot be on show).
    from walkapp.ui.screens.observe_page import ObservationPage
    from walkapp.ui.screens.walker_home import WalkerHome

    if isinstance(page, ObservationPage | WalkerHome):
        return page.observation
    return None


def _observation_page(page: object) -> ObservationPage | None:
    if page is None:
        return None
    from walkapp.ui.screens.observe_page import ObservationPage

    return page if isinstance(page, ObservationPage) else None


class ResumeKeeper(QObject):
    def __init__(self, window: MainWindow, services: Services, store: PositionStore, *,
                 clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._store = store
        # The services' "now" (UTC): tests move it; the app's is the wall clock.
        self._clock = clock or services.walks.clock
        self._saver = PositionSaver(store)
        self._closed = False
        self._restoring = False
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.save_now)
        window.stack.currentChanged.connect(self._stack_changed)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Seen before the window's own closeEvent closes the walk: a position not yet
        # handed over is taken now, while the walk is still there to be seen.
        if watched is self._window and event.type() == QEvent.Type.Close \
                and self._soon.isActive() and not self._closed:
            self.save_now()
        return False

    # -- restoring ---------------------------------------------------------------------------
    def restore(self, position: Position | None = None) -> bool:
        """Open the walk, page, visit and timers of `position` (default: the saved one).
        Anything that no longer fits falls back quietly; False means the library shows."""
        position = self._store.load() if position is None else position
        if position.walk_id is None:
            return False
        self._restoring = True
        try:
            return self._restore(position)
        except WalkappError as error:
            log.info("not reopening the last walk: %s", error.message)
        except Exception:  # a bug must not keep walkapp from starting
            log.exception("reopening the last walk failed")
        finally:
            self._restoring = False
            self.schedule()
        self._window.show_library()
        return False

    def _restore(self, position: Position) -> bool:
        assert position.walk_id is not None
        # Checked first, so a walk deleted or in the Trash is skipped without a message.
        self._services.walks.get_walk(position.walk_id)
        # Before the window is shown: wait for the walk's read, so that its page, visit and
        # timers can be put back now.
        self._window.open_walk(position.walk_id, wait_ms=RESTORE_WAIT_MS)
        workspace = self._window.workspace
        if workspace is None or workspace.walk_id != position.walk_id:
            return False
        keys = workspace.page_keys()
        observe = next((k for k in OBSERVATION_PAGES if k in keys), None)
        if observe is not None and (position.page == observe or position.visit_id
                                    or position.visit_timers):
            self._restore_observation(workspace.page(observe), position)
        if position.page in keys:
            workspace.show_page(position.page)
        return True

    def _restore_observation(self, page: object, position: Position) -> None:
        observation_page = _observation_page(page)
        if observation_page is not None and position.author_id:
            observation_page.show_author(position.author_id)
        screen = _observation_screen(page)
        if screen is None:
            return
        ids = [visit.id for visit in screen.walk.visits]
        if position.visit_id in ids:
            screen.go_to_visit(ids.index(position.visit_id))
        screen.header.restore_timers(dict(position.visit_timers), position.corridor,
                                     position.seconds_since(self._now()))

    # -- keeping track -----------------------------------------------------------------------
    def position(self) -> Position:
        """Where the window is now."""
        window, now = self._window, self._now()
        workspace = window.workspace
        if workspace is None or window.stack.currentWidget() is not workspace:
            return Position(saved_at=now)
        built = workspace.built_pages()
        page = next((built[k] for k in OBSERVATION_PAGES if k in built), None)
        screen = _observation_screen(page)
        observation_page = _observation_page(page)
        author = observation_page.screen_author if observation_page is not None else None
        if screen is None:
            return Position(workspace.walk_id, workspace.current_key() or None, author,
                            saved_at=now)
        visit = screen.current_visit()
        marks, corridor = screen.header.timer_marks()
        return Position(workspace.walk_id, workspace.current_key() or None, author,
                        visit.id if visit is not None else None, marks, corridor, now)

    def schedule(self) -> None:
        """Something moved: save the position after this turn of the event loop."""
        if self._closed or self._restoring or self._window.quitting:
            return  # quitting: the walk closes with the window, yet it is where we were
        self._soon.start()

    def save_now(self) -> None:
        self._soon.stop()
        if self._closed or self._window.quitting:
            return
        self._saver.submit(self.position())

    def idle(self) -> bool:
        """Nothing left to write: the file holds where the window is."""
        return not self._soon.isActive() and self._saver.idle()

    def _stack_changed(self, _index: int) -> None:
        workspace = self._window.workspace
        if workspace is not None and self._hook(workspace):
            workspace.page_changed.connect(self._page_shown)
        self._page_shown()

    def _page_shown(self, _key: str = "") -> None:
        # Pages are built when first shown (the first one with the workspace itself).
        workspace = self._window.workspace
        if workspace is not None:
            for key, page in workspace.built_pages().items():
                if key in OBSERVATION_PAGES:
                    self._hook_page(page)
        self.schedule()

    def _hook_page(self, page: object) -> None:
        observation_page = _observation_page(page)
        if observation_page is not None and self._hook(observation_page):
            observation_page.screen_changed.connect(self._screen_changed)
        screen = _observation_screen(page)
        if screen is not None:
            self._hook_screen(screen)

    def _screen_changed(self, screen: object) -> None:
        from walkapp.ui.screens.observation import ObservationScreen

        if isinstance(screen, ObservationScreen):
            self._hook_screen(screen)
        self.schedule()

    def _hook_screen(self, screen: ObservationScreen) -> None:
        if not self._hook(screen):
            return
        screen.visit_changed.connect(self.schedule)
        screen.header.visit_timer.state_changed.connect(self.schedule)
        screen.header.corridor_timer.state_changed.connect(self.schedule)

    @staticmethod
    def _hook(obj: QObject) -> bool:
        """True the first time `obj` is seen (its signals are then connected once)."""
        if obj.property(_HOOKED):
            return False
        obj.setProperty(_HOOKED, True)
        return True

    # -- the notice after an unclean end ---------------------------------------------------
    def show_unclean_exit_notice(self) -> str:
        """Say, in the window's notice bar, that walkapp did not end properly last time."""
        try:
            last = last_saved_note(self._services.db)
        except WalkappError:
            last = None
        text = unclean_exit_text(last, datetime.now(UTC))
        self._window.notice.show_notice(text)
        return text

    # -- ending ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """The window is closing: write the position in hand, then stop (bounded wait)."""
        if self._closed:
            return
        if self._soon.isActive() and not self._window.quitting:
            self.save_now()
        self._closed = True
        self._soon.stop()
        if not self._saver.close():
            log.warning("the window's position was still being written when walkapp quit")

    def _now(self) -> datetime:
        return self._clock()
