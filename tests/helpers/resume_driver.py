"""A real walkapp, started the way `walkapp` starts it (walkapp.ui.app.run_app), for
tests/ui/resume/test_process.py: it is killed with SIGKILL in one run and must come back
where it was in the next.

    python tests/helpers/resume_driver.py WALK_ID MODE

WALKAPP_DATA_DIR and QT_QPA_PLATFORM come from the environment; RESUME_NOW (ISO, UTC) is
the services' "now" for this run (the countdowns' own clock stands still), so the test says
how much time passed between the runs. MODE:

- `work`: opens the walk's observation page, picks the second person and the second visit,
  starts the room timer, saves a note, waits until the position is on disk, prints
  "CHOSE <person id> <visit id>" and "READY", then runs on until it is killed;
- `look`: once the window is up, prints "SEEN <json>" (page, person, visit, room timer,
  notice) and closes the window, which ends walkapp cleanly.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from walkapp.config import resolve_settings
from walkapp.services import base
from walkapp.ui import app as app_module
from walkapp.ui.main_window import MainWindow
from walkapp.ui.resume import ResumeKeeper
from walkapp.ui.screens.observe_page import ObservationPage
from walkapp.ui.widgets import countdown

TEXT = "Pairs explain the method to each other"


def _window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible())


def _page(window: MainWindow) -> ObservationPage:
    assert window.workspace is not None
    page = window.workspace.page("observation")
    assert isinstance(page, ObservationPage) and page.observation is not None
    return page


def _work(walk_id: str) -> None:
    window = _window()
    window.open_walk(walk_id, wait_ms=10_000)  # open when it returns: the page is used next
    assert window.workspace is not None
    window.workspace.show_page("observation")
    page = _page(window)
    person = str(page.author.itemData(1))
    assert page.show_author(person)
    screen = page.observation
    assert screen is not None and screen.go_to_visit(1)
    screen.toggle_visit_timer()
    screen.editor.text_edit.setFocus()
    screen.editor.text_edit.insertPlainText(TEXT)
    assert screen.flush()
    visit = screen.current_visit()
    assert visit is not None
    keeper = window.findChild(ResumeKeeper)
    assert keeper is not None

    def when_written() -> None:
        if not (keeper.idle() and screen.editor.is_saved()):
            QTimer.singleShot(20, when_written)
            return
        print(f"CHOSE {person} {visit.id}", flush=True)
        print("READY", flush=True)

    when_written()


def _look() -> None:
    window = _window()
    seen: dict[str, object] = {"page": None, "person": None, "visit": None,
                               "elapsed": None, "running": None,
                               "notice_visible": window.notice.isVisible(),
                               "notice": window.notice.text.text()}
    workspace = window.workspace
    if workspace is not None:
        seen["page"] = workspace.current_key()
        page = _page(window)
        screen = page.observation
        assert screen is not None
        visit = screen.current_visit()
        seen.update(person=page.screen_author, visit=visit.id if visit else None,
                    elapsed=screen.visit_timer.elapsed(),
                    running=screen.visit_timer.is_running())
    print("SEEN " + json.dumps(seen), flush=True)
    window.close()


def main(walk_id: str, mode: str) -> int:
    now = datetime.fromisoformat(os.environ["RESUME_NOW"])
    base.utcnow = lambda: now  # type: ignore[assignment]  # the services' clock
    countdown.time = SimpleNamespace(monotonic=lambda: 1000.0)  # type: ignore[assignment]
    app_module.make_application()
    QTimer.singleShot(0, (lambda: _work(walk_id)) if mode == "work" else _look)
    return app_module.run_app(resolve_settings(None))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
