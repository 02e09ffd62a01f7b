"""Unexpected errors in the desktop app: one dialog, a log entry, and the app goes on.

Every way a bug can surface — a slot or event handler, a worker thread, a background task —
reaches the one handler. Its dialog goes through a seam (`present`), so no test waits on a
modal exec(); the real dialog is also checked, shown without blocking. The log file itself
(private, rotating, never through a link) is tested in test_log.py.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtWidgets import QApplication

from tests.ui.crash.helpers import Recorder, exc_info, faulty_button, log_file, mode
from tests.ui.observe_helpers import type_text
from tests.ui.test_autosave import make_editor, stored_texts
from walkapp.config import Settings
from walkapp.services import Services
from walkapp.ui.crash import CrashDialog, CrashHandler, install_crash_handler
from walkapp.ui.workers import run_in_background


def test_an_exception_in_a_slot_is_logged_and_shown_and_the_app_goes_on(
        qtbot, handler: CrashHandler, recorder: Recorder, settings: Settings) -> None:
    button = faulty_button(qtbot)
    after: list[str] = []
    button.clicked.connect(lambda: after.append("still running"))
    button.click()
    qtbot.waitUntil(lambda: len(recorder.reports) == 1, timeout=5000)
    report = recorder.reports[0]
    assert "ZeroDivisionError: the bug under test" in report.details
    assert "Traceback (most recent call last)" in report.details
    assert "in on_click" in report.details
    assert report.summary.startswith("ZeroDivisionError")
    # The log: the full traceback, time, versions and platform; private whatever the umask.
    assert report.log_path == log_file(settings) and report.log_problem is None
    text = log_file(settings).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in on_click" in text
    assert "walkapp " in text and "Python 3." in text and "Qt 6." in text
    assert "Platform:" in text
    assert mode(log_file(settings)) == 0o600
    assert mode(log_file(settings).parent) == 0o700
    # The app keeps running: the other slot ran, and the button works again.
    assert after == ["still running"]
    button.click()
    assert after == ["still running", "still running"]


def test_an_exception_in_a_worker_thread_is_reported(qtbot, handler: CrashHandler,
                                                     recorder: Recorder,
                                                     settings: Settings) -> None:
    def work() -> None:
        raise KeyError("from the worker")

    thread = threading.Thread(target=work, name="walkapp-test-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(recorder.reports), timeout=5000)
    details = recorder.reports[0].details
    assert "KeyError: 'from the worker'" in details and "walkapp-test-worker" in details
    assert "in work" in log_file(settings).read_text()


def test_an_exception_in_a_qrunnable_is_reported(qtbot, handler: CrashHandler,
                                                 recorder: Recorder) -> None:
    class Job(QRunnable):
        def run(self) -> None:
            raise LookupError("from a pool thread")

    job = Job()
    job.setAutoDelete(False)
    QThreadPool.globalInstance().start(job)
    qtbot.waitUntil(lambda: bool(recorder.reports), timeout=5000)
    # The pool thread may still be returning from run(): let it finish before `job` goes.
    assert QThreadPool.globalInstance().waitForDone(5000)
    assert "LookupError: from a pool thread" in recorder.reports[0].details


def test_a_background_task_nobody_handles_is_reported(qtbot, handler: CrashHandler,
                                                      recorder: Recorder) -> None:
    def work(progress: object) -> None:
        raise ValueError("nobody listens for this")

    run_in_background(work)  # no on_error: it must not vanish
    qtbot.waitUntil(lambda: bool(recorder.reports), timeout=5000)
    details = recorder.reports[0].details
    assert "ValueError: nobody listens for this" in details and "in work" in details


def test_a_handled_background_bug_is_still_written_to_the_log(
        qtbot, handler: CrashHandler, recorder: Recorder, settings: Settings) -> None:
    seen: list[BaseException] = []

    def work(progress: object) -> None:
        raise ValueError("handled by the screen")

    run_in_background(work, on_error=lambda error, details: seen.append(error))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert recorder.reports == []  # the screen said something itself
    text = log_file(settings).read_text()
    assert "ValueError: handled by the screen" in text and "in work" in text


def test_a_burst_of_exceptions_shows_one_dialog_counting_the_rest(
        qtbot, handler: CrashHandler, recorder: Recorder, settings: Settings) -> None:
    button = faulty_button(qtbot)
    for _ in range(100):
        button.click()
    qtbot.waitUntil(lambda: bool(recorder.dialogs) and recorder.dialogs[0].more == 99,
                    timeout=10_000)
    assert len(recorder.reports) == 1
    assert "99 more" in recorder.dialogs[0].more_label.text()
    assert not recorder.dialogs[0].more_label.isHidden()
    # Every one of them is in the log.
    assert log_file(settings).read_text().count("ZeroDivisionError: the bug under test") == 100


def test_a_second_exception_while_the_dialog_is_open_opens_no_second_one(
        qtbot, handler: CrashHandler, recorder: Recorder) -> None:
    button = faulty_button(qtbot)
    button.click()
    qtbot.waitUntil(lambda: len(recorder.dialogs) == 1, timeout=5000)
    dialog = recorder.dialogs[0]
    dialog.show()  # open, as the user sees it
    button.click()
    qtbot.waitUntil(lambda: dialog.more == 1, timeout=5000)
    assert len(recorder.reports) == 1
    # Once it is closed, the next problem gets a dialog of its own.
    dialog.reject()
    button.click()
    qtbot.waitUntil(lambda: len(recorder.reports) == 2, timeout=5000)


def test_the_dialog_says_what_happened_and_offers_copy_and_the_log_folder(
        qtbot, handler: CrashHandler, settings: Settings) -> None:
    opened: list[Path] = []
    report = handler.report(*exc_info(), where="a test")
    dialog = CrashDialog(report, open_folder=lambda path: opened.append(path) or True)
    qtbot.addWidget(dialog)
    dialog.open()  # not modal exec(): the test goes on
    assert "Something went wrong" in dialog.headline.text()
    text = dialog.message.text()
    assert "fault in walkapp" in text and "still running" in text
    # The promise about typed text (autosave goes on: see the test below), and its limit.
    assert "kept" in text and "does not say “Saved”" in text
    assert str(log_file(settings)) in dialog.where.text()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == report.details
    assert "Copied" in dialog.copy_button.text()
    dialog.folder_button.click()
    assert opened == [log_file(settings).parent]
    assert dialog.details.isHidden()
    dialog.details_button.click()
    assert not dialog.details.isHidden()
    assert dialog.details.toPlainText() == report.details
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_the_dialog_names_its_controls(qtbot, handler: CrashHandler) -> None:
    from tests.helpers.a11y import unnamed_controls

    report = handler.report(*exc_info(), where="a test", show=False)
    assert report is not None
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.details_button.click()
    assert unnamed_controls(dialog) == []


def test_pending_autosave_is_not_dropped_by_a_crash(
        qtbot, handler: CrashHandler, recorder: Recorder, services: Services) -> None:
    """What the dialog promises: typing not yet committed is committed all the same."""
    editor, walk, _ = make_editor(qtbot, services, debounce_ms=200)
    type_text(editor.text_edit, "Pupils explain their method")
    assert stored_texts(services, walk) == []  # still waiting for the pause in typing
    faulty_button(qtbot).click()
    qtbot.waitUntil(lambda: bool(recorder.dialogs), timeout=5000)
    qtbot.waitUntil(lambda: stored_texts(services, walk) == ["Pupils explain their method"],
                    timeout=5000)
    qtbot.waitUntil(lambda: editor.indicator.state() == "saved", timeout=5000)


def test_a_broken_stderr_does_not_cost_the_dialog(
        qtbot, handler: CrashHandler, recorder: Recorder,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr(sys, "stderr", closed)
    faulty_button(qtbot).click()
    qtbot.waitUntil(lambda: bool(recorder.reports), timeout=5000)


def test_uninstall_puts_the_previous_hooks_back(settings: Settings,
                                                recorder: Recorder) -> None:
    import sys

    before = sys.excepthook, threading.excepthook
    crash = install_crash_handler(settings.data_dir, present=recorder)
    assert sys.excepthook != before[0] and threading.excepthook != before[1]
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_app_installs_the_handler_while_it_runs(
        qtbot, settings: Settings, recorder: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from walkapp.services import open_services
    from walkapp.ui import app as app_module
    from walkapp.ui import crash

    open_services(settings).close()  # an existing, healthy database: no start-up questions
    monkeypatch.setattr(crash, "open_crash_dialog", recorder)
    before = sys.excepthook
    seen: dict[str, object] = {}

    def fake_exec() -> int:  # instead of the event loop: one faulty click, then quit
        seen["hook"] = sys.excepthook
        faulty_button(qtbot).click()
        qtbot.waitUntil(lambda: bool(recorder.reports), timeout=5000)
        for widget in QApplication.topLevelWidgets():
            widget.close()
        return 0

    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec)
    assert app_module.run_app(settings) == 0
    assert getattr(seen["hook"], "__self__", None).__class__ is CrashHandler
    assert "ZeroDivisionError" in recorder.reports[0].details
    assert log_file(settings).exists()
    assert sys.excepthook is before


def test_a_bug_while_the_window_is_built_is_shown_before_walkapp_quits(
        qtbot, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from walkapp.services import open_services
    from walkapp.ui import app as app_module
    from walkapp.ui.dialogs import Asker

    open_services(settings).close()

    def broken_window(*args: object, **kwargs: object) -> None:
        raise AttributeError("the window could not be built")

    shown: list[CrashDialog] = []
    monkeypatch.setattr(app_module, "MainWindow", broken_window)
    monkeypatch.setattr(Asker, "run", lambda self, dialog: shown.append(dialog) or True)
    assert app_module.run_app(settings) == 70
    assert len(shown) == 1 and isinstance(shown[0], CrashDialog)
    assert "AttributeError: the window could not be built" in shown[0].report.details
    assert "the window could not be built" in log_file(settings).read_text()
    shown[0].deleteLater()
