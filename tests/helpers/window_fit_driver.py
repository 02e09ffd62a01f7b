"""Start the real first window on the screen Qt was given, and say where it went.

    QT_QPA_PLATFORM="offscreen:configfile=SCREEN.json" \\
        python -m tests.helpers.window_fit_driver DATA_DIR

Runs the desktop app (`walkapp.ui.app.run_app`) twice on DATA_DIR: a first start, then a
start with a window size saved on a much bigger monitor (written into the window state
file beforehand). Each time, once the window is shown with its list of walks, it prints one
line `fit {json}` (the screen, the window's frame, its minimum size, the status bar and
every visible button, each as the part of it the window shows) and closes the window as
Ctrl+Q does. tests/ui/test_window_fits_screen.py reads those lines.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# A window saved on a 3840×2160 monitor, far right and low: bigger than any laptop screen.
BIG_SAVED = (2400, 1400, 3000, 1900)


def _rect(rect: Any) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _report(window: Any) -> dict[str, Any]:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton

    from tests.helpers.cut_text import cut_texts

    screen = window.screen()
    inside = window.rect()

    def shown(widget: Any) -> dict[str, Any]:
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        return {"rect": _rect(rect), "shown": _rect(rect.intersected(inside)),
                "text": widget.text() if isinstance(widget, QAbstractButton) else ""}

    buttons = [shown(b) for b in window.findChildren(QAbstractButton)
               if b.isVisible() and b.text()]
    return {
        "available": _rect(screen.availableGeometry()),
        "dpr": screen.devicePixelRatio(),
        "frame": _rect(window.frameGeometry()),
        "geometry": _rect(window.geometry()),
        "minimum": [window.minimumWidth(), window.minimumHeight()],
        "status_bar": shown(window.statusBar()) | {"visible": window.statusBar().isVisible()},
        "buttons": buttons,
        "cut": cut_texts(window),
    }


def _when_shown(app: Any) -> None:
    """Once the main window is up with its walks, print where it is and close it."""
    from PySide6.QtCore import QTimer

    from walkapp.ui.main_window import MainWindow

    def look() -> None:
        windows = [w for w in app.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        handle = windows[0].windowHandle() if windows else None
        if not windows or handle is None or not handle.isExposed() \
                or windows[0].library.is_loading():
            QTimer.singleShot(10, look)
            return
        for _ in range(3):
            app.processEvents()
        print("fit " + json.dumps(_report(windows[0])), flush=True)
        windows[0].close()

    QTimer.singleShot(0, look)


def _save_big_geometry(data_dir: Path) -> None:
    from PySide6.QtWidgets import QWidget

    from walkapp.config import resolve_settings
    from walkapp.ui.app import ui_settings

    big = QWidget()
    big.setGeometry(*BIG_SAVED)
    settings = ui_settings(resolve_settings(data_dir))
    settings.setValue("main_window/geometry", big.saveGeometry())
    settings.sync()
    big.deleteLater()


def main(argv: list[str]) -> int:
    from walkapp.config import resolve_settings
    from walkapp.ui.app import make_application, run_app

    data_dir = Path(argv[0])
    app = make_application([])
    for saved in (False, True):
        if saved:
            _save_big_geometry(data_dir)
        _when_shown(app)
        code = run_app(resolve_settings(data_dir))
        if code != 0:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
