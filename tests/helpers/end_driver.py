"""A real walkapp, started the way `walkapp` starts it (walkapp.ui.app.run_app), that types
a note and waits to be ended: the subject of tests/ui/test_clean_exit_process.py.

    python tests/helpers/end_driver.py WALK_ID MODE

WALKAPP_DATA_DIR and QT_QPA_PLATFORM come from the environment. Once the event loop runs,
the driver opens the walk's observation page, types TEXT into the note editor (its
debounce given a clock that never moves, so only the end can commit it) and prints
"READY". MODE says how saving behaves:

- `ok`: as in the app;
- `fail`: every note save fails with "disk full";
- `hang`: a note save prints "SAVING" and then never returns (a database held forever);
- `hang-short`: the same, with the end's time limit cut to half a second.

The driver's exit status is run_app's, so the test sees what a session manager would.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.helpers.fake_timers import FakeTime
from walkapp.config import resolve_settings
from walkapp.errors import DiskFullError
from walkapp.services.notes import NoteService
from walkapp.ui import clean_exit
from walkapp.ui.app import make_application, run_app
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.observe_page import ObservationPage

TEXT = "Talk partners before every answer"


def _type_note(walk_id: str) -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.open_walk(walk_id, wait_ms=10_000)  # open when it returns: the page is used next
    assert window.workspace is not None
    window.workspace.show_page("observation")
    page = window.workspace.page("observation")
    assert isinstance(page, ObservationPage) and page.observation is not None
    editor = page.observation.editor
    editor.tracker.debouncer.set_pace(FakeTime().pace())
    editor.text_edit.setFocus()
    editor.text_edit.insertPlainText(TEXT)
    assert not editor.is_saved()
    print("READY", flush=True)


def main(walk_id: str, mode: str) -> int:
    if mode == "fail":
        def full(self: NoteService, draft: object) -> object:
            raise DiskFullError("The disk is full, so the note was not saved.")
        NoteService.save_note = full  # type: ignore[method-assign, assignment]
    if mode == "hang-short":
        clean_exit.END_TIMEOUT_S = 0.5
    if mode.startswith("hang"):
        def hang(self: NoteService, draft: object) -> object:
            print("SAVING", flush=True)
            threading.Event().wait()
            raise AssertionError("unreachable")
        NoteService.save_note = hang  # type: ignore[method-assign, assignment]
    make_application()
    QTimer.singleShot(0, lambda: _type_note(walk_id))
    return run_app(resolve_settings(None))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
