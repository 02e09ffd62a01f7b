"""The notice after an unclean end, through the app's own start (walkapp.ui.app.run_app with
its event loop replaced by a look at the window): shown once, in the window, not as a
dialog, with the time of the last saved note; not after a clean end; never by a second
walkapp that finds the first one running.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from walkapp.config import Settings
from walkapp.protocol.library import builtin_protocol
from walkapp.services import NoteDraft, open_services
from walkapp.services.protocol_walks import create_walk_from_protocol
from walkapp.services.resume import RunningMarker
from walkapp.services.safety import DataFolderLock
from walkapp.ui import app as app_module
from walkapp.ui.dialogs import Asker
from walkapp.ui.main_window import MainWindow
from walkapp.ui.resume import saved_time_text, unclean_exit_text


@pytest.fixture
def seen(qtbot, monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, str]]:
    """What each run's window showed in its notice bar; the window is then closed (a clean
    end). Any dialog or message box would be recorded too, and fail the tests."""
    shown: list[tuple[bool, str]] = []

    def look_and_quit() -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        shown.append((window.notice.isVisible(), window.notice.text.text()))
        window.close()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", look_and_quit)
    for name in ("error", "warn", "inform"):
        monkeypatch.setattr(Asker, name, lambda self, parent, title, text, name=name:
                            shown.append((False, f"{name}: {title}: {text}")))
    monkeypatch.setattr(Asker, "run", lambda self, dialog: shown.append(
        (False, f"dialog: {dialog.windowTitle()}")) or False)
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append((False, "a dialog")) or 0)
    return shown


def _note(settings: Settings) -> datetime:
    services = open_services(settings)
    try:
        walk = create_walk_from_protocol(services, builtin_protocol("learning-walk"), "Walk",
                                         date(2026, 11, 3), visits=1)
        author = services.plan.add_participant(walk.id, "Ana").id
        return services.notes.save_note(NoteDraft(walk.id, author, "Sketch first")).updated_at
    finally:
        services.close()


def test_the_notice_shows_once_after_an_unclean_end_with_the_last_note_time(
        settings: Settings, seen: list[tuple[bool, str]]) -> None:
    saved = _note(settings)
    RunningMarker(settings.data_dir).begin()  # a run that was killed: it never ended
    assert app_module.run_app(settings) == 0
    visible, text = seen[0]
    assert visible, seen
    assert text.startswith("walkapp did not close properly last time.")
    assert f"safe up to {saved_time_text(saved, datetime.now(UTC))}" in text
    assert saved.astimezone().strftime("%H:%M") in text
    # That start ended cleanly: the next one has nothing to say.
    assert app_module.run_app(settings) == 0
    assert seen[1] == (False, "")
    assert len(seen) == 2
    assert not RunningMarker(settings.data_dir).path.exists()


def test_no_notice_after_a_clean_end(settings: Settings,
                                     seen: list[tuple[bool, str]]) -> None:
    _note(settings)
    assert app_module.run_app(settings) == 0  # the first start ever
    assert app_module.run_app(settings) == 0
    assert seen == [(False, ""), (False, "")]


def test_a_crash_inside_walkapp_counts_as_an_unclean_end(
        settings: Settings, seen: list[tuple[bool, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _note(settings)

    def broken() -> int:
        raise RuntimeError("a bug outside any slot")

    with monkeypatch.context() as patch:
        patch.setattr(QApplication.instance(), "exec", broken)
        patch.setattr(Asker, "run", lambda self, dialog: True)  # the crash dialog
        assert app_module.run_app(settings) == app_module.EXIT_INTERNAL_ERROR
    assert RunningMarker(settings.data_dir).path.exists()
    for window in QApplication.topLevelWidgets():  # what the dead run left on screen
        if isinstance(window, MainWindow):
            window.close()
    assert app_module.run_app(settings) == 0
    assert seen[-1][0] and "did not close properly" in seen[-1][1], seen


def test_a_second_walkapp_never_takes_the_first_for_a_crashed_one(
        settings: Settings, seen: list[tuple[bool, str]]) -> None:
    _note(settings)
    first = DataFolderLock(settings.data_dir, "the walkapp desktop app").acquire()
    marker = RunningMarker(settings.data_dir)
    marker.begin()  # the first walkapp is running
    try:
        assert app_module.run_app(settings) == 1  # told it is already open, and quits
        assert seen and seen[0][1].startswith("error: walkapp is already open")
        assert marker.path.exists()  # the first one's marker is left alone
    finally:
        marker.end()  # the first walkapp ends cleanly
        first.release()
    assert app_module.run_app(settings) == 0
    assert seen[-1] == (False, "")


def test_the_notice_without_any_note_says_what_is_safe() -> None:
    text = unclean_exit_text(None, datetime.now(UTC))
    assert "did not close properly" in text and "Saved" in text


def test_the_time_is_the_clock_time_today_and_has_the_date_otherwise(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Europe/Madrid")
    time.tzset()
    try:
        moment = datetime(2026, 11, 3, 9, 42, tzinfo=UTC)  # 10:42 in Madrid
        assert saved_time_text(moment, datetime(2026, 11, 3, 15, 0, tzinfo=UTC)) == "10:42"
        assert saved_time_text(moment, datetime(2026, 11, 4, 8, 0, tzinfo=UTC)) == \
            "2026-11-03 10:42"
        assert unclean_exit_text(moment, datetime(2026, 11, 3, 15, 0, tzinfo=UTC)) == (
            "walkapp did not close properly last time. Your notes are safe up to 10:42, "
            "the last one saved. If you were typing after that, check that note.")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
