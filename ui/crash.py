"""The desktop app's crash handler: an unexpected error is written down and shown, once.

Without it, an exception in a slot goes to stderr — which a user who started walkapp from
the desktop never sees — and the button they pressed silently does nothing. With it, every
way a bug can surface reaches `CrashHandler.report`:

- `sys.excepthook`: exceptions in slots and event handlers (PySide hands them there and goes
  on), and in a `QRunnable.run` on a pool thread;
- `threading.excepthook`: a Python worker thread;
- `walkapp.ui.workers`: a background task whose error nobody asked to hear about.

`report` may run on any thread. It writes the details to the private rotating log in the
data folder (`walkapp.ui.crash_log`), then hands them to the GUI thread by a queued signal,
where one dialog shows them: a burst of errors adds to the open dialog's count instead of
opening a hundred. The event loop, and with it autosave, goes on: typed text that was not yet
committed is committed as usual (tests check this; it is what the dialog promises).

What the log holds, and what it does not: the time, the versions (walkapp, Python, Qt,
PySide6), the platform, the thread, and the traceback as Python formats it — file names, line
numbers, function names, lines of walkapp's *source code*, and each exception's message. It
holds no local variables, no window titles and no widget text. A message can quote a value
(a `KeyError` quotes its key), so each message is cut to a few hundred characters, and the
values a database statement was run with (which may be a note's text) are left out. The
dialog's "Copy details" copies exactly what the log got.
"""

from __future__ import annotations

import contextlib
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from walkapp import __version__
from walkapp.ui.crash_log import BACKUP_COUNT, MAX_BYTES, CrashLog, CrashReport

if TYPE_CHECKING:
    from walkapp.ui.crash_dialog import CrashDialog

# (`open_crash_dialog` too, through __getattr__ below.)
__all__ = ["CrashDialog", "CrashHandler", "CrashReport", "install_crash_handler"]

Presenter = Callable[[CrashReport], "CrashDialog"]


