"""Clean ends, in-process: SIGTERM, SIGHUP and SIGINT sent to this very process, the session
manager's requests and the event loop's end all commit the note being typed, then quit;
a second signal exits at once; a save that fails at the end is logged and the exit status
says so. (tests/ui/test_clean_exit_process.py does the same to a real `walkapp` process.)

The note's autosave is given a fake clock that never moves, so its debounce cannot be what
saved it: only the end can. `quit` and `hard_exit` are recorded instead of run — a real
QCoreApplication.exit() or os._exit() would end the test run.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.helpers.fake_timers import FakeTime
from tests.ui.conftest import ScriptedAsker
from tests.ui.observe_helpers import type_text
from walkapp.errors import DiskFullError
from walkapp.protocol.library import builtin_protocol
from walkapp.services import Services
from walkapp.services.notes import NoteService
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.ui.clean_exit import EXIT_NOT_SAVED, CleanEnds, SignalWatcher
from walkapp.ui.main_window import MainWindow
from walkapp.ui.screens.observe_page import ObservationPage

TEXT = "Pairs explain their method"


@dataclass
class Ends:
    window: MainWindow
    ends: CleanEnds
    walk_id: str
    quits: list[int] = field(default_factory=list)
    exits: list[int] = field(default_factory=list)


@pytest.fixture
def app_with_note(qtbot, services: Services, qsettings: QSettings,  # type: ignore[no-untyped-def]
                  asker: ScriptedAsker) -> Iterator[Ends]:
    """The main window on a walk's observation page, a note typed but not yet committed,
    and the clean-end handlers installed (signals included)."""
    walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                     date(2026, 11, 3), visits=2)
    services.plan.add_participant(walk.id, "Ana")  # the observation screen needs a walker
    window = MainWindow(services, qsettings, asker)
    qtbot.addWidget(window)
    window.show()
    window.open_walk(walk.id)
    assert window.workspace is not None
    window.workspace.show_page("observation")
    page = window.workspace.page("observation")
    assert isinstance(page, ObservationPage) and page.observation is not None
    editor = page.observation.editor
    editor.tracker.debouncer.set_pace(FakeTime().pace())  # its time never moves
    editor.text_edit.setFocus()
    type_text(editor.text_edit, TEXT)
    assert services.notes.list_notes(walk.id) == [] and not editor.is_saved()
    quits: list[int] = []
    exits: list[int] = []
    app = QApplication.instance()
    assert app is not None
    ends = CleanEnds(app, window.save_everything, window.end_session, quit=quits.append,
                     watcher=SignalWatcher(hard_exit=exits.append))
    ends.install()
    try:
        yield Ends(window, ends, walk.id, quits, exits)
    finally:
        ends.uninstall()


def _stored(services: Services, walk_id: str) -> list[str]:
    return [n.text for n in services.notes.list_notes(walk_id)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_commits_the_note_being_typed_then_quits(
        qtbot, services: Services, app_with_note: Ends, signum: signal.Signals) -> None:
    os.kill(os.getpid(), signum)
    qtbot.waitUntil(lambda: app_with_note.quits != [], timeout=10_000)
    assert app_with_note.quits == [0]
    assert _stored(services, app_with_note.walk_id) == [TEXT]
    assert app_with_note.exits == []  # the end finished well within its time
    # The window has stopped everything it runs: its close now neither saves nor asks.
    assert app_with_note.window.workspace is not None
    assert app_with_note.window.workspace.is_closed()


def test_keys_still_waiting_when_the_signal_comes_are_saved_too(
        qtbot, services: Services, app_with_note: Ends) -> None:
    # A signal takes its own way in (the wakeup socket), not the keystrokes' queue: keys
    # typed just before a logout can still be waiting when the end starts. They were typed
    # (the window system has them), so they are saved too. Found by the real-window kill
    # run: a burst of keys right before SIGTERM lost its last 3 (tests/e2e/real_window_kills.py).
    workspace = app_with_note.window.workspace
    assert workspace is not None
    page = workspace.page("observation")
    assert isinstance(page, ObservationPage) and page.observation is not None
    text_edit = page.observation.editor.text_edit
    for ch in " now":
        QCoreApplication.postEvent(text_edit, QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
    # The end starts before the event loop had another turn: the keys are still queued.
    app_with_note.ends.watcher.requested.emit(int(signal.SIGTERM))
    assert app_with_note.quits == [0]
    assert _stored(services, app_with_note.walk_id) == [TEXT + " now"]


def test_a_second_signal_exits_at_once(qtbot) -> None:
    # Nothing answers `requested` here: the GUI thread is as good as stuck in a save.
    exits: list[int] = []
    watcher = SignalWatcher(hard_exit=exits.append)
    watcher.install()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: exits != [], timeout=10_000)
        assert exits == [128 + signal.SIGTERM]
        assert watcher.received() == 2
    finally:
        watcher.uninstall()


def test_an_end_that_takes_too_long_is_cut_short(qtbot, caplog) -> None:
    exits: list[int] = []
    watcher = SignalWatcher(hard_exit=exits.append, timeout_s=0.2)
    watcher.install()
    try:
        with caplog.at_level(logging.ERROR, logger="walkapp"):
            os.kill(os.getpid(), signal.SIGHUP)
            qtbot.waitUntil(lambda: exits != [], timeout=10_000)
        assert exits == [EXIT_NOT_SAVED]
        assert "took longer than" in caplog.text
    finally:
        watcher.uninstall()


def test_a_failed_save_at_the_end_is_logged_and_the_exit_status_says_so(
        qtbot, services: Services, app_with_note: Ends, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def full(self: NoteService, draft: object) -> object:
        raise DiskFullError("The disk is full, so the note was not saved.")

    monkeypatch.setattr(NoteService, "save_note", full)
    with caplog.at_level(logging.ERROR, logger="walkapp"):
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: app_with_note.quits != [], timeout=10_000)
    assert app_with_note.quits == [EXIT_NOT_SAVED]
    assert app_with_note.ends.exit_status(0) == EXIT_NOT_SAVED
    assert "could not be saved" in caplog.text
    assert _stored(services, app_with_note.walk_id) == []


def test_the_session_manager_asks_to_save_before_a_logout(
        qtbot, services: Services, app_with_note: Ends) -> None:
    # commitDataRequest: save, but keep running (another program may cancel the logout).
    app_with_note.ends.commit_data(None)
    assert _stored(services, app_with_note.walk_id) == [TEXT]
    assert app_with_note.window.workspace is not None
    assert not app_with_note.window.workspace.is_closed()


def test_the_event_loop_ending_saves_first(
        qtbot, services: Services, app_with_note: Ends) -> None:
    # e.g. the session manager's "die" arrives as QCoreApplication.quit().
    app = QApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()
    assert _stored(services, app_with_note.walk_id) == [TEXT]
    assert app_with_note.ends.exit_status(0) == 0
    assert app_with_note.quits == []  # the loop is ending already
