"""One cold start, in a process of its own, for `tests.bench.bench_start`.

    python -m tests.bench.start_driver app  DATA_DIR    # the real `walkapp` (no command)
    python -m tests.bench.start_driver bare             # the baseline
    python -m tests.bench.start_driver window DATA_DIR  # ui/app.py run_app, without the
                                                        # command line; prints the modules

`app` starts the desktop app exactly as the `walkapp` command does (`walkapp.cli.main`
with `--data-dir`, so `ui/app.py run_app`), `bare` imports `sqlalchemy.orm` and shows an
empty QMainWindow. Idle means the GUI thread's event dispatcher is about to block waiting
for events (`QAbstractEventDispatcher.aboutToBlock`): the window would answer a key at
once. Shown and painted means the QMainWindow is visible and its window exposed (Qt paints
a widget window as it is exposed); the driver looks at that only when the loop is about to
wait, with no application-wide event filter (which made a Python object for every inner
Qt object of the window, a cost a real start does not have). Two moments are printed on
stdout as `time.monotonic()` (a system-wide clock, so the parent measures from just before
it started this process):

- `shown <t>`: the first idle moment after the main window was shown and painted;
- `idle <t>`: the first idle moment after that at which the window shows what it is for:
  the walks library's first list is in (its table has rows, or its empty page says there
  are none: not "Loading the walks…"; or the first-run welcome shows). The library reads
  off the GUI thread, so the first moment alone would time a window still loading. Then
  the driver quits.

For `bare` the two are the same moment. `window` starts `walkapp.ui.app.run_app` itself
(the command line's own imports left out) and prints, at the idle moment, the modules then
loaded as `modules <json list>` (tests/ui/test_start_imports.py).

No fixed waits, and nothing in the app is changed for the measurement: just before the
command line hands over to the desktop app (`walkapp.cli.gui.open_desktop_app`, wrapped
here) the driver makes the QApplication (the app takes an existing one: `ui/app.py
make_application`) and watches its event loop. So everything is imported in the
order a real start imports it: PySide6 checks the source of each module imported after it
(its `__feature__` support), and importing Qt first here would charge the app for modules
it loads before Qt. The baseline likewise imports `sqlalchemy.orm`, then PySide6. Quitting
is the app's own quit (the window closes as on Ctrl+Q), so every start is clean.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

if os.environ.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def watch(ready: Callable[[], bool], print_modules: bool = False) -> Any:
    """Make the QApplication and start watching it (PySide6 is imported here, not before)."""
    from PySide6.QtCore import QAbstractEventDispatcher, QObject
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMainWindow

    def shown_window() -> bool:
        """A QMainWindow is shown and painted: its window is exposed (Qt paints a widget
        window when it is exposed, before the event loop next waits)."""
        if not any(w.isExposed() for w in QGuiApplication.topLevelWindows()):
            return False
        for widget in QApplication.topLevelWidgets():
            handle = widget.windowHandle() if isinstance(widget, QMainWindow) else None
            if handle is not None and widget.isVisible() and handle.isExposed():
                return True
        return False

    class QuitWhenIdle(QObject):
        """Quit at the first idle moment after a QMainWindow was shown and painted (and
        `ready()` says what it shows is in). Looked at only when the event loop is about
        to wait: an application-wide event filter would make a Python object for every
        Qt object that gets an event (each of a window's inner widgets, scroll bars, a
        combo box's list), costing a start tens of milliseconds it never spends without
        the filter, and the app more than the bare window."""

        def __init__(self, app: QApplication) -> None:
            super().__init__()
            self._app = app
            self._shown = False
            self._done = False
            dispatcher = QAbstractEventDispatcher.instance()
            assert dispatcher is not None
            dispatcher.aboutToBlock.connect(self._idle)

        def _idle(self) -> None:
            if self._done:
                return
            now = time.monotonic()
            if not self._shown:
                if not shown_window():
                    return
                self._shown = True
                print(f"shown {now:.6f}", flush=True)
            if not ready():
                return
            self._done = True
            print(f"idle {now:.6f}", flush=True)
            if print_modules:
                print("modules " + json.dumps(sorted(sys.modules)), flush=True)
            for window in self._app.topLevelWidgets():
                if isinstance(window, QMainWindow) and window.isVisible():
                    window.close()  # the app's own close: it saves and quits as on Ctrl+Q
            self._app.quit()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return QuitWhenIdle(app)


def library_ready() -> bool:
    """The walks library shows its first list (or says there is none)."""
    from PySide6.QtWidgets import QApplication, QLabel, QTableView, QWidget

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for window in app.topLevelWidgets():
        library = window.findChild(QWidget, "walksLibrary")
        if library is None:
            continue
        table = library.findChild(QTableView)
        empty = library.findChild(QLabel, "emptyState")
        # No walks at all: the first-run welcome (walkapp.ui.screens.library_welcome).
        welcome = library.findChild(QWidget, "libraryWelcome")
        rows = table.model().rowCount() if table is not None and table.model() else 0
        if rows > 0 or (empty is not None and empty.isVisible()
                        and not empty.text().startswith("Loading")) \
                or (welcome is not None and welcome.isVisible()):
            return True
    return False


def main(argv: list[str]) -> int:
    mode = argv[0]
    watchers: list[Any] = []
    if mode == "bare":
        import sqlalchemy.orm  # noqa: F401  (the baseline's one import, then Qt's)
        from PySide6.QtWidgets import QApplication, QMainWindow

        watchers.append(watch(lambda: True))
        window = QMainWindow()
        window.resize(1280, 760)
        window.show()
        app = QApplication.instance()
        assert app is not None
        return int(app.exec())
    if mode == "app":
        import walkapp.cli.gui as gui
        from walkapp.cli import main as walkapp_main

        real = gui.open_desktop_app

        def open_desktop_app(context: Any, *args: Any, **kwargs: Any) -> int:
            watchers.append(watch(library_ready))
            return real(context, *args, **kwargs)

        gui.open_desktop_app = open_desktop_app  # type: ignore[assignment]
        return walkapp_main(["--data-dir", argv[1]])
    if mode == "window":
        from walkapp.config import resolve_settings
        from walkapp.ui.app import run_app

        watchers.append(watch(library_ready, print_modules=True))
        return run_app(resolve_settings(argv[1]))
    raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
