"""Clean ends: whatever ends walkapp saves what is typed first, within a bounded time.

What ends it: SIGTERM (logout, shutdown, `kill`), SIGHUP (the terminal went away), SIGINT
(Ctrl+C in the terminal), the session manager (`commitDataRequest` before a logout, then
`aboutToQuit`), and closing the window or Ctrl+Q (`MainWindow.closeEvent`, which can ask).

Why a socket and a thread: Python runs a signal handler only when the main thread is back
in Python code; inside Qt's event loop that can be much later, and while the GUI thread
waits for a save it is after that save. `signal.set_wakeup_fd` makes CPython's C-level
handler write the signal's number to a socket at once; `SignalWatcher`'s thread reads it
and asks the GUI thread (a queued Qt signal) to save and quit, the way Ctrl+Q does but
without asking anything: nobody may be there to answer. The thread also keeps the promises
the GUI thread cannot keep while it is busy saving: a second signal ends walkapp at once,
and an end that takes longer than `END_TIMEOUT_S` is cut short.

Before that save, the keys already typed are delivered to the editors
(`deliver_pending_input`): the signal can overtake keystrokes still in the window system's
queue, and the end must save them too.

The exit status says whether everything was saved: 0 if it was; `EXIT_NOT_SAVED` (1) if a
save failed or the time ran out (the log, logs/walkapp.log, says which and why); 128 + the
signal's number when a second signal cut the end short.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import threading
from collections.abc import Callable, Sequence
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

END_SIGNALS: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
# How long the end may take (saving, then closing the database) before walkapp stops
# waiting: a database held by another program must not keep a logout waiting.
END_TIMEOUT_S = 5.0
EXIT_NOT_SAVED = 1
_STOP = b"\0"  # no signal has number 0: tells the watcher's thread to finish

HardExit = Callable[[int], object]


def signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def _python_handler(_signum: int, _frame: FrameType | None) -> None:
    """Does nothing: the wakeup socket does the work (see the module's docstring). It must
    exist, or the signal would kill walkapp (SIGTERM, SIGHUP) or raise KeyboardInterrupt
    wherever the main thread happens to be (SIGINT)."""


class SignalWatcher(QObject):
    """Turns SIGTERM, SIGHUP and SIGINT into `requested(signum)` on the GUI thread.

    The first signal starts the deadline and emits `requested`; a second one, or the
    deadline passing before `finish()`, calls `hard_exit` (os._exit: no clean-up is left
    that could be trusted to finish). Install from the main thread.
    """

    requested = Signal(int)

    def __init__(self, *, timeout_s: float | None = None,
                 hard_exit: HardExit = os._exit,
                 signals: Sequence[signal.Signals] = END_SIGNALS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_s = END_TIMEOUT_S if timeout_s is None else timeout_s
        self._hard_exit = hard_exit
        self._signals = tuple(signals)
        self._received = 0
        self._finished = threading.Event()
        self._lock = threading.Lock()
        self._old_handlers: dict[signal.Signals, object] = {}
        self._old_wakeup_fd = -1
        self._reader: socket.socket | None = None
        self._writer: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def install(self) -> None:
        if self._thread is not None:
            return
        self._reader, self._writer = socket.socketpair()
        self._writer.setblocking(False)  # the C handler must never block
        self._old_wakeup_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                   warn_on_full_buffer=False)
        for signum in self._signals:
            self._old_handlers[signum] = signal.signal(signum, _python_handler)
        self._thread = threading.Thread(target=self._watch, name="walkapp-signals",
                                        daemon=True)
        self._thread.start()

    def finish(self) -> None:
        """The end is complete (or walkapp goes on after all): no deadline any more."""
        self._finished.set()

    def uninstall(self) -> None:
        """Put back the handlers found at `install()` and stop the thread."""
        self.finish()
        if self._thread is None:
            return
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._old_handlers.clear()
        signal.set_wakeup_fd(self._old_wakeup_fd)
        assert self._writer is not None and self._reader is not None
        with contextlib.suppress(OSError):
            self._writer.send(_STOP)
        self._thread.join(timeout=5)
        self._thread = None
        self._writer.close()
        self._reader.close()
        self._writer = self._reader = None

    def received(self) -> int:
        return self._received

    # -- the watcher's thread --------------------------------------------------------------
    def _watch(self) -> None:
        reader = self._reader
        assert reader is not None
        while True:
            try:
                data = reader.recv(64)
            except OSError:
                return
            if not data or _STOP in data:
                return
            for signum in data:
                self._on_signal(signum)

    def _on_signal(self, signum: int) -> None:
        with self._lock:
            self._received += 1
            first = self._received == 1
        name = signal_name(signum)
        if not first:
            log.warning("%s received again while walkapp was saving before it quits: "
                        "quitting at once", name)
            self._hard_exit(128 + signum)
            return
        log.info("%s received: saving what is typed, then quitting", name)
        threading.Thread(target=self._deadline, args=(name,), name="walkapp-end-deadline",
                         daemon=True).start()
        self.requested.emit(signum)  # queued: the slot runs on the GUI thread

    def _deadline(self, name: str) -> None:
        if self._finished.wait(self._timeout_s):
            return
        log.error("walkapp was asked to quit (%s) but saving and closing took longer than "
                  "%.0f s (is another program holding the database?): it quit without "
                  "waiting longer, and what was typed last may not be saved", name,
                  self._timeout_s)
        self._hard_exit(EXIT_NOT_SAVED)


def deliver_pending_input() -> None:
    """Hand the keys and clicks already sent to walkapp to their widgets, now.

    A signal takes its own way in (the wakeup socket), not the queue the keystrokes wait
    in: keys typed a moment before a logout can still be waiting when the end starts, and
    would be left out of the last save. `QGuiApplication.sync()` delivers what is queued,
    asks the display server for everything it has sent (a round trip), and delivers that
    too. Never in the way of the end itself: a failure here only loses those last keys.
    """
    try:
        if isinstance(QCoreApplication.instance(), QGuiApplication):
            QGuiApplication.sync()
        else:
            QCoreApplication.processEvents()
    except Exception:
        log.exception("delivering the last keystrokes before walkapp quits failed")


class CleanEnds(QObject):
    """Every end of the app saves first.

    `save()` commits what is typed without closing anything (the session manager asks
    before a logout that may still be cancelled); `end(why)` commits it and stops
    everything the window runs, without asking; both return whether everything was
    saved. `quit(code)` leaves the event loop (QCoreApplication.exit; tests record).
    """

    def __init__(self, app: QCoreApplication, save: Callable[[], bool],
                 end: Callable[[str], bool], *, quit: Callable[[int], object] | None = None,
                 watcher: SignalWatcher | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._end = end
        self._quit = quit or QCoreApplication.exit
        self.saved = True
        self.watcher = watcher or SignalWatcher(parent=self)
        self.watcher.requested.connect(self._on_signal)
        # The session manager calls back on its own terms, perhaps before the event loop
        # gets another turn: run on the spot.
        commit_data = getattr(app, "commitDataRequest", None)
        if commit_data is not None:
            commit_data.connect(self.commit_data, Qt.ConnectionType.DirectConnection)
        app.aboutToQuit.connect(self.about_to_quit, Qt.ConnectionType.DirectConnection)
        self._app = app

    def install(self) -> CleanEnds:
        self.watcher.install()
        return self

    def uninstall(self) -> None:
        self.watcher.uninstall()
        with contextlib.suppress(RuntimeError, TypeError):
            self._app.aboutToQuit.disconnect(self.about_to_quit)
        commit_data = getattr(self._app, "commitDataRequest", None)
        if commit_data is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                commit_data.disconnect(self.commit_data)

    def exit_status(self, code: int) -> int:
        """The process's exit status for the event loop's `code`."""
        if code != 0:
            return code
        return 0 if self.saved else EXIT_NOT_SAVED

    # -- the ends ---------------------------------------------------------------------------
    def _on_signal(self, signum: int) -> None:
        deliver_pending_input()
        self._finish_with(signal_name(signum))
        self._quit(self.exit_status(0))

    def commit_data(self, _manager: object = None) -> None:
        """The session manager asks walkapp to save before the session ends (logout)."""
        if not self._save():
            log.error("the session is ending and not everything typed could be saved; "
                      "the reason is shown on the page")

    def about_to_quit(self) -> None:
        """The event loop is ending, for whatever reason: last chance to save."""
        self._finish_with("the application is quitting")

    def _finish_with(self, why: str) -> None:
        ok = self._end(why)
        self.saved = self.saved and ok
        if not ok:
            log.error("walkapp is quitting (%s) but not everything typed could be saved; "
                      "it exits with status %d so the failure is not missed", why,
                      EXIT_NOT_SAVED)
