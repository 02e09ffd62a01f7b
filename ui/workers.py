"""Run slow work (export, import, backup, big queries) off the GUI thread.

`run_in_background(fn, ...)` runs `fn(progress)` on Qt's global thread pool and delivers
the result, an error, or progress reports back on the GUI thread through signals. An error
with no `on_error` to take it goes to the crash handler; a bug (not a WalkappError) is also
written to the crash log even when a screen handles it. `fn` must
not touch widgets; it gets a `progress(done, total, message)` callable instead. Services are
safe to call from the worker: each transaction opens its own SQLite connection.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from walkapp.errors import WalkappError

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)        # the result
    failed = Signal(object, str)     # the exception, formatted traceback


class Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # we keep a reference until finished/failed fire

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except BaseException as error:  # reported to the GUI thread, never swallowed
            self.signals.failed.emit(error, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


_running: set[Task] = set()


def run_in_background(fn: Callable[[Progress], Any], *,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException, str], None] | None = None,
                      on_progress: Callable[[int, int, str], None] | None = None,
                      pool: QThreadPool | None = None) -> Task:
    task = Task(fn)
    _running.add(task)

    def _finish(result: Any) -> None:
        _running.discard(task)
        if on_done is not None:
            on_done(result)

    def _fail(error: BaseException, details: str) -> None:
        _running.discard(task)
        if on_error is None:
            # Nobody asked to hear about it, so it must not vanish: the crash handler
            # (installed as sys.excepthook by the app) logs it and shows it.
            sys.excepthook(type(error), error, error.__traceback__)
            return
        if not isinstance(error, WalkappError):
            # A bug, whatever the screen says about it: its details go to the crash log.
            log.error("a background task failed unexpectedly:\n%s", details)
        on_error(error, details)

    task.signals.finished.connect(_finish)
    task.signals.failed.connect(_fail)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