def __getattr__(name: str) -> Any:
    """`CrashDialog` and `open_crash_dialog` come from walkapp.ui.crash_dialog, imported
    when first asked for: a start that shows no crash never loads the dialog's module."""
    if name in ("CrashDialog", "open_crash_dialog"):
        from walkapp.ui import crash_dialog

        return getattr(crash_dialog, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _open_crash_dialog(report: CrashReport) -> CrashDialog:
    """The default presenter: the dialog's module is imported at the first crash shown."""
    from walkapp.ui.crash_dialog import open_crash_dialog

    return open_crash_dialog(report)

# An exception's message is kept (it says what went wrong) but cut short (it may quote data).
MAX_MESSAGE_CHARS = 500


@dataclass(frozen=True)
class _ExcInfo:
    type: type[BaseException]
    value: BaseException
    traceback: TracebackType | None


def _chain(error: BaseException | None) -> list[BaseException]:
    seen: list[BaseException] = []
    stack = [error]
    while stack:
        current = stack.pop()
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        stack += [current.__cause__, current.__context__,
                  *getattr(current, "exceptions", ())]
    return seen


def format_traceback(info: _ExcInfo) -> str:
    """The traceback as Python prints it, minus statement values, messages cut short."""
    for error in _chain(info.value):
        if hasattr(error, "hide_parameters"):  # SQLAlchemy: the values may be a note's text
            error.hide_parameters = True
    formatted = traceback.TracebackException(info.type, info.value, info.traceback,
                                             compact=True)
    parts = [formatted]
    while parts:
        part = parts.pop()
        text = getattr(part, "_str", None)
        if isinstance(text, str) and len(text) > MAX_MESSAGE_CHARS:
            # `_str` is the message TracebackException formats; it has no public setter.
            setattr(part, "_str", (f"{text[:MAX_MESSAGE_CHARS]}… "  # noqa: B010
                                   f"({len(text) - MAX_MESSAGE_CHARS:,} more characters "
                                   "left out)"))
        parts += [p for p in (part.__cause__, part.__context__) if p is not None]
        parts += list(getattr(part, "exceptions", None) or ())
    return "".join(formatted.format())


def _versions() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return (f"walkapp {__version__}; Python {platform.python_version()} "
            f"({platform.python_implementation()}); Qt {qVersion()}; "
            f"PySide6 {pyside_version}")


def crash_details(info: _ExcInfo, where: str, thread: str,
                  when: datetime | None = None) -> str:
    moment = (when or datetime.now(UTC)).isoformat(timespec="seconds")
    return (f"Unexpected error in {where}, {moment}\n"
            f"{_versions()}\n"
            f"Platform: {platform.platform()}\n"
            f"Thread: {thread}\n\n"
            f"{format_traceback(info)}")


def _summary(info: _ExcInfo) -> str:
    message = str(info.value).strip().splitlines()
    first = message[0][:200] if message else ""
    return f"{info.type.__name__}: {first}" if first else info.type.__name__


def _last_resort(text: str) -> None:
    """The handler itself failed: say so on stderr, never raise, never loop."""
    try:
        stream = sys.__stderr__
        if stream is not None:
            stream.write(f"walkapp: the crash handler failed too:\n{text}\n")
    except Exception:  # nothing else can be done
        pass


class CrashHandler(QObject):
    """Writes each unexpected error to the log and shows it in one dialog at a time."""

    _relay = Signal(object)   # a CrashReport, from any thread to the GUI thread
    shown = Signal(object)    # the dialog that was opened (or added to)

    def __init__(self, log: CrashLog | None, present: Presenter,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log = log
        self._present = present
        self._dialog: CrashDialog | None = None
        self._previous: tuple[Any, Any] | None = None
        self._busy = threading.local()
        self._relay.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @property
    def log_path(self) -> Path | None:
        return self._log.path if self._log is not None else None

    # -- hooks -----------------------------------------------------------------------------
    def install(self) -> None:
        if self._previous is not None:
            return
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        if self._log is not None:
            self._log.attach()

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        if self._log is not None:
            self._log.close()

    def _excepthook(self, exc_type: type[BaseException], value: BaseException,
                    tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous is not None:
            self._previous[0](exc_type, value, tb)  # Ctrl+C in a terminal: as before
            return
        current = threading.current_thread()
        where = ("the app" if current is threading.main_thread()
                 else "a background task")
        self.report(exc_type, value, tb, where=where)

    def _thread_excepthook(self, args: Any) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return  # a thread that exits on purpose, as threading does by default
        self.report(args.exc_type, args.exc_value, args.exc_traceback,
                    where="a background thread", thread=getattr(args.thread, "name", None))

    # -- reporting -------------------------------------------------------------------------
    def report(self, exc_type: type[BaseException], value: BaseException,
               tb: TracebackType | None, *, where: str, thread: str | None = None,
               show: bool = True) -> CrashReport | None:
        """Log the error and (on the GUI thread, soon) show it. Safe from any thread."""
        if getattr(self._busy, "active", False):
            _last_resort("".join(traceback.format_exception(exc_type, value, tb)))
            return None
        self._busy.active = True
        try:
            info = _ExcInfo(exc_type, value, tb)
            details = crash_details(info, where, thread or threading.current_thread().name)
            problem = (self._log.write(details) if self._log is not None
                       else "there is no data folder to keep it in")
            report = CrashReport(summary=_summary(info), details=details,
                                 log_path=self.log_path if problem is None else None,
                                 log_problem=problem, where=where)
            # Someone running walkapp from a terminal sees it there too, as before (a
            # closed or broken stderr must not cost the user the dialog).
            with contextlib.suppress(Exception):
                if sys.stderr is not None:
                    sys.stderr.write(details)
            if show:
                self._relay.emit(report)
            return report
        except BaseException:
            _last_resort(traceback.format_exc())
            return None
        finally:
            self._busy.active = False

    def _open_dialog(self) -> CrashDialog | None:
        dialog = self._dialog
        if dialog is not None and not shiboken6.isValid(dialog):
            self._dialog = None  # destroyed along with its window
        return self._dialog

    def _show(self, report: CrashReport) -> None:
        try:
            dialog = self._open_dialog()
            if dialog is not None:
                dialog.add_another(report)  # one dialog at a time: count the rest
            else:
                dialog = self._present(report)
                self._dialog = dialog
                dialog.finished.connect(self._closed)
            self.shown.emit(dialog)
        except BaseException:
            # Never through sys.excepthook again: a broken dialog must not loop.
            _last_resort(traceback.format_exc())

    def _closed(self, *_: object) -> None:
        self._dialog = None


def install_crash_handler(data_dir: Path | None, *, present: Presenter | None = None,
                          max_bytes: int = MAX_BYTES, backup_count: int = BACKUP_COUNT,
                          parent: QObject | None = None) -> CrashHandler:
    """Install the handler for this run of the app (call `uninstall()` when it ends).
    `present` is the dialog seam: tests pass one that records instead of showing."""
    log = (CrashLog(Path(data_dir), max_bytes=max_bytes, backup_count=backup_count)
           if data_dir is not None else None)
    # A replacement set on this module (a test's) is looked up now, not at import.
    default: Presenter = globals().get("open_crash_dialog", _open_crash_dialog)
    handler = CrashHandler(log, present or default, parent)
    handler.install()
    return handler
