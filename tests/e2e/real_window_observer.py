"""The real walkapp with a recorder attached, for the real-window kill run
(tests/e2e/real_window_kills.py); never used by the app itself.

    WALKAPP_KILLTEST_LOG=FILE python -m tests.e2e.real_window_observer

starts walkapp exactly as the `walkapp` command does (`walkapp.cli.main([])`, so the lock,
the start-up check, the clean ends and the window are the real ones) and appends one line
per event to FILE: `<monotonic seconds> <event> <values…>`. The recorder only *watches*;
it changes no behaviour and no timing worth measuring:

- `focus` — the note editor's text got the keyboard focus (the driver may start typing);
- `text N` — the note's text changed and is now N characters long (when the app *received*
  a keystroke, as opposed to when the driver sent it);
- `state S N` — a save indicator of the note editor changed to S ("editing", "saving",
  "saved", "failed"…), with the note's text N characters long at that moment. "saved" is
  the moment the window shows "Saved" (read from the indicator's label): everything up to
  N must survive;
- `commit-start N` / `commit-end N` / `commit-failed N` — `NoteService.save_note` began /
  returned / raised, on the saver's thread, for a text of N characters: tells whether a kill
  landed inside a commit.

Why an open, unbuffered file: each line is in the kernel as soon as `os.write` returns, so
a `kill -9` right after it cannot take the line with it, and CLOCK_MONOTONIC is the same
clock the driver reads in its own process. A hook that no longer fits the app (a renamed
class after a refactoring) is recorded as `observer-unavailable WHAT` instead of failing:
the driver then checks what it can without it and says so.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

LOG_ENV = "WALKAPP_KILLTEST_LOG"

_fd = -1
_lock = threading.Lock()


def record(event: str, *values: object) -> None:
    line = " ".join([f"{time.monotonic():.6f}", event, *(str(v) for v in values)]) + "\n"
    with _lock:
        os.write(_fd, line.encode("utf-8"))


def _hook_commits() -> None:
    from walkapp.services.notes import NoteService

    original = NoteService.save_note

    def save_note(self: Any, draft: Any, *args: Any, **kwargs: Any) -> Any:
        length = len(getattr(draft, "text", "") or "")
        record("commit-start", length)
        try:
            result = original(self, draft, *args, **kwargs)
        except BaseException:
            record("commit-failed", length)
            raise
        record("commit-end", length)
        return result

    NoteService.save_note = save_note  # type: ignore[method-assign]


def _note_text_of(widget: Any) -> Any:
    """The note editor's text box above `widget` (a save indicator), or None."""
    while widget is not None:
        if widget.objectName() == "noteEditor":
            return getattr(widget, "text_edit", None)
        widget = widget.parentWidget()
    return None


def _hook_indicator() -> None:
    from walkapp.ui.widgets.autosave import SaveIndicator

    original = SaveIndicator.set_state

    def set_state(self: Any, state: str, *args: Any, **kwargs: Any) -> None:
        original(self, state, *args, **kwargs)
        try:
            text_edit = _note_text_of(self)
        except RuntimeError:  # being torn down
            return
        if text_edit is None:
            return
        # What the window shows decides: a state by another name (an enum, a new wording)
        # that reads "Saved" is recorded as "saved".
        shown = getattr(getattr(self, "label", None), "text", lambda: "")()
        name = str(getattr(state, "value", state)).lower()
        if str(shown).strip().lower().startswith("saved"):
            name = "saved"
        record("state", name, len(text_edit.toPlainText()))

    SaveIndicator.set_state = set_state  # type: ignore[method-assign]


def _hook_focus() -> None:
    import walkapp.ui.app as app_module

    original: Callable[..., Any] = app_module.make_application
    watched: set[int] = set()

    def on_focus(_old: Any, now: Any) -> None:
        if now is None or now.objectName() != "noteText":
            return
        if id(now) not in watched:
            watched.add(id(now))
            now.textChanged.connect(lambda: record("text", len(now.toPlainText())))
        record("focus")

    def make_application(*args: Any, **kwargs: Any) -> Any:
        app = original(*args, **kwargs)
        if not getattr(app, "_killtest_watched", False):
            app._killtest_watched = True
            app.focusChanged.connect(on_focus)
        return app

    app_module.make_application = make_application


def main() -> int:
    global _fd
    _fd = os.open(os.environ[LOG_ENV], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    for hook in (_hook_commits, _hook_indicator, _hook_focus):
        try:
            hook()
        except Exception as error:  # the app changed shape: say so, run it anyway
            record("observer-unavailable", hook.__name__, type(error).__name__)
    record("start", os.getpid())
    from walkapp.cli import main as walkapp_main

    return walkapp_main([])


if __name__ == "__main__":
    sys.exit(main())
