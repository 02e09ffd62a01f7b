"""The automatic backup: every 30 minutes of use, off the GUI thread.

A QTimer ticks once a minute. Each tick counts as use if the app window is active or a
change was committed since the last tick; the core `BackupScheduler` says whether a backup
is due (enough use *and* something changed). The copy itself (SQLite backup API, check,
rotation) runs on the thread pool; the result comes back as a signal the main window can
show in its status bar. A failure (disk full, folder read-only) is reported, never hidden,
and retried after a few minutes of use.

Wiring in the main window::

    self.auto_backup = AutoBackup(services.db, parent=self)
    self.bridge.changed.connect(self.auto_backup.note_change)
    self.auto_backup.failed.connect(lambda text: self.statusBar().showMessage(text))
    self.auto_backup.start()
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from walkapp.errors import WalkappError
from walkapp.services.safety import BackupScheduler, Database, backup_now
from walkapp.ui.page import Stoppable
from walkapp.ui.workers import Progress, run_in_background

TICK_MS = 60_000


def _app_is_active() -> bool:
    return QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive


class AutoBackup(QObject, Stoppable):
    backed_up = Signal(object)   # the Path of the new copy
    failed = Signal(str)         # a sentence for the status bar

    def __init__(self, db: Database, scheduler: BackupScheduler | None = None, *,
                 tick_ms: int = TICK_MS, is_active: Callable[[], bool] = _app_is_active,
                 make_backup: Callable[[], Path | None] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scheduler = scheduler or BackupScheduler()
        self._make_backup = make_backup or (lambda: backup_now(db, "auto"))
        self._is_active = is_active
        self._clock = clock
        self._tick_seconds = tick_ms / 1000
        self._last_tick = clock()
        self._changed_since_tick = False
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        if self._closed:
            return
        self._last_tick = self._clock()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def shutdown(self) -> None:
        """The window is closing: no more ticks and no new backup. One already running
        finishes (the main window waits for it before the database is closed)."""
        self._closed = True
        self.timer.stop()

    def note_change(self, *change: Any) -> None:
        """Slot for ChangeBridge.changed: something was committed."""
        self.scheduler.record_change()
        self._changed_since_tick = True

    def tick(self) -> None:
        now = self._clock()
        # A laptop lid closed for an hour makes one very late tick: that was not use.
        elapsed = min(max(now - self._last_tick, 0.0), self._tick_seconds * 1.5)
        self._last_tick = now
        if self._changed_since_tick or self._is_active():
            self.scheduler.record_use(elapsed)
        self._changed_since_tick = False
        if self.scheduler.due():
            self.run_backup()

    def run_backup(self) -> bool:
        """Start a backup now unless one is running; True if one was started."""
        if self.scheduler.running or self._closed:
            return False
        self.scheduler.started()
        make = self._make_backup

        def work(progress: Progress) -> Path | None:
            return make()

        run_in_background(work, on_done=self._done, on_error=self._failed)
        return True

    def _done(self, path: object) -> None:
        self.scheduler.finished(datetime.now(UTC))
        self.backed_up.emit(path)

    def _failed(self, error: BaseException, details: str) -> None:
        self.scheduler.failed()
        if isinstance(error, WalkappError):
            text = self.tr("The automatic backup failed: {0}").format(error.message)
        else:
            text = self.tr("The automatic backup failed ({0}); walkapp will try again "
                           "in a few minutes.").format(type(error).__name__)
        self.failed.emit(text)
